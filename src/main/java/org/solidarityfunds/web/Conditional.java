package org.solidarityfunds.web;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * Conditional GETs for what partners poll: an ETag on each answer, and 304 Not Modified when
 * the request's If-None-Match already names it. A tag is derived from what identifies the
 * state (a fund's head hash, an entry's hash), never from the serialized body. Answers depend
 * on the caller's token, so shared caches must not keep them, and clients revalidate each time.
 */
public final class Conditional {

    public static final String DESCRIPTION_304 = "Not modified: If-None-Match names the current ETag";
    private static final CacheControl PRIVATE_REVALIDATE = CacheControl.valueOf("private, no-cache");

    private Conditional() {
    }

    /** 200 with the body and its tag, or 304 with only the tag when the client has it already. */
    public static Response ok(Request request, String tag, Object body) {
        EntityTag entityTag = new EntityTag(tag);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(entityTag);
        Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(body);
        return answer.tag(entityTag).cacheControl(PRIVATE_REVALIDATE).build();
    }
}
