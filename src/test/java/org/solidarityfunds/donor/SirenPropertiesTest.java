package org.solidarityfunds.donor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Luhn check digit of a SIREN, on many numbers drawn from a fixed seed: exactly one check
 * digit completes any eight digits, and every single-digit typing error is caught.
 */
class SirenPropertiesTest {

    private static final int SAMPLES = 2_000;

    private static String eightDigits(Random random) {
        return String.format("%08d", random.nextInt(100_000_000));
    }

    @Test
    void exactly_one_check_digit_completes_any_eight_digits() {
        Random random = new Random(732829320L);
        for (int i = 0; i < SAMPLES; i++) {
            String prefix = eightDigits(random);
            int valid = 0;
            for (char check = '0'; check <= '9'; check++) {
                if (Siren.parse(prefix + check).isPresent()) {
                    valid++;
                }
            }
            assertThat(valid).as(prefix).isEqualTo(1);
        }
    }

    @Test
    void changing_any_one_digit_of_a_valid_siren_makes_it_invalid() {
        Random random = new Random(356000000L);
        for (int i = 0; i < SAMPLES; i++) {
            String siren = completed(eightDigits(random));
            for (int position = 0; position < 9; position++) {
                for (char digit = '0'; digit <= '9'; digit++) {
                    if (digit != siren.charAt(position)) {
                        String typo = siren.substring(0, position) + digit + siren.substring(position + 1);
                        assertThat(Siren.parse(typo)).as("%s for %s", typo, siren).isEmpty();
                    }
                }
            }
        }
    }

    private static String completed(String prefix) {
        for (char check = '0'; check <= '9'; check++) {
            if (Siren.parse(prefix + check).isPresent()) {
                return prefix + check;
            }
        }
        throw new AssertionError("no check digit completes " + prefix);
    }
}
