package org.solidarityfunds.ledger;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.solidarityfunds.common.Clocks;

/**
 * The instants a fund's monthly balance history is read at: the last microsecond of every
 * calendar month of the funds' business zone, from the month the fund opened in, and the
 * present instant for the current month. At most the latest {@link #MONTHS_MAX}.
 */
public record MonthEnds(List<Instant> cutoffs) {

    /** Twenty years of months: a longer history is cut to its latest part. */
    public static final int MONTHS_MAX = 240;

    private static final ZoneId ZONE = Clocks.BUSINESS_ZONE;

    public MonthEnds {
        if (cutoffs.isEmpty() || cutoffs.size() > MONTHS_MAX) {
            throw new IllegalArgumentException("1 to " + MONTHS_MAX + " months");
        }
        cutoffs = List.copyOf(cutoffs);
    }

    /** @param opened when the fund opened; taken as {@code now} if later (a clock set back) */
    public static MonthEnds between(Instant opened, Instant now) {
        YearMonth current = YearMonth.from(now.atZone(ZONE));
        YearMonth first = YearMonth.from((opened.isAfter(now) ? now : opened).atZone(ZONE));
        if (first.plusMonths(MONTHS_MAX - 1).isBefore(current)) {
            first = current.minusMonths(MONTHS_MAX - 1);
        }
        List<Instant> cutoffs = new ArrayList<>();
        for (YearMonth month = first; month.isBefore(current); month = month.plusMonths(1)) {
            // Entries are recorded to the microsecond: this is the month's last possible instant.
            cutoffs.add(month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant().minusNanos(1_000));
        }
        cutoffs.add(now);
        return new MonthEnds(cutoffs);
    }
}
