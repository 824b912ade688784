package org.solidarityfunds.ledger.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.solidarityfunds.ledger.money.Money;

/**
 * An entry about to be written: what happened, why, and its lines. It refuses to exist
 * unbalanced, with fewer than two lines or with lines in two currencies; the ledger checks
 * the balance again against the fund and the database a third time at commit.
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

    /** The amount as received in another currency, and the rate (fund currency per unit) used to convert it. */
    public record OriginalAmount(Money amount, BigDecimal exchangeRate) {
        public OriginalAmount {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(exchangeRate, "exchangeRate");
            if (amount.isZero() || exchangeRate.signum() <= 0) {
                throw new IllegalArgumentException("an original amount and its rate are positive");
            }
        }
    }
}
