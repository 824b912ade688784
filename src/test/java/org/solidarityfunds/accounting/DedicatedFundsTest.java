package org.solidarityfunds.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.accounting.DedicatedFunds.Family;
import org.solidarityfunds.accounting.DedicatedFunds.Movement;

/** The fonds dédiés rule, on worked cases and on many years drawn from fixed seeds. */
class DedicatedFundsTest {

    private static final String SUBSIDIES = "SUBSIDIES";
    private static final String GIFTS = "PUBLIC_GENEROSITY";

    @Test
    void a_first_year_mostly_unused_carries_its_unused_resources() {
        // Lebanon 2020's shape: 100,000.00 pledged by local authorities, 2,000.00 given by people,
        // 30,600.00 awarded: 71,400.00 stays dedicated, shared 100 to 2.
        List<Movement> year = DedicatedFunds.of(List.of(new Family(SUBSIDIES, 0, 10_000_000),
                new Family(GIFTS, 0, 200_000)), 3_060_000, SUBSIDIES);

        assertThat(year).containsExactly(
                new Movement(SUBSIDIES, 0, 10_000_000, 3_000_000, 0, 7_000_000, 7_000_000),
                new Movement(GIFTS, 0, 200_000, 60_000, 0, 140_000, 140_000));
    }

    @Test
    void a_later_year_uses_the_earlier_fonds_first() {
        List<Movement> year = DedicatedFunds.of(List.of(new Family(SUBSIDIES, 7_000_000, 1_000_000)), 5_000_000,
                SUBSIDIES);

        assertThat(year).containsExactly(new Movement(SUBSIDIES, 7_000_000, 1_000_000, 5_000_000, 5_000_000,
                1_000_000, 3_000_000));
    }

    @Test
    void the_cents_left_over_go_to_the_largest_remainders() {
        // 100 cents unused over three equal families: 34, 33, 33, the chart's order breaking the tie.
        List<Movement> year = DedicatedFunds.of(List.of(new Family("A", 0, 100), new Family("B", 0, 100),
                new Family("C", 0, 100)), 200, "A");

        assertThat(year).extracting(Movement::closing).containsExactly(34L, 33L, 33L);
        // 7 cents unused over families that had 100, 200 and 700: 0.7, 1.4 and 4.9 cents, so
        // 0, 1 and 4 whole, and the two left to the remainders of .9 and .7.
        List<Movement> unequal = DedicatedFunds.of(List.of(new Family("A", 0, 100), new Family("B", 0, 200),
                new Family("C", 0, 700)), 993, "A");

        assertThat(unequal).extracting(Movement::closing).containsExactly(1L, 1L, 5L);
    }

    @Test
    void a_fund_that_spent_more_than_it_had_keeps_nothing_dedicated() {
        List<Movement> year = DedicatedFunds.of(List.of(new Family(SUBSIDIES, 500, 1_000)), 2_000, SUBSIDIES);

        assertThat(year).containsExactly(new Movement(SUBSIDIES, 500, 1_000, 1_500, 500, 0, 0));
    }

    @Test
    void a_grant_released_with_nothing_left_to_spend_goes_back_to_the_fallback_family() {
        List<Movement> year = DedicatedFunds.of(List.of(new Family(GIFTS, 0, 0), new Family(SUBSIDIES, 0, 0)),
                -700, SUBSIDIES);

        assertThat(year).containsExactly(new Movement(GIFTS, 0, 0, 0, 0, 0, 0),
                new Movement(SUBSIDIES, 0, 0, -700, 0, 700, 700));
    }

    @Test
    void an_earlier_pledge_cancelled_uses_the_fonds_it_was_carried_in() {
        List<Movement> year = DedicatedFunds.of(List.of(new Family(SUBSIDIES, 3_000, -1_000)), 0, SUBSIDIES);

        assertThat(year).containsExactly(new Movement(SUBSIDIES, 3_000, -1_000, 0, 1_000, 0, 2_000));
    }

    @Test
    void figures_that_do_not_add_up_are_refused() {
        assertThatThrownBy(() -> new Movement(SUBSIDIES, 100, 0, 0, 0, 0, 90))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Family(SUBSIDIES, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * On random years: the fonds of all families at the end are the fund's unused money (opening
     * plus resources less charges, never below zero); each family's closing is its opening less
     * what it used plus what it carried; nothing is used beyond a family's opening; the year's
     * charges are shared out exactly; and the year's result after the fonds dédiés is zero unless
     * the fund spent more than it had.
     */
    @Test
    void on_random_years_the_fonds_are_the_unused_money_to_the_cent() {
        Random random = new Random(2018_06L);
        for (int sample = 0; sample < 5_000; sample++) {
            List<Family> families = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            long had = 0;
            for (int i = 0; i < count; i++) {
                long opening = random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000);
                long resources = random.nextInt(5) == 0 ? -random.nextInt((int) opening + 1)
                        : random.nextInt(1_000_000);
                families.add(new Family("F" + i, opening, resources));
                had += opening + resources;
            }
            long charges = random.nextInt(4) == 0 ? -random.nextInt(10_000) : random.nextLong(had + 500_000);

            List<Movement> year = DedicatedFunds.of(families, charges, "F0");

            long closing = year.stream().mapToLong(Movement::closing).sum();
            assertThat(closing).as("sample %d", sample).isEqualTo(Math.max(0, had - charges));
            assertThat(year.stream().mapToLong(Movement::charges).sum()).as("sample %d", sample)
                    .isEqualTo(had - closing);
            long result = 0;
            for (int i = 0; i < count; i++) {
                Movement movement = year.get(i);
                assertThat(movement.opening()).isEqualTo(families.get(i).opening());
                assertThat(movement.used()).isBetween(0L, movement.opening());
                assertThat(movement.carried()).isNotNegative();
                result += movement.resources() - movement.carried() + movement.used();
            }
            result -= charges;
            assertThat(result).as("sample %d: the year's result", sample)
                    .isEqualTo(had - charges >= 0 ? 0 : had - charges);
        }
    }
}
