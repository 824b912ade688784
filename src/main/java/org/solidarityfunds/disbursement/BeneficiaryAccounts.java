package org.solidarityfunds.disbursement;

import java.util.regex.Pattern;
import org.solidarityfunds.bank.Bic;
import org.solidarityfunds.bank.Iban;
import org.solidarityfunds.problem.ProblemException;

/** The beneficiary's account a payment went to, checked: an IBAN, or an account number with its bank's BIC. */
final class BeneficiaryAccounts {

    /** A domestic account number as banks print it: letters, digits, spaces and hyphens. */
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{0,33}");

    private BeneficiaryAccounts() {
    }

    /** One of iban and number, in the form banks exchange; bic with it, required with a number. */
    record Account(String iban, String number, String bic) {
        Account {
            if ((iban == null) == (number == null) || (number != null && bic == null)) {
                throw new IllegalArgumentException("an account is an IBAN, or a number with its bank's BIC");
            }
        }
    }

    /** The account, or null when none was given; a validation problem naming the field that is wrong. */
    static Account of(RecordPayment.BeneficiaryAccount given) {
        if (given == null) {
            return null;
        }
        String bic = given.bic() == null ? null : Bic.parse(given.bic().strip()).map(Bic::value).orElseThrow(
                () -> ProblemException.invalid("beneficiaryAccount.bic", "is not a BIC (ISO 9362): 8 or 11 letters "
                        + "and digits, the bank, its country, its place and its branch"));
        if (given.iban() != null && given.accountNumber() != null) {
            throw ProblemException.invalid("beneficiaryAccount.accountNumber", "is for an account without an IBAN; "
                    + "give one or the other");
        }
        if (given.iban() != null) {
            String iban = Iban.parse(given.iban().strip()).map(Iban::value).orElseThrow(() -> ProblemException.invalid(
                    "beneficiaryAccount.iban", "is not a valid IBAN: its check digits, its country's length or "
                            + "format do not hold"));
            return new Account(iban, null, bic);
        }
        if (given.accountNumber() == null) {
            throw ProblemException.invalid("beneficiaryAccount", "gives an IBAN, or an account number with a BIC");
        }
        String number = given.accountNumber().strip();
        if (!ACCOUNT_NUMBER.matcher(number).matches()) {
            throw ProblemException.invalid("beneficiaryAccount.accountNumber", "has letters, digits, spaces and "
                    + "hyphens only, at most 34");
        }
        if (bic == null) {
            throw ProblemException.invalid("beneficiaryAccount.bic", "is required with an account number: it names "
                    + "the bank that keeps it");
        }
        return new Account(null, number, bic);
    }
}
