package org.solidarityfunds.ledger.pledge;

/** Derived from the amounts, never set by hand (DOMAIN.md). */
public enum PledgeStatus {
    /** Nothing received yet. */
    PENDING,
    /** Partly received. */
    IN_PROGRESS,
    /** All received. */
    FULFILLED,
    /** The part not received was cancelled; final. */
    CANCELLED;

    static PledgeStatus of(Pledge pledge) {
        if (pledge.cancelledAt != null) {
            return CANCELLED;
        }
        if (pledge.receivedMinor == pledge.amountMinor) {
            return FULFILLED;
        }
        return pledge.receivedMinor > 0 ? IN_PROGRESS : PENDING;
    }
}
