package org.solidarityfunds.fiscalyear;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a fiscal year in paths and on screens: its year ("2020") when it is a calendar
 * year, its two years ("2020-2021") when it starts in another month.
 */
final class FiscalYearCode {

    private static final Pattern CODE = Pattern.compile("(\\d{4})(?:-(\\d{4}))?");

    private FiscalYearCode() {
    }

    static String of(LocalDate firstDay, LocalDate lastDay) {
        return firstDay.getYear() == lastDay.getYear() ? Integer.toString(firstDay.getYear())
                : firstDay.getYear() + "-" + lastDay.getYear();
    }

    /**
     * The first day of the year a code names, for years that start in that month; nothing when
     * the code cannot name one ("2020" when years start in July, "2020-2022", "20x0").
     */
    static Optional<LocalDate> firstDayOf(String code, int startMonth) {
        Matcher matcher = CODE.matcher(code);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        LocalDate firstDay = LocalDate.of(Integer.parseInt(matcher.group(1)), startMonth, 1);
        return of(firstDay, firstDay.plusYears(1).minusDays(1)).equals(code) ? Optional.of(firstDay) : Optional.empty();
    }
}
