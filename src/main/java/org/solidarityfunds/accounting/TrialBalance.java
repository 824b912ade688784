package org.solidarityfunds.accounting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.ledger.Side;

/**
 * The balance générale on a day: for each account of the chart, what was moved on each side
 * and what it holds. The balance-sheet accounts (classes 1 to 5) hold everything dated up to
 * the day; the charges and resources (classes 6 and 7) only the fiscal year's, from its first
 * day: the earlier years' result stands in 110 (a surplus) or 119 (a deficit). One table per
 * currency, since the funds of the ledger may keep their books in several; each table's debits
 * equal its credits.
 */
@Schema(name = "TrialBalance")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialBalance(
        @Schema(required = true, example = "2020-12-31") LocalDate on,
        @Schema(required = true, example = "2020", description = "The fiscal year the day falls in.") String fiscalYear,
        @Schema(required = true, example = "2020-01-01") LocalDate fiscalYearFirstDay,
        @Schema(description = "The fund it is restricted to, when one was asked for.") String fund,
        @Schema(required = true, description = "The chart the accounts are those of.") String chart,
        @Schema(required = true) List<Row> rows,
        @Schema(required = true, description = "One per currency: debits equal credits.") List<Total> totals) {

    @Schema(name = "TrialBalanceRow")
    public record Row(
            @Schema(required = true, example = "512") String account,
            @Schema(required = true, example = "Banques") String label,
            @Schema(required = true, example = "EUR") String currency,
            @Schema(required = true, description = "Movements on the debit side, in minor units.") long debitMinor,
            @Schema(required = true, description = "Movements on the credit side, in minor units.") long creditMinor,
            @Schema(required = true, description = "Debits less credits when positive (solde débiteur), else 0.")
            long debitBalanceMinor,
            @Schema(required = true, description = "Credits less debits when positive (solde créditeur), else 0.")
            long creditBalanceMinor) {
    }

    @Schema(name = "TrialBalanceTotal")
    public record Total(@Schema(required = true, example = "EUR") String currency,
            @Schema(required = true) long debitMinor, @Schema(required = true) long creditMinor) {
    }

    /** Adds up lines into a trial balance: the earlier years' charges and resources into the result carried forward. */
    static final class Builder {

        private final Chart chart;
        private final LocalDate fiscalYearFirstDay;
        /** By currency, then account: debit and credit. */
        private final Map<String, Map<String, long[]>> sums = new TreeMap<>();
        /** By currency: the earlier years' resources less charges. */
        private final Map<String, Long> earlierResult = new TreeMap<>();

        Builder(Chart chart, LocalDate fiscalYearFirstDay) {
            this.chart = chart;
            this.fiscalYearFirstDay = fiscalYearFirstDay;
        }

        void add(ChartLines.Sum sum) {
            if (isIncomeStatement(sum.account()) && sum.beforeDay()) {
                long signed = sum.side() == Side.CREDIT ? sum.amountMinor() : -sum.amountMinor();
                earlierResult.merge(sum.currency(), signed, Math::addExact);
                return;
            }
            add(sum.currency(), sum.account(), sum.side(), sum.amountMinor());
        }

        TrialBalance build(LocalDate on, String fiscalYear, String fund) {
            earlierResult.forEach((currency, result) -> {
                if (result > 0) {
                    add(currency, chart.resultCarriedForwardCredit(), Side.CREDIT, result);
                } else if (result < 0) {
                    add(currency, chart.resultCarriedForwardDebit(), Side.DEBIT, -result);
                }
            });
            List<Row> rows = new ArrayList<>();
            List<Total> totals = new ArrayList<>();
            sums.forEach((currency, accounts) -> {
                long debits = 0;
                long credits = 0;
                for (Map.Entry<String, long[]> account : accounts.entrySet()) {
                    long debit = account.getValue()[0];
                    long credit = account.getValue()[1];
                    rows.add(new Row(account.getKey(), chart.labelOf(account.getKey()), currency, debit, credit,
                            Math.max(0, Math.subtractExact(debit, credit)), Math.max(0, Math.subtractExact(credit, debit))));
                    debits = Math.addExact(debits, debit);
                    credits = Math.addExact(credits, credit);
                }
                if (debits != credits) {
                    throw new IllegalStateException("the trial balance in " + currency + " does not balance: debits "
                            + debits + ", credits " + credits);
                }
                totals.add(new Total(currency, debits, credits));
            });
            return new TrialBalance(on, fiscalYear, fiscalYearFirstDay, fund, chart.name(), rows, totals);
        }

        private void add(String currency, String account, Side side, long amountMinor) {
            long[] sum = sums.computeIfAbsent(currency, c -> new TreeMap<>()).computeIfAbsent(account, a -> new long[2]);
            int i = side == Side.DEBIT ? 0 : 1;
            sum[i] = Math.addExact(sum[i], amountMinor);
        }

        /** Classes 6 (charges) and 7 (resources): reset at each fiscal year. */
        private static boolean isIncomeStatement(String account) {
            return Chart.inClass(account, "67");
        }
    }
}
