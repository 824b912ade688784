package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.solidarityfunds.support.Api.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.money.Money;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestLedger;

/** DOMAIN.md invariants 1 and 2, tried against the code and, with the code bypassed, against the database. */
@QuarkusTest
class LedgerInvariantsTest {

    /** An effective date: none of the rules below depends on it. */
    private static final LocalDate DAY = LocalDate.of(2020, 8, 20);

    private final TestLedger ledger;

    LedgerInvariantsTest(TestLedger ledger) {
        this.ledger = ledger;
    }

    @Test
    void an_unbalanced_posting_is_refused_before_anything_is_written() {
        Map<String, Long> before = TestDatabase.snapshot();
        assertThatThrownBy(() -> new Posting(EntryKind.CONTRIBUTION_RECEIVED, "unbalanced", DAY, List.of(
                Posting.Line.debit(Account.BANK, Money.of(100, "EUR")),
                Posting.Line.credit(Account.AVAILABLE, Money.of(99, "EUR")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unbalanced");
        assertThatThrownBy(() -> new Posting(EntryKind.CONTRIBUTION_RECEIVED, "one line", DAY, List.of(
                Posting.Line.debit(Account.BANK, Money.of(100, "EUR")))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Posting(EntryKind.CONTRIBUTION_RECEIVED, "two currencies", DAY, List.of(
                Posting.Line.debit(Account.BANK, Money.of(100, "EUR")),
                Posting.Line.credit(Account.AVAILABLE, Money.of(100, "USD")))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Posting.Line.debit(Account.BANK, Money.of(0, "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void a_posting_in_another_currency_than_the_funds_is_refused() {
        String fund = TestFunds.open("CUR");
        Map<String, Long> before = TestDatabase.snapshot();
        Money dollars = Money.of(100, "USD");
        assertThatThrownBy(() -> ledger.post(fund, EntryKind.CONTRIBUTION_RECEIVED, List.of(
                Posting.Line.debit(Account.BANK, dollars), Posting.Line.credit(Account.AVAILABLE, dollars))))
                .hasMessageContaining("keeps its books in EUR");
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void the_database_refuses_an_unbalanced_entry_at_commit_when_the_code_is_bypassed() throws SQLException {
        long fundId = ledger.fundIdOf(TestFunds.open("RAW"));
        Map<String, Long> before = TestDatabase.snapshot();
        try (Connection app = TestDatabase.asApplication()) {
            app.setAutoCommit(false);
            UUID entry = insertRawEntry(app, fundId);
            insertRawLine(app, entry, 1, "BANK", "D", 100, "EUR");
            insertRawLine(app, entry, 2, "AVAILABLE", "C", 99, "EUR");
            assertThatThrownBy(app::commit).isInstanceOf(SQLException.class).hasMessageContaining("unbalanced");
        }
        try (Connection app = TestDatabase.asApplication()) {
            app.setAutoCommit(false);
            UUID entry = insertRawEntry(app, fundId);
            insertRawLine(app, entry, 1, "BANK", "D", 100, "EUR");
            assertThatThrownBy(app::commit).isInstanceOf(SQLException.class).hasMessageContaining("at least two");
        }
        try (Connection app = TestDatabase.asApplication()) {
            app.setAutoCommit(false);
            insertRawEntry(app, fundId);
            assertThatThrownBy(app::commit).isInstanceOf(SQLException.class).hasMessageContaining("at least two");
        }
        try (Connection app = TestDatabase.asApplication()) {
            app.setAutoCommit(false);
            UUID entry = insertRawEntry(app, fundId);
            insertRawLine(app, entry, 1, "BANK", "D", 100, "USD");
            insertRawLine(app, entry, 2, "AVAILABLE", "C", 100, "USD");
            assertThatThrownBy(app::commit).isInstanceOf(SQLException.class)
                    .hasMessageContaining("currency other than its fund's");
        }
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void the_database_accepts_a_balanced_entry_written_behind_the_code_which_verification_then_flags() throws SQLException {
        // The control for the test above: the same raw insert, balanced, is accepted by the
        // database, so the refusals above come from the balance check and nothing else.
        long fundId = ledger.fundIdOf(TestFunds.open("RAWOK"));
        UUID entry;
        try (Connection app = TestDatabase.asApplication()) {
            app.setAutoCommit(false);
            entry = insertRawEntry(app, fundId);
            insertRawLine(app, entry, 1, "BANK", "D", 100, "EUR");
            insertRawLine(app, entry, 2, "AVAILABLE", "C", 100, "EUR");
            app.commit();
        }
        JsonPath report = api().get("/api/v1/ledger/verification").then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("status")).isEqualTo("BROKEN");
        assertThat(report.getString("firstBreak.entryId")).isEqualTo(entry.toString());
        assertThat(report.getString("firstBreak.reason")).isEqualTo("SEQUENCE_GAP");
        // The forged entry stays (nothing can delete it): remove it as the superuser with the
        // triggers off, so that the other tests see an intact ledger again.
        try (Connection superuser = TestDatabase.asSuperuser(); Statement sql = superuser.createStatement()) {
            sql.execute("SET session_replication_role = replica");
            sql.execute("DELETE FROM journal_line WHERE entry_id = '" + entry + "'");
            sql.execute("DELETE FROM journal_entry WHERE id = '" + entry + "'");
        }
        assertThat(api().get("/api/v1/ledger/verification").then().extract().jsonPath().getString("status"))
                .isEqualTo("INTACT");
    }

    @Test
    void a_line_added_to_an_entry_written_earlier_is_refused_when_written() throws SQLException {
        EntryView entry = ledger.contribution(TestFunds.open("ADDED"), 5_000);
        Map<String, Long> before = TestDatabase.snapshot();
        try (Connection app = TestDatabase.asApplication()) {
            rolledBack(app, () -> assertThatThrownBy(() -> insertRawLine(app, entry.id(), 3, "BANK", "D", 100, "EUR"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("unbalanced"));
        }
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void a_line_written_after_its_entrys_check_was_run_early_is_checked_itself() throws SQLException {
        // The entry's check runs at commit, unless the transaction asks for it sooner: a line
        // written after that must not go unchecked.
        long fundId = ledger.fundIdOf(TestFunds.open("EARLY"));
        Map<String, Long> before = TestDatabase.snapshot();
        try (Connection app = TestDatabase.asApplication(); Statement sql = app.createStatement()) {
            rolledBack(app, () -> {
                UUID entry = insertRawEntry(app, fundId);
                insertRawLine(app, entry, 1, "BANK", "D", 100, "EUR");
                insertRawLine(app, entry, 2, "AVAILABLE", "C", 100, "EUR");
                sql.execute("SET CONSTRAINTS ALL IMMEDIATE");
                assertThatThrownBy(() -> insertRawLine(app, entry, 3, "BANK", "D", 1, "EUR"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("unbalanced");
            });
        }
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void the_application_role_cannot_touch_which_entries_await_their_check() throws SQLException {
        // Were it able to empty the list, its next lines would be checked at once, not skipped;
        // were it able to fill it, a line added to an entry already checked would go unchecked.
        try (Connection app = TestDatabase.asApplication(); Statement sql = app.createStatement()) {
            for (String statement : List.of("INSERT INTO journal_entry_unchecked VALUES (gen_random_uuid())",
                    "DELETE FROM journal_entry_unchecked", "SELECT * FROM journal_entry_unchecked")) {
                assertThatThrownBy(() -> sql.execute(statement)).as(statement)
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
        }
    }

    @Test
    void the_database_sums_an_entry_once_however_many_lines_and_statements_write_it() throws SQLException {
        long fundId = ledger.fundIdOf(TestFunds.open("ONCE"));
        try (Connection superuser = TestDatabase.asSuperuser(); Statement sql = superuser.createStatement()) {
            rolledBack(superuser, () -> {
                // Counts the calls of PL/pgSQL functions within this transaction.
                sql.execute("SET LOCAL track_functions = 'pl'");
                UUID entry = insertRawEntry(superuser, fundId);
                sql.execute("INSERT INTO journal_line (entry_id, line_no, account, side, amount_minor, currency) VALUES "
                        + "('" + entry + "', 1, 'BANK', 'D', 100, 'EUR'), ('" + entry + "', 2, 'BANK', 'D', 50, 'EUR')");
                sql.execute("INSERT INTO journal_line (entry_id, line_no, account, side, amount_minor, currency) VALUES "
                        + "('" + entry + "', 3, 'AVAILABLE', 'C', 120, 'EUR'), ('" + entry
                        + "', 4, 'AVAILABLE', 'C', 30, 'EUR')");
                // Runs the deferred checks now, inside the transaction whose calls are counted.
                sql.execute("SET CONSTRAINTS ALL IMMEDIATE");
                try (var calls = sql.executeQuery(
                        "SELECT pg_stat_get_xact_function_calls('journal_entry_balance_check'::regproc)")) {
                    calls.next();
                    assertThat(calls.getLong(1)).isEqualTo(1);
                }
            });
        }
    }

    @Test
    void the_application_role_can_neither_update_nor_delete_nor_truncate_the_journal() throws SQLException {
        String fund = TestFunds.open("PRIV");
        EntryView entry = ledger.contribution(fund, 5_000);
        Map<String, Long> before = TestDatabase.snapshot();
        try (Connection app = TestDatabase.asApplication(); Statement sql = app.createStatement()) {
            for (String statement : tamperings(entry.id())) {
                assertThatThrownBy(() -> sql.execute(statement)).as(statement)
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
        }
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void even_the_owner_can_neither_update_nor_delete_nor_truncate_the_journal() throws SQLException {
        String fund = TestFunds.open("OWN");
        EntryView entry = ledger.contribution(fund, 5_000);
        Map<String, Long> before = TestDatabase.snapshot();
        try (Connection owner = TestDatabase.asOwner(); Statement sql = owner.createStatement()) {
            for (String statement : tamperings(entry.id())) {
                assertThatThrownBy(() -> sql.execute(statement)).as(statement)
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            }
        }
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void no_account_can_go_below_zero_even_when_written_behind_the_code() throws SQLException {
        long fundId = ledger.fundIdOf(TestFunds.open("NEG"));
        try (Connection app = TestDatabase.asApplication(); Statement sql = app.createStatement()) {
            assertThatThrownBy(() -> sql.execute("UPDATE ledger_account_balance SET debit_total_minor = 1 "
                    + "WHERE fund_id = " + fundId + " AND account = 'AVAILABLE'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("ledger_account_balance_normal_side");
        }
    }

    private static List<String> tamperings(UUID entry) {
        return List.of(
                "UPDATE journal_entry SET memo = 'changed' WHERE id = '" + entry + "'",
                "UPDATE journal_line SET amount_minor = 1 WHERE entry_id = '" + entry + "'",
                "DELETE FROM journal_line WHERE entry_id = '" + entry + "'",
                "DELETE FROM journal_entry WHERE id = '" + entry + "'",
                "TRUNCATE journal_line",
                "TRUNCATE journal_entry CASCADE");
    }

    /** Work that writes behind the service in one transaction, rolled back whatever happens. */
    private static void rolledBack(Connection connection, SqlWork work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
        } finally {
            connection.rollback();
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private static UUID insertRawEntry(Connection connection, long fundId) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO journal_entry (id, fund_id, sequence, kind, memo, effective_date, recorded_at, recorded_by,
                                           previous_hash, hash)
                VALUES (?, ?, 1000000, 'CONTRIBUTION_RECEIVED', 'written behind the service', current_date, now(),
                        'tamperer', decode(repeat('00', 32), 'hex'), decode(repeat('11', 32), 'hex'))
                """)) {
            insert.setObject(1, id);
            insert.setLong(2, fundId);
            insert.executeUpdate();
        }
        return id;
    }

    private static void insertRawLine(Connection connection, UUID entry, int lineNo, String account, String side,
            long amountMinor, String currency) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO journal_line (entry_id, line_no, account, side, amount_minor, currency) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, entry);
            insert.setInt(2, lineNo);
            insert.setString(3, account);
            insert.setString(4, side);
            insert.setLong(5, amountMinor);
            insert.setString(6, currency);
            insert.executeUpdate();
        }
    }
}
