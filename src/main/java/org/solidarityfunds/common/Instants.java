package org.solidarityfunds.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.solidarityfunds.problem.ProblemException;

/** Instants as query parameters carry them: RFC 3339, with an offset (Z or ±hh:mm), within {@link BusinessDates#RANGE}. */
public final class Instants {

    private Instants() {
    }

    /** The instant, or a validation problem naming the parameter. */
    public static Instant parse(String parameter, String text) {
        try {
            return BusinessDates.inRange(parameter, OffsetDateTime.parse(text).toInstant());
        } catch (java.time.DateTimeException e) {
            throw ProblemException.invalid(parameter, "is not an RFC 3339 instant with an offset, such as "
                    + "2020-12-31T23:00:00Z");
        }
    }
}
