package org.solidarityfunds.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.solidarityfunds.money.Money;

/**
 * An entry about to be written: what happened, why, and its lines. It refuses to exist
 * unbalanced, with fewer than two lines, with lines in two currencies or with a line its
 * kind of event never writes; the ledger checks the currency against the fund and the
 * database checks the balance again at commit.
 */
public record Posting(EntryKind kind, String memo, LocalDate effectiveDate, List<Line> lines) {

    public static final int MEMO_LENGTH_MAX = 500;
    public static final int LINES_MAX = 100;

    public Posting {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        if (memo == null || memo.isBlank() || memo.length() > MEMO_LENGTH_MAX) {
            throw new IllegalArgumentException("an entry needs a memo of 1 to " + MEMO_LENGTH_MAX + " characters");
        }
        lines = List.copyOf(lines);
        if (lines.size() < 2 || lines.size() > LINES_MAX) {
            throw new IllegalArgumentException("an entry has 2 to " + LINES_MAX + " lines, not " + lines.size());
        }
        Currency currency = lines.get(0).amount().currency();
        for (Line line : lines) {
            if (!kind.allows(line.account(), line.side())) {
                throw new IllegalArgumentException(kind + " has no " + line.side() + " line on " + line.account());
            }
        }
        long debits = 0;
        long credits = 0;
        for (Line line : lines) {
            if (!line.amount().currency().equals(currency)) {
                throw new IllegalArgumentException("an entry's lines share one currency");
            }
            if (line.side() == Side.DEBIT) {
                debits = Math.addExact(debits, line.amount().amountMinor());
            } else {
                credits = Math.addExact(credits, line.amount().amountMinor());
            }
        }
        if (debits != credits) {
            throw new IllegalArgumentException("unbalanced entry: debits " + debits + ", credits " + credits);
        }
    }

    public Currency currency() {
        return lines.get(0).amount().currency();
    }

    /** One line: a positive amount on one side of one account, with the original amount if it arrived in another currency. */
    public record Line(Account account, Side side, Money amount, OriginalAmount original) {
        public Line {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(amount, "amount");
            if (amount.isZero()) {
                throw new IllegalArgumentException("a line moves a positive amount");
            }
        }

        public static Line debit(Account account, Money amount) {
            return new Line(account, Side.DEBIT, amount, null);
        }

        public static Line credit(Account account, Money amount) {
            return new Line(account, Side.CREDIT, amount, null);
        }
    }

    /**
     * The amount as received in another currency, and the rate (fund currency per unit) used
     * to convert it. The rate has at most 12 digits before and 12 after the point, as the
     * journal stores it: a rate the database would round would no longer match its hash.
     */
    public record OriginalAmount(Money amount, BigDecimal exchangeRate) {
        public static final int RATE_SCALE_MAX = 12;
        public static final int RATE_INTEGER_DIGITS_MAX = 12;

        public OriginalAmount {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(exchangeRate, "exchangeRate");
            if (amount.isZero() || exchangeRate.signum() <= 0) {
                throw new IllegalArgumentException("an original amount and its rate are positive");
            }
            exchangeRate = exchangeRate.stripTrailingZeros();
            if (Math.max(exchangeRate.scale(), 0) > RATE_SCALE_MAX
                    || exchangeRate.precision() - exchangeRate.scale() > RATE_INTEGER_DIGITS_MAX) {
                throw new IllegalArgumentException("a rate has at most " + RATE_INTEGER_DIGITS_MAX + " digits before and "
                        + RATE_SCALE_MAX + " after the point");
            }
        }
    }
}
