package org.solidarityfunds.ledger;

import java.util.Locale;

/**
 * The chart of accounts every fund has (docs/concepts/ledger.md): its one description. The
 * normal side is the side on which the account's balance is positive; no account may go below
 * zero. Every account keeps a debit and a credit total (ledger_account_balance, one row per
 * account; ledger_totals, one column per account and side, named by {@link #column}); the
 * verification, the statement, the bench loader and the CI's invariants read the accounts from
 * here. Adding an account means a migration for those rows and columns, and nothing else
 * than this enum in code.
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

    /** The column of ledger_totals that keeps this account's total on that side: {@code pledges_receivable_debit_minor}. */
    public String column(Side side) {
        return name().toLowerCase(Locale.ROOT) + "_" + side.name().toLowerCase(Locale.ROOT) + "_minor";
    }

    /** The account's name as a JSON field of a statement: {@code pledgesReceivable}. */
    public String field() {
        StringBuilder field = new StringBuilder();
        for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
            field.append(field.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return field.toString();
    }

    /** The balance on the normal side, from the account's debit and credit totals. */
    public long balanceOf(long debitMinor, long creditMinor) {
        return normalSide == Side.DEBIT ? Math.subtractExact(debitMinor, creditMinor)
                : Math.subtractExact(creditMinor, debitMinor);
    }
}
