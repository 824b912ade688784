package org.solidarityfunds.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/** The one range of dates and instants, and "not in the future", both counted in Paris. */
class BusinessDatesTest {

    private static void assertInvalid(Runnable check, String field) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
            assertThat(problem.errors()).singleElement().extracting(e -> e.field()).isEqualTo(field);
        });
    }

    @Test
    void days_from_2000_to_2099_are_accepted_and_the_days_around_them_are_not() {
        assertThat(BusinessDates.refusal(LocalDate.of(2000, 1, 1))).isEmpty();
        assertThat(BusinessDates.refusal(LocalDate.of(2099, 12, 31))).isEmpty();
        assertThat(BusinessDates.refusal(LocalDate.of(1999, 12, 31))).contains("must be a day from 2000-01-01 to 2099-12-31");
        assertThat(BusinessDates.refusal(LocalDate.of(2100, 1, 1))).isPresent();
        assertThat(BusinessDates.refusal(LocalDate.of(0, 1, 1))).isPresent();
    }

    @Test
    void an_instant_is_in_range_by_its_day_in_paris_not_in_utc() {
        // 2000-01-01 00:00 in Paris is 1999-12-31 23:00 UTC (winter time, UTC+1).
        Instant firstParisMidnight = Instant.parse("1999-12-31T23:00:00Z");
        assertThat(BusinessDates.inRange("asOf", firstParisMidnight)).isEqualTo(firstParisMidnight);
        assertInvalid(() -> BusinessDates.inRange("asOf", firstParisMidnight.minusNanos(1)), "asOf");
        Instant lastParisInstant = Instant.parse("2099-12-31T22:59:59.999999Z");
        assertThat(BusinessDates.inRange("from", lastParisInstant)).isEqualTo(lastParisInstant);
        assertInvalid(() -> BusinessDates.inRange("to", Instant.parse("2099-12-31T23:00:00Z")), "to");
    }

    @Test
    void today_is_the_day_in_paris_when_utc_is_still_on_the_day_before() {
        // 22:30 UTC on 30 June is 00:30 on 1 July in Paris (summer time, UTC+2).
        Clock clock = Clock.fixed(Instant.parse("2020-06-30T22:30:00Z"), ZoneOffset.UTC);
        assertThat(BusinessDates.past("paidOn", LocalDate.of(2020, 7, 1), clock)).isEqualTo(LocalDate.of(2020, 7, 1));
        assertThat(BusinessDates.past("paidOn", LocalDate.of(2000, 1, 1), clock)).isEqualTo(LocalDate.of(2000, 1, 1));
        assertInvalid(() -> BusinessDates.past("paidOn", LocalDate.of(2020, 7, 2), clock), "paidOn");
    }

    @Test
    void today_in_paris_ends_at_midnight_in_paris() {
        // 21:59:59 UTC on 1 July is 23:59:59 in Paris: 2 July is still tomorrow there.
        Clock lastSecond = Clock.fixed(Instant.parse("2020-07-01T21:59:59Z"), ZoneOffset.UTC);
        assertInvalid(() -> BusinessDates.past("receivedOn", LocalDate.of(2020, 7, 2), lastSecond), "receivedOn");
        Clock midnight = Clock.offset(lastSecond, java.time.Duration.ofSeconds(1));
        assertThat(BusinessDates.past("receivedOn", LocalDate.of(2020, 7, 2), midnight)).isEqualTo(LocalDate.of(2020, 7, 2));
    }

    @Test
    void an_instant_parameter_needs_an_offset_and_names_the_parameter_when_refused() {
        assertThat(Instants.parse("asOf", "2020-12-31T23:00:00Z")).isEqualTo(Instant.parse("2020-12-31T23:00:00Z"));
        assertThat(Instants.parse("asOf", "2021-01-01T00:00:00+01:00")).isEqualTo(Instant.parse("2020-12-31T23:00:00Z"));
        for (String bad : new String[] {"2020-12-31T23:00:00", "2020-12-31", "yesterday", "", "2020-12-31T24:00:00Z",
                "1999-12-31T22:59:59Z", "+99999-01-01T00:00:00Z"}) {
            assertInvalid(() -> Instants.parse("asOf", bad), "asOf");
        }
    }
}
