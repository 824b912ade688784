package org.solidarityfunds.statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.common.BusinessDates;
import org.solidarityfunds.common.Clocks;
import org.solidarityfunds.common.Instants;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.fund.FundService.FundRef;
import org.solidarityfunds.money.Currencies;
import org.solidarityfunds.problem.ProblemException;

/** Checks what a statement asks for, before a byte of it is written. */
@ApplicationScoped
class StatementService {

    /** The beginning of every fund's journal, for a statement without {@code from}. */
    static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");

    private final FundService funds;
    private final Clock clock;

    StatementService(FundService funds, Clock clock) {
        this.funds = funds;
        this.clock = clock;
    }

    /**
     * The fund (in the caller's scope) and the period. {@code from} and {@code to} are each an
     * RFC 3339 instant or a day (Europe/Paris): {@code from=2020-01-01} starts at that day's
     * midnight, {@code to=2020-12-31} ends at the next one, so that both days are included.
     */
    @Transactional
    Period period(String fundCode, String from, String to, FundScope scope) {
        FundRef fund = funds.require(fundCode, scope);
        Instant start = from == null ? BEGINNING : bound("from", from, false);
        Instant end = to == null ? clock.instant() : bound("to", to, true);
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("to", "is not after from");
        }
        return new Period(fund.id(), fund.code(), Currencies.of(fund.currency()), start, end);
    }

    private static Instant bound(String parameter, String text, boolean end) {
        if (text.length() == 10) {
            try {
                LocalDate day = LocalDate.parse(text);
                BusinessDates.refusal(day).ifPresent(refusal -> {
                    throw ProblemException.invalid(parameter, refusal);
                });
                return (end ? day.plusDays(1) : day).atStartOfDay(Clocks.BUSINESS_ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid(parameter, "is neither a day (2020-12-31) nor an RFC 3339 instant");
            }
        }
        return Instants.parse(parameter, text);
    }
}
