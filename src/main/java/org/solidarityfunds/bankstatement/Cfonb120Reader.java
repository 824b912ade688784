package org.solidarityfunds.bankstatement;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.solidarityfunds.bank.Iban;
import org.solidarityfunds.bankstatement.BankFile.Balance;
import org.solidarityfunds.bankstatement.BankFile.Direction;
import org.solidarityfunds.bankstatement.BankFile.Line;
import org.solidarityfunds.bankstatement.BankFile.Original;
import org.solidarityfunds.bankstatement.BankFile.Statement;

/**
 * Reads a French bank's CFONB 120 statement file ("relevé de compte 120 caractères") into a
 * {@link BankFile}, or refuses it with the line at fault. Positions below are 1-based, as in the
 * CFONB documents (2010 SEPA version for records 04 and 05, ETEBAC structure for 01 and 07).
 *
 * <p>Choices made where the format leaves room:
 * <ul>
 * <li>The bytes are ISO-8859-15: French banks write 8-bit files, and this is the Latin set with
 * the euro sign. Records are separated by LF or CRLF, or not at all (then a file without a line
 * break is cut every 120 characters); blank lines are skipped; any record of another length is
 * refused, because a shifted record would put its amount in the wrong place without a sound.
 * <li>A two-digit year AA is 20AA, always: the funds hold no statement from the last century,
 * and a fixed rule is easier to explain than a pivot that moves with the calendar (pennylane's
 * parser reads AA above 60 as 19AA; we do not).
 * <li>A movement (04) and its complements (05) and the closing (07) must name the same branch,
 * account number and currency as the opening (01), or the file mixes accounts. The bank code
 * may differ: banks write another bank code on some records of a statement (both public sample
 * sets do).
 * <li>Amounts are converted to minor units of the record's currency; a file giving more
 * decimals than the currency has is refused only when a digit other than zero would be lost.
 * <li>Whether a statement adds up (opening + lines = closing) is not checked here: the service
 * checks it for every format alike.
 * </ul>
 */
final class Cfonb120Reader {

    static final String VERSION = "CFONB 120";
    /** Every record has exactly this many characters. */
    static final int RECORD_LENGTH = 120;
    /** Limit: the characters kept of a line's remittance (the 04's label and the 05's texts together). */
    static final int REMITTANCE_MAX = 1_000;

    private static final Charset ENCODING = Charset.forName("ISO-8859-15");
    private static final String NOT_PROVIDED = "NOTPROVIDED";

    private Cfonb120Reader() {
    }

    /**
     * The statements of a CFONB 120 file.
     *
     * @throws BankFileRefused when the file is not a well-formed CFONB 120 file
     */
    static BankFile read(byte[] file) {
        List<Record> records = records(file);
        if (records.isEmpty()) {
            throw new BankFileRefused(1, "The file is empty: a CFONB 120 file holds at least an opening balance"
                    + " (record 01) and a closing balance (record 07).");
        }
        List<Statement> statements = new ArrayList<>();
        OpenStatement open = null;
        int lines = 0;
        for (Record record : records) {
            switch (record.code()) {
                case "01" -> {
                    if (open != null) {
                        throw record.refused("An opening balance (record 01) begins a statement while the statement"
                                + " opened on line " + open.opening.line + " has no closing balance (record 07) yet.");
                    }
                    if (statements.size() == BankFile.STATEMENTS_MAX) {
                        throw record.refused("The file holds more than " + BankFile.STATEMENTS_MAX
                                + " statements, the most one file may hold.");
                    }
                    open = new OpenStatement(record);
                }
                case "04" -> {
                    if (open == null) {
                        throw record.refused("A movement (record 04) stands outside any statement: no opening balance"
                                + " (record 01) comes before it.");
                    }
                    if (++lines > BankFile.LINES_MAX) {
                        throw record.refused("The file holds more than " + BankFile.LINES_MAX
                                + " movements, the most one file may hold.");
                    }
                    open.movement(record);
                }
                case "05" -> {
                    if (open == null || open.movement == null) {
                        throw record.refused("A complement (record 05) has no movement (record 04) before it"
                                + " to complete.");
                    }
                    open.complement(record);
                }
                case "07" -> {
                    if (open == null) {
                        throw record.refused("A closing balance (record 07) has no opening balance (record 01)"
                                + " before it.");
                    }
                    statements.add(open.close(record));
                    open = null;
                }
                default -> throw record.refused("Record code '" + record.code() + "' is unknown: a CFONB 120 file"
                        + " holds only records 01 (opening balance), 04 (movement), 05 (complement) and 07"
                        + " (closing balance).");
            }
        }
        if (open != null) {
            throw open.opening.refused("The statement opened on this line has no closing balance (record 07):"
                    + " the file ends before it, it may have been cut short.");
        }
        return new BankFile(BankFile.Format.CFONB_120, VERSION, statements);
    }

    /**
     * The records of the file with their line numbers, blank lines left out. A file whose records
     * follow one another on a single line (a line break at its end or not) is cut every 120
     * characters, and its records are numbered in order.
     */
    private static List<Record> records(byte[] file) {
        String text = new String(file, ENCODING);
        List<Record> records = new ArrayList<>();
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        if (text.lastIndexOf('\n', end - 1) < 0) {
            text = text.substring(0, end);
            int number = 1;
            for (int start = 0; start < text.length(); start += RECORD_LENGTH, number++) {
                add(records, number, text.substring(start, Math.min(text.length(), start + RECORD_LENGTH)));
            }
        } else {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                add(records, i + 1, line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            }
        }
        return records;
    }

    private static void add(List<Record> records, int number, String text) {
        if (text.isBlank()) {
            return;
        }
        if (text.length() != RECORD_LENGTH) {
            throw new BankFileRefused(number, "This record has " + text.length() + " characters where a CFONB 120"
                    + " record has exactly " + RECORD_LENGTH + ".");
        }
        records.add(new Record(number, text));
    }

    /** A statement being read: its opening (01), the account it names and the lines so far. */
    private static final class OpenStatement {

        final Record opening;
        final String branch;
        final String account;
        final Currency currency;
        final String iban;
        final Balance openingBalance;
        final List<Line> lines = new ArrayList<>();
        /** The movement (04) the next complements (05) complete, or null before the first one. */
        Movement movement;

        OpenStatement(Record opening) {
            this.opening = opening;
            this.branch = opening.field(12, 16);
            this.account = opening.field(22, 32);
            this.currency = opening.currency(17, 19, "currency");
            try {
                this.iban = Iban.french(opening.field(3, 7), branch, account).value();
            } catch (IllegalArgumentException e) {
                throw opening.refused("The bank code '" + opening.field(3, 7) + "', branch code '" + branch
                        + "' and account number '" + account + "' do not make a French account (5 digits, 5 digits,"
                        + " 11 digits or capital letters).");
            }
            this.openingBalance = new Balance(opening.date(35, 40, "date of the opening balance"),
                    opening.amount(91, 104, currency).signed());
        }

        void movement(Record record) {
            sameAccount(record, "movement (record 04)");
            endMovement();
            movement = new Movement(record, currency);
        }

        void complement(Record record) {
            sameAccount(record, "complement (record 05)");
            movement.complete(record);
        }

        Statement close(Record closing) {
            sameAccount(closing, "closing balance (record 07)");
            endMovement();
            Balance closingBalance = new Balance(closing.date(35, 40, "date of the closing balance"),
                    closing.amount(91, 104, currency).signed());
            return new Statement(opening.line, null, iban, null, currency.getCurrencyCode(), openingBalance,
                    closingBalance, lines);
        }

        private void endMovement() {
            if (movement != null) {
                lines.add(movement.line());
                movement = null;
            }
        }

        private void sameAccount(Record record, String what) {
            same(record, what, "branch code", 12, 16, branch);
            same(record, what, "account number", 22, 32, account);
            same(record, what, "currency", 17, 19, currency.getCurrencyCode());
        }

        private void same(Record record, String what, String field, int from, int to, String expected) {
            String written = record.field(from, to);
            if (!written.equals(expected)) {
                throw record.refused("The " + what + " names " + field + " '" + written + "' where its statement's"
                        + " opening balance on line " + opening.line + " names '" + expected + "': a statement is"
                        + " of one account.");
            }
        }
    }

    /** A movement (04) and what its complements (05) add to it. */
    private static final class Movement {

        final Record record;
        final LocalDate bookingDate;
        final LocalDate valueDate;
        final Amount amount;
        final StringBuilder remittance = new StringBuilder();
        String counterpartyName;
        String counterpartyIban;
        String endToEndId;
        Original original;

        Movement(Record record, Currency currency) {
            this.record = record;
            this.bookingDate = record.date(35, 40, "booking date");
            this.valueDate = record.field(43, 48).isBlank() ? null : record.date(43, 48, "value date");
            this.amount = record.amount(91, 104, currency);
            addRemittance(record.field(49, 79));
        }

        void complete(Record complement) {
            String information = complement.field(49, 118);
            // Identifiers, references and accounts take the first 35 characters; a second zone may follow.
            String identifier = complement.field(49, 83);
            switch (complement.field(46, 48)) {
                case "LIB", "LCC", "LC2" -> addRemittance(information);
                case "LCS" -> addRemittance(identifier);
                // The payer (NPY) and the debited account (CPY) are the counterparty of a credit; on a debit they are
                // the account holder. The payee (NBE) and its account (CBE) are the counterparty of a debit.
                case "NPY" -> counterpartyName = firstFor(Direction.CREDIT, counterpartyName, text(information));
                case "NBE" -> counterpartyName = firstFor(Direction.DEBIT, counterpartyName, text(information));
                case "CPY" -> counterpartyIban = firstFor(Direction.CREDIT, counterpartyIban, compact(identifier));
                case "CBE" -> counterpartyIban = firstFor(Direction.DEBIT, counterpartyIban, compact(identifier));
                case "RCN" -> {
                    String id = text(identifier);
                    if (endToEndId == null && id != null && !id.equals(NOT_PROVIDED)) {
                        endToEndId = id;
                    }
                }
                case "MMO" -> {
                    if (original == null) {
                        original = complement.original();
                    }
                }
                default -> {
                    // Other qualifiers (identifiers, mandates, ultimate parties, banks' own) hold nothing a line keeps.
                }
            }
        }

        /** The detail given when it is the counterparty's for this line's direction and none was kept before. */
        private String firstFor(Direction direction, String kept, String given) {
            return kept == null && amount.direction() == direction ? given : kept;
        }

        private void addRemittance(String written) {
            String part = text(written);
            if (part == null || remittance.length() >= REMITTANCE_MAX) {
                return;
            }
            if (!remittance.isEmpty()) {
                remittance.append(" / ");
            }
            remittance.append(part);
            if (remittance.length() > REMITTANCE_MAX) {
                remittance.setLength(REMITTANCE_MAX);
            }
        }

        Line line() {
            String reference = text(record.field(105, 120));
            String entryNumber = text(record.field(82, 88));
            if (reference == null && entryNumber != null && !entryNumber.matches("0+")) {
                reference = entryNumber;
            }
            // "00" is no reject reason: some banks fill the empty numeric zone with zeros.
            String rejectCode = record.field(41, 42);
            boolean reversal = !rejectCode.isBlank() && !rejectCode.equals("00");
            return new Line(record.line, bookingDate, valueDate, amount.direction(), amount.minor(), reversal,
                    counterpartyName, counterpartyIban, null, remittance.isEmpty() ? null : remittance.toString(), null,
                    reference, endToEndId, text(record.field(33, 34)), original);
        }
    }

    /** An amount in minor units, never negative, and whether the file signed it as a debit. */
    private record Amount(long minor, boolean negative) {

        Direction direction() {
            return negative ? Direction.DEBIT : Direction.CREDIT;
        }

        long signed() {
            return negative ? -minor : minor;
        }
    }

    /** One record of 120 characters and its line in the file. */
    private record Record(int line, String text) {

        String code() {
            return text.substring(0, 2);
        }

        /** The characters from position {@code from} to {@code to}, 1-based and inclusive as in the CFONB documents. */
        String field(int from, int to) {
            return text.substring(from - 1, to);
        }

        BankFileRefused refused(String reason) {
            return new BankFileRefused(line, reason);
        }

        /** A currency of money (with minor units: not gold, not a fund's unit), as its ISO 4217 code. */
        Currency currency(int from, int to, String what) {
            String code = field(from, to);
            try {
                Currency currency = code.matches("[A-Z]{3}") ? Currency.getInstance(code) : null;
                if (currency != null && currency.getDefaultFractionDigits() >= 0) {
                    return currency;
                }
            } catch (IllegalArgumentException e) {
                // refused below
            }
            throw refused("The " + what + " '" + code + "' (positions " + from + " to " + to
                    + ") is not a known ISO 4217 currency.");
        }

        /** A day written DDMMYY, the year in this century. */
        LocalDate date(int from, int to, String what) {
            String written = field(from, to);
            if (written.matches("[0-9]{6}")) {
                try {
                    return LocalDate.of(2000 + Integer.parseInt(written.substring(4, 6)),
                            Integer.parseInt(written.substring(2, 4)), Integer.parseInt(written.substring(0, 2)));
                } catch (DateTimeException e) {
                    // refused below
                }
            }
            throw refused("The " + what + " '" + written + "' (positions " + from + " to " + to
                    + ") is not a day written DDMMYY.");
        }

        /**
         * A signed amount: 13 digits then a character that is both the last digit and the sign
         * ({ and A to I for 0 to 9 in credit, } and J to R for 0 to 9 in debit), with the number of
         * decimals in position 20.
         */
        Amount amount(int from, int to, Currency currency) {
            String written = field(from, to);
            if (!written.matches("[0-9]{13}[{}A-R]")) {
                throw refused("The amount '" + written + "' (positions " + from + " to " + to + ") is not a CFONB"
                        + " amount: 13 digits and a last character giving the last digit and the sign.");
            }
            char last = written.charAt(13);
            boolean negative = last == '}' || (last >= 'J' && last <= 'R');
            int lastDigit = last == '{' || last == '}' ? 0 : negative ? last - 'J' + 1 : last - 'A' + 1;
            BigInteger unscaled = new BigInteger(written.substring(0, 13) + lastDigit);
            long minor = minor(new BigDecimal(unscaled, decimals(20)), currency, "amount", from, to);
            return new Amount(minor, negative);
        }

        /**
         * The amount in another currency of an MMO complement, with the exchange rate when the bank
         * gives one, kept as written: the CFONB layout does not say which way the rate converts.
         */
        Original original() {
            Currency currency = currency(49, 51, "original currency");
            String amount = field(53, 66);
            if (!amount.matches("[0-9]{14}")) {
                throw refused("The original amount '" + amount + "' (positions 53 to 66) is not 14 digits.");
            }
            BigDecimal written = new BigDecimal(new BigInteger(amount), decimals(52));
            long minor = minor(written, currency, "original amount", 53, 66);
            String rateDecimals = field(67, 68);
            String rate = field(69, 79);
            if (rate.isBlank() || rate.matches("0+")) {
                return new Original(minor, currency.getCurrencyCode(), null);
            }
            if (!rate.matches("[0-9]{11}") || !rateDecimals.matches("[0-9]{2}")) {
                throw refused("The exchange rate '" + rate + "' (positions 69 to 79) with '" + rateDecimals
                        + "' decimals (positions 67 and 68) is not a number.");
            }
            BigDecimal exchangeRate = new BigDecimal(new BigInteger(rate), Integer.parseInt(rateDecimals));
            return new Original(minor, currency.getCurrencyCode(), exchangeRate);
        }

        private int decimals(int position) {
            char decimals = text.charAt(position - 1);
            if (decimals < '0' || decimals > '9') {
                throw refused("The number of decimals '" + decimals + "' (position " + position + ") is not a digit.");
            }
            return decimals - '0';
        }

        private long minor(BigDecimal amount, Currency currency, String what, int from, int to) {
            BigDecimal inMinorUnits;
            try {
                inMinorUnits = amount.setScale(currency.getDefaultFractionDigits());
            } catch (ArithmeticException e) {
                throw refused("The " + what + " " + amount.toPlainString() + " (positions " + from + " to " + to
                        + ") has more decimals than " + currency.getCurrencyCode() + " has ("
                        + currency.getDefaultFractionDigits() + "): it would have to be rounded.");
            }
            try {
                return inMinorUnits.unscaledValue().longValueExact();
            } catch (ArithmeticException e) {
                throw refused("The " + what + " " + amount.toPlainString() + " (positions " + from + " to " + to
                        + ") is too large.");
            }
        }
    }

    /** Text as people read it: control characters as spaces, blanks run together, none at the ends; null when empty. */
    private static String text(String written) {
        String text = written.replaceAll("[\\p{Cntrl}\\u0080-\\u009f]", " ").replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? null : text;
    }

    /** An account number as written, compact and upper case; null when blank. */
    private static String compact(String written) {
        String compact = written.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return compact.isEmpty() ? null : compact;
    }
}
