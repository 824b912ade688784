package org.solidarityfunds.accounting;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.common.BusinessDates;
import org.solidarityfunds.common.Clocks;
import org.solidarityfunds.fiscalyear.FiscalYearService;
import org.solidarityfunds.fiscalyear.FiscalYearStatus;
import org.solidarityfunds.fiscalyear.YearEndBookkeeping;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * The ledger read in the general chart (docs/concepts/accounting.md): the trial balance on a day
 * (summed by the database), the period of a journal export, a year's fonds dédiés, and a closed
 * year's FEC and its description. The long reads (the journal, the FEC, a forecast of the fonds
 * dédiés) run on snapshots of their own, outside any transaction of the service's: a year of a
 * large ledger takes seconds to read.
 */
@ApplicationScoped
public class AccountingService {

    private final ChartLines lines;
    private final Chart chart;
    private final FiscalYearService years;
    private final FundService funds;
    private final YearEndClosing closing;
    private final ClosedYears closed;
    private final Clock clock;

    AccountingService(ChartLines lines, Chart chart, FiscalYearService years, FundService funds, YearEndClosing closing,
            ClosedYears closed, Clock clock) {
        this.lines = lines;
        this.chart = chart;
        this.years = years;
        this.funds = funds;
        this.closing = closing;
        this.closed = closed;
        this.clock = clock;
    }

    /**
     * A year's fonds dédiés, of every fund or one: as its closing booked them, or for a year still
     * to close whose previous year is closed, as its closing would book them now.
     */
    public DedicatedFundsReport dedicatedFunds(String yearCode, String fundCode, FundScope scope) {
        OptionalLong fundId = fundIdOf(fundCode, scope);
        FiscalYearService.YearState state = years.state(yearCode);
        if (state.status() == FiscalYearStatus.CLOSED) {
            ClosedYears.Closing kept = closingOf(state.year());
            return new DedicatedFundsReport(yearCode, false, kept.chart().name(),
                    closed.movements(state.year().id(), fundId, kept.chart()));
        }
        if (!state.previousClosed()) {
            throw new ProblemException(ProblemType.PREVIOUS_FISCAL_YEAR_NOT_CLOSED, "The fonds dédiés of " + yearCode
                    + " start from the closing of the year before it, which is not closed yet.");
        }
        Map<Long, List<DedicatedFunds.Movement>> foreseen = closing.foresee(state.year());
        Map<Long, ClosedYears.Fund> all = closed.funds(); // after: every fund foreseen is there
        List<DedicatedFundsReport.Row> rows = new ArrayList<>();
        foreseen.forEach((id, movements) -> {
            if (fundId.isPresent() && fundId.getAsLong() != id) {
                return;
            }
            for (int i = 0; i < movements.size(); i++) {
                DedicatedFunds.Movement movement = movements.get(i);
                if (!movement.isEmpty()) {
                    rows.add(new DedicatedFundsReport.Row(all.get(id).code(), all.get(id).currency(), movement.family(),
                            chart.resources().get(i).dedicatedFunds(), movement.opening(), movement.resources(),
                            movement.charges(), movement.used(), movement.carried(), movement.closing()));
                }
            }
        });
        rows.sort(Comparator.comparing(DedicatedFundsReport.Row::fund));
        return new DedicatedFundsReport(yearCode, true, chart.name(), rows);
    }

    /**
     * A closed year's FEC: its name, digest and size as its closing kept them, and how to write it
     * again (the chart and the separator its closing kept).
     */
    public record Fec(String fileName, String sha256, long bytes, FecFile.Year year, Chart chart,
            FecFile.Separator separator) {
    }

    public Fec fec(String yearCode) {
        YearEndBookkeeping.ClosingYear year = years.closed(yearCode);
        ClosedYears.Closing kept = closingOf(year);
        return new Fec(kept.fecFileName(), kept.fecSha256(), kept.fecBytes(), new FecFile.Year(year.id(),
                year.code()), kept.chart(), kept.fecSeparator());
    }

    public void writeFec(Fec fec, OutputStream out) {
        closed.writeFec(fec.year(), fec.chart(), fec.separator(), fec.sha256(), out);
    }

    /** A closed year's FEC description (art. A47 A-1 XI), and the name to give it. */
    public record FecDescriptionFile(String fileName, String text) {
    }

    public FecDescriptionFile fecDescription(String yearCode) {
        YearEndBookkeeping.ClosingYear year = years.closed(yearCode);
        ClosedYears.Closing kept = closingOf(year);
        return new FecDescriptionFile(kept.fecFileName().replace(".txt", "-description.txt"),
                FecDescription.of(yearCode, year, kept, closed.fundsOutOfTheFec(year.lastDay())));
    }

    private ClosedYears.Closing closingOf(YearEndBookkeeping.ClosingYear year) {
        return closed.closing(year.id()).orElseThrow(() -> new IllegalStateException("fiscal year " + year.code()
                + " is closed and its closing wrote nothing: it was closed before the closing kept its books (V11)"));
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
