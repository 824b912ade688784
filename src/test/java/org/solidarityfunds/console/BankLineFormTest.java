package org.solidarityfunds.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a statement line's page reads its pledge rows and places the service's refusals on its fields. */
class BankLineFormTest {

    private static final UUID PLEDGE = UUID.fromString("6f1c2b7e-2a4d-4c1e-9b3a-8d5e7f9a0b1c");

    @Test
    void a_pledge_row_is_a_pledge_or_one_of_its_instalments_and_nothing_else() {
        assertThat(BankPages.PledgeLine.parse(PLEDGE.toString())).contains(new BankPages.PledgeLine(PLEDGE, null));
        assertThat(BankPages.PledgeLine.parse(PLEDGE + "/2")).contains(new BankPages.PledgeLine(PLEDGE, (short) 2));
        assertThat(new BankPages.PledgeLine(PLEDGE, (short) 2).field()).isEqualTo(PLEDGE + "/2");
        for (String refused : List.of("", "/2", PLEDGE + "/0", PLEDGE + "/", PLEDGE + "/-1", PLEDGE + "/99999",
                PLEDGE + "/2/3", "not-a-pledge/1")) {
            assertThat(BankPages.PledgeLine.parse(refused)).as(refused).isEmpty();
        }
    }

    @Test
    void a_refused_allocation_is_placed_on_the_row_it_came_from_skipping_the_rows_left_empty() {
        // Rows 0 and 2 were sent (row 1 left empty): the service's allocations[1] is row 2.
        List<Integer> sent = List.of(0, 2);
        BankPages.Choice choice = BankPages.Choice.CONTRIBUTION;
        assertThat(BankPages.fieldOf("lines[0].allocations[1].amountMinor", sent, choice)).isEqualTo("allocation.2");
        assertThat(BankPages.fieldOf("lines[0].allocations[0]", sent, choice)).isEqualTo("allocation.0");
        assertThat(BankPages.fieldOf("lines[0].allocations[7].pledgeId", sent, choice)).isEqualTo("allocations");
        assertThat(BankPages.fieldOf("lines[0].allocations", sent, choice)).isEqualTo("allocations");
        assertThat(BankPages.fieldOf("lines[0].donorId", sent, choice)).isEqualTo("donorId");
        assertThat(BankPages.fieldOf("lines[0]", sent, choice)).isEmpty();
        // Each form has its own note: the refused one is the one sent.
        assertThat(BankPages.fieldOf("lines[0].reason", sent, BankPages.Choice.PAYMENT)).isEqualTo("note.PAYMENT");
    }
}
