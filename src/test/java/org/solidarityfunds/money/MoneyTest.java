package org.solidarityfunds.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.problem.ProblemException;

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

    @Test
    void adding_then_subtracting_gives_back_the_amount_and_order_follows_the_minor_units() {
        Random random = new Random(150_000L);
        for (int i = 0; i < 10_000; i++) {
            Money a = Money.of(random.nextLong(0, MoneyInput.AMOUNT_MINOR_MAX), "EUR");
            Money b = Money.of(random.nextLong(0, MoneyInput.AMOUNT_MINOR_MAX), "EUR");
            assertThat(a.plus(b)).isEqualTo(b.plus(a));
            assertThat(a.plus(b).minus(b)).isEqualTo(a);
            assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Long.signum(a.amountMinor() - b.amountMinor()));
            assertThat(a.toDecimal().movePointRight(2).longValueExact()).isEqualTo(a.amountMinor());
        }
    }

    @Test
    void an_amount_reads_in_the_currencys_own_minor_units() {
        assertThat(Money.of(150_000, "EUR").toString()).isEqualTo("1500.00 EUR");
        assertThat(Money.of(5, "EUR").toString()).isEqualTo("0.05 EUR");
        assertThat(Money.of(1_500, "XOF").toString()).as("the CFA franc has no minor unit").isEqualTo("1500 XOF");
        assertThat(Money.of(1, "BHD").toDecimal()).isEqualByComparingTo(new BigDecimal("0.001"));
    }

    @Test
    void a_requested_amount_in_an_unknown_currency_is_refused_under_its_field() {
        assertThat(new MoneyInput(10L, "EUR").toMoney("amount")).isEqualTo(Money.of(10, "EUR"));
        for (String code : new String[] {"XYZ", "XAU"}) {
            assertThatThrownBy(() -> new MoneyInput(10L, code).toMoney("allocations[0].amount"))
                    .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.errors())
                            .singleElement().extracting(e -> e.field()).isEqualTo("allocations[0].amount.currency"));
        }
    }
}
