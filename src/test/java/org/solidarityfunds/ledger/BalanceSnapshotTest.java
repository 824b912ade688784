package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestLedger;

/**
 * A fund's balances, read while its entries are being posted, are those of exactly the journal
 * they name: the totals written with the entry whose number is the answer's entry count, never
 * the totals of one journal with the count or head of another. So for the current balances, and
 * for those by effective date (every entry here is dated before the day read, so that both are
 * the totals after that entry).
 */
@QuarkusTest
class BalanceSnapshotTest {

    /** Postings made while the balances are read; each commits on its own. */
    private static final int POSTINGS = 300;
    /** Reads at most, so that the test ends whatever the machine's speed. */
    private static final int READS_MAX = 5_000;

    /** The totals written with one entry, and its hash. */
    private static final String TOTALS_AT = """
            SELECT t.bank_debit_minor, t.bank_credit_minor, t.available_credit_minor - t.available_debit_minor, e.hash
              FROM ledger_totals t JOIN journal_entry e ON e.fund_id = t.fund_id AND e.sequence = t.sequence
              JOIN fund_ledger f ON f.fund_id = t.fund_id
             WHERE f.fund_code = ? AND t.sequence = ?
            """;

    private final TestLedger ledger;
    private final LedgerService service;

    BalanceSnapshotTest(TestLedger ledger, LedgerService service) {
        this.ledger = ledger;
        this.service = service;
    }

    @Test
    void balances_read_while_entries_commit_are_the_totals_of_the_journal_they_name() throws Exception {
        readsWhilePostingsCommitAreTheTotalsTheyName(fund -> service.balances(fund, FundScope.all()));
    }

    @Test
    void balances_on_a_day_read_while_entries_commit_are_the_totals_of_the_journal_they_name() throws Exception {
        // TestLedger dates its entries 2020-08-20.
        LocalDate day = LocalDate.of(2020, 12, 31);
        readsWhilePostingsCommitAreTheTotalsTheyName(fund -> service.balancesOn(fund, day, FundScope.all()));
    }

    private void readsWhilePostingsCommitAreTheTotalsTheyName(Function<String, BalanceView> reader) throws Exception {
        String fund = TestFunds.open("SNAP");
        ledger.contribution(fund, 1_00);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        List<BalanceView> reads = new ArrayList<>();
        try {
            Future<?> postings = writer.submit(() -> {
                for (int i = 0; i < POSTINGS; i++) {
                    ledger.contribution(fund, 1_00 + i);
                }
            });
            while (!postings.isDone() && reads.size() < READS_MAX) {
                reads.add(reader.apply(fund));
            }
            postings.get(60, TimeUnit.SECONDS);
        } finally {
            writer.shutdownNow();
        }

        assertThat(reads.stream().map(BalanceView::entryCount).distinct().count())
                .as("reads spread over the postings").isGreaterThan(POSTINGS / 10);
        try (Connection connection = TestDatabase.asSuperuser();
                PreparedStatement query = connection.prepareStatement(TOTALS_AT)) {
            for (BalanceView read : reads) {
                query.setString(1, fund);
                query.setLong(2, read.entryCount());
                try (ResultSet rs = query.executeQuery()) {
                    assertThat(rs.next()).as("entry %d exists", read.entryCount()).isTrue();
                    assertThat(read.received().amountMinor()).as("received after entry %d", read.entryCount())
                            .isEqualTo(rs.getLong(1));
                    assertThat(read.disbursed().amountMinor()).isEqualTo(rs.getLong(2));
                    assertThat(read.available().amountMinor()).as("available after entry %d", read.entryCount())
                            .isEqualTo(rs.getLong(3));
                    assertThat(read.headHash()).isEqualTo(EntryHash.hex(rs.getBytes(4)));
                }
            }
        }
    }
}
