package org.solidarityfunds.console;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * PRODUCTION ONLY. Signing in and out through the identity provider (ADR 0012), at the same
 * addresses as the dev build's sign-in page: the provider's code flow runs before any console
 * page (application.properties), so a request that reaches {@code login} is signed in and only
 * goes on to the page it was for. Signing out ({@code /console/logout}) is the OIDC tenant's own,
 * and ends at {@code signed-out}, which anyone may see.
 */
@IfBuildProfile("prod")
@Path(HomePage.ROOT)
@Produces(MediaType.TEXT_HTML)
@ConsolePage
@PermitAll
public class ProviderSignIn {

    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance signedOut(Screen screen);
    }

    private final Screen screen;

    ProviderSignIn(Screen screen) {
        this.screen = screen;
    }

    @GET
    @Path("login")
    @Operation(hidden = true)
    public Response signedIn(@QueryParam("next") String next) {
        return Response.seeOther(URI.create(SafeReturn.of(next))).build();
    }

    @GET
    @Path("signed-out")
    @Operation(hidden = true)
    public TemplateInstance signedOut() {
        return screen.render(Templates.signedOut(screen));
    }
}
