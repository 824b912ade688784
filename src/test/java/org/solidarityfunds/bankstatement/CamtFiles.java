package org.solidarityfunds.bankstatement;

import java.nio.charset.StandardCharsets;

/**
 * Large camt.053.001.08 files made up for the tests and the benchmark: one EUR statement whose
 * entries look like a donation account's (mostly transfers in, some debits), and whose balances
 * add up. Deterministic, so that a run can be compared with another.
 */
public final class CamtFiles {

    /** The account of the generated statement. */
    public static final String IBAN = "FR7630006000011234567890189";
    /** Its opening balance, in cents. */
    public static final long OPENING_MINOR = 100_000_00;

    /**
     * @param xml          the file
     * @param creditsMinor what its entries bring, in cents
     * @param debitsMinor  what they take
     * @param closingMinor the closing balance it states
     */
    public record Generated(byte[] xml, int entries, long creditsMinor, long debitsMinor, long closingMinor) {
    }

    private CamtFiles() {
    }

    /**
     * A statement of {@code entries} booked entries. Every seventh is a debit; every fifth is
     * booked with a date-time shortly after midnight at +02:00 (the day before in UTC), which a
     * reader must keep as the bank's day.
     */
    public static Generated statement08(int entries) {
        StringBuilder body = new StringBuilder(entries * 1_400);
        long credits = 0;
        long debits = 0;
        for (int i = 1; i <= entries; i++) {
            long cents = 500 + (i * 7_919L) % 250_000;
            boolean debit = i % 7 == 0;
            if (debit) {
                debits += cents;
            } else {
                credits += cents;
            }
            int day = 1 + i % 28;
            String booked = i % 5 == 0
                    ? "<DtTm>2026-03-%02dT00:30:00+02:00</DtTm>".formatted(day)
                    : "<Dt>2026-03-%02d</Dt>".formatted(day);
            String party = debit ? "Cdtr" : "Dbtr";
            body.append("""
                          <Ntry>
                            <NtryRef>E%1$07d</NtryRef>
                            <Amt Ccy="EUR">%2$d.%3$02d</Amt>
                            <CdtDbtInd>%4$s</CdtDbtInd>
                            <Sts><Cd>BOOK</Cd></Sts>
                            <BookgDt>%5$s</BookgDt>
                            <ValDt><Dt>2026-03-%6$02d</Dt></ValDt>
                            <AcctSvcrRef>BANK-%1$07d</AcctSvcrRef>
                            <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>%7$s</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                            <NtryDtls>
                              <TxDtls>
                                <Refs><EndToEndId>DON-%1$07d</EndToEndId></Refs>
                                <RltdPties>
                                  <%8$s><Pty><Nm>Donor %1$d</Nm></Pty></%8$s>
                                  <%8$sAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></%8$sAcct>
                                </RltdPties>
                                <RltdAgts><%8$sAgt><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></%8$sAgt></RltdAgts>
                                <RmtInf><Ustrd>Gift %1$d to the solidarity fund</Ustrd></RmtInf>
                              </TxDtls>
                            </NtryDtls>
                          </Ntry>
                    """.formatted(i, cents / 100, cents % 100, debit ? "DBIT" : "CRDT", booked, day,
                    debit ? "ICDT" : "RCDT", party));
        }
        long closing = OPENING_MINOR + credits - debits;
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>GEN-%1$d</MsgId><CreDtTm>2026-04-01T06:00:00+02:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>STMT-GEN-%1$d</Id>
                      <CreDtTm>2026-04-01T06:00:00+02:00</CreDtTm>
                      <Acct><Id><IBAN>%2$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%3$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-02-28</Dt></Dt></Bal>
                      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%4$s</Amt><CdtDbtInd>%5$s</CdtDbtInd><Dt><Dt>2026-03-31</Dt></Dt></Bal>
                %6$s    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(entries, IBAN, decimal(OPENING_MINOR), decimal(Math.abs(closing)), closing < 0 ? "DBIT" : "CRDT", body);
        return new Generated(xml.getBytes(StandardCharsets.UTF_8), entries, credits, debits, closing);
    }

    private static String decimal(long cents) {
        return "%d.%02d".formatted(cents / 100, cents % 100);
    }
}
