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
}
