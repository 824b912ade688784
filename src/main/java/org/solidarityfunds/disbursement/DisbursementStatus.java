package org.solidarityfunds.disbursement;

/**
 * A disbursement's lifecycle: REQUESTED, then APPROVED (the money is committed) or REJECTED
 * by the committee's decision; finance pays an approved one in one payment or several, PARTLY_PAID
 * until its payments settle the whole commitment or the rest is released, then PAID. CANCELLED
 * ends a request or an approval before any payment, releasing what was committed.
 */
public enum DisbursementStatus {
    REQUESTED, APPROVED, REJECTED, PARTLY_PAID, PAID, CANCELLED
}
