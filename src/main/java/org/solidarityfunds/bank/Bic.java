package org.solidarityfunds.bank;

import java.util.Optional;
import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.UnsupportedCountryException;

/**
 * A BIC (ISO 9362): four letters for the bank, the country, two characters for the location, and
 * optionally three for the branch (BNPAFRPP, BNPAFRPPXXX). Checked by its format and country
 * (iban4j); a BIC has no check digit, so a well-formed BIC of no bank cannot be told apart here.
 */
public record Bic(String value) {

    public Bic {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid BIC: " + value);
        }
    }

    /** A BIC as people type it: letters of either case, no space inside. */
    public static Optional<Bic> parse(String typed) {
        if (typed == null || typed.length() > 11) {
            return Optional.empty();
        }
        String upper = typed.toUpperCase(java.util.Locale.ROOT);
        return isValid(upper) ? Optional.of(new Bic(upper)) : Optional.empty();
    }

    private static boolean isValid(String value) {
        if (value == null || !value.matches("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
            return false;
        }
        try {
            BicUtil.validate(value);
            return true;
        } catch (BicFormatException | UnsupportedCountryException e) {
            return false;
        }
    }
}
