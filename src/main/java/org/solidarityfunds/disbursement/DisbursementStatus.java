package org.solidarityfunds.disbursement;

/**
 * A disbursement's lifecycle: REQUESTED, then APPROVED (the money is committed) or REJECTED
 * by the committee's decision; finance pays an approved one in one payment or several, PARTLY_PAID
 * until its payments settle the whole commitment or the rest is released, then PAID. CANCELLED
 * ends a request or an approval before any payment, releasing what was committed.
 */
public enum DisbursementStatus {
    REQUESTED, APPROVED, REJECTED, PARTLY_PAID, PAID, CANCELLED;

    /** Whether the committee may have decided it: a request still awaiting its votes has no decision. */
    public boolean mayBeDecided() {
        return this != REQUESTED;
    }

    /** Whether payments may have been made on it: the first payment makes it PARTLY_PAID or PAID. */
    public boolean mayHavePayments() {
        return this == PARTLY_PAID || this == PAID;
    }
}
