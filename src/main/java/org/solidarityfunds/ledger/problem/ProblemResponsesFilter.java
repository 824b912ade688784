package org.solidarityfunds.ledger.problem;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Gives every error response of the OpenAPI document the problem+json body, and adds the
 * answers every operation can give (500; and 413 and 415 where a body is sent), so that
 * resources only declare the problems that are their own.
 */
public class ProblemResponsesFilter implements OASFilter {

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
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                response.getValue().setContent(problemContent());
            }
        }
        return operation;
    }

    private static void addIfAbsent(APIResponses responses, ProblemType type) {
        String status = Integer.toString(type.status());
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(type.slug()));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem")));
    }
}
