package org.solidarityfunds.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.solidarityfunds.problem.Problem;
import org.solidarityfunds.problem.ProblemType;

/**
 * A console page's problem, answered as a page in the reader's language: never JSON, never
 * a stack trace. The problem mappers have already chosen the status and logged what needed
 * logging; this only changes the wording. Not signed in: to the sign-in page, then back.
 * Forbidden by role and not found answer alike, so that a page does not tell a user what
 * exists outside what they may see.
 */
@Provider
@ConsolePage
public class ConsoleErrors implements ContainerResponseFilter {

    /** Where a user who is not signed in is sent, with the page they asked for as {@code next}. */
    public static final String SIGN_IN = HomePage.ROOT + "/login";

    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance notFound(Screen screen);

        static native TemplateInstance error(Screen screen, ProblemType type);
    }

    private final Screen screen;

    ConsoleErrors(Screen screen) {
        this.screen = screen;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem)) {
            return;
        }
        int status = response.getStatus();
        if (status == Response.Status.UNAUTHORIZED.getStatusCode()) {
            response.setStatus(Response.Status.SEE_OTHER.getStatusCode());
            response.getHeaders().remove(HttpHeaders.WWW_AUTHENTICATE);
            response.getHeaders().putSingle(HttpHeaders.LOCATION,
                    URI.create(SIGN_IN + "?next=" + URLEncoder.encode(screen.here(), StandardCharsets.UTF_8)));
            response.setEntity(null);
            return;
        }
        boolean hidden = status == Response.Status.FORBIDDEN.getStatusCode()
                || status == Response.Status.NOT_FOUND.getStatusCode();
        TemplateInstance page = hidden ? Templates.notFound(screen) : Templates.error(screen, typeOf(problem));
        response.setStatus(hidden ? Response.Status.NOT_FOUND.getStatusCode() : status);
        response.setEntity(screen.render(page).render(), new Annotation[0],
                MediaType.TEXT_HTML_TYPE.withCharset(StandardCharsets.UTF_8.name()));
    }

    private static ProblemType typeOf(Problem problem) {
        String type = problem.type() == null ? "" : problem.type().toString();
        return Arrays.stream(ProblemType.values()).filter(t -> t.uri().toString().equals(type)).findFirst()
                .orElse(ProblemType.INTERNAL_ERROR);
    }
}
