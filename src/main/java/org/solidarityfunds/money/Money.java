package org.solidarityfunds.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money: a whole number of minor units (cents for EUR) of one ISO 4217
 * currency. Never negative; arithmetic is overflow-checked and refuses to mix currencies.
 * Floating point never touches money.
 */
public record Money(long amountMinor, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (amountMinor < 0) {
            throw new IllegalArgumentException("money is never negative: " + amountMinor);
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("not a currency with minor units: " + currency);
        }
    }

    public static Money of(long amountMinor, String currencyCode) {
        return new Money(amountMinor, Currencies.of(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }

    /** @throws ArithmeticException when the result would be negative */
    public Money minus(Money other) {
        requireSameCurrency(other);
        long difference = Math.subtractExact(amountMinor, other.amountMinor);
        if (difference < 0) {
            throw new ArithmeticException(this + " minus " + other + " is negative");
        }
        return new Money(difference, currency);
    }

    public boolean isZero() {
        return amountMinor == 0;
    }

    /**
     * This amount in another currency at a rate (units of that currency per unit of this one),
     * rounded half-even to its minor unit: how money received in a foreign currency is
     * credited (docs/concepts/pledges-and-contributions.md). Zero when it is worth less than
     * half a minor unit there.
     *
     * @throws ArithmeticException when the result does not fit in a long
     */
    public Money convertedAt(BigDecimal rate, Currency into) {
        BigDecimal major = toDecimal().multiply(rate).setScale(into.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
        return new Money(major.unscaledValue().longValueExact(), into);
    }

    /** The amount in major units, exact (for display and exports, never for arithmetic). */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(amountMinor, currency.getDefaultFractionDigits());
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(amountMinor, other.amountMinor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString() + " " + currency.getCurrencyCode();
    }
}
