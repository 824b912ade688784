package org.solidarityfunds.donorshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.donorshare.DonorShares.Event;
import org.solidarityfunds.donorshare.DonorShares.Received;
import org.solidarityfunds.donorshare.DonorShares.Released;
import org.solidarityfunds.donorshare.DonorShares.Spent;

class DonorSharesTest {

    private static final UUID LYON = UUID.fromString("00000000-0000-0000-0000-00000000001a");
    private static final UUID REGION = UUID.fromString("00000000-0000-0000-0000-00000000002b");
    private static final UUID DEPARTEMENT = UUID.fromString("00000000-0000-0000-0000-00000000003c");

    @Test
    void a_grant_is_shared_in_proportion_to_what_each_donor_holds_when_it_is_committed() {
        // Lyon gave 30,000.00 and the région 10,000.00; a grant of 10,000.00 takes 3/4 and 1/4.
        DonorShares shares = DonorShares.of(List.of(new Received(LYON, 30_000_00), new Received(REGION, 10_000_00),
                new Spent("grant-1", 10_000_00)));

        assertThat(shares.sharesOf("grant-1")).containsExactly(entry(LYON, 7_500_00L), entry(REGION, 2_500_00L));
        assertThat(shares.heldBy(LYON)).isEqualTo(22_500_00);
        assertThat(shares.heldBy(REGION)).isEqualTo(7_500_00);
    }

    @Test
    void a_donor_who_gave_after_a_grant_was_committed_has_no_share_of_it_and_what_was_spent_counts_no_more() {
        // Lyon alone pays the first grant, all of what it gave; the région's later gift pays the second alone.
        DonorShares shares = DonorShares.of(List.of(new Received(LYON, 100_00), new Spent("grant-1", 100_00),
                new Received(REGION, 100_00), new Spent("grant-2", 100_00)));

        assertThat(shares.sharesOf("grant-1")).containsExactly(entry(LYON, 100_00L));
        assertThat(shares.sharesOf("grant-2")).containsExactly(entry(REGION, 100_00L));
    }

    @Test
    void the_cent_left_over_goes_to_the_largest_remainder_and_a_release_gives_back_in_proportion() {
        DonorShares shares = DonorShares.of(List.of(new Received(LYON, 1_00), new Received(REGION, 1_00),
                new Received(DEPARTEMENT, 1_00), new Spent("grant-1", 1_00), new Released("grant-1", 40)));

        // 1.00 over three equal pools: 34, 33, 33 cents; 40 released back: 14, 13, 13; so 20 each is left.
        assertThat(shares.sharesOf("grant-1")).containsExactly(entry(LYON, 20L), entry(REGION, 20L),
                entry(DEPARTEMENT, 20L));
        assertThat(shares.heldBy(LYON)).isEqualTo(80);
    }

    @Test
    void a_reversed_gift_already_spent_takes_no_share_until_its_donor_gives_again() {
        DonorShares shares = DonorShares.of(List.of(new Received(LYON, 100_00), new Received(REGION, 100_00),
                new Spent("grant-1", 150_00), new Received(REGION, 100_00), new Received(LYON, -100_00),
                new Spent("grant-2", 60_00), new Received(LYON, 80_00), new Spent("grant-3", 20_00)));

        // Grant 1 takes 75.00 of each. Lyon's gift reversed leaves its pool at -75.00 (the région's
        // later gift pays it back): grant 2 is the région's alone. Lyon's next gift of 80.00 first
        // fills what its reversal took: it holds 5.00 against the région's 65.00, and grant 3 of
        // 20.00 is 1.43 and 18.57 (1.4286 and 18.5714, the cent left to the larger remainder).
        assertThat(shares.sharesOf("grant-1")).containsExactly(entry(LYON, 75_00L), entry(REGION, 75_00L));
        assertThat(shares.sharesOf("grant-2")).containsExactly(entry(REGION, 60_00L));
        assertThat(shares.sharesOf("grant-3")).containsExactly(entry(LYON, 1_43L), entry(REGION, 18_57L));
        assertThat(shares.heldBy(LYON)).isEqualTo(3_57);
        assertThat(shares.heldBy(REGION)).isEqualTo(46_43);
    }

    @Test
    void a_later_grant_is_shared_by_what_each_holds_not_by_what_each_gave() {
        // Grant 1 of 300.00 takes 225.00 of Lyon's 300.00 and 75.00 of the région's 100.00. The région
        // then gives 300.00 more: it holds 325.00 against Lyon's 75.00, so grant 2 of 100.00 is 81.25
        // and 18.75 (by what each gave, 400.00 and 300.00, it would be 57.14 and 42.86).
        DonorShares shares = DonorShares.of(List.of(new Received(LYON, 300_00), new Received(REGION, 100_00),
                new Spent("grant-1", 300_00), new Received(REGION, 300_00), new Spent("grant-2", 100_00)));

        assertThat(shares.sharesOf("grant-1")).containsExactly(entry(LYON, 225_00L), entry(REGION, 75_00L));
        assertThat(shares.sharesOf("grant-2")).containsExactly(entry(LYON, 18_75L), entry(REGION, 81_25L));
    }

    @Test
    void a_history_the_ledger_would_refuse_is_refused() {
        assertThatThrownBy(() -> DonorShares.of(List.of(new Received(LYON, 10_00), new Spent("grant-1", 10_01))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spends 1001 but the pools hold 1000");
        assertThatThrownBy(() -> DonorShares.of(List.of(new Received(LYON, 10_00), new Spent("grant-1", 5_00),
                new Released("grant-1", 5_01)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("releases 501 of 500 spent");
        assertThatThrownBy(() -> DonorShares.of(List.of(new Released("grant-9", 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Received(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Spent("grant-1", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * On random histories a ledger would accept (nothing spent beyond the fund's available money,
     * nothing released beyond what is left of a spending, a reversal only while the fund holds
     * it): each spending's shares add up to what it still spends; no donor's shares add up to
     * more than it gave; what a donor paid and what it holds add up to what it gave net of its
     * reversals; and the pools hold together what the fund holds.
     */
    @Test
    void on_random_histories_shares_add_up_and_no_donor_pays_more_than_it_gave() {
        Random random = new Random(2020_08_04L);
        List<UUID> donors = List.of(LYON, REGION, DEPARTEMENT, UUID.fromString("00000000-0000-0000-0000-00000000004d"));
        for (int history = 0; history < 2_000; history++) {
            List<Event> events = new ArrayList<>();
            Map<String, Long> stillSpent = new LinkedHashMap<>();
            Map<UUID, Long> given = new HashMap<>();
            Map<UUID, Long> net = new HashMap<>();
            long available = 0;
            int steps = 1 + random.nextInt(60);
            for (int step = 0; step < steps; step++) {
                int kind = random.nextInt(10);
                if (kind < 4) {
                    UUID donor = donors.get(random.nextInt(donors.size()));
                    long amount = 1 + random.nextLong(random.nextBoolean() ? 100 : 10_000_000_00L);
                    events.add(new Received(donor, amount));
                    given.merge(donor, amount, Long::sum);
                    net.merge(donor, amount, Long::sum);
                    available += amount;
                } else if (kind == 4 && available > 0) {
                    // A reversal of part of what a donor gave, while the fund holds it (the ledger's rule).
                    UUID donor = donors.get(random.nextInt(donors.size()));
                    long amount = Math.min(net.getOrDefault(donor, 0L), available);
                    if (amount > 0) {
                        amount = 1 + random.nextLong(amount);
                        events.add(new Received(donor, -amount));
                        net.merge(donor, -amount, Long::sum);
                        available -= amount;
                    }
                } else if (kind < 9 && available > 0) {
                    String what = "spending-" + step;
                    long amount = 1 + random.nextLong(available);
                    events.add(new Spent(what, amount));
                    stillSpent.put(what, amount);
                    available -= amount;
                } else if (!stillSpent.isEmpty()) {
                    String what = new ArrayList<>(stillSpent.keySet()).get(random.nextInt(stillSpent.size()));
                    long amount = 1 + random.nextLong(stillSpent.get(what));
                    events.add(new Released(what, amount));
                    stillSpent.merge(what, -amount, Long::sum);
                    if (stillSpent.get(what) == 0) {
                        stillSpent.remove(what);
                    }
                    available += amount;
                }
            }
            String about = "history " + history + ": " + events;

            DonorShares shares = DonorShares.of(events);

            Map<UUID, Long> paid = new HashMap<>();
            stillSpent.forEach((what, amount) -> {
                Map<UUID, Long> of = shares.sharesOf(what);
                assertThat(of.values().stream().mapToLong(Long::longValue).sum()).as(about + ": " + what)
                        .isEqualTo(amount);
                of.forEach((party, share) -> paid.merge(party, share, Long::sum));
            });
            long held = 0;
            for (UUID donor : donors) {
                long paidBy = paid.getOrDefault(donor, 0L);
                assertThat(paidBy).as(about + ": paid by " + donor).isLessThanOrEqualTo(given.getOrDefault(donor, 0L));
                // So a donor whose pool is not below zero paid no more than it gave net of reversals.
                assertThat(paidBy + shares.heldBy(donor)).as(about + ": paid and held by " + donor)
                        .isEqualTo(net.getOrDefault(donor, 0L));
                held += shares.heldBy(donor);
            }
            assertThat(held).as(about + ": the pools hold the fund's money")
                    .isEqualTo(available);
        }
    }
}
