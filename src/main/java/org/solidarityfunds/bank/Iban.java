package org.solidarityfunds.bank;

import java.math.BigInteger;
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

    /** The RIB key's digit for each letter A to Z: A to I are 1 to 9, J to R are 1 to 9, S to Z are 2 to 9. */
    private static final String RIB_LETTER_DIGITS = "12345678912345678923456789";

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

    /**
     * The IBAN of a French account given the way French bank files give it (CFONB statements):
     * bank code, branch code and account number, without the RIB key, which we compute so that
     * an account read from a bank is the same IBAN as the one a person types. The account number
     * may hold letters: the RIB key counts them as the digits of the French convention
     * (A and J are 1, B, K and S are 2, and so on), the IBAN check digits as ISO 13616 does.
     *
     * @throws IllegalArgumentException when the bank or branch code is not 5 digits or the account
     *                                  number not 11 digits or capital letters
     */
    public static Iban french(String bank, String branch, String account) {
        if (bank == null || !bank.matches("[0-9]{5}") || branch == null || !branch.matches("[0-9]{5}")
                || account == null || !account.matches("[0-9A-Z]{11}")) {
            throw new IllegalArgumentException("not a French bank code (5 digits), branch code (5 digits) and account"
                    + " number (11 digits or capital letters): " + bank + " " + branch + " " + account);
        }
        StringBuilder accountDigits = new StringBuilder(account.length());
        for (char c : account.toCharArray()) {
            accountDigits.append(Character.isDigit(c) ? c : RIB_LETTER_DIGITS.charAt(c - 'A'));
        }
        long remainder = (89L * Long.parseLong(bank) + 15L * Long.parseLong(branch)
                + 3L * Long.parseLong(accountDigits.toString())) % 97;
        String bban = bank + branch + account + String.format("%02d", 97 - remainder);
        // ISO 13616: the account, then the country and 00, letters as 10 to 35, mod 97; the check is 98 minus it.
        BigInteger checked = new BigInteger(isoDigits(bban + "FR00"));
        int check = 98 - checked.mod(BigInteger.valueOf(97)).intValue();
        return new Iban("FR" + String.format("%02d", check) + bban);
    }

    private static String isoDigits(String text) {
        StringBuilder digits = new StringBuilder(text.length() * 2);
        for (char c : text.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return digits.toString();
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
