package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.solidarityfunds.support.Api.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.money.Money;
import org.solidarityfunds.support.TestClock;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestLedger;

/**
 * What the ledger writes, read back as stored: entries posted together come back as posted,
 * whatever their text (quotes, backslashes, braces, a bare NULL: what any encoding of the values
 * must survive), with their events and the totals after each, and the verification, which
 * recomputes every hash from the stored rows, finds the fund intact; and the events of one
 * transaction keep the order they were written in, whoever writes them (ADR 0006).
 */
@QuarkusTest
class LedgerWritesTest {

    /** Every character an array or a CSV literal reads specially, a bare NULL, and text beyond Latin-1. */
    private static final List<String> AWKWARD = List.of("NULL", "\"quoted\", {braced}, back\\slash \\\\ end\\",
            "Don de la « Commune d’Évian » 💶 ; fin", " leading and trailing ");

    private final LedgerService ledger;
    private final EventLog events;
    private final TestLedger testLedger;

    LedgerWritesTest(LedgerService ledger, EventLog events, TestLedger testLedger) {
        this.ledger = ledger;
        this.events = events;
        this.testLedger = testLedger;
    }

    /**
     * The feed orders a transaction's events by position (ADR 0006): an event written without an
     * entry, then a posting's, then another without, keep that order, whoever writes them.
     */
    @Test
    void the_events_of_one_transaction_are_numbered_in_the_order_they_are_written() throws SQLException {
        String fund = TestFunds.open("WRITEEV");
        long fundId = testLedger.fundIdOf(fund);
        Money amount = Money.of(50_00, "EUR");
        UUID request = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            FundLock lock = ledger.lock(fundId);
            events.record(fundId, EventLog.DISBURSEMENT_REQUESTED, amount, null, Reference.disbursement(request),
                    TestClock.START);
            ledger.post(lock, new Posting(EntryKind.CONTRIBUTION_RECEIVED, "Between two events", LocalDate.of(2020, 8, 20),
                    List.of(Posting.Line.debit(Account.BANK, amount), Posting.Line.credit(Account.AVAILABLE, amount))),
                    TestLedger.RECORDED_BY, null);
            events.record(fundId, EventLog.DISBURSEMENT_WITHDRAWN, amount, null, Reference.disbursement(request),
                    TestClock.START);
        });
        assertThat(rows("SELECT type FROM ledger_event WHERE fund_id = ? ORDER BY tx, position", fundId))
                .containsExactly(EventLog.DISBURSEMENT_REQUESTED, "CONTRIBUTION_RECEIVED",
                        EventLog.DISBURSEMENT_WITHDRAWN);
    }

    @Test
    void entries_posted_together_are_stored_as_given_and_verify_intact() throws SQLException {
        String fund = TestFunds.open("WRITES");
        long fundId = testLedger.fundIdOf(fund);
        Money pledged = Money.of(1_000_00, "EUR");
        Money received = Money.of(123_45, "EUR");
        Posting.OriginalAmount original = new Posting.OriginalAmount(Money.of(13_579_000_00L, "LBP"),
                new BigDecimal("0.000009091243"));
        List<LedgerService.Fact> facts = new ArrayList<>();
        facts.add(new LedgerService.Fact(new Posting(EntryKind.PLEDGE_RECORDED, AWKWARD.get(0), LocalDate.of(2020, 8, 20),
                List.of(Posting.Line.debit(Account.PLEDGES_RECEIVABLE, pledged),
                        Posting.Line.credit(Account.PLEDGES_TO_RECEIVE, pledged))), null));
        UUID about = UUID.randomUUID();
        for (String memo : AWKWARD.subList(1, AWKWARD.size())) {
            facts.add(new LedgerService.Fact(new Posting(EntryKind.CONTRIBUTION_RECEIVED, memo, LocalDate.of(2020, 8, 21),
                    List.of(new Posting.Line(Account.BANK, Side.DEBIT, received, original),
                            Posting.Line.credit(Account.AVAILABLE, received))), new Reference(Reference.CONTRIBUTION, about)));
        }
        String recordedBy = "agent \"comptable\" {NULL}";
        List<EntryView> posted = QuarkusTransaction.requiringNew().call(() ->
                ledger.postAll(ledger.lock(fundId), facts, recordedBy));

        assertThat(posted).hasSize(AWKWARD.size());
        for (int i = 0; i < posted.size(); i++) {
            JsonPath stored = api().get("/api/v1/entries/{id}", posted.get(i).id()).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(stored.getString("memo")).isEqualTo(AWKWARD.get(i));
            assertThat(stored.getString("recordedBy")).isEqualTo(recordedBy);
            assertThat(stored.getLong("sequence")).isEqualTo(i + 1);
            assertThat(stored.getString("hash")).isEqualTo(posted.get(i).hash());
        }
        JsonPath balances = api().get("/api/v1/funds/{code}/balance", fund).then().statusCode(200).extract().jsonPath();
        assertThat(balances.getLong("entryCount")).isEqualTo(AWKWARD.size());
        assertThat(balances.getString("headHash")).isEqualTo(posted.get(posted.size() - 1).hash());
        assertThat(balances.getLong("available.amountMinor")).isEqualTo(3 * received.amountMinor());

        try (Connection connection = TestDatabase.asOwner();
                PreparedStatement lines = connection.prepareStatement("SELECT l.original_amount_minor,"
                        + " l.original_currency, l.exchange_rate FROM journal_line l JOIN journal_entry j"
                        + " ON j.id = l.entry_id WHERE j.fund_id = ? AND l.account = 'BANK' ORDER BY j.sequence")) {
            lines.setLong(1, fundId);
            try (ResultSet rs = lines.executeQuery()) {
                for (int i = 1; i < AWKWARD.size(); i++) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(13_579_000_00L);
                    assertThat(rs.getString(2)).isEqualTo("LBP");
                    assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("0.000009091243");
                }
                assertThat(rs.next()).isFalse();
            }
        }
        assertThat(rows("SELECT j.sequence, e.type, e.amount_minor, e.reference_id FROM ledger_event e"
                + " JOIN journal_entry j ON j.id = e.entry_id WHERE e.fund_id = ? ORDER BY e.position", fundId))
                .containsExactly("1 PLEDGE_RECORDED 100000 null", "2 CONTRIBUTION_RECEIVED 12345 " + about,
                        "3 CONTRIBUTION_RECEIVED 12345 " + about, "4 CONTRIBUTION_RECEIVED 12345 " + about);

        JsonPath report = api().get("/api/v1/ledger/verification").then().statusCode(200).extract().jsonPath();
        assertThat(report.getMap("funds.find { it.fundCode == '" + fund + "' }")).containsEntry("status", "INTACT")
                .containsEntry("entryCount", AWKWARD.size());
    }

    /** The fund's rows of a query, each as its columns' text joined by spaces. */
    private static List<String> rows(String sql, long fundId) throws SQLException {
        try (Connection connection = TestDatabase.asOwner(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, fundId);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                        row.append(column == 1 ? "" : " ").append(rs.getString(column));
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
        }
    }
}
