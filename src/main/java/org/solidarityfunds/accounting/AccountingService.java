package org.solidarityfunds.accounting;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.OptionalLong;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.common.BusinessDates;
import org.solidarityfunds.common.Clocks;
import org.solidarityfunds.fiscalyear.FiscalYearService;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.problem.ProblemException;

/**
 * The ledger read in the general chart (docs/concepts/accounting.md): the trial balance on a day
 * (summed by the database), and the period of a journal export (JournalExport, which reads the
 * lines on a snapshot of its own, outside any transaction of the service's: a year of a large
 * ledger takes seconds to read).
 */
@ApplicationScoped
public class AccountingService {

    private final ChartLines lines;
    private final Chart chart;
    private final FiscalYearService years;
    private final FundService funds;
    private final Clock clock;

    AccountingService(ChartLines lines, Chart chart, FiscalYearService years, FundService funds, Clock clock) {
        this.lines = lines;
        this.chart = chart;
        this.years = years;
        this.funds = funds;
        this.clock = clock;
    }

    /** The trial balance at the end of a day (today when none), of every fund or of one. */
    public TrialBalance trialBalance(LocalDate on, String fundCode, FundScope scope) {
        LocalDate day = on == null ? today() : BusinessDates.past("on", on, clock);
        OptionalLong fundId = fundIdOf(fundCode, scope);
        FiscalYearService.Days year = years.daysOf(day);
        TrialBalance.Builder balance = new TrialBalance.Builder(chart, year.firstDay());
        lines.sums(year.firstDay(), day, fundId).forEach(balance::add);
        return balance.build(day, year.code(), fundCode);
    }

    /** The period of a journal export: from the first day given, to the last (today when none), checked. */
    public JournalExport.Period period(LocalDate from, LocalDate to, String fundCode, FundScope scope) {
        LocalDate last = to == null ? today() : BusinessDates.past("to", to, clock);
        LocalDate first = from == null ? BusinessDates.FIRST : from;
        if (first.isAfter(last)) {
            throw ProblemException.invalid("from", "is after to");
        }
        return new JournalExport.Period(first, last, fundIdOf(fundCode, scope), fundCode);
    }

    /** The fund asked for, in the caller's scope, or every fund (none asked). */
    private OptionalLong fundIdOf(String fundCode, FundScope scope) {
        return fundCode == null ? OptionalLong.empty() : OptionalLong.of(funds.require(fundCode, scope).id());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.BUSINESS_ZONE));
    }
}
