package org.solidarityfunds.ledger.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.solidarityfunds.ledger.idempotency.Idempotency;
import org.solidarityfunds.ledger.observability.RequestContext;
import org.solidarityfunds.ledger.problem.Problem;
import org.solidarityfunds.ledger.problem.ProblemType;

/**
 * What every operation of the OpenAPI document says the same way, so that resources only
 * declare what is their own: every error response has the problem+json body; every
 * operation lists 500, and 413 and 415 where it takes a body; 401 and 403 are named by their
 * problem; the roles an operation admits are written in its description, since a bearer
 * scheme's requirement carries no scopes in OpenAPI 3.0; the Idempotency-Key header is
 * documented alike wherever it is read; and every answer carries X-Request-Id.
 */
public class OpenApiConventions implements OASFilter {

    private static final String REQUEST_ID_HEADER = "RequestId";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return operation;
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, ProblemType.PAYLOAD_TOO_LARGE);
            addIfAbsent(responses, ProblemType.UNSUPPORTED_MEDIA_TYPE);
        }
        addIfAbsent(responses, ProblemType.INTERNAL_ERROR);
        name(responses, ProblemType.UNAUTHENTICATED);
        name(responses, ProblemType.FORBIDDEN);
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                response.getValue().setContent(problemContent());
            }
        }
        for (APIResponse response : responses.getAPIResponses().values()) {
            response.addHeader(RequestContext.HEADER, OASFactory.createHeader().ref(REQUEST_ID_HEADER));
        }
        moveRolesToDescription(operation);
        describeIdempotencyKey(operation);
        return operation;
    }

    /**
     * The X-Request-Id header that every answer carries, described once; and on every text
     * field a request may carry (a string with a maxLength, and no pattern, format or enum of
     * its own) the pattern the service applies to them all ({@link Text#VISIBLE}).
     */
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(OpenApiConventions::requireVisibleText);
        }
        openAPI.getComponents().addHeader(REQUEST_ID_HEADER, OASFactory.createHeader()
                .description("The request's id, for support and the logs: the X-Request-Id the request carried when "
                        + "it is 1 to 64 letters, digits or ._:-, else one made by the service.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(64))
                .example("0b7c5b0e-6f7e-4a3e-9d0c-2f1f3c1d9a55"));
    }

    private static void requireVisibleText(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        for (Schema property : schema.getProperties().values()) {
            if (property.getType() != null && property.getType().contains(Schema.SchemaType.STRING)
                    && property.getMaxLength() != null && property.getPattern() == null && property.getFormat() == null
                    && property.getEnumeration() == null) {
                property.setPattern(Text.VISIBLE);
            }
        }
    }

    /** Every operation that reads an Idempotency-Key requires it, and says the same of it. */
    private static void describeIdempotencyKey(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() == Parameter.In.HEADER && Idempotency.HEADER.equals(parameter.getName())) {
                parameter.required(true).description(Idempotency.DESCRIPTION)
                        .example("5b0f7a3e-6f1e-4c59-9d7c-2f4b3c8e1a90")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1)
                                .maxLength(Idempotency.KEY_LENGTH_MAX));
            }
        }
    }

    private static void moveRolesToDescription(Operation operation) {
        if (operation.getSecurity() == null) {
            return;
        }
        List<String> roles = new ArrayList<>();
        List<SecurityRequirement> requirements = new ArrayList<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            SecurityRequirement withoutScopes = OASFactory.createSecurityRequirement();
            requirement.getSchemes().forEach((scheme, scopes) -> {
                roles.addAll(scopes);
                withoutScopes.addScheme(scheme);
            });
            requirements.add(withoutScopes);
        }
        operation.setSecurity(requirements);
        if (!roles.isEmpty()) {
            String description = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
            operation.setDescription(description + "Roles: " + String.join(", ", roles) + ".");
        }
    }

    private static void addIfAbsent(APIResponses responses, ProblemType type) {
        String status = Integer.toString(type.status());
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(type.slug()));
        }
    }

    private static void name(APIResponses responses, ProblemType type) {
        APIResponse response = responses.getAPIResponse(Integer.toString(type.status()));
        if (response != null) {
            response.setDescription(type.slug());
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem")));
    }
}
