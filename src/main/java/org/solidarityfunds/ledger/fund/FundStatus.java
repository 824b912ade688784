package org.solidarityfunds.ledger.fund;

/** A fund's lifecycle only moves forward: OPEN, then CLOSED_TO_PLEDGES, then CLOSED. */
public enum FundStatus {
    /** Takes pledges, contributions and disbursements. */
    OPEN,
    /** Takes no new pledges; still receives what was promised and pays out. */
    CLOSED_TO_PLEDGES,
    /** Takes nothing more; its journal stays readable and verifiable. */
    CLOSED;

    public boolean canMoveTo(FundStatus target) {
        return target.ordinal() > ordinal();
    }
}
