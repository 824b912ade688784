package org.solidarityfunds.donor;

import java.util.Optional;

/** A SIREN: the 9-digit number INSEE gives every French legal entity, whose last digit is a Luhn check digit. */
public record Siren(String value) {

    public Siren {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid SIREN: " + value);
        }
    }

    public static Optional<Siren> parse(String value) {
        return isValid(value) ? Optional.of(new Siren(value)) : Optional.empty();
    }

    static boolean isValid(String value) {
        if (value == null || !value.matches("[0-9]{9}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = value.charAt(i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
