package org.solidarityfunds.donor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SirenTest {

    @Test
    void a_siren_with_its_check_digit_is_accepted() {
        assertThat(Siren.parse("732829320")).map(Siren::value).contains("732829320");
        assertThat(Siren.parse("356000000")).isPresent();
    }

    @Test
    void a_siren_with_a_wrong_check_digit_or_shape_is_refused() {
        assertThat(Siren.parse("732829321")).isEmpty();
        assertThat(Siren.parse("73282932")).isEmpty();
        assertThat(Siren.parse("7328293200")).isEmpty();
        assertThat(Siren.parse("73282932A")).isEmpty();
        assertThat(Siren.parse(null)).isEmpty();
        assertThatThrownBy(() -> new Siren("123456789")).isInstanceOf(IllegalArgumentException.class);
    }
}
