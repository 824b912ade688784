package org.solidarityfunds.ledger.donor;

import java.util.Optional;

/**
 * A SIREN, the 9-digit French business register number, with its Luhn check digit.
 * La Poste's SIREN 356000000 is the one historic exception to the Luhn rule: its digits
 * sum to a multiple of 5 instead, as INSEE documents.
 */
public record Siren(String value) {

    static final String LA_POSTE = "356000000";

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
        if (value.equals(LA_POSTE)) {
            return true;
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
