package org.solidarityfunds.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The language switch: keeps the reader's choice in a cookie for a year, and goes back to the page. */
@Path(HomePage.ROOT)
@ConsolePage
@PermitAll
public class LanguageSwitch {

    public static final String PATH = HomePage.ROOT + "/language";
    private static final int KEPT_SECONDS = (int) Duration.ofDays(365).toSeconds();

    @GET
    @Path("language")
    @Operation(hidden = true)
    public Response choose(@QueryParam("to") String to, @QueryParam("back") String back) {
        Response.ResponseBuilder answer = Response.seeOther(URI.create(SafeReturn.of(back)));
        Language.of(to).ifPresent(language -> answer.cookie(new NewCookie.Builder(Language.COOKIE)
                .value(language.code()).path(HomePage.ROOT).httpOnly(true).secure(true)
                .sameSite(NewCookie.SameSite.LAX).maxAge(KEPT_SECONDS).build()));
        return answer.build();
    }
}
