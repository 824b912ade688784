package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.solidarityfunds.support.Api.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.support.TestClock;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestLedger;

/**
 * Tamper evidence: a superuser who switches the triggers off can change the journal, and
 * the verification then names the fund and the entry. Each test puts the data back, so
 * that the ledger is intact again for the others.
 */
@QuarkusTest
class VerificationTest {

    private final TestLedger ledger;
    private final TestClock clock;

    VerificationTest(TestLedger ledger, TestClock clock) {
        this.ledger = ledger;
        this.clock = clock;
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

    @Test
    void doctored_totals_of_a_past_instant_are_caught() throws SQLException {
        String fund = TestFunds.open("TOTALS");
        EntryView first = ledger.contribution(fund, 10_00);
        ledger.contribution(fund, 5_00);
        long fundId = ledger.fundIdOf(fund);
        String cook = "UPDATE ledger_totals SET bank_debit_minor = bank_debit_minor %s 1 WHERE fund_id = " + fundId
                + " AND sequence = 1";
        try (Connection superuser = TestDatabase.asSuperuser(); Statement sql = superuser.createStatement()) {
            sql.execute("SET session_replication_role = replica");
            sql.execute(String.format(cook, "+"));
            try {
                JsonPath report = verify();
                assertThat(report.getString("status")).isEqualTo("BROKEN");
                assertThat(report.getString("firstBreak.fundCode")).isEqualTo(fund);
                assertThat(report.getString("firstBreak.entryId")).isEqualTo(first.id().toString());
                assertThat(report.getString("firstBreak.reason")).isEqualTo("TOTALS_MISMATCH");
            } finally {
                sql.execute(String.format(cook, "-"));
            }
        }
        assertThat(verify().getString("status")).isEqualTo("INTACT");
    }

    @Test
    void an_entry_forged_with_a_consistent_chain_still_cannot_break_the_charts_identities_unseen() throws SQLException {
        String fund = TestFunds.open("FORGED");
        EntryView last = ledger.contribution(fund, 10_00);
        long fundId = ledger.fundIdOf(fund);
        // Money appearing in the bank against the pledges' mirror account: balanced, hashed and
        // chained like a real entry, with the head and the totals kept in step.
        JournalEntry forged = new JournalEntry();
        forged.id = java.util.UUID.randomUUID();
        forged.fundId = fundId;
        forged.sequence = 2;
        forged.kind = EntryKind.CONTRIBUTION_RECEIVED;
        forged.memo = "forged";
        forged.effectiveDate = java.time.LocalDate.of(2020, 8, 21);
        forged.recordedAt = clock.instant();
        forged.recordedBy = "forger";
        forged.previousHash = java.util.HexFormat.of().parseHex(last.hash());
        List<JournalLine> lines = List.of(line(forged, 1, Account.BANK, Side.DEBIT), line(forged, 2,
                Account.PLEDGES_TO_RECEIVE, Side.CREDIT));
        forged.hash = EntryHash.compute(forged.previousHash, LedgerService.contentOf(forged, fund, lines));
        String hash = "decode('" + EntryHash.hex(forged.hash) + "', 'hex')";
        String[] forge = {
                "INSERT INTO journal_entry (id, fund_id, sequence, kind, memo, effective_date, recorded_at, recorded_by, "
                        + "previous_hash, hash) VALUES ('" + forged.id + "', " + fundId + ", 2, 'CONTRIBUTION_RECEIVED', "
                        + "'forged', '2020-08-21', '" + forged.recordedAt + "', 'forger', decode('" + last.hash()
                        + "', 'hex'), " + hash + ")",
                "INSERT INTO journal_line (entry_id, line_no, account, side, amount_minor, currency) VALUES ('"
                        + forged.id + "', 1, 'BANK', 'D', 100, 'EUR'), ('" + forged.id
                        + "', 2, 'PLEDGES_TO_RECEIVE', 'C', 100, 'EUR')",
                "INSERT INTO ledger_totals VALUES (" + fundId + ", 2, '" + forged.recordedAt + "', 1100, 0, 0, 0, 0, 100, "
                        + "0, 1000, 0, 0)",
                "UPDATE fund_ledger SET entry_count = 2, head_hash = " + hash + " WHERE fund_id = " + fundId,
                "UPDATE ledger_account_balance SET debit_total_minor = debit_total_minor + 100 WHERE fund_id = "
                        + fundId + " AND account = 'BANK'",
                "UPDATE ledger_account_balance SET credit_total_minor = credit_total_minor + 100 WHERE fund_id = "
                        + fundId + " AND account = 'PLEDGES_TO_RECEIVE'"};
        try (Connection superuser = TestDatabase.asSuperuser(); Statement sql = superuser.createStatement()) {
            sql.execute("SET session_replication_role = replica");
            for (String statement : forge) {
                sql.execute(statement);
            }
            try {
                JsonPath report = verify();
                assertThat(report.getString("firstBreak.fundCode")).isEqualTo(fund);
                assertThat(report.getString("firstBreak.reason")).isEqualTo("IDENTITY_BROKEN");
            } finally {
                sql.execute("DELETE FROM ledger_totals WHERE fund_id = " + fundId + " AND sequence = 2");
                sql.execute("DELETE FROM journal_line WHERE entry_id = '" + forged.id + "'");
                sql.execute("DELETE FROM journal_entry WHERE id = '" + forged.id + "'");
                sql.execute("UPDATE fund_ledger SET entry_count = 1, head_hash = decode('" + last.hash()
                        + "', 'hex') WHERE fund_id = " + fundId);
                sql.execute("UPDATE ledger_account_balance SET debit_total_minor = debit_total_minor - 100 "
                        + "WHERE fund_id = " + fundId + " AND account = 'BANK'");
                sql.execute("UPDATE ledger_account_balance SET credit_total_minor = credit_total_minor - 100 "
                        + "WHERE fund_id = " + fundId + " AND account = 'PLEDGES_TO_RECEIVE'");
            }
        }
        assertThat(verify().getString("status")).isEqualTo("INTACT");
    }

    private static JournalLine line(JournalEntry entry, int lineNo, Account account, Side side) {
        JournalLine line = new JournalLine();
        line.entryId = entry.id;
        line.lineNo = (short) lineNo;
        line.account = account;
        line.side = side;
        line.amountMinor = 100;
        line.currency = "EUR";
        return line;
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
