package org.solidarityfunds.ledger.ledger;

/**
 * The chart of accounts every fund has (docs/concepts/ledger.md). The normal side is the
 * side on which the account's balance is positive; no account may go below zero.
 */
public enum Account {
    /** Money received and not yet paid out. */
    BANK(Side.DEBIT),
    /** Promised, not yet received. */
    PLEDGES_RECEIVABLE(Side.DEBIT),
    /** The mirror of pledges receivable: the fund's claim on its donors. */
    PLEDGES_TO_RECEIVE(Side.CREDIT),
    /** Received money that no decision has committed yet. */
    AVAILABLE(Side.CREDIT),
    /** Approved disbursements not yet paid. */
    COMMITMENTS(Side.CREDIT);

    private final Side normalSide;

    Account(Side normalSide) {
        this.normalSide = normalSide;
    }

    public Side normalSide() {
        return normalSide;
    }

    /** The balance on the normal side, from the account's debit and credit totals. */
    public long balanceOf(long debitMinor, long creditMinor) {
        return normalSide == Side.DEBIT ? Math.subtractExact(debitMinor, creditMinor)
                : Math.subtractExact(creditMinor, debitMinor);
    }
}
