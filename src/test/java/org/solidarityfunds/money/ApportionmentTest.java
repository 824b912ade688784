package org.solidarityfunds.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ApportionmentTest {

    @Test
    void the_units_left_over_go_to_the_largest_remainders() {
        // 100 shared 1:1:1 is 33.33 each: the one unit left goes to the first, the ties broken by order.
        assertThat(Apportionment.of(100, new long[] {1, 1, 1})).containsExactly(34, 33, 33);
        // 10 shared 5:3:2 at quotas 5, 3, 2: nothing left over.
        assertThat(Apportionment.of(10, new long[] {5, 3, 2})).containsExactly(5, 3, 2);
        // 7 shared 10:20:70: quotas 0.7, 1.4, 4.9; whole parts 0, 1, 4; the two left go to .9 and .7.
        assertThat(Apportionment.of(7, new long[] {10, 20, 70})).containsExactly(1, 1, 5);
    }

    @Test
    void a_weight_of_zero_gets_nothing_and_nothing_shared_gives_nothing() {
        assertThat(Apportionment.of(99_99, new long[] {0, 3, 0, 1})).containsExactly(0, 74_99, 0, 25_00);
        assertThat(Apportionment.of(0, new long[] {0, 0})).containsExactly(0, 0);
        assertThat(Apportionment.of(0, new long[] {})).isEmpty();
    }

    @Test
    void weights_and_amounts_beyond_a_long_product_are_shared_exactly() {
        long max = Long.MAX_VALUE;
        assertThat(Apportionment.of(max, new long[] {max, max})).containsExactly(max / 2 + 1, max / 2);
        assertThat(Apportionment.of(max, new long[] {max, 1})).containsExactly(max - 1, 1);
    }

    @Test
    void what_cannot_be_shared_is_refused() {
        assertThatThrownBy(() -> Apportionment.of(-1, new long[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Apportionment.of(1, new long[] {1, -1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Apportionment.of(1, new long[] {0, 0})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be shared");
        assertThatThrownBy(() -> Apportionment.of(1, new long[] {})).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * On random amounts and weights: the shares add up to the amount, each is its exact quota
     * rounded down or up, a zero weight gets nothing, a larger weight never gets less, and the
     * same inputs give the same shares.
     */
    @Test
    void on_random_weights_the_shares_add_up_and_each_stays_within_a_unit_of_its_quota() {
        Random random = new Random(2020_11_12L);
        for (int run = 0; run < 20_000; run++) {
            int parties = 1 + random.nextInt(12);
            long[] weights = new long[parties];
            for (int i = 0; i < parties; i++) {
                weights[i] = switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> 1 + random.nextInt(100);
                    case 2 -> 1 + random.nextLong(1_000_000_000_00L);
                    default -> 1 + random.nextLong(Long.MAX_VALUE / parties);
                };
            }
            if (Arrays.stream(weights).allMatch(w -> w == 0)) {
                weights[random.nextInt(parties)] = 1;
            }
            long amount = random.nextBoolean() ? random.nextLong(1_000_000_00L) : random.nextLong(Long.MAX_VALUE);
            String about = "amount " + amount + ", weights " + Arrays.toString(weights);

            long[] shares = Apportionment.of(amount, weights);

            assertThat(Arrays.stream(shares).mapToObj(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add))
                    .as(about).isEqualTo(BigInteger.valueOf(amount));
            BigInteger sum = Arrays.stream(weights).mapToObj(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
            for (int i = 0; i < parties; i++) {
                BigInteger floor = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(weights[i])).divide(sum);
                assertThat(BigInteger.valueOf(shares[i])).as(about + ": share " + i)
                        .isBetween(floor, floor.add(BigInteger.ONE));
                if (weights[i] == 0) {
                    assertThat(shares[i]).as(about + ": share " + i).isZero();
                }
                for (int j = 0; j < parties; j++) {
                    if (weights[i] > weights[j]) {
                        assertThat(shares[i]).as(about + ": share " + i + " against " + j)
                                .isGreaterThanOrEqualTo(shares[j]);
                    }
                }
            }
            assertThat(Apportionment.of(amount, weights)).as(about).containsExactly(shares);
        }
    }
}
