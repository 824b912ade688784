package org.solidarityfunds.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.solidarityfunds.problem.ProblemException;

/**
 * The one range of dates and instants the service accepts, wherever they come from (a body,
 * a query parameter), and the rule that an event already past cannot be dated in the future.
 *
 * <p>From 2000-01-01 to 2099-12-31: the network's funds and their currencies' minor units
 * all postdate 1999, and nothing it records is planned a lifetime ahead. Outside it, a year
 * such as -0001 or +99999 is a typing error, and one PostgreSQL would store differently
 * (it has no year 0), so that an entry's hash would no longer match its own dates.
 */
public final class BusinessDates {

    public static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2099, 12, 31);
    /** The range, as docs/reference/limits.md and the refusals say it. */
    public static final String RANGE = "from " + FIRST + " to " + LAST;

    private BusinessDates() {
    }

    /** Why the day cannot be accepted, or nothing. */
    public static Optional<String> refusal(LocalDate day) {
        return day.isBefore(FIRST) || day.isAfter(LAST) ? Optional.of("must be a day " + RANGE) : Optional.empty();
    }

    /** The instant, or a validation problem naming the parameter when its Paris day is out of range. */
    public static Instant inRange(String parameter, Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, Clocks.BUSINESS_ZONE);
        if (refusal(day).isPresent()) {
            throw ProblemException.invalid(parameter, "must be an instant " + RANGE + " (Europe/Paris)");
        }
        return instant;
    }

    /** A day as a query parameter carries it (2020-12-31), or a validation problem naming the parameter. */
    public static LocalDate parse(String parameter, String text) {
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(parameter, "is not a day such as 2020-12-31");
        }
        refusal(day).ifPresent(refusal -> {
            throw ProblemException.invalid(parameter, refusal);
        });
        return day;
    }

    /** The day of an event that has happened (money received, a promise made), refused when after today in Paris. */
    public static LocalDate past(String field, LocalDate day, Clock clock) {
        if (day.isAfter(LocalDate.now(clock.withZone(Clocks.BUSINESS_ZONE)))) {
            throw ProblemException.invalid(field, "is in the future");
        }
        return day;
    }
}
