package org.solidarityfunds.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A list as scalar parameters: few query shapes, every value asked for, nothing else. */
class InListTest {

    @Test
    void a_list_is_padded_to_the_next_of_a_few_lengths_by_repeating_its_last_value() {
        assertThat(IntStream.of(1, 2, 4, 5, 16, 17, 64, 65, 256).map(InList::paddedLength).toArray())
                .containsExactly(1, 4, 4, 16, 16, 64, 64, 256, 256);

        InList in = InList.chunks("pledgeId", List.of("a", "b")).get(0);

        assertThat(in.condition()).isEqualTo("pledgeId in (?1, ?2, ?3, ?4)");
        assertThat(in.parameters()).containsExactly("a", "b", "b", "b");
    }

    @Test
    void the_leading_parameters_come_first_and_the_values_are_numbered_after_them_one_value_being_an_equality() {
        InList in = InList.chunks("version", List.of(3), 42L).get(0);

        assertThat(in.condition()).isEqualTo("version = ?2");
        assertThat(in.parameters()).containsExactly(42L, 3);
    }

    @Test
    void a_long_list_is_read_in_chunks_that_together_hold_every_value_once_and_no_other() {
        List<Integer> values = IntStream.range(0, 600).boxed().toList();

        List<InList> chunks = InList.chunks("id", values, "fund");

        assertThat(chunks).hasSize(3);
        assertThat(chunks).allSatisfy(in -> {
            assertThat(in.parameters()).hasSize(1 + 256);
            assertThat(in.parameters()[0]).isEqualTo("fund");
            assertThat(in.condition()).startsWith("id in (?2, ?3,").endsWith(", ?257)");
        });
        var seen = new HashSet<Object>();
        chunks.forEach(in -> seen.addAll(Arrays.asList(in.parameters()).subList(1, in.parameters().length)));
        seen.remove("fund");
        assertThat(seen).isEqualTo(new HashSet<>(values));
    }

    @Test
    void no_values_make_no_query() {
        assertThat(InList.chunks("id", List.of())).isEmpty();
    }

    @Test
    void the_property_is_a_path_never_text_to_be_pasted_into_a_query() {
        assertThatThrownBy(() -> InList.chunks("id) or (1 = 1", List.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
