package org.solidarityfunds.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.money.Money;

class LanguageTest {

    @Test
    void the_switch_wins_over_the_browser_which_wins_over_french() {
        assertThat(Language.choose("en", "fr-FR,fr")).isEqualTo(Language.EN);
        assertThat(Language.choose(null, "en-GB,en;q=0.9,fr;q=0.8")).isEqualTo(Language.EN);
        assertThat(Language.choose(null, "de-DE,fr;q=0.5,en;q=0.4")).isEqualTo(Language.FR);
        assertThat(Language.choose(null, "de-DE")).isEqualTo(Language.FR);
        assertThat(Language.choose(null, null)).isEqualTo(Language.FR);
        assertThat(Language.choose("xx", "en")).isEqualTo(Language.EN);
    }

    @Test
    void a_malformed_accept_language_is_french() {
        assertThat(Language.choose(null, ";;;q=bad,,")).isEqualTo(Language.FR);
        assertThat(Language.choose(null, "en;q=2")).isEqualTo(Language.FR);
    }

    @Test
    void amounts_and_dates_read_as_each_language_writes_them() {
        Money amount = Money.of(150_000, "EUR");
        assertThat(new Formats(Language.FR).money(amount)).isEqualTo("1\u202f500,00\u00a0€");
        assertThat(new Formats(Language.EN).money(amount)).isEqualTo("€1,500.00");
        assertThat(new Formats(Language.FR).money(Money.of(1_500_000, "XOF"))).isEqualTo("1\u202f500\u202f000\u00a0F\u202fCFA");
        assertThat(new Formats(Language.EN).date(LocalDate.of(2020, 8, 4))).isEqualTo("4 Aug 2020");
        assertThat(new Formats(Language.FR).date(LocalDate.of(2020, 8, 4))).isEqualTo("4 août 2020");
        assertThat(new Formats(Language.FR).plain(org.solidarityfunds.money.MoneyView.from(amount)))
                .isEqualTo(new BigDecimal("1500.00").toPlainString());
    }

    @Test
    void days_and_amounts_are_read_as_typed() {
        Formats french = new Formats(Language.FR);
        Formats english = new Formats(Language.EN);
        assertThat(french.day("02/10/2020")).contains(LocalDate.of(2020, 10, 2));
        assertThat(english.day("2/10/2020")).contains(LocalDate.of(2020, 10, 2));
        assertThat(french.day("2020-10-02")).contains(LocalDate.of(2020, 10, 2));
        assertThat(french.day("31/02/2020")).isEmpty();
        assertThat(french.day("10-02-2020")).isEmpty();
        java.util.Currency euro = java.util.Currency.getInstance("EUR");
        assertThat(french.amountMinor("1 500,50", euro)).contains(150_050L);
        assertThat(french.amountMinor("1\u202f500,5", euro)).contains(150_050L);
        assertThat(english.amountMinor("1,500.50", euro)).contains(150_050L);
        assertThat(french.amountMinor("1500,505", euro)).isEmpty();
        assertThat(french.amountMinor("-5", euro)).isEmpty();
        assertThat(french.amountMinor("12abc", euro)).isEmpty();
        assertThat(french.amountMinor("1000", java.util.Currency.getInstance("XOF"))).contains(1000L);
        assertThat(french.decimal("0,917431192660")).contains(new BigDecimal("0.917431192660"));
        assertThat(english.decimal("0.9174")).contains(new BigDecimal("0.9174"));
        assertThat(french.decimal("0,1234567890123")).isEmpty();
    }
}
