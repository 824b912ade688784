package org.solidarityfunds.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * docs/reference/problems.md, the page every problem's {@code type} points to, is served as a
 * static file (the build copies it under META-INF/resources). The static files handler knows no
 * media type for ".md" and would send it without a Content-Type, so that browsers download it
 * and clients guess; it is Markdown in UTF-8, and says so.
 */
@ApplicationScoped
class ProblemTypesPage {

    static final String PATH = "/docs/reference/problems.md";
    static final String MEDIA_TYPE = "text/markdown; charset=utf-8";

    void install(@Observes Router router) {
        for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD}) {
            router.route(method, PATH).order(Integer.MIN_VALUE + 1).handler(context -> {
                context.response().putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE);
                context.next();
            });
        }
    }
}
