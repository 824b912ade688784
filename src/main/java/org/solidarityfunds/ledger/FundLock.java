package org.solidarityfunds.ledger;

/**
 * A fund's ledger, locked by this transaction until it ends ({@link LedgerService#lock}), with
 * the fund's status as read under that lock. Every posting takes one: holding it is the proof
 * that the fund was locked before anything was written.
 */
public final class FundLock {

    final FundLedger ledger;
    private final FundStatus status;

    FundLock(FundLedger ledger, FundStatus status) {
        this.ledger = ledger;
        this.status = status;
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
