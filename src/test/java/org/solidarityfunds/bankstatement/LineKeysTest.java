package org.solidarityfunds.bankstatement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.bankstatement.BankFile.Direction;

/** What makes a line one movement of the bank, whatever file brings it. */
class LineKeysTest {

    @Test
    void the_banks_reference_is_the_key_when_it_gives_one() {
        assertThat(LineKeys.of(List.of(line("2020-10-02", 100, "ACR-1", "Don"), line("2020-10-03", 200, "ACR-2", "Don"))))
                .containsExactly("ref:ACR-1", "ref:ACR-2");
    }

    @Test
    void without_one_the_facts_are_the_key_and_identical_lines_are_told_apart_by_their_rank() {
        List<String> keys = LineKeys.of(List.of(line("2020-10-02", 100, null, "Don"), line("2020-10-02", 100, null, "Don"),
                line("2020-10-02", 100, null, "Don Liban")));
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(keys.get(0)).startsWith("facts:").endsWith(":1");
        assertThat(keys.get(1)).isEqualTo(keys.get(0).replaceAll(":1$", ":2"));
        assertThat(keys.get(2)).endsWith(":1").isNotEqualTo(keys.get(0));
    }

    @Test
    void an_overlapping_file_gives_the_same_days_lines_the_same_keys() {
        BankFile.Line first = line("2020-10-02", 100, null, "Don");
        BankFile.Line second = line("2020-10-02", 100, null, "Don");
        BankFile.Line next = line("2020-10-03", 500, null, "Don");
        List<String> earlier = LineKeys.of(List.of(first, second));
        List<String> overlapping = LineKeys.of(List.of(first, second, next));
        assertThat(overlapping.subList(0, 2)).isEqualTo(earlier);
    }

    @Test
    void any_fact_changes_the_key() {
        String key = LineKeys.of(List.of(line("2020-10-02", 100, null, "Don"))).get(0);
        assertThat(LineKeys.of(List.of(line("2020-10-03", 100, null, "Don"))).get(0)).isNotEqualTo(key);
        assertThat(LineKeys.of(List.of(line("2020-10-02", 101, null, "Don"))).get(0)).isNotEqualTo(key);
        assertThat(LineKeys.of(List.of(line("2020-10-02", 100, null, "Dons"))).get(0)).isNotEqualTo(key);
    }

    private static BankFile.Line line(String bookedOn, long amountMinor, String bankReference, String text) {
        return new BankFile.Line(1, LocalDate.parse(bookedOn), null, Direction.CREDIT, amountMinor, false, "M DURAND",
                null, null, text, bankReference, null, null, null, null);
    }
}
