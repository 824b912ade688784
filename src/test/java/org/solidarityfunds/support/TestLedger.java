package org.solidarityfunds.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import org.solidarityfunds.ledger.Account;
import org.solidarityfunds.ledger.EntryKind;
import org.solidarityfunds.ledger.EntryView;
import org.solidarityfunds.ledger.FundLedger;
import org.solidarityfunds.ledger.JournalEntry;
import org.solidarityfunds.ledger.LedgerService;
import org.solidarityfunds.ledger.Posting;
import org.solidarityfunds.money.Money;

/**
 * Posts the entries of DOMAIN.md's events straight through the ledger service, as the
 * pledge, contribution and disbursement services will: the tests of the ledger need
 * entries before those services exist.
 */
@ApplicationScoped
public class TestLedger {

    public static final String RECORDED_BY = "test";

    private final LedgerService ledger;

    TestLedger(LedgerService ledger) {
        this.ledger = ledger;
    }

    public EntryView post(String fundCode, EntryKind kind, List<Posting.Line> lines) {
        long fundId = fundIdOf(fundCode);
        return QuarkusTransaction.requiringNew().call(() -> ledger.post(ledger.lock(fundId),
                new Posting(kind, kind + " in a test", LocalDate.of(2020, 8, 20), lines), RECORDED_BY, null));
    }

    public EntryView pledge(String fundCode, long amountMinor) {
        Money amount = Money.of(amountMinor, "EUR");
        return post(fundCode, EntryKind.PLEDGE_RECORDED, List.of(
                Posting.Line.debit(Account.PLEDGES_RECEIVABLE, amount),
                Posting.Line.credit(Account.PLEDGES_TO_RECEIVE, amount)));
    }

    public EntryView contribution(String fundCode, long amountMinor) {
        Money amount = Money.of(amountMinor, "EUR");
        return post(fundCode, EntryKind.CONTRIBUTION_RECEIVED, List.of(
                Posting.Line.debit(Account.BANK, amount),
                Posting.Line.credit(Account.AVAILABLE, amount)));
    }

    public EntryView allocatedContribution(String fundCode, long amountMinor) {
        Money amount = Money.of(amountMinor, "EUR");
        return post(fundCode, EntryKind.CONTRIBUTION_RECEIVED, List.of(
                Posting.Line.debit(Account.BANK, amount),
                Posting.Line.credit(Account.AVAILABLE, amount),
                Posting.Line.debit(Account.PLEDGES_TO_RECEIVE, amount),
                Posting.Line.credit(Account.PLEDGES_RECEIVABLE, amount)));
    }

    public EntryView commitment(String fundCode, long amountMinor) {
        Money amount = Money.of(amountMinor, "EUR");
        return post(fundCode, EntryKind.DISBURSEMENT_COMMITTED, List.of(
                Posting.Line.debit(Account.AVAILABLE, amount),
                Posting.Line.credit(Account.COMMITMENTS, amount)));
    }

    public EntryView payment(String fundCode, long amountMinor) {
        Money amount = Money.of(amountMinor, "EUR");
        return post(fundCode, EntryKind.DISBURSEMENT_PAID, List.of(
                Posting.Line.debit(Account.COMMITMENTS, amount),
                Posting.Line.credit(Account.BANK, amount)));
    }

    /** The reversal of an entry, as a record's service asks the ledger for it. */
    public EntryView reversal(java.util.UUID entryId, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            JournalEntry entry = JournalEntry.findById(entryId);
            // An entry that does not exist: under any fund's lock, so that the ledger itself refuses it.
            long fundId = entry != null ? entry.fundId : FundLedger.<FundLedger>findAll().firstResult().fundId;
            return ledger.reverse(ledger.lock(fundId), entryId, reason, RECORDED_BY);
        });
    }

    public long fundIdOf(String fundCode) {
        return QuarkusTransaction.requiringNew().call(() ->
                FundLedger.<FundLedger>find("fundCode", fundCode).singleResult().fundId);
    }
}
