package org.solidarityfunds.web;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.solidarityfunds.problem.Problem;
import org.solidarityfunds.problem.ProblemType;

/**
 * The last step of a graceful shutdown (docs/operating/deploy.md). On SIGTERM, readiness
 * answers DOWN while requests are still served for {@code quarkus.shutdown.delay}, so that
 * load balancers move away; then Quarkus waits for the requests in flight. But Quarkus goes
 * on accepting new requests meanwhile, each one making the wait longer, and a request that
 * arrives after the wait finds an application that is stopping, and gets a reset or a 500.
 * So once the delay has run out, a new API request is answered 503 here, before anything
 * reads it: nothing is done, and the client sends it again elsewhere, with the same
 * Idempotency-Key. The requests in flight are not affected. This handler needs nothing of
 * the application, which may already be gone.
 */
@ApplicationScoped
public class ShutdownGate {

    private final Duration delay;
    /** When new requests stop being served, in System.nanoTime(); none until shutdown begins. */
    private volatile long closesAtNanos;
    private volatile boolean closing;

    ShutdownGate(@ConfigProperty(name = "quarkus.shutdown.delay") Optional<Duration> delay) {
        this.delay = delay.orElse(Duration.ZERO);
    }

    void delayBegins(@Observes ShutdownDelayInitiatedEvent event) {
        close(System.nanoTime() + delay.toNanos());
    }

    /** The application stops: without a delay, or if the delay's event did not come, at once. */
    void applicationStops(@Observes ShutdownEvent event) {
        close(System.nanoTime());
    }

    private synchronized void close(long atNanos) {
        if (!closing || atNanos - closesAtNanos < 0) {
            closesAtNanos = atNanos;
            closing = true;
        }
    }

    void install(@Observes Router router) {
        String refusal = Json.encode(new Problem(ProblemType.SERVICE_UNAVAILABLE.uri(),
                ProblemType.SERVICE_UNAVAILABLE.title(), ProblemType.SERVICE_UNAVAILABLE.status(),
                "This instance is shutting down and did nothing with the request: send it again, with the same "
                        + "Idempotency-Key.", null, null));
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(context -> {
            if (closing && System.nanoTime() - closesAtNanos >= 0) {
                context.response().setStatusCode(ProblemType.SERVICE_UNAVAILABLE.status())
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader("Retry-After", "1")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(refusal);
                return;
            }
            context.next();
        });
    }
}
