package org.solidarityfunds.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.idempotency.Answer;
import org.solidarityfunds.idempotency.Idempotency;

/**
 * The HTTP side of a command that moves money: the request its service receives, and its
 * answer as HTTP, built after the service's transaction committed.
 */
public final class Commands {

    private Commands() {
    }

    /** A POST of the current caller to the current path, with this Idempotency-Key and body. */
    public static Idempotency.Request post(Caller caller, String key, UriInfo uri, Object body) {
        return Idempotency.Request.post(caller.subject(), key, uri.getPath(), body);
    }

    public static Response response(Answer<?> answer, UriInfo uri) {
        Response.ResponseBuilder response = Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(answer.json());
        if (answer.location() != null) {
            // Resolving keeps an absolute location (stored so before locations were relative) as it is.
            response.location(uri.getBaseUri().resolve(answer.location()));
        }
        if (answer.replayed()) {
            response.header(Idempotency.REPLAYED_HEADER, "true");
        }
        return response.build();
    }
}
