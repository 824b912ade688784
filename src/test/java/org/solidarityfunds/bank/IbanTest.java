package org.solidarityfunds.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** IBANs and BICs as the bank accounts will take them: the registry's examples, and every way to get one wrong. */
class IbanTest {

    /** Examples of the IBAN registry (SWIFT) for countries of the funds' donors and beneficiaries. */
    private static final List<String> VALID = List.of("FR7630006000011234567890189", "DE89370400440532013000",
            "GB82WEST12345698765432", "BE68539007547034", "LB62099900000001001901229114");

    @Test
    void the_registrys_examples_are_ibans() {
        for (String iban : VALID) {
            assertThat(Iban.parse(iban)).as(iban).contains(new Iban(iban));
        }
        assertThat(new Iban("FR7630006000011234567890189").country()).isEqualTo("FR");
    }

    @Test
    void an_iban_is_taken_as_printed_on_a_rib_and_printed_back_so() {
        Iban iban = Iban.parse("fr76 3000 6000 0112 3456 7890 189").orElseThrow();
        assertThat(iban.value()).isEqualTo("FR7630006000011234567890189");
        assertThat(iban.printed()).isEqualTo("FR76 3000 6000 0112 3456 7890 189");
    }

    @Test
    void every_single_digit_typed_wrong_is_refused() {
        for (String iban : VALID) {
            for (int position = 2; position < iban.length(); position++) {
                char typed = iban.charAt(position);
                if (!Character.isDigit(typed)) {
                    continue;
                }
                for (char other = '0'; other <= '9'; other++) {
                    if (other != typed) {
                        String wrong = iban.substring(0, position) + other + iban.substring(position + 1);
                        assertThat(Iban.parse(wrong)).as(wrong).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void what_is_not_an_iban_is_refused() {
        for (String wrong : new String[] {null, "", "FR76", "FR763000600001123456789018", "FR76300060000112345678901890",
                "XX7630006000011234567890189", "FRAB30006000011234567890189", "FR76-3000-6000-0112-3456-7890-189",
                "FR76 3000 6000 0112 3456 7890 189" + " ".repeat(40)}) {
            assertThat(Iban.parse(wrong)).as(String.valueOf(wrong)).isEmpty();
        }
        assertThatThrownBy(() -> new Iban("fr7630006000011234567890189")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The French IBAN of a bank file's bank, branch and account numbers, its RIB key computed: the
     * registry's two French examples, the second with a letter in the account (M counts as 4).
     */
    @Test
    void a_french_account_becomes_its_iban_with_its_rib_key() {
        assertThat(Iban.french("30006", "00001", "12345678901").value()).isEqualTo("FR7630006000011234567890189");
        assertThat(Iban.french("20041", "01005", "0500013M026").value()).isEqualTo("FR1420041010050500013M02606");
        // Same account with the letter's digit in its place: same RIB key (06), other IBAN check digits.
        assertThat(Iban.french("20041", "01005", "05000134026").value()).endsWith("0500013402606");
        for (String[] wrong : new String[][] {{"3000", "00001", "12345678901"}, {"30006", "0001A", "12345678901"},
                {"30006", "00001", "1234567890"}, {"30006", "00001", "1234567890a"}, {"30006", "00001", "12345 78901"},
                {null, "00001", "12345678901"}}) {
            assertThatThrownBy(() -> Iban.french(wrong[0], wrong[1], wrong[2])).as(String.join(" ", String.valueOf(wrong[0]),
                    wrong[1], wrong[2])).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void bics_are_checked_by_their_format_and_country() {
        assertThat(Bic.parse("BNPAFRPP")).contains(new Bic("BNPAFRPP"));
        assertThat(Bic.parse("bnpafrppxxx")).contains(new Bic("BNPAFRPPXXX"));
        for (String wrong : new String[] {null, "", "BNPAFRP", "BNPAFRPPXX", "BNP1FRPP", "BNPAXXPP", "BNPA FRPP",
                "BNPAFRPPXXXX"}) {
            assertThat(Bic.parse(wrong)).as(String.valueOf(wrong)).isEmpty();
        }
        assertThatThrownBy(() -> new Bic("bnpafrpp")).isInstanceOf(IllegalArgumentException.class);
    }
}
