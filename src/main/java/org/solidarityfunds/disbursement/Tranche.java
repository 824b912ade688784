package org.solidarityfunds.disbursement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.solidarityfunds.ledger.Account;
import org.solidarityfunds.ledger.EntryKind;
import org.solidarityfunds.ledger.Posting;
import org.solidarityfunds.ledger.Side;
import org.solidarityfunds.money.Money;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * One payment of an approved disbursement, checked against what is left of its commitment, and
 * the entries it writes (docs/concepts/committees-and-disbursements.md, ADR 0017): the one home
 * of how a tranche is booked.
 *
 * <p>What the bank debited for the transfer, in the fund's currency, is what leaves the bank.
 * It settles a part of the commitment: the same amount, unless the transfer went out in another
 * currency against a commitment that was an estimate, when the difference is an exchange loss
 * (the fund's available money pays it) or an exchange gain (it goes back to available money).
 * The bank's charges come out of available money too. Each is an entry of its own, and none
 * touches what is left committed, so every entry keeps bank = available + committed.
 *
 * @param paid       the DISBURSEMENT_PAID entry's amount: the commitment settled, up to what was debited
 * @param settled    the part of the commitment the payment settles
 * @param difference what was debited less what it settles: a loss when positive, a gain when negative
 * @param charges    the bank's charges, possibly zero
 * @param left       what stays committed after this payment
 */
public record Tranche(Money debited, Money paid, Money settled, long difference, Money charges, Money left,
        Foreign foreign) {

    public Tranche {
        Objects.requireNonNull(charges, "charges");
        if (paid.isZero() || paid.amountMinor() != Math.min(debited.amountMinor(), settled.amountMinor())
                || difference != Math.subtractExact(debited.amountMinor(), settled.amountMinor())
                || (difference != 0 && foreign == null)) {
            throw new IllegalArgumentException("a tranche pays what it settles, up to what was debited, and differs "
                    + "from it only in another currency");
        }
    }

    /** The transfer as the beneficiary received it, in its own currency, and the bank's rate (fund currency per unit). */
    public record Foreign(Money amount, BigDecimal rate) {
        public Foreign {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(rate, "rate");
        }
    }

    /**
     * How far the amount debited may stray from the foreign amount at the stated rate: 1 %, the
     * bank's rounding and margin, while a rate typed the other way round (73.52 MZN per EUR for
     * 0.0136 EUR per MZN) is off by a factor of thousands.
     */
    static final BigDecimal RATE_TOLERANCE = new BigDecimal("0.01");

    /**
     * Checks a payment against what is left committed.
     *
     * @param left        what is left of the commitment before the payment
     * @param debited     what the bank debited for the transfer, in the fund's currency
     * @param settledMinor the part of the commitment it settles, or null for what was debited
     * @param chargesMinor the bank's charges, or null for none
     * @param foreign     the transfer in the beneficiary's currency, or null when it went out in the fund's
     */
    public static Tranche of(Money left, Money debited, Long settledMinor, Long chargesMinor, Foreign foreign) {
        Currency currency = left.currency();
        if (!debited.currency().equals(currency)) {
            throw ProblemException.invalid("amount.currency", "is the fund's currency, " + currency.getCurrencyCode()
                    + ": what the bank debited; the beneficiary's currency goes in foreignAmount");
        }
        Money settled = settledMinor == null ? debited : new Money(settledMinor, currency);
        if (settled.amountMinor() != debited.amountMinor() && foreign == null) {
            throw ProblemException.invalid("commitmentSettledMinor", "differs from the amount debited only for a "
                    + "transfer in another currency, whose difference is an exchange loss or gain");
        }
        if (foreign != null) {
            checkRate(debited, foreign);
        }
        if (settled.compareTo(left) > 0) {
            throw new ProblemException(ProblemType.PAYMENT_EXCEEDS_COMMITMENT, "This payment would settle "
                    + settled.toDecimal().toPlainString() + " " + currency.getCurrencyCode() + " but only "
                    + left.toDecimal().toPlainString() + " is left committed"
                    + (settledMinor == null && foreign != null ? "; give commitmentSettledMinor, the part of the "
                    + "commitment it settles, and the rest is an exchange loss" : "") + ".");
        }
        Money charges = new Money(chargesMinor == null ? 0 : chargesMinor, currency);
        Money paid = debited.compareTo(settled) < 0 ? debited : settled;
        return new Tranche(debited, paid, settled, Math.subtractExact(debited.amountMinor(), settled.amountMinor()),
                charges, left.minus(settled), foreign);
    }

    private static void checkRate(Money debited, Foreign foreign) {
        if (foreign.amount().currency().equals(debited.currency())) {
            throw ProblemException.invalid("foreignAmount.currency", "is the beneficiary's currency, not the fund's");
        }
        Money expected;
        try {
            expected = foreign.amount().convertedAt(foreign.rate(), debited.currency());
        } catch (ArithmeticException tooLarge) {
            throw ProblemException.invalid("exchangeRate", "makes the foreign amount too large to count");
        }
        BigDecimal gap = BigDecimal.valueOf(Math.abs(expected.amountMinor() - debited.amountMinor()));
        if (gap.compareTo(BigDecimal.valueOf(debited.amountMinor()).multiply(RATE_TOLERANCE)) > 0) {
            String fund = debited.currency().getCurrencyCode();
            String other = foreign.amount().currency().getCurrencyCode();
            throw ProblemException.invalid("exchangeRate", foreign.amount().toDecimal().toPlainString() + " " + other
                    + " at " + foreign.rate().stripTrailingZeros().toPlainString() + " make "
                    + expected.toDecimal().toPlainString() + " " + fund + ", not the "
                    + debited.toDecimal().toPlainString() + " " + fund + " debited; the rate is in " + fund + " per "
                    + other + " (about " + BigDecimal.valueOf(debited.amountMinor()).divide(BigDecimal.valueOf(
                            foreign.amount().amountMinor()), 8, RoundingMode.HALF_EVEN).movePointLeft(
                            debited.currency().getDefaultFractionDigits()
                                    - foreign.amount().currency().getDefaultFractionDigits())
                            .stripTrailingZeros().toPlainString() + " here)");
        }
    }

    /** Whether this payment settles the rest of the commitment. */
    public boolean settlesAll() {
        return left.isZero();
    }

    /** An entry's kind and lines, in the order written: the payment, then the exchange difference, then the charges. */
    public record Entry(EntryKind kind, List<Posting.Line> lines) {
    }

    /** The entries this payment writes. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>(3);
        // The foreign amount is that of the bank's whole debit: it goes on the payment's bank line
        // when that line is the whole debit, which an exchange loss splits in two.
        Posting.OriginalAmount original = foreign == null || difference > 0 ? null
                : new Posting.OriginalAmount(foreign.amount(), foreign.rate());
        entries.add(new Entry(EntryKind.DISBURSEMENT_PAID, List.of(Posting.Line.debit(Account.COMMITMENTS, paid),
                new Posting.Line(Account.BANK, Side.CREDIT, paid, original))));
        if (difference > 0) {
            Money loss = new Money(difference, paid.currency());
            entries.add(new Entry(EntryKind.EXCHANGE_LOSS, List.of(Posting.Line.debit(Account.AVAILABLE, loss),
                    Posting.Line.credit(Account.BANK, loss))));
        } else if (difference < 0) {
            Money gain = new Money(-difference, paid.currency());
            entries.add(new Entry(EntryKind.EXCHANGE_GAIN, List.of(Posting.Line.debit(Account.COMMITMENTS, gain),
                    Posting.Line.credit(Account.AVAILABLE, gain))));
        }
        if (!charges.isZero()) {
            entries.add(new Entry(EntryKind.BANK_CHARGES, List.of(Posting.Line.debit(Account.AVAILABLE, charges),
                    Posting.Line.credit(Account.BANK, charges))));
        }
        return List.copyOf(entries);
    }
}
