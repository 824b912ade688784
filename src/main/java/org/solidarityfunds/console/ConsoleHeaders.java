package org.solidarityfunds.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * The headers of every console page. The Content-Security-Policy lets a page load scripts,
 * styles and images from the service itself only, run no inline script or style, and be
 * framed by no one. Pages may be kept in the browser's history but are revalidated before
 * reuse: going back to a form shows it as rendered, with its Idempotency-Key, so that sending
 * it again replays its answer instead of recording twice.
 */
@Provider
@ConsolePage
public class ConsoleHeaders implements ContainerResponseFilter {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "same-origin");
        headers.putSingle(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    }
}
