package org.solidarityfunds.pledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AllocationProposalTest {

    private static final UUID FIRST = UUID.randomUUID();
    private static final UUID SECOND = UUID.randomUUID();
    private static final List<AllocationProposal.Line> OWED = List.of(
            new AllocationProposal.Line(FIRST, (short) 1, LocalDate.of(2020, 9, 30), "DEL-1", 750_00),
            new AllocationProposal.Line(SECOND, null, LocalDate.of(2020, 10, 15), "DEL-2", 500_00),
            new AllocationProposal.Line(FIRST, (short) 2, LocalDate.of(2020, 12, 31), "DEL-1", 750_00));

    @Test
    void the_earliest_due_are_filled_first_and_none_beyond_what_it_expects() {
        assertThat(AllocationProposal.fill(1_000_00, OWED)).containsExactly(750_00L, 250_00L, 0L);
        assertThat(AllocationProposal.fill(2_500_00, OWED)).containsExactly(750_00L, 500_00L, 750_00L);
        assertThat(AllocationProposal.fill(0, OWED)).containsExactly(0L, 0L, 0L);
    }

    @Test
    void what_is_proposed_never_exceeds_the_money_received() {
        for (long credited = 0; credited < 3_000_00; credited += 123_45) {
            long proposed = AllocationProposal.fill(credited, OWED).stream().mapToLong(Long::longValue).sum();
            assertThat(proposed).isEqualTo(Math.min(credited, 2_000_00));
        }
    }

    @Test
    void a_negative_amount_is_refused() {
        assertThatThrownBy(() -> AllocationProposal.fill(-1, OWED)).isInstanceOf(IllegalArgumentException.class);
    }
}
