package org.solidarityfunds.fiscalyear;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FiscalYearCodeTest {

    @Test
    void a_calendar_year_is_named_by_its_year_and_another_by_both() {
        assertThat(FiscalYearCode.of(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31))).isEqualTo("2020");
        assertThat(FiscalYearCode.of(LocalDate.of(2020, 7, 1), LocalDate.of(2021, 6, 30))).isEqualTo("2020-2021");
    }

    @Test
    void a_code_names_a_first_day_only_in_the_calendar_it_belongs_to() {
        assertThat(FiscalYearCode.firstDayOf("2020", 1)).contains(LocalDate.of(2020, 1, 1));
        assertThat(FiscalYearCode.firstDayOf("2020-2021", 7)).contains(LocalDate.of(2020, 7, 1));
        assertThat(FiscalYearCode.firstDayOf("2020", 7)).isEmpty();
        assertThat(FiscalYearCode.firstDayOf("2020-2021", 1)).isEmpty();
        assertThat(FiscalYearCode.firstDayOf("2020-2022", 7)).isEmpty();
        assertThat(FiscalYearCode.firstDayOf("20x0", 1)).isEmpty();
        assertThat(FiscalYearCode.firstDayOf("02020", 1)).isEmpty();
        assertThat(FiscalYearCode.firstDayOf("", 1)).isEmpty();
    }
}
