package org.solidarityfunds.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.solidarityfunds.bank.Iban;

/** Bank accounts and statement files for tests: new IBANs, and camt.053 statements of given movements. */
public final class TestBanks {

    private TestBanks() {
    }

    /** One movement of a generated camt.053.001.08 statement. */
    public record Movement(String direction, long amountMinor, String bookedOn, String bankReference, String payer,
            String payerIban, String text) {
    }

    /** A valid French IBAN nobody has registered yet. */
    public static Iban newIban() {
        return Iban.french("30006", "00001", String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L)));
    }

    /** A camt.053.001.08 statement of these movements, opening and closing on the balances they make. */
    public static byte[] camt(String iban, long openingMinor, List<Movement> movements) {
        long closing = openingMinor;
        StringBuilder entries = new StringBuilder();
        for (Movement m : movements) {
            closing += m.direction().equals("CRDT") ? m.amountMinor() : -m.amountMinor();
            String party = m.payer() == null ? "" : "<RltdPties><" + (m.direction().equals("CRDT") ? "Dbtr" : "Cdtr")
                    + "><Pty><Nm>" + m.payer() + "</Nm></Pty></" + (m.direction().equals("CRDT") ? "Dbtr" : "Cdtr") + ">"
                    + (m.payerIban() == null ? "" : "<DbtrAcct><Id><IBAN>" + m.payerIban() + "</IBAN></Id></DbtrAcct>")
                    + "</RltdPties>";
            entries.append("<Ntry><Amt Ccy=\"EUR\">").append(decimal(m.amountMinor())).append("</Amt><CdtDbtInd>")
                    .append(m.direction()).append("</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>")
                    .append(m.bookedOn()).append("</Dt></BookgDt><ValDt><Dt>").append(m.bookedOn())
                    .append("</Dt></ValDt>")
                    .append(m.bankReference() == null ? "" : "<AcctSvcrRef>" + m.bankReference() + "</AcctSvcrRef>")
                    .append("<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn>"
                            + "</BkTxCd><NtryDtls><TxDtls>").append(party)
                    .append("<RmtInf><Ustrd>").append(m.text()).append("</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n");
        }
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>\n"
                + "<GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2020-11-30T18:00:00</CreDtTm></GrpHdr>\n"
                + "<Stmt><Id>STMT-" + UUID.randomUUID().toString().substring(0, 8) + "</Id>"
                + "<CreDtTm>2020-11-30T18:00:00</CreDtTm><Acct><Id><IBAN>" + iban + "</IBAN></Id><Ccy>EUR</Ccy></Acct>\n"
                + "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">" + decimal(openingMinor)
                + "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2020-10-01</Dt></Dt></Bal>\n"
                + "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">" + decimal(closing)
                + "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2020-11-30</Dt></Dt></Bal>\n"
                + entries + "</Stmt></BkToCstmrStmt></Document>\n";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String decimal(long minor) {
        return minor / 100 + "." + String.format("%02d", minor % 100);
    }
}
