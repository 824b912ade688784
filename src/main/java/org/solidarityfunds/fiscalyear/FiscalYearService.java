package org.solidarityfunds.fiscalyear;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.solidarityfunds.common.Clocks;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * The fiscal years' lifecycle (docs/concepts/accounting.md): finance asks for a year's closing,
 * which stops every posting into it; an auditor or an admin other than the requester confirms
 * it, which numbers its entries for good; until then the request may be withdrawn. The
 * database makes the years and refuses the entries of a year that is not open
 * (V9__fiscal_years.sql); this service only moves them forward.
 */
@ApplicationScoped
public class FiscalYearService {

    private final EntityManager em;
    private final Clock clock;
    private final YearEndBookkeeping bookkeeping;

    FiscalYearService(EntityManager em, Clock clock, YearEndBookkeeping bookkeeping) {
        this.em = em;
        this.clock = clock;
        this.bookkeeping = bookkeeping;
    }

    /** Every year the ledger has, oldest first: at most a hundred (entries are dated 2000 to 2099). */
    @Transactional
    public List<FiscalYearView> list() {
        return FiscalYear.<FiscalYear>listAll(Sort.by("firstDay")).stream().map(FiscalYearView::from).toList();
    }

    @Transactional
    public FiscalYearView get(String code) {
        return FiscalYearView.from(find(code));
    }

    /** A closed year, for what its closing wrote: its FEC; fiscal-year-not-closed when it is not closed. */
    @Transactional
    public YearEndBookkeeping.ClosingYear closed(String code) {
        FiscalYear year = find(code);
        if (year.status != FiscalYearStatus.CLOSED) {
            throw new ProblemException(ProblemType.FISCAL_YEAR_NOT_CLOSED, "Fiscal year " + code + " is " + year.status
                    + ": its FEC is written when its closing is confirmed.");
        }
        return closing(year);
    }

    /** A year for the books: its days, its status, and whether the year before it is closed (or it has none). */
    public record YearState(YearEndBookkeeping.ClosingYear year, FiscalYearStatus status, boolean previousClosed) {
    }

    @Transactional
    public YearState state(String code) {
        FiscalYear year = find(code);
        FiscalYear previous = FiscalYear.<FiscalYear>find("lastDay", year.firstDay.minusDays(1)).firstResult();
        return new YearState(closing(year), year.status, previous == null || previous.status == FiscalYearStatus.CLOSED);
    }

    private static YearEndBookkeeping.ClosingYear closing(FiscalYear year) {
        return new YearEndBookkeeping.ClosingYear(year.id, year.code(), year.firstDay, year.lastDay);
    }

    /** The days of a fiscal year, and its name. */
    public record Days(String code, LocalDate firstDay, LocalDate lastDay) {
    }

    /** The days of the fiscal year a day falls in, by the calendar: whether or not an entry made the year yet. */
    @Transactional
    public Days daysOf(LocalDate day) {
        LocalDate firstDay = (LocalDate) em.createNativeQuery("SELECT fiscal_year_first_day(?1)", LocalDate.class)
                .setParameter(1, day).getSingleResult();
        LocalDate lastDay = firstDay.plusYears(1).minusDays(1);
        return new Days(FiscalYearCode.of(firstDay, lastDay), firstDay, lastDay);
    }

    /**
     * Stops the postings into an ended year, its predecessor being closed, and waits for a second
     * person. The year's lock is taken exclusively first: the postings into it still running
     * finish before its status is read, and those that come after read CLOSING and are refused.
     */
    @Transactional
    public FiscalYearView requestClosing(String code, ClosingStep step, String requestedBy) {
        FiscalYear year = lockedAgainstPostings(find(code));
        if (year.status != FiscalYearStatus.OPEN) {
            throw new ProblemException(ProblemType.FISCAL_YEAR_NOT_OPEN, "The closing of fiscal year " + code
                    + " was already asked for by " + year.closingRequestedBy + "; it is " + year.status + ".");
        }
        LocalDate today = LocalDate.now(clock.withZone(Clocks.BUSINESS_ZONE));
        if (!year.lastDay.isBefore(today)) {
            throw new ProblemException(ProblemType.FISCAL_YEAR_NOT_ENDED, "Fiscal year " + code + " ends on "
                    + year.lastDay + "; its closing can be asked for from the day after.");
        }
        FiscalYear previous = FiscalYear.<FiscalYear>find("lastDay", year.firstDay.minusDays(1)).firstResult();
        if (previous != null && previous.status != FiscalYearStatus.CLOSED) {
            throw new ProblemException(ProblemType.PREVIOUS_FISCAL_YEAR_NOT_CLOSED, "Fiscal year " + previous.code()
                    + " is " + previous.status + ": the years are closed in order.");
        }
        Instant now = now();
        record(year, FiscalYearStatus.CLOSING, step, requestedBy, now);
        year.closingRequestedBy = requestedBy;
        year.closingRequestedAt = now;
        return FiscalYearView.from(year);
    }

    /**
     * Closes a year for good: its entries are numbered and its closing entries written
     * (YearEndBookkeeping), then it is marked CLOSED, in one transaction. No entry can join the
     * year meanwhile: it is CLOSING. A year of a million entries takes tens of seconds (its FEC
     * is written once to keep its digest: docs/operating/performance.md), beyond the 30 s every
     * other transaction is given.
     */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public FiscalYearView confirmClosing(String code, ClosingStep step, String confirmedBy) {
        FiscalYear year = locked(find(code));
        if (year.status != FiscalYearStatus.CLOSING) {
            throw notClosing(year);
        }
        if (year.closingRequestedBy.equals(confirmedBy)) {
            throw new ProblemException(ProblemType.CLOSING_NEEDS_A_SECOND_PERSON, "You asked for the closing of fiscal "
                    + "year " + code + ": someone else confirms it.");
        }
        Instant now = now();
        long numbered = bookkeeping.close(closing(year), now);
        record(year, FiscalYearStatus.CLOSED, step, confirmedBy, now);
        year.closedBy = confirmedBy;
        year.closedAt = now;
        year.entryCount = numbered;
        return FiscalYearView.from(year);
    }

    /** Sends a year waiting for its closing back to OPEN, to correct it: postings are taken again. */
    @Transactional
    public FiscalYearView withdrawClosing(String code, ClosingStep step, String withdrawnBy) {
        FiscalYear year = locked(find(code));
        if (year.status != FiscalYearStatus.CLOSING) {
            throw notClosing(year);
        }
        record(year, FiscalYearStatus.OPEN, step, withdrawnBy, now());
        year.closingRequestedBy = null;
        year.closingRequestedAt = null;
        return FiscalYearView.from(year);
    }

    private FiscalYear find(String code) {
        return FiscalYearCode.firstDayOf(code, startMonth())
                .map(firstDay -> FiscalYear.<FiscalYear>find("firstDay", firstDay).<FiscalYear>firstResult())
                .orElseThrow(() -> new ProblemException(ProblemType.FISCAL_YEAR_NOT_FOUND, "No fiscal year is named "
                        + code + ". A year is named by its first year, or by both when it straddles two (2020-2021), and "
                        + "exists from its first entry on."));
    }

    private int startMonth() {
        return ((Number) em.createNativeQuery("SELECT start_month FROM fiscal_calendar").getSingleResult()).intValue();
    }

    /**
     * The year, locked against the postings into it (V9__fiscal_years.sql, class 1): once those
     * in flight have committed, its row is locked and read afresh.
     */
    private FiscalYear lockedAgainstPostings(FiscalYear year) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(1, CAST(?1 AS int))").setParameter(1, year.id)
                .getSingleResult();
        return locked(year);
    }

    /** The year's row locked until the transaction ends, and read again under that lock. */
    private FiscalYear locked(FiscalYear year) {
        em.refresh(year, LockModeType.PESSIMISTIC_WRITE);
        return year;
    }

    private void record(FiscalYear year, FiscalYearStatus to, ClosingStep step, String changedBy, Instant at) {
        FiscalYearChange change = new FiscalYearChange();
        change.fiscalYearId = year.id;
        change.fromStatus = year.status;
        change.toStatus = to;
        change.reason = step.reason().strip();
        change.changedAt = at;
        change.changedBy = changedBy;
        em.persist(change);
        year.status = to;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ProblemException notClosing(FiscalYear year) {
        return new ProblemException(ProblemType.FISCAL_YEAR_NOT_CLOSING, "Fiscal year " + year.code() + " is "
                + year.status + (year.status == FiscalYearStatus.OPEN ? ": nobody has asked for its closing."
                : ": it was closed by " + year.closedBy + " and stays closed."));
    }
}
