package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.solidarityfunds.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.EndedSession;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestLedger;
import org.solidarityfunds.support.TestTokens;

/**
 * A balance read, now, at an instant or on a day, is one statement outside any transaction of the
 * service's: when PostgreSQL ends its session (a restart, a failover), the answer is the 503 of
 * every other request, and the next read, on another connection, is served.
 */
@QuarkusTest
class BalanceDatabaseFailureTest {

    private static final String AUDITOR = TestTokens.as("auditor-balance-failure", Roles.AUDITOR);

    private final TestLedger ledger;

    BalanceDatabaseFailureTest(TestLedger ledger) {
        this.ledger = ledger;
    }

    @Test
    void a_balance_read_whose_session_is_ended_answers_503_then_the_next_is_served() throws Exception {
        String fund = TestFunds.open("BALDB");
        ledger.contribution(fund, 250_00);

        EndedSession.assertServiceUnavailable(EndedSession.answerOf("ledger_account_balance",
                "%FROM fund_ledger l LEFT JOIN ledger_account_balance%",
                () -> as(AUDITOR).get("/api/v1/funds/{code}/balance", fund)));

        assertThat(as(AUDITOR).get("/api/v1/funds/{code}/balance", fund).then().statusCode(200).extract().jsonPath()
                .getLong("received.amountMinor")).isEqualTo(250_00);
    }

    @Test
    void a_balance_on_a_day_whose_session_is_ended_answers_503_then_the_next_is_served() throws Exception {
        String fund = TestFunds.open("BALDB");
        ledger.contribution(fund, 250_00); // dated 2020-08-20

        EndedSession.assertServiceUnavailable(EndedSession.answerOf("journal_line", "%LEFT JOIN LATERAL%",
                () -> as(AUDITOR).get("/api/v1/funds/{code}/balance?on=2020-12-31", fund)));

        assertThat(as(AUDITOR).get("/api/v1/funds/{code}/balance?on=2020-12-31", fund).then().statusCode(200)
                .extract().jsonPath().getLong("received.amountMinor")).isEqualTo(250_00);
    }

    @Test
    void a_balance_at_an_instant_whose_session_is_ended_answers_503_then_the_next_is_served() throws Exception {
        String fund = TestFunds.open("BALDB");
        String asOf = ledger.contribution(fund, 250_00).recordedAt().toString();

        EndedSession.assertServiceUnavailable(EndedSession.answerOf("ledger_totals",
                "%LEFT JOIN LATERAL (SELECT t.sequence, e.hash%",
                () -> as(AUDITOR).queryParam("asOf", asOf).get("/api/v1/funds/{code}/balance", fund)));

        assertThat(as(AUDITOR).queryParam("asOf", asOf).get("/api/v1/funds/{code}/balance", fund).then()
                .statusCode(200).extract().jsonPath().getLong("received.amountMinor")).isEqualTo(250_00);
    }
}
