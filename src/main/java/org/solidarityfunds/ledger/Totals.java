package org.solidarityfunds.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The debit and credit totals of every account of the chart, net of reversals (ADR 0004): the
 * ledger's arithmetic, as a value. A posting computes the totals after it ({@link #after}),
 * the ledger checks them ({@link #firstBelowZero}), and only then are they written: the
 * maintained balances, and the row kept after each entry.
 */
public final class Totals {

    private static final Account[] CHART = Account.values();
    private static final Totals ZERO = new Totals(new long[CHART.length], new long[CHART.length]);

    private final long[] debitMinor;
    private final long[] creditMinor;

    /**
     * Any totals, even below zero: the verification recomputes them from a journal that may have
     * been tampered with, and must be able to say what it found. A posting never writes them
     * below zero ({@link #firstBelowZero}, and the database's checks).
     */
    private Totals(long[] debitMinor, long[] creditMinor) {
        this.debitMinor = debitMinor;
        this.creditMinor = creditMinor;
    }

    /** Every account at zero: the totals before a fund's first entry. */
    public static Totals zero() {
        return ZERO;
    }

    /** The totals as stored, one debit and one credit total per account, in the chart's order. */
    static Totals of(long[] debitMinor, long[] creditMinor) {
        if (debitMinor.length != CHART.length || creditMinor.length != CHART.length) {
            throw new IllegalArgumentException("totals of " + CHART.length + " accounts expected");
        }
        return new Totals(debitMinor.clone(), creditMinor.clone());
    }

    public long debitMinor(Account account) {
        return debitMinor[account.ordinal()];
    }

    public long creditMinor(Account account) {
        return creditMinor[account.ordinal()];
    }

    /** The balance on the account's normal side. */
    public long balanceMinor(Account account) {
        return account.balanceOf(debitMinor(account), creditMinor(account));
    }

    /**
     * The totals after these lines. A line of a reversal takes its amount off the opposite side,
     * which is the side of the line it reverses (storno), so that a bounced contribution lowers
     * what was received instead of raising what was paid out.
     */
    public Totals after(List<Posting.Line> lines, boolean reversal) {
        long[] debit = debitMinor.clone();
        long[] credit = creditMinor.clone();
        for (Posting.Line line : lines) {
            add(debit, credit, line.account(), line.side(), line.amount().amountMinor(), reversal);
        }
        return new Totals(debit, credit);
    }

    /** The totals after a sum of lines of one account and side, of reversals or not (a balance on a day, summed by SQL). */
    Totals plus(Account account, Side side, long amountMinor, boolean reversal) {
        long[] debit = debitMinor.clone();
        long[] credit = creditMinor.clone();
        add(debit, credit, account, side, amountMinor, reversal);
        return new Totals(debit, credit);
    }

    /** The totals after an entry's lines as stored (the verification's walk along the journal). */
    Totals afterStored(List<JournalLine> lines, boolean reversal) {
        long[] debit = debitMinor.clone();
        long[] credit = creditMinor.clone();
        for (JournalLine line : lines) {
            add(debit, credit, line.account, line.side, line.amountMinor, reversal);
        }
        return new Totals(debit, credit);
    }

    private static void add(long[] debit, long[] credit, Account account, Side side, long amountMinor,
            boolean reversal) {
        int i = account.ordinal();
        if (!reversal) {
            if (side == Side.DEBIT) {
                debit[i] = Math.addExact(debit[i], amountMinor);
            } else {
                credit[i] = Math.addExact(credit[i], amountMinor);
            }
        } else if (side == Side.DEBIT) {
            credit[i] = Math.subtractExact(credit[i], amountMinor);
        } else {
            debit[i] = Math.subtractExact(debit[i], amountMinor);
        }
    }

    /** The first account, in the chart's order, whose balance is below zero: the one rule no posting may break. */
    public Optional<Account> firstBelowZero() {
        return Arrays.stream(CHART).filter(account -> balanceMinor(account) < 0).findFirst();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Totals totals && Arrays.equals(debitMinor, totals.debitMinor)
                && Arrays.equals(creditMinor, totals.creditMinor);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(debitMinor) + Arrays.hashCode(creditMinor);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Totals[");
        for (Account account : CHART) {
            text.append(account).append(" D").append(debitMinor(account)).append(" C").append(creditMinor(account))
                    .append(account.ordinal() < CHART.length - 1 ? ", " : "]");
        }
        return text.toString();
    }
}
