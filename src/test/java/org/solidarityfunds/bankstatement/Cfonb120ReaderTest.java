package org.solidarityfunds.bankstatement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.bankstatement.BankFile.Balance;
import org.solidarityfunds.bankstatement.BankFile.Direction;
import org.solidarityfunds.bankstatement.BankFile.Line;
import org.solidarityfunds.bankstatement.BankFile.Original;
import org.solidarityfunds.bankstatement.BankFile.Statement;

/**
 * CFONB 120 files as banks send them: the two public sample files read field by field (values
 * read by hand from the files), the framings banks use, and every way a file is refused, with
 * its line. Small files are built inline, record by record, from a statement of account
 * 30006 00001 12345678901 in euros.
 */
class Cfonb120ReaderTest {

    private static final Charset ISO_8859_15 = Charset.forName("ISO-8859-15");
    /** Positions 3 to 32 of every record of the inline files: bank, branch, currency, 2 decimals, account. */
    private static final String ACCOUNT = "30006    00001EUR2 12345678901";
    private static final String ACCOUNT_IBAN = "FR7630006000011234567890189";

    // ----------------------------------------------------------------------------------------------------------
    // The public samples

    @Test
    void pennylanes_example_is_read_field_by_field() throws IOException {
        BankFile file = Cfonb120Reader.read(sample("cfonb120_pennylane_example.txt"));

        assertThat(file.format()).isEqualTo(BankFile.Format.CFONB_120);
        assertThat(file.version()).isEqualTo("CFONB 120");
        assertThat(file.statements()).hasSize(2);

        // Its first 07 writes bank 15489 where the 01 writes 15589: tolerated, the 01 makes the IBAN.
        Statement first = file.statements().get(0);
        assertThat(first).isEqualTo(new Statement(1, null, "FR7615589000009876543210088", null, "EUR",
                new Balance(LocalDate.of(2019, 5, 15), -19040), new Balance(LocalDate.of(2019, 5, 16), -24121),
                first.lines()));
        assertThat(first.lines()).containsExactly(
                // NPY names the payer: on a debit that is the account holder, not the counterparty.
                new Line(3, LocalDate.of(2019, 5, 16), LocalDate.of(2019, 5, 16), Direction.DEBIT, 3221, false, null,
                        null, null, "PRLV SEPA TEST CABINET / MENSUEAUHTR13133 / MENSUEAUHTR13DUP", null, null,
                        "OTHER REFERENCE", "B1", null),
                new Line(16, LocalDate.of(2019, 5, 16), LocalDate.of(2019, 5, 16), Direction.DEBIT, 1070, false, null,
                        null, null, "VIR SEPA DEMONSTRATION", null, "REFERENCE", null, "B1", null),
                new Line(19, LocalDate.of(2019, 5, 15), LocalDate.of(2019, 5, 15), Direction.DEBIT, 790, false, null,
                        null, null, "F COMMISSION D INTERVENTION", null, null, null, "62", null));

        Statement second = file.statements().get(1);
        assertThat(second).isEqualTo(new Statement(24, null, "FR7618706000000012345678954", null, "EUR",
                new Balance(LocalDate.of(2019, 5, 16), -24121), new Balance(LocalDate.of(2019, 5, 17), -16372),
                second.lines()));
        assertThat(second.lines()).containsExactly(
                new Line(26, LocalDate.of(2019, 5, 17), LocalDate.of(2019, 5, 15), Direction.CREDIT, 9749, false, null,
                        null, null, "PRLV SEPA GROUPAMA CEN / P051928612 22793301700040", null, null, null, "A3", null),
                new Line(29, LocalDate.of(2019, 5, 15), LocalDate.of(2019, 5, 15), Direction.DEBIT, 1210, false, null,
                        null, null, "F FRAIS PRLV IMP 97 49EUR", null, null, null, "62", null),
                new Line(31, LocalDate.of(2019, 5, 16), LocalDate.of(2019, 5, 16), Direction.DEBIT, 790, false, null,
                        null, null, "F COMMISSION D INTERVENTION", null, null, null, "62", null));

        assertThat(file.statements()).allMatch(Statement::addsUp);
    }

    @Test
    void silarhis_complex_test_is_read_with_its_eight_statements() throws IOException {
        BankFile file = Cfonb120Reader.read(sample("cfonb120_silarhi_complex-test.txt"));

        String firstAccount = "FR7610278022040001234560307";
        String secondAccount = "FR7610278022040002042760330";
        assertThat(file.statements()).extracting(Statement::sourceLine).containsExactly(1, 5, 9, 11, 15, 17, 23, 25);
        assertThat(file.statements()).extracting(Statement::accountIban).containsExactly(firstAccount, secondAccount,
                secondAccount, secondAccount, secondAccount, secondAccount, secondAccount, secondAccount);
        assertThat(file.statements()).extracting(Statement::currency).containsOnly("EUR");
        assertThat(file.statements()).extracting(Statement::opening).containsExactly(
                new Balance(LocalDate.of(2020, 4, 6), 1669565), new Balance(LocalDate.of(2020, 4, 7), 1667286),
                new Balance(LocalDate.of(2020, 4, 8), 1165275), new Balance(LocalDate.of(2020, 4, 9), 1165275),
                new Balance(LocalDate.of(2020, 4, 10), 1153500), new Balance(LocalDate.of(2020, 4, 13), 1153500),
                new Balance(LocalDate.of(2020, 4, 14), 1148475), new Balance(LocalDate.of(2020, 4, 23), 58435302));
        assertThat(file.statements()).extracting(Statement::closing).containsExactly(
                new Balance(LocalDate.of(2020, 4, 7), 1667286), new Balance(LocalDate.of(2020, 4, 8), 1165275),
                new Balance(LocalDate.of(2020, 4, 9), 1165275), new Balance(LocalDate.of(2020, 4, 10), 1153500),
                new Balance(LocalDate.of(2020, 4, 13), 1153500), new Balance(LocalDate.of(2020, 4, 14), 1148475),
                new Balance(LocalDate.of(2020, 4, 15), 1148475), new Balance(LocalDate.of(2020, 4, 24), 58435302));
        assertThat(file.statements()).extracting(statement -> statement.lines().size())
                .containsExactly(1, 2, 0, 1, 0, 1, 0, 0);
        assertThat(file.statements()).allMatch(Statement::addsUp);

        // Its movements write bank 10556 in statements of bank 10278: tolerated.
        assertThat(file.statements().get(0).lines()).containsExactly(new Line(2, LocalDate.of(2020, 4, 7),
                LocalDate.of(2020, 4, 7), Direction.DEBIT, 2279, false, null, null, null,
                "PRLV SEPA ONLINE SAS / DEDIBOX 3706114", null, null, null, "B1", null));
        assertThat(file.statements().get(1).lines()).extracting(Line::amountMinor, Line::remittance,
                Line::transactionCode).containsExactly(tuple(2011L, "PRLV SEPA FREE MOBILE", "B1"),
                        tuple(500000L, "VIR JOHNDOE / FOOBAR", "06"));
        // The entry number (positions 82 to 88) is the reference when the reference zone is blank.
        assertThat(file.statements().get(3).lines()).containsExactly(new Line(12, LocalDate.of(2020, 4, 10),
                LocalDate.of(2020, 4, 1), Direction.DEBIT, 11775, false, null, null, null,
                "FACTURE SGT20022040001692 / DONT TVA 11 39EUR", null, "0001692", null, "62", null));
        assertThat(file.statements().get(5).lines().get(0).remittance())
                .isEqualTo("PRLV SEPA OVH SAS / PAYMENT ORDER 124359169 / ERS INF ORDER 124359169");
    }

    /**
     * Pennylane's negative sample: its first record is 116 characters, and refused for that; put
     * back to 120 characters, its date "  CART" is refused.
     */
    @Test
    void pennylanes_invalid_date_is_refused_on_its_first_line() throws IOException {
        byte[] sample = sample("cfonb120_pennylane_invalid_date.txt");
        BankFileRefused short116 = refusal(sample);
        assertThat(short116.line()).isEqualTo(1);
        assertThat(short116.getMessage()).contains("116").contains("120");

        String text = new String(sample, ISO_8859_15);
        int end = text.indexOf('\n');
        String padded = pad(text.substring(0, end)) + text.substring(end);
        BankFileRefused date = refusal(padded.getBytes(ISO_8859_15));
        assertThat(date.line()).isEqualTo(1);
        assertThat(date.getMessage()).contains("'  CART'").contains("DDMMYY");
    }

    // ----------------------------------------------------------------------------------------------------------
    // Framing and encoding

    @Test
    void crlf_and_records_without_separators_read_as_the_lf_file() throws IOException {
        for (String name : List.of("cfonb120_pennylane_example.txt", "cfonb120_silarhi_complex-test.txt")) {
            String lf = new String(sample(name), ISO_8859_15);
            BankFile read = Cfonb120Reader.read(lf.getBytes(ISO_8859_15));

            assertThat(Cfonb120Reader.read(lf.replace("\n", "\r\n").getBytes(ISO_8859_15))).as(name).isEqualTo(read);

            // Without separators, a line number is the record's rank: the same as the LF file without its blank lines.
            List<String> records = lf.lines().filter(line -> !line.isBlank()).toList();
            BankFile oneLine = Cfonb120Reader.read(String.join("", records).getBytes(ISO_8859_15));
            assertThat(oneLine).as(name).isEqualTo(Cfonb120Reader.read(String.join("\n", records).getBytes(ISO_8859_15)));
            assertThat(oneLine).as(name).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*sourceLine")
                    .isEqualTo(read);
            // A line break at the end of the single line changes nothing.
            assertThat(Cfonb120Reader.read((String.join("", records) + "\r\n").getBytes(ISO_8859_15))).as(name)
                    .isEqualTo(oneLine);
        }
    }

    @Test
    void the_file_is_read_as_iso_8859_15_with_its_euro_sign_and_accents() {
        BankFile file = Cfonb120Reader.read(file(opening("0000000000000{"),
                movement("0000000000500{", "CAFÉ SOLIDAIRE 5 €"), closing("0000000000500{")));
        assertThat(onlyLine(file).remittance()).isEqualTo("CAFÉ SOLIDAIRE 5 €");
    }

    // ----------------------------------------------------------------------------------------------------------
    // Amounts

    @Test
    void the_last_character_of_an_amount_is_its_last_digit_and_its_sign() {
        String signs = "{ABCDEFGHI}JKLMNOPQR";
        for (int i = 0; i < signs.length(); i++) {
            long expected = (i < 10 ? 1 : -1) * (120L + i % 10);
            String amount = "000000000012" + signs.charAt(i);
            BankFile file = Cfonb120Reader.read(file(opening("0" + amount), closing("0" + amount)));
            assertThat(file.statements().get(0).opening().amountMinor()).as(amount).isEqualTo(expected);
        }
        Line debit = onlyLine(Cfonb120Reader.read(file(opening("0000000000000{"), movement("0000000001234M", "DEBIT"),
                closing("0000000000000{"))));
        assertThat(debit.direction()).isEqualTo(Direction.DEBIT);
        assertThat(debit.amountMinor()).isEqualTo(12344);
    }

    @Test
    void amounts_become_minor_units_of_the_currency_whatever_the_files_decimals() {
        // 3 decimals in euros: 12.340 is 1234 cents; 0 decimals: 12 euros are 1200 cents.
        assertThat(openingMinor(at(opening("0000000001234{"), 20, "3"))).isEqualTo(1234);
        assertThat(openingMinor(at(opening("0000000000001B"), 20, "0"))).isEqualTo(1200);
        // Yen have no decimals: 1230.00 is 1230 yen.
        assertThat(openingMinor(at(opening("0000000012300{"), 17, "JPY"))).isEqualTo(1230);
    }

    @Test
    void an_amount_that_would_lose_a_digit_is_refused() {
        assertRefused(file(at(opening("0000000012345E"), 20, "3"), closing("0000000000000{")), 1, "EUR", "rounded");
        assertRefused(file(at(opening("0000000012345{"), 17, "JPY"), at(closing("0000000000000{"), 17, "JPY")), 1,
                "JPY", "rounded");
    }

    @Test
    void a_malformed_amount_or_unknown_currency_is_refused() {
        assertRefused(file(opening("00000000001 3A"), closing("0000000000000{")), 1, "amount", "00000000001 3A");
        assertRefused(file(opening("0000000000000{"), movement("0000000000013S", "S IS NO SIGN"),
                closing("0000000000000{")), 2, "amount");
        assertRefused(file(opening("0000000000000{"), movement("0000000000013-", "TRAILING MINUS"),
                closing("0000000000000{")), 2, "amount");
        assertRefused(file(at(opening("0000000000000{"), 20, "X"), closing("0000000000000{")), 1, "decimals");
        for (String currency : List.of("XYZ", "eur", "XAU", "   ")) {
            assertRefused(file(at(opening("0000000000000{"), 17, currency), closing("0000000000000{")), 1,
                    "'" + currency + "'", "currency");
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // Dates

    /** A two-digit year is of this century, always: 99 is 2099 (the funds keep no statement of 1999). */
    @Test
    void dates_are_ddmmyy_in_this_century() {
        BankFile file = Cfonb120Reader.read(file(at(opening("0000000000000{"), 35, "290224"),
                at(closing("0000000000000{"), 35, "311299")));
        assertThat(file.statements().get(0).opening().date()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(file.statements().get(0).closing().date()).isEqualTo(LocalDate.of(2099, 12, 31));
    }

    @Test
    void an_invalid_date_is_refused_with_its_line() {
        assertRefused(file(at(opening("0000000000000{"), 35, "290223"), closing("0000000000000{")), 1, "290223");
        assertRefused(file(opening("0000000000000{"), at(movement("0000000000100{", "X"), 35, "320124"),
                closing("0000000000100{")), 2, "booking date", "320124");
        assertRefused(file(opening("0000000000000{"), at(movement("0000000000100{", "X"), 43, "01 124"),
                closing("0000000000100{")), 2, "value date");
        assertRefused(file(opening("0000000000000{"), at(closing("0000000000000{"), 35, "      ")), 2, "closing");
    }

    @Test
    void a_movement_without_value_date_has_none() {
        Line line = onlyLine(Cfonb120Reader.read(file(opening("0000000000000{"),
                at(movement("0000000000100{", "X"), 43, "      "), closing("0000000000100{"))));
        assertThat(line.valueDate()).isNull();
        assertThat(line.bookingDate()).isEqualTo(LocalDate.of(2024, 6, 1));
    }

    // ----------------------------------------------------------------------------------------------------------
    // A line's details

    @Test
    void a_credits_counterparty_is_its_payer_and_a_debits_its_payee() {
        String[] complements = {complement("NBE", "PAYEE NAME"), complement("CBE", "fr76 3000 4000 0312 3456 7890 143"),
                complement("NPY", "  PAYER   NAME  "), complement("CPY", "DE89370400440532013000"),
                complement("NPY", "SECOND PAYER")};
        Line credit = onlyLine(Cfonb120Reader.read(file(withLine("0000000000100{", complements))));
        assertThat(credit.counterpartyName()).isEqualTo("PAYER NAME");
        assertThat(credit.counterpartyIban()).isEqualTo("DE89370400440532013000");

        Line debit = onlyLine(Cfonb120Reader.read(file(withLine("0000000000100}", complements))));
        assertThat(debit.counterpartyName()).isEqualTo("PAYEE NAME");
        assertThat(debit.counterpartyIban()).isEqualTo("FR7630004000031234567890143");
        assertThat(debit.counterpartyBic()).isNull();
        assertThat(debit.bankReference()).isNull();
    }

    @Test
    void the_remittance_joins_the_label_and_the_free_texts_within_its_limit() {
        Line line = onlyLine(Cfonb120Reader.read(file(withLine("0000000000100{", complement("LIB", "FIRST\tLIB"),
                complement("XYZ", "UNKNOWN QUALIFIER"), complement("LCC", "CLIENT   TO CLIENT"), complement("LC2", "LINE 2"),
                complement("LCS", "STRUCTURED" + " ".repeat(25) + "NOT READ"), complement("IPY", "PAYER ID")))));
        assertThat(line.remittance()).isEqualTo("LABEL / FIRST LIB / CLIENT TO CLIENT / LINE 2 / STRUCTURED");

        String[] many = new String[20];
        for (int i = 0; i < many.length; i++) {
            many[i] = complement("LIB", String.valueOf((char) ('A' + i)).repeat(70));
        }
        Line truncated = onlyLine(Cfonb120Reader.read(file(withLine("0000000000100{", many))));
        assertThat(truncated.remittance()).hasSize(Cfonb120Reader.REMITTANCE_MAX).startsWith("LABEL / AAAA");
    }

    @Test
    void the_end_to_end_id_is_the_rcn_unless_not_provided() {
        Line given = onlyLine(Cfonb120Reader.read(file(withLine("0000000000100{",
                complement("RCN", "E2E-2024-0042" + " ".repeat(22) + "PURPOSE")))));
        assertThat(given.endToEndId()).isEqualTo("E2E-2024-0042");
        Line none = onlyLine(Cfonb120Reader.read(file(withLine("0000000000100{", complement("RCN", "NOTPROVIDED")))));
        assertThat(none.endToEndId()).isNull();
    }

    @Test
    void the_entry_reference_is_the_reference_zone_else_the_entry_number() {
        String movement = movement("0000000000100{", "X");
        assertThat(onlyLine(readOneMovement(at(at(movement, 82, "0012345"), 105, " REF-16-CHARS  "))).entryReference())
                .isEqualTo("REF-16-CHARS");
        assertThat(onlyLine(readOneMovement(at(movement, 82, "0012345"))).entryReference()).isEqualTo("0012345");
        assertThat(onlyLine(readOneMovement(at(movement, 82, "0000000"))).entryReference()).isNull();
        assertThat(onlyLine(readOneMovement(movement)).entryReference()).isNull();
    }

    @Test
    void a_reject_code_makes_the_line_a_reversal() {
        String movement = movement("0000000000100{", "X");
        assertThat(onlyLine(readOneMovement(at(movement, 41, "64"))).reversal()).isTrue();
        assertThat(onlyLine(readOneMovement(movement)).reversal()).isFalse();
        assertThat(onlyLine(readOneMovement(at(movement, 41, "00"))).reversal()).isFalse();
    }

    @Test
    void an_mmo_complement_gives_the_original_amount_and_rate() {
        Line withRate = onlyLine(Cfonb120Reader.read(file(withLine("0000000000100{",
                complement("MMO", "USD2" + "00000000012345" + "06" + "00001085000")))));
        assertThat(withRate.original()).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo,
                BigDecimal.class).isEqualTo(new Original(12345, "USD", new BigDecimal("1.085")));

        Line withoutRate = onlyLine(Cfonb120Reader.read(file(withLine("0000000000100{",
                complement("MMO", "JPY0" + "00000000001500")))));
        assertThat(withoutRate.original()).isEqualTo(new Original(1500, "JPY", null));

        assertRefused(file(withLine("0000000000100{", complement("MMO", "USD2" + "0000000001234A"))), 3,
                "original amount");
        assertRefused(file(withLine("0000000000100{", complement("MMO", "ZZZ2" + "00000000012345"))), 3,
                "original currency");
    }

    // ----------------------------------------------------------------------------------------------------------
    // Structure

    @Test
    void a_record_of_another_length_is_refused() {
        String movement = movement("0000000000100{", "X");
        assertRefused(file(opening("0000000000000{"), movement.substring(0, 119), closing("0000000000100{")), 2, "119",
                "120");
        assertRefused(file(opening("0000000000000{"), "", movement + " ", closing("0000000000100{")), 3, "121", "120");
        // Without separators the file is cut every 120 characters: the last record is short.
        String oneLine = opening("0000000000000{") + movement + closing("0000000000100{").substring(0, 100);
        assertRefused(oneLine.getBytes(ISO_8859_15), 3, "100", "120");
    }

    @Test
    void blank_lines_are_skipped_and_numbered() {
        BankFile file = Cfonb120Reader.read(("\n" + opening("0000000000000{") + "\n   \n\n" + movement("0000000000100{", "X")
                + "\n" + complement("LIB", "AFTER A BLANK") + "\n\n" + closing("0000000000100{") + "\n\n")
                .getBytes(ISO_8859_15));
        assertThat(file.statements().get(0).sourceLine()).isEqualTo(2);
        assertThat(onlyLine(file).sourceLine()).isEqualTo(5);
        assertThat(onlyLine(file).remittance()).isEqualTo("X / AFTER A BLANK");
    }

    @Test
    void records_out_of_their_order_are_refused_with_their_line() {
        String opening = opening("0000000000000{");
        String movement = movement("0000000000100{", "X");
        String complement = complement("LIB", "TEXT");
        String closing = closing("0000000000100{");

        assertRefused(file(opening, at(movement, 1, "03"), closing), 2, "'03'", "unknown");
        assertRefused(file(movement, opening, closing), 1, "outside");
        assertRefused(file(opening, closing, movement), 3, "outside");
        assertRefused(file(opening, complement, closing), 2, "no movement");
        assertRefused(file(opening, movement, closing, complement), 4, "no movement");
        assertRefused(file(closing), 1, "no opening balance");
        assertRefused(file(opening, movement, opening, closing), 3, "line 1");
        assertRefused(("\n\n" + String.join("\n", opening, movement, complement)).getBytes(ISO_8859_15), 3,
                "no closing balance");
    }

    @Test
    void an_empty_file_is_refused() {
        assertRefused(new byte[0], 1, "empty");
        assertRefused("\n \r\n\n".getBytes(ISO_8859_15), 1, "empty");
    }

    @Test
    void a_statement_is_of_one_account_whatever_bank_code_its_records_write() {
        String movement = movement("0000000000100{", "X");
        assertThat(onlyLine(readOneMovement(at(movement, 3, "99999"))).amountMinor()).isEqualTo(1000);

        assertRefused(file(opening("0000000000000{"), at(movement, 12, "00002"), closing("0000000000100{")), 2,
                "branch", "'00002'", "'00001'");
        assertRefused(file(opening("0000000000000{"), at(movement, 22, "12345678902"), closing("0000000000100{")), 2,
                "account", "'12345678902'");
        assertRefused(file(opening("0000000000000{"), at(movement, 17, "USD"), closing("0000000000100{")), 2,
                "currency", "'USD'");
        assertRefused(file(opening("0000000000000{"), movement, at(complement("LIB", "X"), 22, "12345678902"),
                closing("0000000000100{")), 3, "account");
        assertRefused(file(opening("0000000000000{"), movement, at(closing("0000000000100{"), 22, "12345678902")), 3,
                "account");
        assertRefused(file(at(opening("0000000000000{"), 22, "1234567890 "), closing("0000000000000{")), 1,
                "account number");
    }

    @Test
    void the_account_is_the_iban_of_the_openings_bank_branch_and_account() {
        BankFile file = Cfonb120Reader.read(file(opening("0000000000000{"), closing("0000000000000{")));
        assertThat(file.statements().get(0)).isEqualTo(new Statement(1, null, ACCOUNT_IBAN, null, "EUR",
                new Balance(LocalDate.of(2024, 6, 1), 0), new Balance(LocalDate.of(2024, 6, 2), 0), List.of()));
    }

    @Test
    void statements_and_lines_beyond_the_limits_are_refused() {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i <= BankFile.STATEMENTS_MAX; i++) {
            statements.add(opening("0000000000000{"));
            statements.add(closing("0000000000000{"));
        }
        assertRefused(file(statements.toArray(String[]::new)), 2 * BankFile.STATEMENTS_MAX + 1, "statements");

        List<String> lines = new ArrayList<>();
        lines.add(opening("0000000000000{"));
        String movement = movement("0000000000001A", "X");
        for (int i = 0; i <= BankFile.LINES_MAX; i++) {
            lines.add(movement);
        }
        lines.add(closing("0000000000000{"));
        assertRefused(file(lines.toArray(String[]::new)), BankFile.LINES_MAX + 2, "movements");
    }

    // ----------------------------------------------------------------------------------------------------------
    // Helpers

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = Cfonb120ReaderTest.class.getResourceAsStream("/bank/" + name)) {
            return in.readAllBytes();
        }
    }

    /** A record padded with blanks to 120 characters. */
    private static String pad(String record) {
        return record + " ".repeat(Cfonb120Reader.RECORD_LENGTH - record.length());
    }

    /** The record with {@code text} written from the 1-based {@code position} on. */
    private static String at(String record, int position, String text) {
        return record.substring(0, position - 1) + text + record.substring(position - 1 + text.length());
    }

    private static String opening(String amount) {
        return pad(at(pad("01" + ACCOUNT), 35, "010624").substring(0, 90) + amount);
    }

    private static String closing(String amount) {
        return pad(at(pad("07" + ACCOUNT), 35, "020624").substring(0, 90) + amount);
    }

    /** A movement of 1 June 2024, interbank code 05, with its label. */
    private static String movement(String amount, String label) {
        return pad(at(at(at(pad("04" + ACCOUNT), 33, "05010624  010624"), 49, label), 91, amount));
    }

    private static String complement(String qualifier, String information) {
        return pad(at(at(pad("05" + ACCOUNT), 33, "05010624"), 46, qualifier + information));
    }

    /** A statement of one movement labelled LABEL, with its complements; it adds up. */
    private static String[] withLine(String amount, String... complements) {
        List<String> records = new ArrayList<>();
        records.add(opening("0000000000000{"));
        records.add(movement(amount, "LABEL"));
        records.addAll(List.of(complements));
        records.add(closing(amount));
        return records.toArray(String[]::new);
    }

    private static BankFile readOneMovement(String movement) {
        return Cfonb120Reader.read(file(opening("0000000000000{"), movement, closing("0000000000000{")));
    }

    private static byte[] file(String... records) {
        return String.join("\n", records).getBytes(ISO_8859_15);
    }

    private static Line onlyLine(BankFile file) {
        assertThat(file.statements()).hasSize(1);
        assertThat(file.statements().get(0).lines()).hasSize(1);
        return file.statements().get(0).lines().get(0);
    }

    /** The opening balance of a statement opened by this record, closed in the same currency. */
    private static long openingMinor(String opening) {
        String closing = at(closing("0000000000000{"), 17, opening.substring(16, 19));
        return Cfonb120Reader.read(file(opening, closing)).statements().get(0).opening().amountMinor();
    }

    private static BankFileRefused refusal(byte[] file) {
        BankFileRefused refused = catchThrowableOfType(BankFileRefused.class, () -> Cfonb120Reader.read(file));
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }

    private static void assertRefused(byte[] file, int line, String... saying) {
        BankFileRefused refused = refusal(file);
        assertThat(refused.line()).as(refused.getMessage()).isEqualTo(line);
        assertThat(refused.getMessage()).contains(saying).doesNotContain("Exception", "java.");
    }
}
