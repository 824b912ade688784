package org.solidarityfunds.ledger;

/**
 * A fund's ledger, locked by this transaction until it ends ({@link LedgerService#lock}), with
 * the fund's status as read under that lock. Every posting takes one: holding it is the proof
 * that the fund was locked before anything was written.
 */
public final class FundLock {

    /** The ledger row as locked; the postings of the transaction move its head in memory as they write it. */
    final FundLedger ledger;
    private final FundStatus status;
    /**
     * The fund's balances, read under the lock and moved by every posting of the transaction,
     * the only writer of them while it holds the lock.
     */
    Totals totals;

    FundLock(FundLedger ledger, FundStatus status, Totals totals) {
        this.ledger = ledger;
        this.status = status;
        this.totals = totals;
    }

    public long fundId() {
        return ledger.fundId;
    }

    public String fundCode() {
        return ledger.fundCode;
    }

    /** What the fund's status allows, read under the lock, so that no status change races it. */
    public FundStatus status() {
        return status;
    }
}
