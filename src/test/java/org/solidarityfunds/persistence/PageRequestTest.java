package org.solidarityfunds.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/** {@code ?limit=&after=}: the limits a page accepts and the cursors only this service writes. */
class PageRequestTest {

    private static void assertRefused(Runnable parse, ProblemType type) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.type()).isEqualTo(type));
    }

    @Test
    void a_limit_is_a_whole_number_from_1_to_200_and_50_when_absent() {
        assertThat(PageRequest.of(null, null).limit()).isEqualTo(PageRequest.LIMIT_DEFAULT).isEqualTo(50);
        assertThat(PageRequest.of("1", null).limit()).isEqualTo(1);
        assertThat(PageRequest.of("200", null).limit()).isEqualTo(PageRequest.LIMIT_MAX).isEqualTo(200);
        for (String bad : List.of("0", "201", "-1", "", " 5", "5.0", "1e2", "ten", "2147483648", "99999999999999999999")) {
            assertThatThrownBy(() -> PageRequest.of(bad, null)).as(bad).isInstanceOfSatisfying(ProblemException.class,
                    problem -> {
                        assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
                        assertThat(problem.errors()).singleElement().extracting(e -> e.field()).isEqualTo("limit");
                    });
        }
    }

    @Test
    void a_cursor_the_service_wrote_reads_back_as_its_position() {
        Random random = new Random(20201231L);
        for (int i = 0; i < 1_000; i++) {
            String position = Long.toString(random.nextLong() & Long.MAX_VALUE);
            String cursor = PageRequest.cursor(position);
            assertThat(cursor).matches("[A-Za-z0-9_-]+");
            PageRequest page = PageRequest.of(null, cursor);
            assertThat(page.after()).contains(position);
            assertThat(page.afterNumber()).contains(Long.parseLong(position));
        }
        assertThat(PageRequest.of(null, null).after()).isEmpty();
        assertThat(PageRequest.of(null, null).afterNumber()).isEmpty();
    }

    @Test
    void a_cursor_spelt_otherwise_than_the_service_writes_it_is_invalid() {
        String position = "12345";
        String padded = Base64.getUrlEncoder().encodeToString(position.getBytes(StandardCharsets.US_ASCII));
        assertThat(padded).endsWith("=").isNotEqualTo(PageRequest.cursor(position));
        // "?>?" is "Pz4_" in base64url and "Pz4/" in standard base64
        String standard = Base64.getEncoder().withoutPadding().encodeToString("?>?".getBytes(StandardCharsets.US_ASCII));
        assertThat(standard).contains("/");
        for (String bad : List.of(padded, standard, "", "!", "a", "A".repeat(201), PageRequest.cursor(position) + " ")) {
            assertRefused(() -> PageRequest.of(null, bad), ProblemType.INVALID_CURSOR);
        }
        assertThat(PageRequest.of(null, "A".repeat(200)).after()).isPresent();
    }

    @Test
    void a_number_in_a_cursor_is_canonical_decimal_within_its_range_never_wrapped() {
        assertThat(PageRequest.number("0", Long.MAX_VALUE)).isZero();
        assertThat(PageRequest.number("9223372036854775807", Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(PageRequest.number("32767", Short.MAX_VALUE)).isEqualTo(32767);
        for (String bad : List.of("00", "007", "-1", "+1", " 1", "1 ", "1e3", "0x10", "١٢", "9223372036854775808",
                "99999999999999999999")) {
            assertRefused(() -> PageRequest.number(bad, Long.MAX_VALUE), ProblemType.INVALID_CURSOR);
        }
        assertRefused(() -> PageRequest.number("32768", Short.MAX_VALUE), ProblemType.INVALID_CURSOR);
        PageRequest notANumber = new PageRequest(10, Optional.of("2020-12-31"));
        assertRefused(notANumber::afterNumber, ProblemType.INVALID_CURSOR);
    }
}
