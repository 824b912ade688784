package org.solidarityfunds.accounting;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back a "Fichier des Écritures Comptables" (FEC), the flat file of article A47 A-1 of the
 * Livre des procédures fiscales (paragraphs VI to XII, BIC/IS layout of VII 1°), and checks it
 * against the rules this project holds its writer to. It is written apart from the writer and
 * shares no code with it, so that a test reading the writer's output checks the file, not the
 * writer against itself.
 *
 * <p>What it checks, every violation being reported (up to {@value #MAX_VIOLATIONS}):
 * <ul>
 *   <li>the file name, {@code SirenFECyyyyMMdd.txt} or {@code ASSOFECyyyyMMdd.txt}, with the
 *       closing date of the fiscal year (IX);
 *   <li>the encoding: strict ISO-8859-15 (XII 1°), no control character, no UTF-8 byte order
 *       mark, nothing that looks UTF-8 encoded;
 *   <li>the records: each ends with CRLF, the last one included, and none is empty (VI 1° a);
 *   <li>the header line of the 18 field names (VII 4°), separated by TAB or by {@code |} (VI 1° c
 *       allows either): the file's separator, read from it; then 18 fields per line so separated,
 *       none holding the other separator (a file uses one), none with leading or trailing spaces;
 *   <li>the mandatory fields, the auxiliary-account and currency pairs, the formats of dates
 *       ({@code yyyyMMdd}, XII 4°), amounts (decimal comma, no thousands separator, XII 2°) and
 *       account numbers (three leading digits, VII 1°), exactly one of Debit and Credit non-zero;
 *   <li>the entries: EcritureNum runs 1, 2, 3... without gap, each entry contiguous and balanced
 *       with one journal, date, piece and validation date; the opening entries (journal
 *       {@code AN}) come first, dated the first day of the year (VII 3°); the others follow in
 *       validation order (VII 1°); every line is dated within the year and validated on or after
 *       its date; the whole file balances.
 * </ul>
 */
public final class FecReader {

    /** The first record of a TAB-separated file, exactly: field names and their order are those of VII 1°. */
    static final String HEADER = String.join("\t", "JournalCode", "JournalLib", "EcritureNum", "EcritureDate",
            "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit",
            "Credit", "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise");

    private static final String[] NAMES = HEADER.split("\t");
    private static final int FIELDS = NAMES.length;

    private static final int JOURNAL_CODE = 0;
    private static final int JOURNAL_LIB = 1;
    private static final int ECRITURE_NUM = 2;
    private static final int ECRITURE_DATE = 3;
    private static final int COMPTE_NUM = 4;
    private static final int COMPTE_LIB = 5;
    private static final int COMP_AUX_NUM = 6;
    private static final int COMP_AUX_LIB = 7;
    private static final int PIECE_REF = 8;
    private static final int PIECE_DATE = 9;
    private static final int ECRITURE_LIB = 10;
    private static final int DEBIT = 11;
    private static final int CREDIT = 12;
    private static final int ECRITURE_LET = 13;
    private static final int DATE_LET = 14;
    private static final int VALID_DATE = 15;
    private static final int MONTANT_DEVISE = 16;
    private static final int IDEVISE = 17;

    /** Fields 7, 8, 14, 15, 17 and 18 are "à blanc si non utilisé"; all the others must be filled. */
    private static final int[] MANDATORY = {JOURNAL_CODE, JOURNAL_LIB, ECRITURE_NUM, ECRITURE_DATE, COMPTE_NUM,
        COMPTE_LIB, PIECE_REF, PIECE_DATE, ECRITURE_LIB, DEBIT, CREDIT, VALID_DATE};

    /** Beyond this many, more messages would only repeat one mistake made on every line. */
    static final int MAX_VIOLATIONS = 50;

    /** The journal code of the opening entries (à-nouveaux) in this project. */
    private static final String OPENING_JOURNAL = "AN";

    private static final Pattern FILE_NAME = Pattern.compile("^(\\d{9}|ASSO)FEC(\\d{8})\\.txt$");
    private static final Pattern DATE = Pattern.compile("^\\d{8}$");
    private static final Pattern AMOUNT = Pattern.compile("^\\d+,\\d{2}$");
    private static final Pattern CURRENCY_AMOUNT = Pattern.compile("^-?\\d+(,\\d+)?$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    private static final Pattern ACCOUNT = Pattern.compile("^\\d{3}[0-9A-Z]*$");
    /** Leading zeros are refused too: "01" and "1" would be two spellings of one number. */
    private static final Pattern ENTRY_NUMBER = Pattern.compile("^[1-9]\\d{0,17}$");

    /** "uuuu", not "yyyy": the strict resolver needs an era with "yyyy". */
    private static final DateTimeFormatter YYYYMMDD =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private static final Charset LATIN_9 = Charset.forName("ISO-8859-15");
    private static final String UTF_8_BOM = "\u00EF\u00BB\u00BF"; // EF BB BF as decoded by ISO-8859-15

    private FecReader() {}

    /** The fiscal year the file must cover. */
    public record Expectations(LocalDate firstDay, LocalDate lastDay) {
        public Expectations {
            Objects.requireNonNull(firstDay, "firstDay");
            Objects.requireNonNull(lastDay, "lastDay");
        }
    }

    /** A file that broke no rule: its separator (TAB or |), its data lines in file order. */
    public record File(char separator, List<Line> lines) {
        public File {
            lines = List.copyOf(lines);
        }

        /** Debit (index 0) and credit (index 1) per CompteNum, in account order; a fresh map on each call. */
        public Map<String, BigDecimal[]> totalsByAccount() {
            Map<String, BigDecimal[]> totals = new TreeMap<>();
            for (Line line : lines) {
                BigDecimal[] sums = totals.computeIfAbsent(line.compteNum(),
                        account -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sums[0] = sums[0].add(line.debit());
                sums[1] = sums[1].add(line.credit());
            }
            return totals;
        }

        public BigDecimal totalDebit() {
            return lines.stream().map(Line::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal totalCredit() {
            return lines.stream().map(Line::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** The lines of each entry, by EcritureNum in file order. */
        public Map<String, List<Line>> entries() {
            Map<String, List<Line>> entries = new LinkedHashMap<>();
            for (Line line : lines) {
                entries.computeIfAbsent(line.ecritureNum(), number -> new ArrayList<>()).add(line);
            }
            entries.replaceAll((number, entry) -> Collections.unmodifiableList(entry));
            return entries;
        }
    }

    /** One data line; {@code lineNumber} counts the header as line 1; empty fields are null. */
    public record Line(int lineNumber, String journalCode, String journalLib, String ecritureNum,
            LocalDate ecritureDate, String compteNum, String compteLib, String compAuxNum, String compAuxLib,
            String pieceRef, LocalDate pieceDate, String ecritureLib, BigDecimal debit, BigDecimal credit,
            String ecritureLet, LocalDate dateLet, LocalDate validDate, BigDecimal montantDevise, String idevise) {}

    /** The file broke at least one rule; {@link #violations()} lists them, at most {@value #MAX_VIOLATIONS}. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        // Not serialised: these exceptions only travel to a test report.
        private final transient List<String> violations;

        Invalid(String fileName, List<String> violations, int dropped) {
            super(fileName + " is not a valid FEC file:\n  " + String.join("\n  ", violations)
                    + (dropped > 0 ? "\n  ... and " + dropped + " more" : ""));
            this.violations = List.copyOf(violations);
        }

        public List<String> violations() {
            return violations;
        }
    }

    /**
     * Reads {@code bytes}, the content of the file called {@code fileName}.
     *
     * @throws Invalid listing every rule the file breaks
     */
    public static File read(String fileName, byte[] bytes, Expectations expected) {
        return new Reading(fileName, expected).read(bytes);
    }

    /** The state of one reading: the violations found so far. */
    private static final class Reading {
        private final String fileName;
        private final Expectations expected;
        private final List<String> violations = new ArrayList<>();
        private int dropped;
        /** The file total is only worth checking when every line's amounts could be read. */
        private boolean allAmountsRead = true;

        Reading(String fileName, Expectations expected) {
            this.fileName = fileName;
            this.expected = expected;
        }

        private void violation(String message) {
            if (violations.size() < MAX_VIOLATIONS) {
                violations.add(message);
            } else {
                dropped++;
            }
        }

        private void violation(int lineNumber, int field, String message) {
            violation("line " + lineNumber + ", " + NAMES[field] + ": " + message);
        }

        File read(byte[] bytes) {
            checkFileName();
            String text;
            try {
                text = LATIN_9.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                // ISO-8859-15 gives every byte a character; the strict decoder is there should that change.
                violation("encoding: the bytes do not decode as ISO-8859-15: " + e);
                throw new Invalid(fileName, violations, dropped);
            }
            if (text.startsWith(UTF_8_BOM)) {
                violation("encoding: the file starts with a UTF-8 byte order mark (EF BB BF)");
                // Reported once here; left in, it would also spoil the header.
                text = text.substring(UTF_8_BOM.length());
            }
            List<String> records = records(text);
            char separator = '\t';
            if (records.isEmpty()) {
                violation("line 1: the file is empty, the header line is missing");
            } else {
                // The header says which separator the file uses: |, if it holds one and no TAB.
                String header = records.get(0);
                if (header.indexOf('\t') < 0 && header.indexOf('|') >= 0) {
                    separator = '|';
                }
                if (!header.equals(HEADER.replace('\t', separator))) {
                    violation("line 1: the header is not the 18 FEC field names, separated by TAB or by |: \""
                            + header + "\"");
                }
            }
            List<Line> lines = new ArrayList<>();
            for (int i = 1; i < records.size(); i++) {
                Line line = line(i + 1, records.get(i), separator);
                if (line != null) {
                    lines.add(line);
                }
            }
            checkEntries(lines);
            if (allAmountsRead) {
                BigDecimal debit = lines.stream().map(Line::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal credit = lines.stream().map(Line::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (debit.compareTo(credit) != 0) {
                    violation("file: total Debit " + debit.toPlainString() + " does not equal total Credit "
                            + credit.toPlainString());
                }
            }
            if (!violations.isEmpty()) {
                throw new Invalid(fileName, violations, dropped);
            }
            return new File(separator, lines);
        }

        private void checkFileName() {
            Matcher name = FILE_NAME.matcher(fileName);
            if (!name.matches()) {
                violation("file name: \"" + fileName + "\" is not SirenFECyyyyMMdd.txt (9-digit SIREN) "
                        + "or ASSOFECyyyyMMdd.txt");
            } else if (!name.group(2).equals(expected.lastDay().format(YYYYMMDD))) {
                violation("file name: \"" + fileName + "\" carries the closing date " + name.group(2)
                        + " but the fiscal year ends on " + expected.lastDay().format(YYYYMMDD));
            }
        }

        /**
         * Splits the text into records. CR and LF alone also end a record, so that a file with the
         * wrong terminators is still read line by line and each wrong terminator reported once.
         */
        private List<String> records(String text) {
            List<String> records = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    records.add(text.substring(start, i));
                    start = ++i + 1;
                } else if (c == '\r' || c == '\n') {
                    violation("line " + (records.size() + 1) + ": ends with a lone " + (c == '\r' ? "CR" : "LF")
                            + " instead of CRLF");
                    records.add(text.substring(start, i));
                    start = i + 1;
                }
            }
            if (start < text.length()) {
                records.add(text.substring(start));
                violation("line " + records.size() + ": the last record does not end with CRLF");
            }
            for (int i = 0; i < records.size(); i++) {
                checkCharacters(i + 1, records.get(i));
            }
            return records;
        }

        private void checkCharacters(int lineNumber, String record) {
            if (record.isEmpty()) {
                violation("line " + lineNumber + ": empty line");
                return;
            }
            // ISO-8859-15 maps each byte to one char and back, so these are the record's bytes.
            byte[] bytes = record.getBytes(LATIN_9);
            if (looksUtf8(bytes)) {
                // The bytes 0x80-0x9F in it are UTF-8 continuation bytes, not control characters:
                // this one message says what is wrong.
                violation("line " + lineNumber + ": looks UTF-8 encoded (\"" + record
                        + "\" holds multi-byte UTF-8 sequences), not ISO-8859-15");
                return;
            }
            for (int i = 0; i < record.length(); i++) {
                char c = record.charAt(i);
                if ((c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F)) {
                    violation(String.format("line %d: control character 0x%02X at column %d", lineNumber,
                            (int) c, i + 1));
                    return;
                }
            }
        }

        /** Valid UTF-8 with a byte of 0x80 or more: a multi-byte sequence, text that was encoded as UTF-8. */
        private static boolean looksUtf8(byte[] bytes) {
            boolean high = false;
            for (byte b : bytes) {
                high |= b < 0;
            }
            if (!high) {
                return false;
            }
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
                return true;
            } catch (CharacterCodingException e) {
                return false;
            }
        }

        /** Checks one data record's fields, split at the file's separator; null when it has not 18 to read. */
        private Line line(int n, String record, char separator) {
            if (record.isEmpty()) {
                return null; // already reported as an empty line
            }
            String[] f = record.split(Pattern.quote(String.valueOf(separator)), -1);
            char other = separator == '\t' ? '|' : '\t';
            if (f.length != FIELDS) {
                if (record.split(Pattern.quote(String.valueOf(other)), -1).length == FIELDS) {
                    violation("line " + n + ": separated by " + named(other) + ", not by " + named(separator)
                            + " as the header: a file uses one separator");
                } else {
                    violation("line " + n + ": " + f.length + " fields instead of " + FIELDS);
                }
                allAmountsRead = false;
                return null;
            }
            for (int i = 0; i < FIELDS; i++) {
                if (f[i].indexOf(other) >= 0) {
                    violation(n, i, "contains " + named(other) + ", the other FEC separator: a file uses one, "
                            + "the header's");
                }
                if (padded(f[i])) {
                    violation(n, i, "leading or trailing space in \"" + f[i] + "\"");
                }
            }
            for (int i : MANDATORY) {
                if (f[i].isEmpty()) {
                    violation(n, i, "mandatory field is empty");
                }
            }
            if (f[COMP_AUX_NUM].isEmpty() != f[COMP_AUX_LIB].isEmpty()) {
                violation(n, f[COMP_AUX_NUM].isEmpty() ? COMP_AUX_NUM : COMP_AUX_LIB,
                        "empty while " + (f[COMP_AUX_NUM].isEmpty() ? "CompAuxLib" : "CompAuxNum")
                                + " is filled: both or neither");
            }
            if (f[MONTANT_DEVISE].isEmpty() != f[IDEVISE].isEmpty()) {
                violation(n, f[MONTANT_DEVISE].isEmpty() ? MONTANT_DEVISE : IDEVISE,
                        "empty while " + (f[MONTANT_DEVISE].isEmpty() ? "Idevise" : "Montantdevise")
                                + " is filled: both or neither");
            }
            if (!f[IDEVISE].isEmpty()) {
                if (!CURRENCY.matcher(f[IDEVISE]).matches()) {
                    violation(n, IDEVISE, "\"" + f[IDEVISE] + "\" is not three capital letters");
                } else if (f[IDEVISE].equals("EUR")) {
                    violation(n, IDEVISE, "EUR is the book currency, not a foreign one");
                }
            }
            if (!f[COMPTE_NUM].isEmpty() && !ACCOUNT.matcher(f[COMPTE_NUM]).matches()) {
                violation(n, COMPTE_NUM,
                        "\"" + f[COMPTE_NUM] + "\" is not three digits then digits or capital letters");
            }

            LocalDate ecritureDate = date(n, ECRITURE_DATE, f);
            LocalDate pieceDate = date(n, PIECE_DATE, f);
            LocalDate dateLet = date(n, DATE_LET, f);
            LocalDate validDate = date(n, VALID_DATE, f);
            if (ecritureDate != null
                    && (ecritureDate.isBefore(expected.firstDay()) || ecritureDate.isAfter(expected.lastDay()))) {
                violation(n, ECRITURE_DATE, ecritureDate + " is outside the fiscal year " + expected.firstDay()
                        + " to " + expected.lastDay());
            }
            if (ecritureDate != null && validDate != null && validDate.isBefore(ecritureDate)) {
                violation(n, VALID_DATE, validDate + " is before EcritureDate " + ecritureDate);
            }

            BigDecimal debit = amount(n, DEBIT, f);
            BigDecimal credit = amount(n, CREDIT, f);
            if (debit == null || credit == null) {
                allAmountsRead = false;
            } else if ((debit.signum() != 0) == (credit.signum() != 0)) {
                violation(n, DEBIT, "exactly one of Debit and Credit must be non-zero, here Debit " + f[DEBIT]
                        + " and Credit " + f[CREDIT]);
            }
            BigDecimal montantDevise = null;
            if (!f[MONTANT_DEVISE].isEmpty()) {
                if (CURRENCY_AMOUNT.matcher(f[MONTANT_DEVISE]).matches()) {
                    montantDevise = decimal(f[MONTANT_DEVISE]);
                } else {
                    violation(n, MONTANT_DEVISE, "\"" + f[MONTANT_DEVISE]
                            + "\" is not an optionally signed number with a decimal comma");
                }
            }
            return new Line(n, text(f[JOURNAL_CODE]), text(f[JOURNAL_LIB]), text(f[ECRITURE_NUM]), ecritureDate,
                    text(f[COMPTE_NUM]), text(f[COMPTE_LIB]), text(f[COMP_AUX_NUM]), text(f[COMP_AUX_LIB]),
                    text(f[PIECE_REF]), pieceDate, text(f[ECRITURE_LIB]), debit, credit, text(f[ECRITURE_LET]),
                    dateLet, validDate, montantDevise, text(f[IDEVISE]));
        }

        /** The date in field {@code i}; null when empty (reported if mandatory) or not a date (reported). */
        private LocalDate date(int n, int i, String[] f) {
            if (f[i].isEmpty()) {
                return null;
            }
            // The pattern first: the parser alone reads "-20240105" as the year -2024.
            if (DATE.matcher(f[i]).matches()) {
                try {
                    return LocalDate.parse(f[i], YYYYMMDD);
                } catch (DateTimeException e) {
                    // falls through to the violation: eight digits, but no such day
                }
            }
            violation(n, i, "\"" + f[i] + "\" is not a yyyyMMdd calendar date");
            return null;
        }

        /** The Debit or Credit amount; null when empty (reported as mandatory) or malformed (reported). */
        private BigDecimal amount(int n, int i, String[] f) {
            if (f[i].isEmpty()) {
                return null;
            }
            if (!AMOUNT.matcher(f[i]).matches()) {
                violation(n, i, "\"" + f[i] + "\" is not digits, a decimal comma and two decimals "
                        + "(no sign, no thousands separator)");
                return null;
            }
            return decimal(f[i]);
        }

        /**
         * Checks what spans lines: numbering, contiguity and consistency of entries, their balance,
         * the opening entries first, and the validation order.
         */
        private void checkEntries(List<Line> lines) {
            Map<String, List<Line>> entries = new LinkedHashMap<>();
            long expectedNumber = 1;
            int firstOtherLine = 0; // the first line of the first entry that is not an opening one
            Line lastValidated = null; // the first line of the last entry not an opening one
            List<Line> current = null; // the entry the previous line belongs to
            for (Line line : lines) {
                String number = line.ecritureNum();
                if (number == null) {
                    continue; // reported as missing: the line belongs to no entry that can be named
                }
                if (current != null && number.equals(current.get(0).ecritureNum())) {
                    current.add(line);
                    continue;
                }
                List<Line> entry = entries.get(number);
                if (entry != null) {
                    // The entry's own checks ran on its first run of lines; only this is new.
                    violation(line.lineNumber(), ECRITURE_NUM, number + " comes back after entry lines of "
                            + "another number (line " + entry.get(entry.size() - 1).lineNumber()
                            + " was its last): an entry's lines must be contiguous");
                    entry.add(line);
                    current = entry;
                    continue;
                }
                current = new ArrayList<>();
                current.add(line);
                entries.put(number, current);
                if (!ENTRY_NUMBER.matcher(number).matches()) {
                    violation(line.lineNumber(), ECRITURE_NUM,
                            "\"" + number + "\" is not a decimal integer without leading zeros");
                } else if (Long.parseLong(number) != expectedNumber) {
                    violation(line.lineNumber(), ECRITURE_NUM, number + " where " + expectedNumber
                            + " was expected: entries are numbered 1, 2, 3... in file order, without gap");
                    expectedNumber = Long.parseLong(number);
                }
                // A wrong number is taken as holding its place, so that one gap gives one message.
                expectedNumber++;

                if (OPENING_JOURNAL.equals(line.journalCode())) {
                    if (firstOtherLine != 0) {
                        violation(line.lineNumber(), JOURNAL_CODE, "opening (AN) entry " + number
                                + " after the entry on line " + firstOtherLine + ": AN entries come first");
                    }
                    if (line.ecritureDate() != null && !line.ecritureDate().equals(expected.firstDay())) {
                        violation(line.lineNumber(), ECRITURE_DATE, "opening (AN) entry " + number + " is dated "
                                + line.ecritureDate() + ", not the first day of the year " + expected.firstDay());
                    }
                } else {
                    if (firstOtherLine == 0) {
                        firstOtherLine = line.lineNumber();
                    }
                    // The opening entries are left out: they were validated at the previous year's
                    // closing, possibly after this year's first entries.
                    if (line.validDate() != null) {
                        if (lastValidated != null && line.validDate().isBefore(lastValidated.validDate())) {
                            violation(line.lineNumber(), VALID_DATE, line.validDate() + " is before "
                                    + lastValidated.validDate() + ", the ValidDate of the entry on line "
                                    + lastValidated.lineNumber() + ": entries come in validation order");
                        }
                        lastValidated = line;
                    }
                }
            }
            entries.values().forEach(this::checkEntry);
        }

        /** One journal, date, piece and validation date per entry, and debit equal to credit. */
        private void checkEntry(List<Line> entry) {
            Line first = entry.get(0);
            for (Line line : entry.subList(1, entry.size())) {
                // A null value was reported as missing or malformed: comparing it would say it twice.
                same(first, line, JOURNAL_CODE, first.journalCode(), line.journalCode());
                same(first, line, ECRITURE_DATE, first.ecritureDate(), line.ecritureDate());
                same(first, line, PIECE_REF, first.pieceRef(), line.pieceRef());
                same(first, line, PIECE_DATE, first.pieceDate(), line.pieceDate());
                same(first, line, VALID_DATE, first.validDate(), line.validDate());
            }
            // An unread amount was reported on its line; the entry's sums would only echo it.
            if (entry.stream().allMatch(line -> line.debit() != null && line.credit() != null)) {
                BigDecimal debit = entry.stream().map(Line::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal credit = entry.stream().map(Line::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (debit.compareTo(credit) != 0) {
                    violation(first.lineNumber(), ECRITURE_NUM, "entry " + first.ecritureNum()
                            + " does not balance: Debit " + debit.toPlainString() + ", Credit "
                            + credit.toPlainString());
                }
            }
        }

        private void same(Line first, Line line, int field, Object expectedValue, Object value) {
            if (expectedValue != null && value != null && !expectedValue.equals(value)) {
                violation(line.lineNumber(), field, "\"" + value + "\" differs from \"" + expectedValue
                        + "\" on line " + first.lineNumber() + ": one value per entry");
            }
        }
    }

    private static String named(char separator) {
        return separator == '|' ? "\"|\"" : "TAB";
    }

    /** Any Unicode space counts, the no-break space included: padding is padding. */
    private static boolean padded(String field) {
        return !field.isEmpty()
                && (Character.isSpaceChar(field.charAt(0)) || Character.isSpaceChar(field.charAt(field.length() - 1)));
    }

    private static String text(String field) {
        return field.isEmpty() ? null : field;
    }

    private static BigDecimal decimal(String field) {
        return new BigDecimal(field.replace(',', '.'));
    }
}
