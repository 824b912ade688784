package org.solidarityfunds.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.solidarityfunds.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.EndedSession;
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
        EndedSession.assertServiceUnavailable(response);
    }

    @Test
    void a_json_statement_whose_session_is_ended_before_its_lines_answers_503_not_a_closed_object() throws Exception {
        String fund = TestFunds.open("STMTDB");
        ledger.contribution(fund, 100_00);
        Response response = statementWhileItsSessionIsEnded(fund, "application/json");
        EndedSession.assertServiceUnavailable(response);
    }

    @Test
    void the_same_statement_is_served_whole_once_the_database_is_back() throws Exception {
        String fund = TestFunds.open("STMTDB");
        ledger.contribution(fund, 100_00);
        EndedSession.assertServiceUnavailable(statementWhileItsSessionIsEnded(fund, "text/csv"));
        String csv = as(AUDITOR).accept("text/csv").get("/api/v1/funds/{code}/statement", fund).then().statusCode(200)
                .extract().asString();
        assertThat(csv.split("\r\n")).as("the header and the contribution's two lines").hasSize(3);
    }

    /** The journal's lines held locked, so that the statement's session waits on them after its opening balances. */
    private static Response statementWhileItsSessionIsEnded(String fund, String mediaType) throws Exception {
        return EndedSession.answerOf("journal_line", "%FROM journal_entry e JOIN journal_line%",
                () -> as(AUDITOR).accept(mediaType).get("/api/v1/funds/{code}/statement", fund));
    }
}
