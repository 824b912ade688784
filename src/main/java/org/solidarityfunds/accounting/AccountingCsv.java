package org.solidarityfunds.accounting;

import org.solidarityfunds.common.CsvCells;

/**
 * The accounting reports as CSV, for a spreadsheet, as the API and the console give them: UTF-8
 * with a byte order mark, a header row, amounts as decimals with a dot, rows ended by CR LF.
 */
public final class AccountingCsv {

    static final String TRIAL_BALANCE_HEADER = "account,label,currency,debit,credit,debit_balance,credit_balance";
    static final String DEDICATED_FUNDS_HEADER = "fund,currency,family,account,opening,resources,charges,used,carried,"
            + "closing";

    private AccountingCsv() {
    }

    public static String of(DedicatedFundsReport report) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(DEDICATED_FUNDS_HEADER).append("\r\n");
        for (DedicatedFundsReport.Row row : report.rows()) {
            csv.append(CsvCells.text(row.fund())).append(',').append(row.currency()).append(',').append(row.family())
                    .append(',').append(row.account());
            for (long amount : new long[] {row.openingMinor(), row.resourcesMinor(), row.chargesMinor(), row.usedMinor(),
                    row.carriedMinor(), row.closingMinor()}) {
                csv.append(',').append(JournalExport.amount(amount, row.currency()));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    public static String of(TrialBalance balance) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(TRIAL_BALANCE_HEADER).append("\r\n");
        for (TrialBalance.Row row : balance.rows()) {
            csv.append(CsvCells.text(row.account())).append(',').append(CsvCells.text(row.label())).append(',')
                    .append(row.currency()).append(',').append(JournalExport.amount(row.debitMinor(), row.currency())).append(',')
                    .append(JournalExport.amount(row.creditMinor(), row.currency())).append(',')
                    .append(JournalExport.amount(row.debitBalanceMinor(), row.currency())).append(',')
                    .append(JournalExport.amount(row.creditBalanceMinor(), row.currency())).append("\r\n");
        }
        return csv.toString();
    }
}
