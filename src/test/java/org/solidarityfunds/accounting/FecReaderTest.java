package org.solidarityfunds.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The test reader itself: one valid file, then, for each rule, the same file broken in exactly
 * one way. Where the break can only show as one violation, the test asserts there is no other:
 * a reader that cried wolf on the neighbouring checks would hide the real fault of a real file.
 */
class FecReaderTest {

    private static final FecReader.Expectations YEAR_2024 =
            new FecReader.Expectations(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
    private static final String NAME = "ASSOFEC20241231.txt";
    private static final Charset LATIN_9 = Charset.forName("ISO-8859-15");

    /** Written out rather than taken from the reader, so that a typo there shows here. */
    private static final String HEADER = "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib"
            + "\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet"
            + "\tValidDate\tMontantdevise\tIdevise";

    // Field positions, for the tests that break one field.
    private static final int JOURNAL_CODE = 0;
    private static final int ECRITURE_NUM = 2;
    private static final int ECRITURE_DATE = 3;
    private static final int COMPTE_NUM = 4;
    private static final int COMPTE_LIB = 5;
    private static final int COMP_AUX_LIB = 7;
    private static final int PIECE_REF = 8;
    private static final int PIECE_DATE = 9;
    private static final int ECRITURE_LIB = 10;
    private static final int DEBIT = 11;
    private static final int CREDIT = 12;
    private static final int DATE_LET = 14;
    private static final int VALID_DATE = 15;
    private static final int MONTANT_DEVISE = 16;
    private static final int IDEVISE = 17;

    /**
     * The data lines of the valid file, lines 2 to 9 (the header is line 1): an opening entry,
     * a donation with its donor as auxiliary account and a lettering, an entry whose labels carry
     * every accent ISO-8859-15 has and Latin-1 lacks, and a payment in dollars. The opening
     * entry is validated after the others, as à-nouveaux validated at the previous closing are.
     */
    private static List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("AN", "A-nouveaux", "1", "20240101", "512000", "Banque", "", "", "AN-2024", "20240101",
                "Report à nouveau", "1500,00", "0,00", "", "", "20240215", "", ""));
        rows.add(row("AN", "A-nouveaux", "1", "20240101", "102000", "Fonds associatifs", "", "", "AN-2024",
                "20240101", "Report à nouveau", "0,00", "1500,00", "", "", "20240215", "", ""));
        rows.add(row("BQ", "Banque", "2", "20240105", "512000", "Banque", "", "", "REL-0001", "20240104",
                "Don affecté Dupont", "200,00", "0,00", "", "", "20240110", "", ""));
        rows.add(row("BQ", "Banque", "2", "20240105", "411000", "Donateurs", "D0001", "Marie Dupont", "REL-0001",
                "20240104", "Don affecté Dupont", "0,00", "200,00", "AA", "20240105", "20240110", "", ""));
        rows.add(row("OD", "Opérations diverses", "3", "20240210", "531000", "Régie d'avances é à ç œ €", "", "",
                "OD-0001", "20240210", "Alimentation de la régie", "50,00", "0,00", "", "", "20240220", "", ""));
        rows.add(row("OD", "Opérations diverses", "3", "20240210", "512000", "Banque", "", "", "OD-0001",
                "20240210", "Alimentation de la régie", "0,00", "50,00", "", "", "20240220", "", ""));
        rows.add(row("BQ", "Banque", "4", "20240301", "625700", "Réceptions", "", "", "FAC-US-17", "20240228",
                "Traiteur New York", "120,00", "0,00", "", "", "20240305", "130,50", "USD"));
        rows.add(row("BQ", "Banque", "4", "20240301", "512000", "Banque", "", "", "FAC-US-17", "20240228",
                "Traiteur New York", "0,00", "120,00", "", "", "20240305", "-130,50", "USD"));
        return rows;
    }

    private static String[] row(String... fields) {
        assertThat(fields).hasSize(18);
        return fields;
    }

    /** The file's text: the header, then each row, every record ended by CRLF. */
    private static String text(List<String[]> rows) {
        return text(rows, "\t");
    }

    /** The file's text, its zones separated by the separator given, header included. */
    private static String text(List<String[]> rows, String separator) {
        StringBuilder text = new StringBuilder(HEADER.replace("\t", separator)).append("\r\n");
        for (String[] row : rows) {
            text.append(String.join(separator, row)).append("\r\n");
        }
        return text.toString();
    }

    private static byte[] latin9(String text) {
        return text.getBytes(LATIN_9);
    }

    /** Row {@code line} of the file, counting the header as line 1. */
    private static String[] line(List<String[]> rows, int line) {
        return rows.get(line - 2);
    }

    /** The text with the terminator of record {@code line} (1 for the header) replaced. */
    private static String terminated(String text, int line, String terminator) {
        int at = -2;
        for (int i = 0; i < line; i++) {
            at = text.indexOf("\r\n", at + 2);
        }
        return text.substring(0, at) + terminator + text.substring(at + 2);
    }

    private static List<String> violations(String name, byte[] bytes) {
        FecReader.Invalid invalid =
                catchThrowableOfType(FecReader.Invalid.class, () -> FecReader.read(name, bytes, YEAR_2024));
        assertThat(invalid).as("the reader refuses the file").isNotNull();
        assertThat(invalid.violations()).isNotEmpty().allSatisfy(v -> assertThat(invalid).hasMessageContaining(v));
        return invalid.violations();
    }

    private static List<String> violations(List<String[]> rows) {
        return violations(NAME, latin9(text(rows)));
    }

    private static List<String> violations(String text) {
        return violations(NAME, latin9(text));
    }

    @Test
    void a_valid_file_reads_back_with_its_totals() {
        FecReader.File file = FecReader.read(NAME, latin9(text(rows())), YEAR_2024);

        assertThat(file.lines()).hasSize(8);
        assertThat(file.totalDebit()).isEqualByComparingTo("1870.00");
        assertThat(file.totalCredit()).isEqualByComparingTo("1870.00");
        Map<String, BigDecimal[]> totals = file.totalsByAccount();
        assertThat(totals).containsOnlyKeys("102000", "411000", "512000", "531000", "625700");
        assertThat(totals.get("512000")[0]).isEqualByComparingTo("1700.00");
        assertThat(totals.get("512000")[1]).isEqualByComparingTo("170.00");
        assertThat(totals.get("102000")[0]).isEqualByComparingTo("0");
        assertThat(totals.get("102000")[1]).isEqualByComparingTo("1500.00");
        Map<String, List<FecReader.Line>> entries = file.entries();
        assertThat(entries.keySet()).containsExactly("1", "2", "3", "4");
        assertThat(entries.get("2")).extracting(FecReader.Line::lineNumber).containsExactly(4, 5);

        FecReader.Line opening = file.lines().get(0);
        assertThat(opening.lineNumber()).isEqualTo(2);
        assertThat(opening.journalCode()).isEqualTo("AN");
        assertThat(opening.ecritureDate()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(opening.ecritureLib()).isEqualTo("Report à nouveau");
        assertThat(opening.compAuxNum()).isNull();
        assertThat(opening.compAuxLib()).isNull();
        assertThat(opening.ecritureLet()).isNull();
        assertThat(opening.dateLet()).isNull();
        assertThat(opening.montantDevise()).isNull();
        assertThat(opening.idevise()).isNull();
        FecReader.Line donation = file.lines().get(3);
        assertThat(donation.compAuxNum()).isEqualTo("D0001");
        assertThat(donation.compAuxLib()).isEqualTo("Marie Dupont");
        assertThat(donation.ecritureLet()).isEqualTo("AA");
        assertThat(donation.dateLet()).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(donation.pieceDate()).isEqualTo(LocalDate.of(2024, 1, 4));
        assertThat(donation.validDate()).isEqualTo(LocalDate.of(2024, 1, 10));
        assertThat(donation.credit()).isEqualByComparingTo("200.00");
        assertThat(file.lines().get(4).journalLib()).isEqualTo("Opérations diverses");
        assertThat(file.lines().get(4).compteLib()).isEqualTo("Régie d'avances é à ç œ €");
        FecReader.Line dollars = file.lines().get(7);
        assertThat(dollars.montantDevise()).isEqualByComparingTo("-130.50");
        assertThat(dollars.idevise()).isEqualTo("USD");
    }

    @Test
    void a_siren_may_replace_asso_in_the_file_name() {
        assertThat(FecReader.read("123456789FEC20241231.txt", latin9(text(rows())), YEAR_2024).lines()).hasSize(8);
    }

    @Test
    void a_file_name_other_than_siren_or_asso_fec_closing_date_txt_is_refused() {
        byte[] bytes = latin9(text(rows()));
        for (String name : List.of("12345678FEC20241231.txt", "ASSOFEC20241231.csv", "123456789FEC20241231",
                "assoFEC20241231.txt", "ASSOFEC2024123.txt")) {
            assertThat(violations(name, bytes)).as(name).singleElement().asString()
                    .contains("file name", "is not SirenFECyyyyMMdd.txt");
        }
        assertThat(violations("ASSOFEC20231231.txt", bytes)).singleElement().asString()
                .contains("file name", "closing date 20231231", "ends on 20241231");
    }

    @Test
    void a_utf8_byte_order_mark_is_refused() {
        byte[] text = latin9(text(rows()));
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);

        assertThat(violations(NAME, bytes)).singleElement().asString().contains("byte order mark");
    }

    @Test
    void a_utf8_encoded_e_acute_is_refused() {
        // Line 4 in UTF-8, the others in ISO-8859-15: its "é" becomes C3 A9, read back as "Ã©".
        String[] records = text(rows()).split("\r\n");
        assertThat(records[3]).contains("affecté");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < records.length; i++) {
            bytes.writeBytes((records[i] + "\r\n").getBytes(i == 3 ? StandardCharsets.UTF_8 : LATIN_9));
        }

        assertThat(violations(NAME, bytes.toByteArray())).singleElement().asString()
                .contains("line 4:", "looks UTF-8 encoded", "affectÃ©");
    }

    @Test
    void a_file_encoded_in_utf8_is_refused_on_each_line_with_accents_and_nothing_else() {
        // "€" is E2 82 AC in UTF-8 and "œ" C5 93: 0x82 and 0x93 are not reported as control characters.
        assertThat(violations(NAME, text(rows()).getBytes(StandardCharsets.UTF_8))).hasSize(7)
                .allSatisfy(v -> assertThat(v).contains("looks UTF-8 encoded"))
                .anySatisfy(v -> assertThat(v).startsWith("line 6:"));
    }

    @Test
    void a_control_character_is_refused() {
        List<String[]> bell = rows();
        line(bell, 4)[ECRITURE_LIB] = "Don\u0007affecté";
        assertThat(violations(bell)).singleElement().asString()
                .contains("line 4:", "control character 0x07 at column");

        List<String[]> nextLine = rows();
        line(nextLine, 6)[COMPTE_LIB] = "Régie\u0085d'avances";
        assertThat(violations(nextLine)).singleElement().asString().contains("line 6:", "control character 0x85");
    }

    @Test
    void a_record_ended_by_lf_alone_is_refused() {
        assertThat(violations(terminated(text(rows()), 4, "\n"))).singleElement().asString()
                .contains("line 4:", "lone LF instead of CRLF");
    }

    @Test
    void a_record_ended_by_cr_alone_is_refused() {
        assertThat(violations(terminated(text(rows()), 4, "\r"))).singleElement().asString()
                .contains("line 4:", "lone CR instead of CRLF");
    }

    @Test
    void the_last_record_must_end_with_crlf_too() {
        String text = text(rows());
        assertThat(violations(text.substring(0, text.length() - 2))).singleElement().asString()
                .contains("line 9:", "does not end with CRLF");
    }

    @Test
    void an_empty_line_is_refused() {
        assertThat(violations(terminated(text(rows()), 5, "\r\n\r\n"))).singleElement().asString()
                .contains("line 6:", "empty line");
    }

    @Test
    void the_header_must_be_the_18_names_exactly() {
        assertThat(violations(text(rows()).replace("CompAuxNum", "CompteAuxNum"))).singleElement().asString()
                .contains("line 1:", "header");
        assertThat(violations(text(rows()).replace("Montantdevise", "MontantDevise"))).singleElement()
                .asString().contains("line 1:", "header");
        assertThat(violations(NAME, new byte[0])).singleElement().asString()
                .contains("line 1:", "header line is missing");
    }

    @Test
    void a_line_without_exactly_18_fields_is_refused() {
        String line3 = String.join("\t", line(rows(), 3));
        String seventeen = text(rows()).replace(line3, line3.substring(0, line3.lastIndexOf('\t')));
        // Line 3 cannot be read, so entry 1 is read without it and no longer balances.
        assertThat(violations(seventeen)).containsExactly("line 3: 17 fields instead of 18",
                "line 2, EcritureNum: entry 1 does not balance: Debit 1500.00, Credit 0.00");

        String nineteen = text(rows()).replace(line3, line3 + "\t");
        assertThat(violations(nineteen)).first().isEqualTo("line 3: 19 fields instead of 18");
    }

    @Test
    void a_pipe_in_a_field_is_refused() {
        List<String[]> rows = rows();
        line(rows, 6)[COMPTE_LIB] = "Régie|avances";
        assertThat(violations(rows)).singleElement().asString().contains("line 6, CompteLib:", "contains \"|\"");
    }

    @Test
    void a_pipe_separated_file_reads_back_as_the_tab_separated_one() {
        FecReader.File tabs = FecReader.read(NAME, latin9(text(rows())), YEAR_2024);
        FecReader.File pipes = FecReader.read(NAME, latin9(text(rows(), "|")), YEAR_2024);

        assertThat(tabs.separator()).isEqualTo('\t');
        assertThat(pipes.separator()).isEqualTo('|');
        assertThat(pipes.lines()).hasSize(8).isEqualTo(tabs.lines());
    }

    @Test
    void a_file_mixing_the_two_separators_is_refused() {
        // A line separated otherwise than the header.
        String pipes = text(rows(), "|");
        String line4 = String.join("|", line(rows(), 4));
        assertThat(violations(pipes.replace(line4, line4.replace('|', '\t')))).containsExactly(
                "line 4: separated by TAB, not by \"|\" as the header: a file uses one separator",
                "line 5, EcritureNum: entry 2 does not balance: Debit 0.00, Credit 200.00");
        String tabs = text(rows());
        String line6 = String.join("\t", line(rows(), 6));
        assertThat(violations(tabs.replace(line6, line6.replace('\t', '|')))).first()
                .isEqualTo("line 6: separated by \"|\", not by TAB as the header: a file uses one separator");

        // A TAB in a zone of a |-separated file, as a | in a zone of a TAB-separated one.
        List<String[]> tab = rows();
        line(tab, 6)[COMPTE_LIB] = "Régie\td'avances";
        assertThat(violations(text(tab, "|"))).singleElement().asString()
                .contains("line 6, CompteLib:", "contains TAB, the other FEC separator");

        // A header with both: neither file's.
        String mixed = HEADER.replaceFirst("\t", "|");
        assertThat(violations(text(rows()).replace(HEADER, mixed))).singleElement().asString()
                .contains("line 1:", "header", "separated by TAB or by |");
    }

    @Test
    void a_leading_or_trailing_space_is_refused() {
        List<String[]> trailing = rows();
        line(trailing, 2)[ECRITURE_LIB] = "Report à nouveau ";
        assertThat(violations(trailing)).singleElement().asString()
                .contains("line 2, EcritureLib:", "leading or trailing space");

        List<String[]> leading = rows();
        line(leading, 5)[COMP_AUX_LIB] = "\u00A0Marie Dupont";
        assertThat(violations(leading)).singleElement().asString()
                .contains("line 5, CompAuxLib:", "leading or trailing space");
    }

    @Test
    void a_missing_valid_date_is_refused() {
        List<String[]> rows = rows();
        line(rows, 5)[VALID_DATE] = "";
        assertThat(violations(rows)).singleElement().asString()
                .contains("line 5, ValidDate:", "mandatory field is empty");
    }

    @Test
    void every_mandatory_field_must_be_filled() {
        String[] names = HEADER.split("\t");
        for (int field : new int[] {0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 15}) {
            List<String[]> rows = rows();
            line(rows, 4)[field] = "";
            assertThat(violations(rows)).as(names[field])
                    .anySatisfy(v -> assertThat(v).isEqualTo("line 4, " + names[field] + ": mandatory field is empty"));
        }
    }

    @Test
    void an_auxiliary_account_needs_both_its_number_and_its_label() {
        List<String[]> rows = rows();
        line(rows, 5)[COMP_AUX_LIB] = "";
        assertThat(violations(rows)).singleElement().asString()
                .contains("line 5, CompAuxLib:", "both or neither");
    }

    @Test
    void a_foreign_amount_needs_its_currency_which_is_not_the_euro() {
        List<String[]> noCurrency = rows();
        line(noCurrency, 8)[IDEVISE] = "";
        assertThat(violations(noCurrency)).singleElement().asString().contains("line 8, Idevise:", "both or neither");

        List<String[]> noAmount = rows();
        line(noAmount, 9)[MONTANT_DEVISE] = "";
        assertThat(violations(noAmount)).singleElement().asString()
                .contains("line 9, Montantdevise:", "both or neither");

        List<String[]> euro = rows();
        line(euro, 8)[IDEVISE] = "EUR";
        assertThat(violations(euro)).singleElement().asString().contains("line 8, Idevise:", "EUR");

        List<String[]> lowerCase = rows();
        line(lowerCase, 8)[IDEVISE] = "usd";
        assertThat(violations(lowerCase)).singleElement().asString()
                .contains("line 8, Idevise:", "not three capital letters");
    }

    @Test
    void a_date_must_be_a_real_day_written_yyyymmdd() {
        for (int field : new int[] {ECRITURE_DATE, PIECE_DATE, DATE_LET, VALID_DATE}) {
            for (String date : List.of("2024-01-05", "5012024", "-20240105", "20240230", "20241301")) {
                List<String[]> rows = rows();
                line(rows, 5)[field] = date;
                assertThat(violations(rows)).as(field + " " + date).singleElement().asString()
                        .contains("line 5, " + HEADER.split("\t")[field] + ":", "not a yyyyMMdd calendar date");
            }
        }
    }

    @Test
    void an_entry_dated_outside_the_fiscal_year_is_refused() {
        List<String[]> before = rows();
        line(before, 8)[ECRITURE_DATE] = "20231231";
        line(before, 9)[ECRITURE_DATE] = "20231231";
        assertThat(violations(before)).hasSize(2)
                .allSatisfy(v -> assertThat(v).contains("EcritureDate:", "outside the fiscal year"));

        List<String[]> after = rows();
        for (int line : new int[] {8, 9}) {
            line(after, line)[ECRITURE_DATE] = "20250102";
            line(after, line)[VALID_DATE] = "20250105";
        }
        assertThat(violations(after)).hasSize(2)
                .allSatisfy(v -> assertThat(v).contains("EcritureDate:", "outside the fiscal year"));
    }

    @Test
    void a_line_validated_before_its_date_is_refused() {
        List<String[]> rows = rows();
        line(rows, 4)[VALID_DATE] = "20240104";
        line(rows, 5)[VALID_DATE] = "20240104";
        assertThat(violations(rows)).hasSize(2)
                .allSatisfy(v -> assertThat(v).contains("ValidDate:", "is before EcritureDate 2024-01-05"));
    }

    @Test
    void an_amount_needs_a_decimal_comma_two_decimals_no_sign_no_grouping() {
        for (String amount : List.of("200.00", "200", "200,0", "-200,00", "+200,00", "1 200,00", "1.200,00")) {
            List<String[]> rows = rows();
            line(rows, 4)[DEBIT] = amount;
            assertThat(violations(rows)).as(amount).singleElement().asString()
                    .contains("line 4, Debit:", "not digits, a decimal comma and two decimals");
        }
    }

    @Test
    void exactly_one_of_debit_and_credit_is_non_zero() {
        List<String[]> rows = rows();
        line(rows, 4)[CREDIT] = "200,00";
        line(rows, 5)[CREDIT] = "0,00";
        assertThat(violations(rows)).containsExactly(
                "line 4, Debit: exactly one of Debit and Credit must be non-zero, here Debit 200,00 and Credit 200,00",
                "line 5, Debit: exactly one of Debit and Credit must be non-zero, here Debit 0,00 and Credit 0,00");
    }

    @Test
    void a_foreign_amount_is_a_signed_number_with_a_decimal_comma() {
        List<String[]> rows = rows();
        line(rows, 8)[MONTANT_DEVISE] = "130.50";
        assertThat(violations(rows)).singleElement().asString()
                .contains("line 8, Montantdevise:", "optionally signed number with a decimal comma");
    }

    @Test
    void an_account_number_starts_with_three_digits() {
        for (String account : List.of("51A000", "51", "512bq", "5120 00")) {
            List<String[]> rows = rows();
            line(rows, 6)[COMPTE_NUM] = account;
            assertThat(violations(rows)).as(account).singleElement().asString()
                    .contains("line 6, CompteNum:", "three digits");
        }
    }

    @Test
    void a_gap_in_the_entry_numbers_is_refused() {
        List<String[]> rows = rows();
        line(rows, 8)[ECRITURE_NUM] = "5";
        line(rows, 9)[ECRITURE_NUM] = "5";
        assertThat(violations(rows)).singleElement().asString()
                .contains("line 8, EcritureNum:", "5 where 4 was expected");
    }

    @Test
    void an_entry_number_is_a_plain_decimal_integer() {
        List<String[]> rows = rows();
        line(rows, 6)[ECRITURE_NUM] = "03";
        line(rows, 7)[ECRITURE_NUM] = "03";
        assertThat(violations(rows)).singleElement().asString()
                .contains("line 6, EcritureNum:", "not a decimal integer");
    }

    @Test
    void the_lines_of_an_entry_are_contiguous() {
        List<String[]> rows = rows();
        rows.add(5, rows.remove(3)); // line 5 of entry 2 moves after entry 3
        assertThat(violations(rows)).singleElement().asString()
                .contains("line 7, EcritureNum:", "2 comes back", "contiguous");
    }

    @Test
    void an_entry_has_one_journal_date_piece_and_validation_date() {
        Map<Integer, String> changes = Map.of(JOURNAL_CODE, "OD", ECRITURE_DATE, "20240106", PIECE_REF, "REL-0002",
                PIECE_DATE, "20240103", VALID_DATE, "20240111");
        changes.forEach((field, value) -> {
            List<String[]> rows = rows();
            line(rows, 5)[field] = value;
            assertThat(violations(rows)).as(value).singleElement().asString()
                    .contains("line 5, " + HEADER.split("\t")[field] + ":", "differs", "on line 4");
        });
    }

    @Test
    void an_unbalanced_entry_is_refused_and_so_is_the_file() {
        List<String[]> rows = rows();
        line(rows, 5)[CREDIT] = "190,00";
        assertThat(violations(rows)).containsExactly(
                "line 4, EcritureNum: entry 2 does not balance: Debit 200.00, Credit 190.00",
                "file: total Debit 1870.00 does not equal total Credit 1860.00");
    }

    @Test
    void an_opening_entry_after_another_entry_is_refused() {
        List<String[]> rows = rows();
        for (int line : new int[] {8, 9}) {
            line(rows, line)[JOURNAL_CODE] = "AN";
            line(rows, line)[ECRITURE_DATE] = "20240101";
        }
        assertThat(violations(rows)).singleElement().asString()
                .contains("line 8, JournalCode:", "after the entry on line 4", "AN entries come first");
    }

    @Test
    void an_opening_entry_is_dated_the_first_day_of_the_year() {
        List<String[]> rows = rows();
        line(rows, 2)[ECRITURE_DATE] = "20240102";
        line(rows, 3)[ECRITURE_DATE] = "20240102";
        assertThat(violations(rows)).singleElement().asString()
                .contains("line 2, EcritureDate:", "not the first day of the year 2024-01-01");
    }

    @Test
    void a_decreasing_validation_date_is_refused() {
        List<String[]> rows = rows();
        line(rows, 6)[VALID_DATE] = "20240310";
        line(rows, 7)[VALID_DATE] = "20240310";
        assertThat(violations(rows)).singleElement().asString()
                .contains("line 8, ValidDate:", "2024-03-05 is before 2024-03-10", "line 6", "validation order");
    }

    @Test
    void the_violations_are_all_listed_up_to_fifty() {
        String text = HEADER + "\r\n" + "x\r\n".repeat(60);
        FecReader.Invalid invalid =
                catchThrowableOfType(FecReader.Invalid.class, () -> FecReader.read(NAME, latin9(text), YEAR_2024));
        assertThat(invalid.violations()).hasSize(50).first().isEqualTo("line 2: 1 fields instead of 18");
        assertThat(invalid).hasMessageContaining("line 51: 1 fields").hasMessageEndingWith("... and 10 more");
    }
}
