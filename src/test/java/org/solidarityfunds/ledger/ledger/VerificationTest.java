package org.solidarityfunds.ledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.solidarityfunds.ledger.support.Api.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.ledger.support.TestDatabase;
import org.solidarityfunds.ledger.support.TestFunds;
import org.solidarityfunds.ledger.support.TestLedger;

/**
 * Tamper evidence: a superuser who switches the triggers off can change the journal, and
 * the verification then names the fund and the entry. Each test puts the data back, so
 * that the ledger is intact again for the others.
 */
@QuarkusTest
class VerificationTest {

    private final TestLedger ledger;

    VerificationTest(TestLedger ledger) {
        this.ledger = ledger;
    }

    @Test
    void an_untouched_ledger_verifies_with_each_funds_head_hash_and_count() {
        String fund = TestFunds.open("VERIFY");
        ledger.pledge(fund, 300_00);
        EntryView last = ledger.allocatedContribution(fund, 300_00);
        JsonPath report = verify();
        assertThat(report.getString("status")).isEqualTo("INTACT");
        assertThat(report.getString("firstBreak")).isNull();
        Map<String, Object> chain = chainOf(report, fund);
        assertThat(chain).containsEntry("status", "INTACT").containsEntry("entryCount", 2)
                .containsEntry("headHash", last.hash());
    }

    @Test
    void a_line_edited_behind_the_service_is_named_by_the_verification() throws SQLException {
        String fund = TestFunds.open("TAMPER");
        ledger.pledge(fund, 1_000_00);
        EntryView tampered = ledger.allocatedContribution(fund, 400_00);
        ledger.contribution(fund, 50_00);
        String edit = "UPDATE journal_line SET amount_minor = amount_minor %s 100 WHERE entry_id = '"
                + tampered.id() + "' AND line_no IN (1, 2)";
        asSuperuserWithoutTriggers(String.format(edit, "+"));
        try {
            JsonPath report = verify();
            assertThat(report.getString("status")).isEqualTo("BROKEN");
            assertThat(report.getString("firstBreak.fundCode")).isEqualTo(fund);
            assertThat(report.getString("firstBreak.entryId")).isEqualTo(tampered.id().toString());
            assertThat(report.getLong("firstBreak.sequence")).isEqualTo(2);
            assertThat(report.getString("firstBreak.reason")).isEqualTo("HASH_MISMATCH");
            assertThat(chainOf(report, fund)).containsEntry("status", "BROKEN").containsEntry("entryCount", 1);
        } finally {
            asSuperuserWithoutTriggers(String.format(edit, "-"));
        }
        assertThat(verify().getString("status")).isEqualTo("INTACT");
    }

    @Test
    void an_entry_removed_behind_the_service_is_detected() throws SQLException {
        String fund = TestFunds.open("REMOVED");
        ledger.contribution(fund, 10_00);
        EntryView removed = ledger.contribution(fund, 20_00);
        List<String> restore = List.of(
                "CREATE TEMP TABLE saved_entry AS SELECT * FROM journal_entry WHERE id = '" + removed.id() + "'",
                "CREATE TEMP TABLE saved_lines AS SELECT * FROM journal_line WHERE entry_id = '" + removed.id() + "'",
                "DELETE FROM journal_line WHERE entry_id = '" + removed.id() + "'",
                "DELETE FROM journal_entry WHERE id = '" + removed.id() + "'");
        try (Connection superuser = TestDatabase.asSuperuser(); Statement sql = superuser.createStatement()) {
            sql.execute("SET session_replication_role = replica");
            for (String statement : restore) {
                sql.execute(statement);
            }
            try {
                JsonPath report = verify();
                assertThat(report.getString("status")).isEqualTo("BROKEN");
                assertThat(report.getString("firstBreak.fundCode")).isEqualTo(fund);
                assertThat(report.getString("firstBreak.reason")).isEqualTo("HEAD_MISMATCH");
            } finally {
                sql.execute("INSERT INTO journal_entry SELECT * FROM saved_entry");
                sql.execute("INSERT INTO journal_line SELECT * FROM saved_lines");
            }
        }
        assertThat(verify().getString("status")).isEqualTo("INTACT");
    }

    @Test
    void a_maintained_balance_that_is_not_the_sum_of_its_lines_is_detected() throws SQLException {
        String fund = TestFunds.open("COOKED");
        ledger.contribution(fund, 10_00);
        long fundId = ledger.fundIdOf(fund);
        String cook = "UPDATE ledger_account_balance SET debit_total_minor = debit_total_minor %s 500, "
                + "credit_total_minor = credit_total_minor %s 500 WHERE fund_id = " + fundId + " AND account = 'BANK'";
        asSuperuserWithoutTriggers(String.format(cook, "+", "+"));
        try {
            JsonPath report = verify();
            assertThat(report.getString("status")).isEqualTo("BROKEN");
            assertThat(report.getString("firstBreak.fundCode")).isEqualTo(fund);
            assertThat(report.getString("firstBreak.reason")).isEqualTo("BALANCE_MISMATCH");
        } finally {
            asSuperuserWithoutTriggers(String.format(cook, "-", "-"));
        }
        assertThat(verify().getString("status")).isEqualTo("INTACT");
    }

    private static JsonPath verify() {
        return api().get("/api/v1/ledger/verification").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> chainOf(JsonPath report, String fund) {
        return report.getMap("funds.find { it.fundCode == '" + fund + "' }");
    }

    private static void asSuperuserWithoutTriggers(String statement) throws SQLException {
        try (Connection superuser = TestDatabase.asSuperuser(); Statement sql = superuser.createStatement()) {
            sql.execute("SET session_replication_role = replica");
            assertThat(sql.executeUpdate(statement)).isPositive();
        }
    }
}
