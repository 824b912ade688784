package org.solidarityfunds.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What text the service accepts: storable as sent, with something visible, lengths in code points. */
class TextTest {

    @Test
    void text_with_a_visible_character_within_the_length_is_accepted_whatever_its_script() {
        for (String good : List.of("Ville de Lyon", "Délibération n° 2020-145", "بيروت", "東京", "x", " a ",
                "ligne 1\nligne 2\r\n\tfin", "🇱🇧 Liban")) {
            assertThat(Text.refusal(good, 200)).as(good).isEmpty();
        }
    }

    @Test
    void text_postgresql_would_not_store_as_sent_is_refused_without_being_quoted() {
        for (String bad : List.of("a\u0000b", "a\u0001b", "a\u001bb", "a\u007fb", "a\u0085b", "a\u009fb",
                "a\ud83c", "\udde7b", "a\udde7\ud83cb")) {
            assertThat(Text.unstorable(bad)).as(bad).isPresent();
            assertThat(Text.refusal(bad, 200)).as(bad).isPresent().get().asString()
                    .doesNotContain(bad).matches(".* at position [0-9]+");
        }
        assertThat(Text.unstorable("a\u0000b")).contains("contains a NUL character at position 1");
        assertThat(Text.unstorable("ab\ud83c")).contains("contains half of a surrogate pair at position 2");
        assertThat(Text.unstorable("\ud83c\uddf1\ud83c\udde7")).as("a whole pair is stored as sent").isEmpty();
    }

    @Test
    void text_of_only_whitespace_or_invisible_characters_is_refused() {
        for (String invisible : List.of("", " ", "\t\n\r", "\u00a0", "\u200b", "\u200d", "\u2028", "\u3000",
                "\ufeff", "\u202e", "\u2060", "\ufe0f", " \u00a0\u200b\ufeff ")) {
            assertThat(Text.refusal(invisible, 200)).as("U+%04X…", invisible.isEmpty() ? 0 : (int) invisible.charAt(0))
                    .contains("must contain a visible character");
        }
    }

    @Test
    void a_length_is_counted_in_code_points_as_json_schema_counts_it() {
        String flags = "🇱🇧".repeat(5);
        assertThat(flags).hasSize(20);
        assertThat(Text.refusal(flags, 10)).isEmpty();
        assertThat(Text.refusal(flags, 9)).contains("must be at most 9 characters long");
        assertThat(Text.refusal("é".repeat(500), 500)).isEmpty();
        assertThat(Text.refusal("é".repeat(501), 500)).isPresent();
    }
}
