package org.solidarityfunds.bankstatement;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.MxCamt05300102;
import com.prowidesoftware.swift.model.mx.MxCamt05300103;
import com.prowidesoftware.swift.model.mx.MxCamt05300104;
import com.prowidesoftware.swift.model.mx.MxCamt05300105;
import com.prowidesoftware.swift.model.mx.MxCamt05300106;
import com.prowidesoftware.swift.model.mx.MxCamt05300107;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.solidarityfunds.bankstatement.BankFile.Balance;
import org.solidarityfunds.bankstatement.BankFile.Direction;
import org.solidarityfunds.bankstatement.BankFile.Line;
import org.solidarityfunds.bankstatement.BankFile.Original;
import org.solidarityfunds.bankstatement.BankFile.Statement;
import org.solidarityfunds.bankstatement.CamtPreScan.StatementLines;
import org.solidarityfunds.money.Currencies;

/**
 * Reads an ISO 20022 camt.053 bank-to-customer statement (versions 001.02 to 001.08) into a
 * {@link BankFile}; refuses, naming the line, what cannot be trusted to mean what it says.
 *
 * <p>The bytes first go through {@link CamtPreScan} (hardened, and the only place that knows
 * lines), then through pw-iso20022's model of the version the file declares, then through one
 * mapping for every version, which reads the model by the standard's element names
 * ({@link ModelView}; docs/adr/0015).
 *
 * <p>Choices a reader of the result should know:
 * <ul>
 * <li>Only booked entries ({@code Sts} BOOK) become lines: a pending ({@code PDNG}) or
 * information ({@code INFO}) entry may still change or vanish, and the booked balances do not
 * count it; keeping it would make a statement that adds up look as if it did not.</li>
 * <li>The opening balance is the booked opening ({@code OPBD}), else the previous day's closing
 * ({@code PRCD}), which banks send instead; the closing is {@code CLBD}. A statement without
 * either cannot be checked, so it is refused.</li>
 * <li>The direction is {@code CdtDbtInd} alone; {@code RvslInd} only marks the line as a
 * reversal. A bank reverses a credit with a debit entry that says so; signing it again would
 * break the balance (seen on the 001.04 sample, which adds up only this way).</li>
 * <li>The counterparty is the debtor of a credit and the creditor of a debit, of the original
 * movement for a reversal: a reversal keeps its transaction's parties, so the payer of a
 * returned direct debit is the debtor of a debit entry.</li>
 * <li>A batch entry (several {@code TxDtls}) stays one line: the bank booked one movement of
 * the total. Its counterparty, end-to-end id and bank reference come from the first
 * transaction (the bank reference only when there is one transaction), its remittance from all
 * of them, joined.</li>
 * <li>Balances and entries must be in the account's currency ({@code Acct/Ccy}, else the opening
 * balance's): an amount in another currency cannot be added to the others.</li>
 * </ul>
 */
public final class Camt053Reader {

    /** Remittance text kept per line: enough for any reference, bounded for the ledger's columns. */
    static final int REMITTANCE_MAX = 1_000;

    private static final Map<String, Function<String, AbstractMX>> MODELS = Map.of(
            "02", MxCamt05300102::parse,
            "03", MxCamt05300103::parse,
            "04", MxCamt05300104::parse,
            "05", MxCamt05300105::parse,
            "06", MxCamt05300106::parse,
            "07", MxCamt05300107::parse,
            "08", MxCamt05300108::parse);

    private static final List<String> VERSIONS = MODELS.keySet().stream().sorted().toList();

    private Camt053Reader() {
    }

    /** @throws BankFileRefused when the file is not a camt.053 statement this reader can trust */
    public static BankFile read(byte[] file) {
        CamtPreScan.Result scan = CamtPreScan.scan(file, VERSIONS);
        List<ModelView> statements = ModelView.of(parse(scan)).all("BkToCstmrStmt/Stmt");
        if (statements.isEmpty() || statements.size() != scan.statements().size()) {
            throw new BankFileRefused(1, "the file holds no statement (Stmt) that could be read");
        }
        List<Statement> read = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            read.add(statement(statements.get(i), scan.statements().get(i)));
        }
        return new BankFile(BankFile.Format.CAMT_053, scan.version(), read);
    }

    private static AbstractMX parse(CamtPreScan.Result scan) {
        AbstractMX model;
        try {
            model = MODELS.get(scan.number()).apply(scan.xml());
        } catch (RuntimeException e) {
            model = null;
        }
        if (model == null) {
            throw new BankFileRefused(1, "the file could not be read as a " + scan.version() + " statement");
        }
        return model;
    }

    private static Statement statement(ModelView stmt, StatementLines lines) {
        String iban = compact(stmt.text("Acct/Id/IBAN"));
        String other = iban == null ? stmt.text("Acct/Id/Othr/Id") : null;
        if (iban == null && other == null) {
            throw new BankFileRefused(lines.line(), "the statement does not name its account (Acct/Id)");
        }
        List<ModelView> balances = stmt.all("Bal");
        int opening = balanceIndex(balances, "OPBD");
        if (opening < 0) {
            opening = balanceIndex(balances, "PRCD");
        }
        int closing = balanceIndex(balances, "CLBD");
        if (opening < 0 || closing < 0) {
            throw new BankFileRefused(lines.line(), "the statement has no " + (opening < 0 ? "opening booked balance (OPBD or PRCD)"
                    : "closing booked balance (CLBD)") + ", so it cannot be checked");
        }
        String currency = stmt.text("Acct/Ccy");
        if (currency == null) {
            currency = balances.get(opening).text("Amt/Ccy");
        }
        Balance open = balance(balances.get(opening), lineOf(lines.balances(), opening, lines.line()), currency);
        Balance close = balance(balances.get(closing), lineOf(lines.balances(), closing, lines.line()), currency);
        List<ModelView> entries = stmt.all("Ntry");
        List<Line> read = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ModelView entry = entries.get(i);
            if ("BOOK".equals(entry.get("Sts").code())) {
                read.add(line(entry, lineOf(lines.entries(), i, lines.line()), currency));
            }
        }
        return new Statement(lines.line(), stmt.text("Id"), iban, other, currency, open, close, read);
    }

    private static int balanceIndex(List<ModelView> balances, String code) {
        for (int i = 0; i < balances.size(); i++) {
            if (code.equals(balances.get(i).text("Tp/CdOrPrtry/Cd"))) {
                return i;
            }
        }
        return -1;
    }

    private static Balance balance(ModelView bal, int line, String currency) {
        long amount = amount(bal.get("Amt"), currency, line);
        LocalDate date = bal.get("Dt").date();
        if (date == null) {
            throw new BankFileRefused(line, "the balance has no date");
        }
        return new Balance(date, direction(bal, line) == Direction.DEBIT ? -amount : amount);
    }

    private static Line line(ModelView entry, int line, String currency) {
        long amount = amount(entry.get("Amt"), currency, line);
        Direction direction = direction(entry, line);
        LocalDate booked = entry.get("BookgDt").date();
        if (booked == null) {
            throw new BankFileRefused(line, "the booked entry has no booking date (BookgDt)");
        }
        List<ModelView> transactions = entry.all("NtryDtls/TxDtls");
        ModelView first = transactions.isEmpty() ? ModelView.of(null) : transactions.get(0);
        ModelView only = transactions.size() == 1 ? first : ModelView.of(null);
        boolean reversal = Boolean.TRUE.equals(entry.get("RvslInd").value());
        String side = (direction == Direction.CREDIT) != reversal ? "Dbtr" : "Cdtr";
        ModelView party = first.get("RltdPties/" + side);
        if (party.get("Pty").present()) {
            party = party.get("Pty");
        }
        ModelView agent = first.get("RltdAgts/" + side + "Agt/FinInstnId");
        String bankReference = entry.text("AcctSvcrRef");
        String endToEnd = first.text("Refs/EndToEndId");
        String code = transactionCode(entry.get("BkTxCd"));
        return new Line(line, booked, entry.get("ValDt").date(), direction, amount,
                reversal,
                party.text("Nm"), compact(first.text("RltdPties/" + side + "Acct/Id/IBAN")),
                agent.text("BICFI") != null ? agent.text("BICFI") : agent.text("BIC"),
                remittance(transactions),
                bankReference != null ? bankReference : only.text("Refs/AcctSvcrRef"),
                entry.text("NtryRef"),
                "NOTPROVIDED".equals(endToEnd) ? null : endToEnd,
                code != null ? code : transactionCode(first.get("BkTxCd")),
                original(entry.get("AmtDtls/InstdAmt").present() ? entry : only, currency, line));
    }

    private static String remittance(List<ModelView> transactions) {
        String joined = transactions.stream()
                .flatMap(tx -> Stream.concat(tx.all("RmtInf/Ustrd").stream(), tx.all("RmtInf/Strd/CdtrRefInf/Ref").stream()))
                .map(ModelView::text)
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" / "));
        if (joined.isEmpty()) {
            return null;
        }
        return joined.length() <= REMITTANCE_MAX ? joined : joined.substring(0, REMITTANCE_MAX);
    }

    /** The standard's domain/family/sub-family (e.g. {@code PMNT/RCDT/ESCT}), else the bank's own code. */
    private static String transactionCode(ModelView code) {
        ModelView domain = code.get("Domn");
        if (domain.present()) {
            return Stream.of(domain.text("Cd"), domain.text("Fmly/Cd"), domain.text("Fmly/SubFmlyCd"))
                    .filter(Objects::nonNull)
                    .collect(Collectors.joining("/"));
        }
        return code.text("Prtry/Cd");
    }

    private static Original original(ModelView amounts, String currency, int line) {
        ModelView instructed = amounts.get("AmtDtls/InstdAmt");
        String other = instructed.text("Amt/Ccy");
        if (other == null || other.equals(currency)) {
            return null;
        }
        return new Original(amount(instructed.get("Amt"), other, line), other, instructed.get("CcyXchg/XchgRate").decimal());
    }

    private static Direction direction(ModelView balanceOrEntry, int line) {
        String indicator = balanceOrEntry.text("CdtDbtInd");
        if ("CRDT".equals(indicator)) {
            return Direction.CREDIT;
        }
        if ("DBIT".equals(indicator)) {
            return Direction.DEBIT;
        }
        throw new BankFileRefused(line, "credit or debit is not said (CdtDbtInd)");
    }

    /** In minor units of its own currency, which must be the one expected; never rounded. */
    private static long amount(ModelView amt, String expected, int line) {
        String code = amt.text("Ccy");
        BigDecimal value = amt.decimal();
        if (value == null || code == null) {
            throw new BankFileRefused(line, "an amount or its currency is missing");
        }
        if (!code.equals(expected)) {
            throw new BankFileRefused(line, "the amount is in " + code + " but the account is kept in " + expected);
        }
        int digits = Currencies.find(code)
                .orElseThrow(() -> new BankFileRefused(line, code + " is not an ISO 4217 currency with minor units"))
                .getDefaultFractionDigits();
        if (value.signum() < 0) {
            throw new BankFileRefused(line, "the amount " + value.toPlainString() + " is negative, but the sign is for CdtDbtInd to say");
        }
        BigDecimal minor;
        try {
            minor = value.setScale(digits, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException rounding) {
            throw new BankFileRefused(line, "the amount " + value.toPlainString() + " " + code + " has more than " + code + "'s "
                    + digits + " decimals");
        }
        try {
            return minor.unscaledValue().longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw new BankFileRefused(line, "the amount " + value.toPlainString() + " " + code + " is too large");
        }
    }

    private static int lineOf(List<Integer> lines, int index, int fallback) {
        return index < lines.size() ? lines.get(index) : fallback;
    }

    private static String compact(String iban) {
        return iban == null ? null : iban.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }
}
