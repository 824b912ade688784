package org.solidarityfunds.disbursement;

/**
 * A disbursement's lifecycle: REQUESTED, then APPROVED (the money is committed) or REJECTED
 * by the committee's decision; an approved one is PAID by finance. CANCELLED ends a request
 * or an approval before payment, releasing what was committed.
 */
public enum DisbursementStatus {
    REQUESTED, APPROVED, REJECTED, PAID, CANCELLED
}
