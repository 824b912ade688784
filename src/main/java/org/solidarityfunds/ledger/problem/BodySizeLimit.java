package org.solidarityfunds.ledger.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared body is larger than its limit with a problem, before
 * anything reads it: {@code ledger.http.body-size-max} (64 KiB) for every request but a
 * bank-statement import, which may send up to quarkus.http.limits.max-body-size (2 MiB).
 * Quarkus' own check of that larger limit still guards bodies sent without a length, and
 * answers 413 with no body.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** The one kind of request that may carry more than the ordinary limit. */
    static final Pattern IMPORT_PATH = Pattern.compile("/api/v1/funds/[^/]+/contributions/batch");

    private final long bodySizeMaxBytes;
    private final long importBodySizeMaxBytes;

    BodySizeLimit(@ConfigProperty(name = "ledger.http.body-size-max") MemorySize bodySizeMax,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize importBodySizeMax) {
        this.bodySizeMaxBytes = bodySizeMax.asLongValue();
        this.importBodySizeMaxBytes = importBodySizeMax.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long limit = IMPORT_PATH.matcher(context.request().path()).matches() ? importBodySizeMaxBytes
                    : bodySizeMaxBytes;
            if (length != null && isOver(length, limit)) {
                Problem problem = new Problem(ProblemType.PAYLOAD_TOO_LARGE.uri(), ProblemType.PAYLOAD_TOO_LARGE.title(),
                        413, "The request body may be at most " + limit + " bytes.",
                        context.request().path(), null);
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(Json.encode(problem));
                return;
            }
            context.next();
        });
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
