package org.solidarityfunds.accounting;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.solidarityfunds.ledger.Account;
import org.solidarityfunds.ledger.Side;
import org.solidarityfunds.money.Money;

/**
 * The journal of a period as plain-text accounting (hledger's journal format), for a tool
 * nobody here wrote to check every balance: one transaction per entry, dated by its effective
 * date, with its id, fund, sequence and hash as tags; every account and currency declared first,
 * so that {@code hledger check --strict} holds. In the general chart an account is the chart's
 * number then the fund ({@code 512:LIBAN-2020}: the fund is the analytic axis); in the funds'
 * own chart, the fund then the ledger's account ({@code LIBAN-2020:available}), whose balances
 * are the API's. Written as the lines are read: memory does not grow with the period.
 */
@ApplicationScoped
public class JournalExport {

    /** Which chart the accounts are named in. */
    public enum Accounts {
        /** The general chart, as the accountant reads it (Chart). */
        GENERAL,
        /** The funds' own five accounts, as the API's balances show them. */
        FUNDS
    }

    /** The entries dated from {@code first} to {@code last}, of one fund or all. */
    public record Period(LocalDate first, LocalDate last, OptionalLong fundId, String fundCode) {
    }

    private final ChartLines lines;
    private final Chart chart;

    JournalExport(ChartLines lines, Chart chart) {
        this.lines = lines;
        this.chart = chart;
    }

    public void write(Period period, Accounts accounts, OutputStream out) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try {
            writer.write("; The solidarity funds' journal, entries dated " + period.first() + " to " + period.last()
                    + (period.fundCode() == null ? "" : ", fund " + period.fundCode()) + ", in "
                    + (accounts == Accounts.GENERAL ? "the chart: " + chart.name() : "the funds' own accounts") + "\n\n");
            lines.read(period.first(), period.last(), period.fundId(), new Transactions(writer, accounts));
            writer.write("\n");
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> declaredAccounts(List<ChartLines.Fund> funds, Accounts accounts) {
        List<String> declared = new ArrayList<>();
        for (ChartLines.Fund fund : funds) {
            if (accounts == Accounts.GENERAL) {
                chart.accounts().keySet().forEach(number -> declared.add(number + ":" + fund.code()));
            } else {
                for (Account account : Account.values()) {
                    declared.add(fund.code() + ":" + account.field());
                }
            }
        }
        return declared.stream().sorted().toList();
    }

    /**
     * Declares the funds' currencies and accounts, then writes the lines as transactions, one per
     * entry: the lines of an entry come one after the other.
     */
    private final class Transactions implements ChartLines.Sink {

        private final Writer writer;
        private final Accounts accounts;
        private String entryId;

        Transactions(Writer writer, Accounts accounts) {
            this.writer = writer;
            this.accounts = accounts;
        }

        @Override
        public void funds(List<ChartLines.Fund> funds) {
            try {
                // A decimal mark in every commodity's format, even a currency without decimals (XOF):
                // hledger reads the format from it, and refuses a format without one.
                writer.write("decimal-mark .\n");
                for (String currency : funds.stream().map(ChartLines.Fund::currency).distinct().sorted().toList()) {
                    String format = amount(100_000, currency);
                    writer.write("commodity " + (format.contains(".") ? format : format + ".") + " " + currency + "\n");
                }
                writer.write("\n");
                for (String account : declaredAccounts(funds, accounts)) {
                    writer.write("account " + account + "\n");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void line(ChartLines.Line line) {
            try {
                if (!line.entryId().equals(entryId)) {
                    entryId = line.entryId();
                    writer.write("\n" + line.effectiveDate() + " " + description(line.memo()) + "  ; id:" + line.entryId()
                            + ", fund:" + line.fundCode() + ", sequence:" + line.sequence() + ", kind:" + line.kind()
                            + (line.reversesEntryId() == null ? "" : ", reverses:" + line.reversesEntryId())
                            + ", hash:" + line.hash() + "\n");
                }
                String account = accounts == Accounts.GENERAL ? line.account() + ":" + line.fundCode()
                        : line.fundCode() + ":" + line.fundAccount().field();
                long signed = line.side() == Side.DEBIT ? line.amountMinor() : -line.amountMinor();
                writer.write("    " + account + "    " + amount(signed, line.currency()) + " " + line.currency()
                        + (line.donorAccount() == null ? "" : "  ; donor:" + line.donorAccount()) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A closing's fonds dédiés, in the general chart only: the funds' own accounts have none. */
        @Override
        public void yearEndLine(ChartLines.YearEndLine line) {
            if (accounts != Accounts.GENERAL) {
                return;
            }
            try {
                if (!line.entryId().equals(entryId)) {
                    entryId = line.entryId();
                    writer.write("\n" + line.effectiveDate() + " Fonds dédiés de l'exercice  ; id:" + line.entryId()
                            + ", fund:" + line.fundCode() + ", kind:DEDICATED_FUNDS\n");
                }
                long signed = line.side() == Side.DEBIT ? line.amountMinor() : -line.amountMinor();
                writer.write("    " + line.account() + ":" + line.fundCode() + "    " + amount(signed, line.currency())
                        + " " + line.currency() + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The memo on one line, without what the format reads as the start of a comment or a new line. */
    static String description(String memo) {
        StringBuilder text = new StringBuilder(memo.length());
        memo.codePoints().forEach(c -> text.appendCodePoint(c == ';' ? ',' : Character.isISOControl(c) ? ' ' : c));
        return text.toString().strip();
    }

    /** A sum of many funds' amounts, which may not fit a long, written the same way. */
    static String amount(BigInteger minor, String currency) {
        return new BigDecimal(minor, Money.of(0, currency).toDecimal().scale()).toPlainString();
    }

    /** The amount with its currency's decimals (Money's) and a point: -1234.50. */
    static String amount(long minor, String currency) {
        return (minor < 0 ? "-" : "") + Money.of(Math.absExact(minor), currency).toDecimal().toPlainString();
    }
}
