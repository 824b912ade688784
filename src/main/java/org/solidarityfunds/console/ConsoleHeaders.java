package org.solidarityfunds.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.solidarityfunds.access.SignInClaims;

/**
 * The headers of every console page. The Content-Security-Policy lets a page load scripts,
 * styles and images from the service itself only, run no inline script or style, and be
 * framed by no one, and send its forms to the service only, or to the identity provider where
 * users sign in (ADR 0012): a form's answer may lead there, to sign out or to sign in again once
 * the session has ended, and browsers apply form-action to those redirects. Pages may be kept in the browser's history but are revalidated before
 * reuse: going back to a form shows it as rendered, with its Idempotency-Key, so that sending
 * it again replays its answer instead of recording twice.
 */
@Provider
@ConsolePage
public class ConsoleHeaders implements ContainerResponseFilter {

    private final String contentSecurityPolicy;

    ConsoleHeaders(@ConfigProperty(name = "quarkus.oidc." + SignInClaims.TENANT + ".tenant-enabled", defaultValue = "true") boolean signInAtProvider,
            @ConfigProperty(name = "quarkus.oidc." + SignInClaims.TENANT + ".auth-server-url") Optional<URI> provider) {
        this.contentSecurityPolicy = contentSecurityPolicy(provider.filter(p -> signInAtProvider));
    }

    static String contentSecurityPolicy(Optional<URI> provider) {
        String formAction = provider.map(p -> "'self' " + p.getScheme() + "://" + p.getRawAuthority()).orElse("'self'");
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "form-action " + formAction + "; frame-ancestors 'none'; base-uri 'none'";
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        // A supporting document's download comes with stricter headers of its own (document/Downloads): kept.
        headers.putIfAbsent("Content-Security-Policy", java.util.List.of(contentSecurityPolicy));
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "same-origin");
        headers.putIfAbsent(HttpHeaders.CACHE_CONTROL, java.util.List.of("private, no-cache"));
    }
}
