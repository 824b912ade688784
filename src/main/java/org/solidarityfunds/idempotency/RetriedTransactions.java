package org.solidarityfunds.idempotency;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.solidarityfunds.problem.DatabaseFailures;

/**
 * Runs work in a transaction of its own, and runs it again when PostgreSQL gave up on it for
 * a reason that a second attempt can clear: a serialization failure (40001) or a deadlock
 * (40P01). The locks of ADR 0002 make both rare; when they happen anyway, the caller sees the
 * outcome of a clean attempt instead of an error (ADR 0005). After the last attempt the failure
 * goes through (answered 503 with Retry-After).
 */
@ApplicationScoped
public class RetriedTransactions {

    /** Limit: attempts of one piece of work, the first included. */
    public static final int ATTEMPTS_MAX = 4;
    private static final long BACKOFF_MILLIS_BASE = 5;
    private static final Logger LOG = Logger.getLogger(RetriedTransactions.class);

    private final Counter retries;

    RetriedTransactions(MeterRegistry registry) {
        this.retries = Counter.builder("ledger.transaction.retries")
                .description("Transactions run again after a serialization failure or a deadlock")
                .register(registry);
    }

    public <T> T run(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work::get);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS_MAX || !DatabaseFailures.isRetryable(e)) {
                    throw e;
                }
                retries.increment();
                LOG.debugf("Attempt %d failed with a retryable database error; running it again", attempt);
                pause(attempt);
            }
        }
    }

    /** Exponential back-off with full jitter, so that the transactions that collided do not collide again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(BACKOFF_MILLIS_BASE << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between two attempts", e);
        }
    }
}
