package org.solidarityfunds.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.solidarityfunds.console.ConsoleErrors;
import org.solidarityfunds.console.ConsolePage;
import org.solidarityfunds.console.FormGuard;
import org.solidarityfunds.console.HomePage;
import org.solidarityfunds.console.Screen;
import org.solidarityfunds.console.SafeReturn;

/**
 * DEV AND TEST ONLY. The console's sign-in page in dev mode: one button per demo account
 * ({@link DemoUser}), which starts a session ({@link DevConsoleSession}) for a working day.
 * The class does not exist in a production build, where the identity provider signs users in.
 */
@IfBuildProfile(anyOf = {"dev", "test"})
@Path(HomePage.ROOT)
@Produces(MediaType.TEXT_HTML)
@ConsolePage
@PermitAll
public class DevSignIn {

    static final Duration SESSION_LIFETIME = Duration.ofHours(8);

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance login(Screen screen, List<DemoUser> users, String next);
    }

    private final DevTokens tokens;
    private final Screen screen;
    private final FormGuard forms;

    DevSignIn(DevTokens tokens, Screen screen, FormGuard forms) {
        this.tokens = tokens;
        this.screen = screen;
        this.forms = forms;
    }

    @GET
    @Path("login")
    @Operation(hidden = true)
    public TemplateInstance page(@QueryParam("next") String next) {
        return screen.render(Templates.login(screen, List.of(DemoUser.values()), SafeReturn.of(next)));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signIn(@FormParam(FormGuard.FIELD) String csrf, @FormParam("user") String subject,
            @FormParam("next") String next) {
        forms.verify(csrf);
        DemoUser user = DemoUser.withSubject(subject).orElse(null);
        if (user == null) {
            return Response.seeOther(URI.create(ConsoleErrors.SIGN_IN)).build();
        }
        DevTokens.Minted minted = tokens.mint(user.subject(), Set.of(user.role()), null, SESSION_LIFETIME);
        return Response.seeOther(URI.create(SafeReturn.of(next)))
                .cookie(session(minted.token(), (int) SESSION_LIFETIME.toSeconds())).build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signOut(@FormParam(FormGuard.FIELD) String csrf) {
        forms.verify(csrf);
        return Response.seeOther(URI.create(ConsoleErrors.SIGN_IN)).cookie(session("", 0)).build();
    }

    private static NewCookie session(String token, int maxAgeSeconds) {
        return new NewCookie.Builder(DevConsoleSession.COOKIE).value(token).path(HomePage.ROOT)
                .httpOnly(true).secure(true).sameSite(NewCookie.SameSite.STRICT).maxAge(maxAgeSeconds).build();
    }
}
