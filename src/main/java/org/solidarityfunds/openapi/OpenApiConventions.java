package org.solidarityfunds.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.solidarityfunds.common.Text;
import org.solidarityfunds.idempotency.Idempotency;
import org.solidarityfunds.observability.RequestContext;
import org.solidarityfunds.problem.Problem;
import org.solidarityfunds.problem.ProblemType;

/**
 * What every operation of the OpenAPI document says the same way, so that resources only
 * declare what is their own, and the contract lists every status and header the service
 * answers: every error response has the problem+json body; every operation lists the
 * problems any request can get (400 for a query parameter the service refuses, 401 and 403,
 * 406 for an Accept it cannot serve, 500, and 503 with Retry-After when the database is out
 * of reach, with 413 and 415 where it takes a body), each response's description naming its
 * problems; 401 carries WWW-Authenticate; the roles an operation admits are written in its
 * description, since a bearer scheme's requirement carries no scopes in OpenAPI 3.0; the
 * Idempotency-Key header is documented alike wherever it is read, with the
 * Idempotency-Replayed header of its answers; and every answer carries X-Request-Id.
 */
public class OpenApiConventions implements OASFilter {

    /** The Location of a resource a POST created, for the operations that declare it. */
    public static final String LOCATION_HEADER = "Location";
    private static final String REQUEST_ID_HEADER = "RequestId";
    private static final String RETRY_AFTER_HEADER = "RetryAfter";
    private static final String REPLAYED_HEADER = "IdempotencyReplayed";
    private static final String AUTHENTICATE_HEADER = "WwwAuthenticate";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return operation;
        }
        if (operation.getRequestBody() != null) {
            mention(responses, ProblemType.MALFORMED_REQUEST);
            mention(responses, ProblemType.PAYLOAD_TOO_LARGE);
            mention(responses, ProblemType.UNSUPPORTED_MEDIA_TYPE);
        }
        // Every query parameter is checked before the operation runs (RequestTextChecks).
        mention(responses, ProblemType.VALIDATION_FAILED);
        mention(responses, ProblemType.UNAUTHENTICATED);
        mention(responses, ProblemType.FORBIDDEN);
        mention(responses, ProblemType.NOT_ACCEPTABLE);
        mention(responses, ProblemType.INTERNAL_ERROR);
        mention(responses, ProblemType.SERVICE_UNAVAILABLE);
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                response.getValue().setContent(problemContent());
            }
        }
        for (APIResponse response : responses.getAPIResponses().values()) {
            response.addHeader(RequestContext.HEADER, OASFactory.createHeader().ref(REQUEST_ID_HEADER));
        }
        responses.getAPIResponse(Integer.toString(ProblemType.SERVICE_UNAVAILABLE.status()))
                .addHeader("Retry-After", OASFactory.createHeader().ref(RETRY_AFTER_HEADER));
        responses.getAPIResponse(Integer.toString(ProblemType.UNAUTHENTICATED.status()))
                .addHeader("WWW-Authenticate", OASFactory.createHeader().ref(AUTHENTICATE_HEADER));
        moveRolesToDescription(operation);
        if (describeIdempotencyKey(operation)) {
            responses.getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeader(Idempotency.REPLAYED_HEADER, OASFactory.createHeader().ref(REPLAYED_HEADER));
                }
            });
        }
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
        openAPI.getComponents().addHeader(LOCATION_HEADER, OASFactory.createHeader()
                .description("The address of what the request created, to read it again.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .example("http://localhost:8080/api/v1/pledges/3f1d6c2a-9b0e-4c8d-a1f2-5e6b7c8d9e0f"));
        openAPI.getComponents().addHeader(RETRY_AFTER_HEADER, OASFactory.createHeader()
                .description("How many seconds to wait before sending the request again (with the same "
                        + "Idempotency-Key where it took one): nothing was done.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ONE)
                        .maximum(BigDecimal.valueOf(3600)))
                .example(5));
        openAPI.getComponents().addHeader(REPLAYED_HEADER, OASFactory.createHeader()
                .description("`true` when this answer is the one recorded for an earlier request with the same "
                        + "Idempotency-Key, sent again without doing anything; absent on the first answer.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("true"))
                .example("true"));
        openAPI.getComponents().addHeader(AUTHENTICATE_HEADER, OASFactory.createHeader()
                .description("The authentication scheme the service expects: `Bearer`.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("Bearer"))
                .example("Bearer"));
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

    /**
     * Every operation that reads an Idempotency-Key requires it, and says the same of it;
     * answers whether this one does.
     */
    private static boolean describeIdempotencyKey(Operation operation) {
        if (operation.getParameters() == null) {
            return false;
        }
        boolean reads = false;
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() == Parameter.In.HEADER && Idempotency.HEADER.equals(parameter.getName())) {
                parameter.required(true).description(Idempotency.DESCRIPTION)
                        .example("5b0f7a3e-6f1e-4c59-9d7c-2f4b3c8e1a90")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1)
                                .maxLength(Idempotency.KEY_LENGTH_MAX));
                reads = true;
            }
        }
        return reads;
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

    /**
     * The response of the problem's status lists the problem by name: added if the operation
     * did not declare that status; named first in its description if that names other
     * problems; the description if it named none (as the "Not Authorized" of the framework).
     */
    private static void mention(APIResponses responses, ProblemType type) {
        String status = Integer.toString(type.status());
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(type.slug()));
            return;
        }
        List<String> words = response.getDescription() == null ? List.of()
                : Arrays.asList(response.getDescription().split("[ ,()]+"));
        if (words.stream().noneMatch(ProblemType::isSlug)) {
            response.setDescription(type.slug());
        } else if (!words.contains(type.slug())) {
            response.setDescription(type.slug() + ", " + response.getDescription());
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem")));
    }
}
