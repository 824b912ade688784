package org.solidarityfunds.money;

import java.util.Currency;
import java.util.Optional;

/** ISO 4217 currencies that have minor units; the same list the database's currency table holds. */
public final class Currencies {

    private Currencies() {
    }

    /** The currency for a code such as {@code EUR}, or empty when it is not an ISO 4217 currency with minor units. */
    public static Optional<Currency> find(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency);
        } catch (IllegalArgumentException notIso) {
            return Optional.empty();
        }
    }

    public static Currency of(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown currency: " + code));
    }
}
