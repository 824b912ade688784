package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthEndsTest {

    @Test
    void each_past_month_closes_at_its_last_microsecond_in_paris_and_the_current_one_now() {
        Instant opened = Instant.parse("2020-08-04T08:00:00Z");
        Instant now = Instant.parse("2020-11-10T09:30:00Z");
        assertThat(MonthEnds.between(opened, now).cutoffs()).containsExactly(
                Instant.parse("2020-08-31T21:59:59.999999Z"),
                Instant.parse("2020-09-30T21:59:59.999999Z"),
                // Winter time from 25 October: Paris is UTC+1 at the end of October.
                Instant.parse("2020-10-31T22:59:59.999999Z"),
                now);
    }

    @Test
    void a_fund_opened_this_month_has_one_point_now() {
        Instant now = Instant.parse("2026-12-05T19:00:00Z");
        assertThat(MonthEnds.between(Instant.parse("2026-12-01T00:00:00Z"), now).cutoffs()).containsExactly(now);
        // Opened "later" than now (a clock set back): still one point, now.
        assertThat(MonthEnds.between(now.plusSeconds(60), now).cutoffs()).containsExactly(now);
    }

    @Test
    void the_month_is_the_one_of_paris_not_of_utc() {
        // 31 December 2020, 23:30 UTC is already 1 January 2021 in Paris.
        Instant now = Instant.parse("2020-12-31T23:30:00Z");
        assertThat(MonthEnds.between(Instant.parse("2020-12-15T00:00:00Z"), now).cutoffs()).containsExactly(
                Instant.parse("2020-12-31T22:59:59.999999Z"), now);
    }

    @Test
    void a_long_history_keeps_its_latest_twenty_years() {
        List<Instant> cutoffs = MonthEnds.between(Instant.parse("2001-01-15T00:00:00Z"),
                Instant.parse("2030-06-15T00:00:00Z")).cutoffs();
        assertThat(cutoffs).hasSize(MonthEnds.MONTHS_MAX);
        assertThat(cutoffs.get(0)).isEqualTo(Instant.parse("2010-07-31T21:59:59.999999Z"));
    }

    @Test
    void no_cutoff_or_too_many_is_refused() {
        assertThatThrownBy(() -> new MonthEnds(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MonthEnds(java.util.Collections.nCopies(MonthEnds.MONTHS_MAX + 1, Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
