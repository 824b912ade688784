package org.solidarityfunds.bank;

import java.util.Optional;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/**
 * An IBAN (ISO 13616): a country, two check digits and the country's account number, in the
 * compact form banks exchange (FR7630006000011234567890189). Validated by iban4j: the check digits
 * (mod 97), the length and the structure of the country's account number. It refuses to exist
 * otherwise.
 */
public record Iban(String value) {

    /** Limit: the longest IBAN of any country is 34 characters (ISO 13616); more typed is refused before parsing. */
    static final int TYPED_LENGTH_MAX = 64;

    public Iban {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid IBAN: " + value);
        }
    }

    /**
     * An IBAN as people type it: spaces anywhere (as printed on a RIB, by groups of four) and
     * letters of either case are accepted; anything else that does not hold is refused.
     */
    public static Optional<Iban> parse(String typed) {
        if (typed == null || typed.length() > TYPED_LENGTH_MAX) {
            return Optional.empty();
        }
        String compact = typed.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        return isValid(compact) ? Optional.of(new Iban(compact)) : Optional.empty();
    }

    /** The country it is of (ISO 3166-1 alpha-2): FR. */
    public String country() {
        return value.substring(0, 2);
    }

    /** As it is printed for a reader, by groups of four: FR76 3000 6000 0112 3456 7890 189. */
    public String printed() {
        StringBuilder printed = new StringBuilder(value.length() + value.length() / 4);
        for (int i = 0; i < value.length(); i += 4) {
            if (i > 0) {
                printed.append(' ');
            }
            printed.append(value, i, Math.min(i + 4, value.length()));
        }
        return printed.toString();
    }

    private static boolean isValid(String compact) {
        if (compact == null || !compact.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}")) {
            return false;
        }
        try {
            IbanUtil.validate(compact);
            return true;
        } catch (IbanFormatException | InvalidCheckDigitException | UnsupportedCountryException e) {
            return false;
        }
    }
}
