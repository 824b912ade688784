package org.solidarityfunds.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.solidarityfunds.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestLedger;
import org.solidarityfunds.support.TestTokens;

/**
 * A statement whose database session ends before its first line is written (a restart, a
 * failover, pg_terminate_backend) answers 503 with Retry-After, never a 200 statement that
 * just stops: a CSV has no end marker, and a header alone would read as a period without
 * movements. (Once lines have gone, the transfer is cut instead: .ci/database-failure-test.)
 */
@QuarkusTest
class StatementDatabaseFailureTest {

    private static final String AUDITOR = TestTokens.as("auditor-statement-failure", Roles.AUDITOR);

    private final TestLedger ledger;

    StatementDatabaseFailureTest(TestLedger ledger) {
        this.ledger = ledger;
    }

    @Test
    void a_csv_statement_whose_session_is_ended_before_its_lines_answers_503_not_a_header_alone() throws Exception {
        String fund = TestFunds.open("STMTDB");
        ledger.contribution(fund, 100_00);
        Response response = statementWhileItsSessionIsEnded(fund, "text/csv");
        assertServiceUnavailable(response);
    }

    @Test
    void a_json_statement_whose_session_is_ended_before_its_lines_answers_503_not_a_closed_object() throws Exception {
        String fund = TestFunds.open("STMTDB");
        ledger.contribution(fund, 100_00);
        Response response = statementWhileItsSessionIsEnded(fund, "application/json");
        assertServiceUnavailable(response);
    }

    @Test
    void the_same_statement_is_served_whole_once_the_database_is_back() throws Exception {
        String fund = TestFunds.open("STMTDB");
        ledger.contribution(fund, 100_00);
        assertServiceUnavailable(statementWhileItsSessionIsEnded(fund, "text/csv"));
        String csv = as(AUDITOR).accept("text/csv").get("/api/v1/funds/{code}/statement", fund).then().statusCode(200)
                .extract().asString();
        assertThat(csv.split("\r\n")).as("the header and the contribution's two lines").hasSize(3);
    }

    private static void assertServiceUnavailable(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.jsonPath().getString("type")).endsWith("#service-unavailable");
    }

    /**
     * Holds the journal's lines locked, so that the statement's session waits on them after its
     * opening balances, ends that session as PostgreSQL does on a fast shutdown (57P01), and
     * lets go: the statement's answer.
     */
    private static Response statementWhileItsSessionIsEnded(String fund, String mediaType) throws Exception {
        try (Connection superuser = TestDatabase.asSuperuser(); Statement sql = superuser.createStatement()) {
            superuser.setAutoCommit(false);
            sql.execute("LOCK TABLE journal_line IN ACCESS EXCLUSIVE MODE");
            CompletableFuture<Response> statement = CompletableFuture.supplyAsync(() -> as(AUDITOR)
                    .accept(mediaType).get("/api/v1/funds/{code}/statement", fund));
            try (Connection watcher = TestDatabase.asSuperuser(); Statement watch = watcher.createStatement()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (terminateWaitingStatement(watch) == 0) {
                    assertThat(System.nanoTime()).as("the statement waits on the lock").isLessThan(deadline);
                    Thread.sleep(10);
                }
            } finally {
                superuser.rollback();
            }
            return statement.get(30, TimeUnit.SECONDS);
        }
    }

    private static int terminateWaitingStatement(Statement watch) throws SQLException {
        try (ResultSet ended = watch.executeQuery("""
                SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                 WHERE wait_event_type = 'Lock' AND query LIKE '%FROM journal_entry e JOIN journal_line%'
                   AND pid <> pg_backend_pid()
                """)) {
            ended.next();
            return ended.getInt(1);
        }
    }
}
