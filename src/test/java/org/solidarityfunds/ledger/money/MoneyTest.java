package org.solidarityfunds.ledger.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void money_adds_and_subtracts_in_minor_units() {
        Money total = Money.of(150_000, "EUR").plus(Money.of(1, "EUR"));
        assertThat(total).isEqualTo(Money.of(150_001, "EUR"));
        assertThat(total.minus(Money.of(150_001, "EUR")).isZero()).isTrue();
        assertThat(total.toDecimal()).isEqualByComparingTo(new BigDecimal("1500.01"));
        assertThat(Money.of(1_000, "JPY").toDecimal()).isEqualByComparingTo(new BigDecimal("1000"));
        assertThat(Money.of(1_000, "TND").toString()).isEqualTo("1.000 TND");
    }

    @Test
    void money_is_never_negative() {
        assertThatThrownBy(() -> Money.of(-1, "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, "EUR").minus(Money.of(2, "EUR"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void an_overflow_is_an_error_not_a_wrap_around() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").plus(Money.of(1, "EUR")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void currencies_never_mix() {
        assertThatThrownBy(() -> Money.of(1, "EUR").plus(Money.of(1, "USD"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, "EUR").compareTo(Money.of(1, "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void only_iso_currencies_with_minor_units_are_money() {
        assertThat(Currencies.find("EUR")).isPresent();
        assertThat(Currencies.find("XAU")).as("gold has no minor units").isEmpty();
        assertThat(Currencies.find("XYZ")).isEmpty();
        assertThat(Currencies.find("eur")).isEmpty();
        assertThatThrownBy(() -> Money.of(1, "XYZ")).isInstanceOf(IllegalArgumentException.class);
    }
}
