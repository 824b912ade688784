package org.solidarityfunds.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A request whose database session PostgreSQL ends while it is under way, as on a fast
 * shutdown, a failover or pg_terminate_backend (57P01): the table it reads is held locked, the
 * session waiting on it is ended, then the lock is let go.
 */
public final class EndedSession {

    /** Ends the sessions waiting on a lock whose statement is like the pattern, and says how many. */
    private static final String TERMINATE_WAITING = """
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
             WHERE wait_event_type = 'Lock' AND query LIKE ? AND pid <> pg_backend_pid()
            """;

    private EndedSession() {
    }

    /**
     * The answer to {@code request} once the session of its statement waiting on {@code table},
     * recognised by a fragment of its SQL ({@code LIKE} pattern), has been ended.
     */
    public static Response answerOf(String table, String waitingQuery, Supplier<Response> request) throws Exception {
        try (Connection superuser = TestDatabase.asSuperuser(); Statement sql = superuser.createStatement()) {
            superuser.setAutoCommit(false);
            sql.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
            CompletableFuture<Response> answer = CompletableFuture.supplyAsync(request);
            try (Connection watcher = TestDatabase.asSuperuser();
                    PreparedStatement terminate = watcher.prepareStatement(TERMINATE_WAITING)) {
                terminate.setString(1, waitingQuery);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (terminated(terminate) == 0) {
                    assertThat(System.nanoTime()).as("the request's statement waits on the lock").isLessThan(deadline);
                    Thread.sleep(10);
                }
            } finally {
                superuser.rollback();
            }
            return answer.get(30, TimeUnit.SECONDS);
        }
    }

    /** The answer the service gives when the database could not serve a request: 503, to be tried again. */
    public static void assertServiceUnavailable(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.jsonPath().getString("type")).endsWith("#service-unavailable");
    }

    private static int terminated(PreparedStatement terminate) throws SQLException {
        try (ResultSet rs = terminate.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
