package org.solidarityfunds.bankstatement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.solidarityfunds.bankstatement.BankFile.Balance;
import org.solidarityfunds.bankstatement.BankFile.Direction;
import org.solidarityfunds.bankstatement.BankFile.Line;
import org.solidarityfunds.bankstatement.BankFile.Original;
import org.solidarityfunds.bankstatement.BankFile.Statement;

/** The expected values were read by hand in the sample files (src/test/resources/bank). */
class Camt053ReaderTest {

    // ---------------------------------------------------------------- the public samples

    @Test
    void genkgoMultiStatement_001_02() {
        BankFile file = Camt053Reader.read(sample("camt053.001.02_genkgo_multi-statement.xml"));

        assertThat(file.format()).isEqualTo(BankFile.Format.CAMT_053);
        assertThat(file.version()).isEqualTo("camt.053.001.02");
        assertThat(file.statements()).hasSize(2);

        Statement first = file.statements().get(0);
        assertThat(first.sourceLine()).isEqualTo(26);
        assertThat(first.bankId()).isEqualTo("253EURNL26VAYB8060476890");
        assertThat(first.accountIban()).isEqualTo("NL26VAYB8060476890");
        assertThat(first.accountOther()).isNull();
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(first.opening()).isEqualTo(new Balance(LocalDate.of(2014, 12, 30), 18_15));
        assertThat(first.closing()).isEqualTo(new Balance(LocalDate.of(2014, 12, 31), 27_00));
        assertThat(first.lines()).containsExactly(new Line(66, LocalDate.of(2014, 12, 31), LocalDate.of(2015, 1, 2),
                Direction.CREDIT, 8_85, false, null, null, null, "Transaction Description 1", null, null, "000000001",
                "544", null));

        Statement second = file.statements().get(1);
        assertThat(second.sourceLine()).isEqualTo(112);
        assertThat(second.bankId()).isEqualTo("254EURNL26VAYB8060476890");
        assertThat(second.opening()).isEqualTo(new Balance(LocalDate.of(2014, 12, 30), 27_00));
        assertThat(second.closing()).isEqualTo(new Balance(LocalDate.of(2014, 12, 31), 20_00));
        assertThat(second.lines()).containsExactly(new Line(145, LocalDate.of(2014, 12, 31), LocalDate.of(2015, 1, 2),
                Direction.DEBIT, 7_00, false, "Company Name 2", "NL56AGDH9619008421", null, "Transaction Description 2",
                null, null, "000000002", "544", null));

        assertThat(file.statements()).allMatch(Statement::addsUp);
    }

    /** Schema-invalid element order (NtryRef after Amt), PRCD as the opening balance, a batch entry. */
    @Test
    void viafintech_001_02() {
        BankFile file = Camt053Reader.read(sample("camt053.001.02_viafintech_valid_example.xml"));

        assertThat(file.version()).isEqualTo("camt.053.001.02");
        Statement statement = file.statements().get(0);
        assertThat(statement.sourceLine()).isEqualTo(13);
        assertThat(statement.bankId()).isEqualTo("0352C5320131227220503");
        assertThat(statement.accountIban()).isEqualTo("DE14740618130000033626");
        assertThat(statement.opening()).isEqualTo(new Balance(LocalDate.of(2013, 12, 27), 33_06));
        assertThat(statement.closing()).isEqualTo(new Balance(LocalDate.of(2013, 12, 27), 23_06));
        assertThat(statement.addsUp()).isTrue();

        LocalDate day = LocalDate.of(2013, 12, 27);
        assertThat(statement.lines()).containsExactly(
                new Line(60, day, day, Direction.DEBIT, 2_00, false, "Testkonto Nummer 2", "DE09300606010012345671",
                        "DAAEDEDDXXX", "TEST BERWEISUNG MITTELS BLZUND KONTONUMMER - DTA", "2013122710583450000",
                        "1234567890sdfghjk", "EndToEndReference", "NTRF+020", null),
                new Line(158, day, day, Direction.DEBIT, 3_00, false, "Testkonto Nummer 2", "DE58740618130100033626",
                        "GENODEF1PFK", "Test+berweisung mit BIC und IBAN SEPA IBAN: DE58740618130100033626 BIC: GENODEF1PFK",
                        "2013122710583600000", null, null, "NMSC+201", null),
                new Line(219, day, day, Direction.CREDIT, 1_00, false, "Testkonto Nummer 2", null, null, "R CKBUCHUNG",
                        "2013122711085260000", null, null, "NMSC+051", null),
                new Line(260, day, day, Direction.DEBIT, 6_00, false, "Testkonto Nummer 1", "DE14740618130000033626", null,
                        "Sammelueberwseisung 2. Zahlung   TAN:283044 / Sammelueberweisung 1. Zahlung   TAN:283044",
                        "2013122711513230000", null, "STZV-EtE27122013-11:02-1", "NMSC+201", null));
    }

    /** Reversals (RvslInd) signed by CdtDbtInd alone, BICFI, structured references, batches. */
    @Test
    void viafintech_001_04() {
        BankFile file = Camt053Reader.read(sample("camt053.001.04_viafintech_valid_example_v4.xml"));

        assertThat(file.version()).isEqualTo("camt.053.001.04");
        Statement statement = file.statements().get(0);
        assertThat(statement.sourceLine()).isEqualTo(13);
        assertThat(statement.accountIban()).isEqualTo("CH0309000000250090342");
        assertThat(statement.currency()).isEqualTo("CHF");
        assertThat(statement.opening()).isEqualTo(new Balance(LocalDate.of(2016, 4, 29), 322_152_16));
        assertThat(statement.closing()).isEqualTo(new Balance(LocalDate.of(2016, 4, 30), 322_689_77));
        assertThat(statement.addsUp()).isTrue();

        List<Line> lines = statement.lines();
        assertThat(lines).extracting(Line::sourceLine)
                .containsExactly(53, 85, 117, 149, 181, 213, 245, 960, 1525, 1727, 1838, 1907, 2020);
        assertThat(lines).extracting(Line::signedMinor)
                .containsExactly(-24_00L, -328_75L, -200_80L, -638_15L, -24_00L, -35_72L, 1000_00L, 620_00L, 110_00L,
                        24_00L, 56_56L, -6_00L, -15_53L);
        assertThat(lines).extracting(Line::reversal)
                .containsExactly(false, false, false, false, false, false, false, false, false, false, false, true, true);

        Line charges = lines.get(0);
        assertThat(charges.transactionCode()).isEqualTo("ACMT/ADOP/CHRG");
        assertThat(charges.bankReference()).isEqualTo("20160401001027080060699001000107");
        assertThat(charges.counterpartyName()).isNull();
        assertThat(charges.remittance()).isNull();

        Line batch = lines.get(6);
        assertThat(batch.bookingDate()).isEqualTo(LocalDate.of(2016, 5, 27));
        assertThat(batch.valueDate()).isEqualTo(LocalDate.of(2016, 5, 30));
        assertThat(batch.entryReference()).isEqualTo("010000004");
        assertThat(batch.bankReference()).isEqualTo("20160530007602769939022000000012");
        assertThat(batch.transactionCode()).isEqualTo("PMNT/RCDT/VCOM");
        assertThat(batch.counterpartyName()).isEqualTo("Hans Kaufmann");
        assertThat(batch.counterpartyBic()).isEqualTo("POFICHBEXXX");
        assertThat(batch.remittance()).startsWith("CreditorReference / 000000000002016030002820804 / ");

        Line returned = lines.get(8);
        assertThat(returned.transactionCode()).isEqualTo("PMNT/ICDT/RRTN");
        assertThat(returned.counterpartyName()).isEqualTo("Max Mustermann");
        assertThat(returned.counterpartyIban()).isEqualTo("CH7408237100000000002");
        assertThat(returned.remittance())
                .isEqualTo("Mitteilung Return Muster / Return Mitteilung Muster / Mitteilung Return Mitteilung");

        // A returned direct debit: a debit entry whose payer is the original debtor.
        Line reversal = lines.get(11);
        assertThat(reversal.direction()).isEqualTo(Direction.DEBIT);
        assertThat(reversal.reversal()).isTrue();
        assertThat(reversal.amountMinor()).isEqualTo(6_00);
        assertThat(reversal.bookingDate()).isEqualTo(LocalDate.of(2016, 4, 10));
        assertThat(reversal.entryReference()).isEqualTo("41107767420881932");
        assertThat(reversal.bankReference()).isEqualTo("20160410375244000000000000000082");
        assertThat(reversal.endToEndId()).isEqualTo("EndToEnd-2B6C-CHDDBB5");
        assertThat(reversal.transactionCode()).isEqualTo("PMNT/IDDT/PRDD");
        assertThat(reversal.counterpartyName()).isEqualTo("Bernasconi Maria");
        assertThat(reversal.counterpartyIban()).isEqualTo("CH3709000000250094580");
        assertThat(reversal.counterpartyBic()).isEqualTo("POFICHBEXXX");
        assertThat(reversal.remittance()).isEqualTo("Mitteilung 128");
    }

    /** Its closing balance is in SEK while the account's opening is in EUR: synthetic, refused. */
    @Test
    void genkgo_001_08_mixesCurrencies_refusedAtTheBalance() {
        BankFileRefused refused = refusal(sample("camt053.001.08_genkgo_v8.xml"));

        assertThat(refused.line()).isEqualTo(74);
        assertThat(refused.getMessage()).contains("SEK").contains("EUR");
    }

    /** The same file with its closing balance in EUR: Sts/Cd, Dbtr/Pty, Othr/Id, a DtTm booking date. */
    @Test
    void genkgo_001_08_withItsClosingInEuros() {
        String xml = new String(sample("camt053.001.08_genkgo_v8.xml"), StandardCharsets.UTF_8)
                .replace("<Amt Ccy=\"SEK\">27.00</Amt>", "<Amt Ccy=\"EUR\">27.00</Amt>");

        BankFile file = Camt053Reader.read(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(file.version()).isEqualTo("camt.053.001.08");
        Statement statement = file.statements().get(0);
        assertThat(statement.sourceLine()).isEqualTo(30);
        assertThat(statement.accountIban()).isNull();
        assertThat(statement.accountOther()).isEqualTo("NL26VAYB8060476890");
        assertThat(statement.currency()).isEqualTo("EUR");
        assertThat(statement.opening()).isEqualTo(new Balance(LocalDate.of(2014, 12, 30), 18_15));
        assertThat(statement.closing()).isEqualTo(new Balance(LocalDate.of(2014, 12, 30), -27_00));
        assertThat(statement.lines()).containsExactly(new Line(110, LocalDate.of(2014, 12, 31), LocalDate.of(2015, 1, 2),
                Direction.CREDIT, 8_85, false, "NAME NAME", "NL56AGDH9619008421", null, "4654654654654654",
                "AAAASESS-FP-CN_98765/01", null, "MUELL/FINP/RA12345", "PMNT/RCDT/BOOK", null));
        assertThat(statement.addsUp()).isFalse();
    }

    /** Each version's model is the one used: the same content under 001.03 to 001.07 reads the same. */
    @ParameterizedTest
    @ValueSource(strings = {"03", "04", "05", "06"})
    void versions_001_03_to_001_06(String version) {
        String xml = new String(sample("camt053.001.02_genkgo_multi-statement.xml"), StandardCharsets.UTF_8)
                .replace("camt.053.001.02", "camt.053.001." + version);

        BankFile file = Camt053Reader.read(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(file.version()).isEqualTo("camt.053.001." + version);
        assertThat(file.statements()).isEqualTo(Camt053Reader.read(sample("camt053.001.02_genkgo_multi-statement.xml")).statements());
    }

    @Test
    void version_001_07() {
        byte[] v08 = CamtFiles.statement08(20).xml();
        byte[] v07 = new String(v08, StandardCharsets.UTF_8).replace("camt.053.001.08", "camt.053.001.07")
                .getBytes(StandardCharsets.UTF_8);

        BankFile file = Camt053Reader.read(v07);

        assertThat(file.version()).isEqualTo("camt.053.001.07");
        assertThat(file.statements()).isEqualTo(Camt053Reader.read(v08).statements());
    }

    // ---------------------------------------------------------------- the mapping's rules

    @Test
    void pendingEntriesAreLeftOut_andAnInstructedAmountInAnotherCurrencyIsKept() {
        BankFile file = Camt053Reader.read(statement("""
                <Bal><Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">10.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-02</Dt></Dt></Bal>
                <Ntry><Amt Ccy="EUR">99.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts><BookgDt><Dt>2026-03-02</Dt></BookgDt></Ntry>
                <Ntry><Amt Ccy="EUR">110.500</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-03-02</Dt></BookgDt>
                  <AmtDtls><InstdAmt><Amt Ccy="USD">120.00</Amt><CcyXchg><SrcCcy>USD</SrcCcy><TrgtCcy>EUR</TrgtCcy><XchgRate>0.92083</XchgRate></CcyXchg></InstdAmt></AmtDtls>
                  <NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs></TxDtls></NtryDtls></Ntry>
                <Ntry><Amt Ccy="EUR">5.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>INFO</Cd></Sts><BookgDt><Dt>2026-03-02</Dt></BookgDt></Ntry>
                """));

        Statement statement = file.statements().get(0);
        assertThat(statement.opening().amountMinor()).isEqualTo(-100_00);
        assertThat(statement.lines()).singleElement().satisfies(line -> {
            assertThat(line.sourceLine()).isEqualTo(9);
            assertThat(line.amountMinor()).isEqualTo(110_50);
            assertThat(line.endToEndId()).isNull();
            assertThat(line.original()).isEqualTo(new Original(120_00, "USD", new BigDecimal("0.92083")));
        });
        assertThat(statement.addsUp()).isTrue();
    }

    /** A returned donation: the bank debits it back, says it is a reversal, and names the original payer. */
    @Test
    void aReversalIsSignedByItsDirection_andKeepsItsOriginalPayer() {
        BankFile file = Camt053Reader.read(statement("""
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">50.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">30.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-02</Dt></Dt></Bal>
                <Ntry><Amt Ccy="EUR">20.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-03-02</Dt></BookgDt>
                  <NtryDtls><TxDtls><RltdPties>
                    <Dbtr><Pty><Nm>Ada Donor</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct>
                    <Cdtr><Pty><Nm>Solidarity Fund</Nm></Pty></Cdtr>
                  </RltdPties></TxDtls></NtryDtls></Ntry>
                """));

        Statement statement = file.statements().get(0);
        assertThat(statement.lines()).singleElement().satisfies(line -> {
            assertThat(line.reversal()).isTrue();
            assertThat(line.signedMinor()).isEqualTo(-20_00);
            assertThat(line.counterpartyName()).isEqualTo("Ada Donor");
            assertThat(line.counterpartyIban()).isEqualTo("DE89370400440532013000");
        });
        assertThat(statement.addsUp()).isTrue();
    }

    @Test
    void theOpeningBookedBalanceComesBeforeThePreviousClosing() {
        BankFile file = Camt053Reader.read(statement("""
                <Bal><Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-02-28</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">2.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">2.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
                """));

        assertThat(file.statements().get(0).opening()).isEqualTo(new Balance(LocalDate.of(2026, 3, 1), 2_00));
    }

    @Test
    void anAmountThatWouldLoseADigit_isRefusedAtItsEntry() {
        BankFileRefused refused = refusal(statement("""
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">2.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
                <Ntry><Amt Ccy="EUR">1.005</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-03-01</Dt></BookgDt></Ntry>
                """));

        assertThat(refused.line()).isEqualTo(8);
        assertThat(refused.getMessage()).contains("1.005").contains("2 decimals");
    }

    @Test
    void anEntryInAnotherCurrency_isRefusedAtItsLine() {
        BankFileRefused refused = refusal(statement("""
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">2.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>

                <Ntry><Amt Ccy="CHF">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-03-01</Dt></BookgDt></Ntry>
                """));

        assertThat(refused.line()).isEqualTo(9);
        assertThat(refused.getMessage()).contains("CHF").contains("EUR");
    }

    @Test
    void aStatementWithoutClosingBalance_isRefusedAtTheStatement() {
        BankFileRefused refused = refusal(statement("""
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>CLAV</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
                """));

        assertThat(refused.line()).isEqualTo(4);
        assertThat(refused.getMessage()).contains("closing booked balance (CLBD)");
    }

    // ---------------------------------------------------------------- what never reaches the library

    @Test
    void malformedXml_namesTheLine() {
        byte[] file = statement("""
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
                <Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                """);

        BankFileRefused refused = refusal(file);

        // The unclosed Ntry opened on line 8 is found out where Stmt closes, on line 9.
        assertThat(refused.line()).isEqualTo(9);
        assertThat(refused.getMessage()).startsWith("the file is not well-formed XML").contains("Ntry")
                .doesNotContain("Exception").doesNotContain("javax").doesNotContain("ParseError");
    }

    @Test
    void bytesThatAreNotTheDeclaredEncoding_areRefusedNeverReplaced() {
        byte[] file = statement("""
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
                <AddtlStmtInf>OVERLONG</AddtlStmtInf>
                """);
        // "C0 AF", an overlong '/': no UTF-8 has it. The file is taken as bytes (the HTTP edge checks only its
        // size), so the XML parser's strict decoding is what refuses it, before anything is read as text.
        String text = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1).replace("OVERLONG", "A\u00C0\u00AFB");
        BankFileRefused refused = refusal(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(refused.getMessage()).startsWith("the file is not well-formed XML").contains("UTF-8");
    }

    @Test
    void aBillionLaughs_isRefusedAtItsDoctype() {
        String lol = "&lol;".repeat(10);
        String bomb = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE Document [
                  <!ENTITY lol "lol">
                  <!ENTITY lol1 "%1$s">
                """.formatted(lol) + "  <!ENTITY lol2 \"" + lol.replace("lol", "lol1") + "\">\n"
                + "  <!ENTITY lol3 \"" + lol.replace("lol", "lol2") + "\">\n"
                + "  <!ENTITY lol4 \"" + lol.replace("lol", "lol3") + "\">\n"
                + "  <!ENTITY lol5 \"" + lol.replace("lol", "lol4") + "\">\n"
                + "  <!ENTITY lol6 \"" + lol.replace("lol", "lol5") + "\">\n"
                + "  <!ENTITY lol7 \"" + lol.replace("lol", "lol6") + "\">\n"
                + "  <!ENTITY lol8 \"" + lol.replace("lol", "lol7") + "\">\n"
                + "  <!ENTITY lol9 \"" + lol.replace("lol", "lol8") + "\">\n"
                + "]>\n"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>&lol9;</BkToCstmrStmt></Document>\n";

        BankFileRefused refused = refusal(bomb.getBytes(StandardCharsets.UTF_8));

        // The parser reports the declaration where it ends: "]>", line 13.
        assertThat(refused.line()).isEqualTo(13);
        assertThat(refused.getMessage()).contains("DOCTYPE");
    }

    @Test
    void anExternalEntity_isRefusedBeforeTheFileItNamesIsRead(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "the-secret-content");
        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE Document [ <!ENTITY xxe SYSTEM "%s"> ]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt><Id>&xxe;</Id></Stmt></BkToCstmrStmt></Document>
                """.formatted(secret.toUri());

        BankFileRefused refused = refusal(xxe.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.line()).isEqualTo(2);
        assertThat(refused.getMessage()).contains("DOCTYPE").doesNotContain("the-secret-content");
    }

    @Test
    void nestingDeeperThanTheLimit_isRefusedWhereItGoesTooDeep() {
        byte[] file = statement("""
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>


                <AddtlStmtInf>%s</AddtlStmtInf>
                """.formatted("<X>".repeat(40) + "</X>".repeat(40)));

        BankFileRefused refused = refusal(file);

        assertThat(refused.line()).isEqualTo(9);
        assertThat(refused.getMessage()).contains("nested more than " + CamtPreScan.DEPTH_MAX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"camt.052.001.08", "pain.001.001.09"})
    void anotherIsoMessage_isRefusedAtItsDocument(String message) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>

                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:%s"><BkToCstmrStmt/></Document>
                """.formatted(message);

        BankFileRefused refused = refusal(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.line()).isEqualTo(3);
        assertThat(refused.getMessage()).isEqualTo("the file is an ISO 20022 " + message + " message, not a camt.053 bank statement");
    }

    @Test
    void aDocumentWithoutNamespace_isRefused() {
        BankFileRefused refused = refusal("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document>
                  <BkToCstmrStmt/>
                </Document>
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.line()).isEqualTo(2);
        assertThat(refused.getMessage()).contains("no namespace");
    }

    @Test
    void aVersionWithoutModelHere_isRefused() {
        BankFileRefused refused = refusal(new String(statement(""), StandardCharsets.UTF_8)
                .replace("camt.053.001.08", "camt.053.001.99").getBytes(StandardCharsets.UTF_8));

        assertThat(refused.line()).isEqualTo(2);
        assertThat(refused.getMessage()).contains("camt.053.001.99").contains("001.02").contains("001.08");
    }

    /** pw-swift-core reads this file to switch its XML protections off: the application must never ship one. */
    @Test
    void noPropertiesFileWeakensTheLibrarysXmlProtections() {
        assertThat(Thread.currentThread().getContextClassLoader().getResource("pw-swift-core.properties")).isNull();
    }

    // ---------------------------------------------------------------- a large file

    @Test
    void tenThousandEntries() {
        CamtFiles.Generated generated = CamtFiles.statement08(10_000);

        BankFile file = Camt053Reader.read(generated.xml());

        Statement statement = file.statements().get(0);
        assertThat(statement.accountIban()).isEqualTo(CamtFiles.IBAN);
        assertThat(statement.lines()).hasSize(10_000);
        assertThat(statement.lines().stream().filter(line -> line.direction() == Direction.CREDIT).mapToLong(Line::amountMinor).sum())
                .isEqualTo(generated.creditsMinor());
        assertThat(statement.lines().stream().filter(line -> line.direction() == Direction.DEBIT).mapToLong(Line::amountMinor).sum())
                .isEqualTo(generated.debitsMinor());
        assertThat(statement.opening().amountMinor()).isEqualTo(CamtFiles.OPENING_MINOR);
        assertThat(statement.closing().amountMinor()).isEqualTo(generated.closingMinor());
        assertThat(statement.addsUp()).isTrue();

        // Entry 5 is booked at 00:30 on 6 March at +02:00 (5 March in UTC): the bank's day is kept.
        Line fifth = statement.lines().get(4);
        assertThat(fifth.bookingDate()).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(fifth.entryReference()).isEqualTo("E0000005");
        assertThat(fifth.counterpartyName()).isEqualTo("Donor 5");
        assertThat(fifth.counterpartyBic()).isEqualTo("COBADEFFXXX");
        assertThat(statement.lines().get(6).counterpartyName()).as("a debit's creditor").isEqualTo("Donor 7");
    }

    // ---------------------------------------------------------------- helpers

    private static byte[] sample(String name) {
        try (InputStream in = Camt053ReaderTest.class.getResourceAsStream("/bank/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A camt.053.001.08 statement whose balances and entries start on line 6. */
    private static byte[] statement(String balancesAndEntries) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                <BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-03-02T06:00:00+01:00</CreDtTm></GrpHdr>
                <Stmt><Id>S1</Id>
                <Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>
                """ + balancesAndEntries + """
                </Stmt></BkToCstmrStmt></Document>
                """).getBytes(StandardCharsets.UTF_8);
    }

    private static BankFileRefused refusal(byte[] file) {
        BankFileRefused refused = catchThrowableOfType(BankFileRefused.class, () -> Camt053Reader.read(file));
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }
}
