package org.solidarityfunds.persistence;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceMetrics;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Gives the requests waiting for a database connection one as soon as the database is back
 * after a restart or a failover. When the pool cannot open a connection, Agroal makes the
 * request wait up to a second before it tries once more, and makes the requests that arrive
 * meanwhile wait behind it, up to a second too, instead of trying: under load the first
 * success came up to a second after the database's return (.ci/database-failure-test measured
 * 0.8 to 0.9 s). So while requests wait although the pool has room (the database away, not a
 * pool exhausted by busy connections; see {@link #databaseSeemsAway}), this opens a connection
 * every {@value #PROBE_EVERY_MS} ms. While the database is away that fails at once and costs
 * nothing; once it answers, the pool hands the new connection to a waiting request, and opens
 * one for each other waiting.
 * It needs the pool's metrics (quarkus.datasource.metrics.enabled), which count the waiting.
 */
@Startup
@ApplicationScoped
public class PoolRecovery {

    /** Limit: how late, at most, the first request after the database's return gets its connection. */
    static final long PROBE_EVERY_MS = 50;
    private static final Logger LOG = Logger.getLogger(PoolRecovery.class);

    private final AgroalDataSource dataSource;
    private final ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ledger-pool-recovery");
        thread.setDaemon(true);
        return thread;
    });

    PoolRecovery(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        probes.scheduleWithFixedDelay(this::probe, PROBE_EVERY_MS, PROBE_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    void probe() {
        try {
            AgroalDataSourceMetrics pool = dataSource.getMetrics();
            if (databaseSeemsAway(pool.awaitingCount(), pool.activeCount(), pool.availableCount(),
                    dataSource.getConfiguration().connectionPoolConfiguration().maxSize())) {
                dataSource.isHealthy(true);
            }
        } catch (SQLException | RuntimeException stillAway) {
            // The requests waiting get their own answer (503); the next probe tries again.
            LOG.debugf("The database is still out of reach: %s", stillAway.getMessage());
        }
    }

    /**
     * Whether requests wait for a connection while the pool holds fewer than it may: it lost
     * them to the database's absence (a connection that fails its check on borrowing, or its
     * work, leaves the pool). A pool full of connections, busy or being handed from one request
     * to the next (Agroal counts one busy only once the next request has taken and checked it),
     * is a busy database, which a new connection would not help. Counting only the busy ones, as
     * this once did, opened a connection at hand-overs under load: 115 to 142 in 20 s at 32
     * clients, each a PostgreSQL backend started and authenticated for nothing (issue #20). A
     * connection whose check hangs (a failover that leaves its socket silent) counts as held
     * until the check's timeout (quarkus.datasource.jdbc.validation-query-timeout) drops it.
     */
    static boolean databaseSeemsAway(long awaiting, long active, long available, int maxSize) {
        return awaiting > 0 && active + available < maxSize;
    }

    @PreDestroy
    void stop() {
        probes.shutdownNow();
    }
}
