package org.solidarityfunds.accounting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigInteger;
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
            @Schema(required = true, description = "Movements on the debit side, in minor units.") BigInteger debitMinor,
            @Schema(required = true, description = "Movements on the credit side, in minor units.")
            BigInteger creditMinor,
            @Schema(required = true, description = "Debits less credits when positive (solde débiteur), else 0.")
            BigInteger debitBalanceMinor,
            @Schema(required = true, description = "Credits less debits when positive (solde créditeur), else 0.")
            BigInteger creditBalanceMinor) {
    }

    @Schema(name = "TrialBalanceTotal")
    public record Total(@Schema(required = true, example = "EUR") String currency,
            @Schema(required = true) BigInteger debitMinor, @Schema(required = true) BigInteger creditMinor) {
    }

    /** Adds up lines into a trial balance: the earlier years' charges and resources into the result carried forward. */
    static final class Builder {

        private final Chart chart;
        private final LocalDate fiscalYearFirstDay;
        /** By currency, then account: debit and credit. */
        private final Map<String, Map<String, BigInteger[]>> sums = new TreeMap<>();
        /** By currency: the earlier years' resources less charges. */
        private final Map<String, BigInteger> earlierResult = new TreeMap<>();

        Builder(Chart chart, LocalDate fiscalYearFirstDay) {
            this.chart = chart;
            this.fiscalYearFirstDay = fiscalYearFirstDay;
        }

        void add(ChartLines.Sum sum) {
            if (isIncomeStatement(sum.account()) && sum.beforeDay()) {
                BigInteger signed = sum.side() == Side.CREDIT ? sum.amountMinor() : sum.amountMinor().negate();
                earlierResult.merge(sum.currency(), signed, BigInteger::add);
                return;
            }
            add(sum.currency(), sum.account(), sum.side(), sum.amountMinor());
        }

        TrialBalance build(LocalDate on, String fiscalYear, String fund) {
            earlierResult.forEach((currency, result) -> {
                if (result.signum() > 0) {
                    add(currency, chart.resultCarriedForwardCredit(), Side.CREDIT, result);
                } else if (result.signum() < 0) {
                    add(currency, chart.resultCarriedForwardDebit(), Side.DEBIT, result.negate());
                }
            });
            List<Row> rows = new ArrayList<>();
            List<Total> totals = new ArrayList<>();
            sums.forEach((currency, accounts) -> {
                BigInteger debits = BigInteger.ZERO;
                BigInteger credits = BigInteger.ZERO;
                for (Map.Entry<String, BigInteger[]> account : accounts.entrySet()) {
                    BigInteger debit = account.getValue()[0];
                    BigInteger credit = account.getValue()[1];
                    rows.add(new Row(account.getKey(), chart.labelOf(account.getKey()), currency, debit, credit,
                            debit.subtract(credit).max(BigInteger.ZERO), credit.subtract(debit).max(BigInteger.ZERO)));
                    debits = debits.add(debit);
                    credits = credits.add(credit);
                }
                if (!debits.equals(credits)) {
                    throw new IllegalStateException("the trial balance in " + currency + " does not balance: debits "
                            + debits + ", credits " + credits);
                }
                totals.add(new Total(currency, debits, credits));
            });
            return new TrialBalance(on, fiscalYear, fiscalYearFirstDay, fund, chart.name(), rows, totals);
        }

        /**
         * In whole numbers without a bound: each fund's totals fit a long (the ledger checks it), the
         * sum of many funds' may not.
         */
        private void add(String currency, String account, Side side, BigInteger amountMinor) {
            BigInteger[] sum = sums.computeIfAbsent(currency, c -> new TreeMap<>())
                    .computeIfAbsent(account, a -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
            int i = side == Side.DEBIT ? 0 : 1;
            sum[i] = sum[i].add(amountMinor);
        }

        /** Classes 6 (charges) and 7 (resources): reset at each fiscal year. */
        private static boolean isIncomeStatement(String account) {
            return Chart.inClass(account, "67");
        }
    }
}
