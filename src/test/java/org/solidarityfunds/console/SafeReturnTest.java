package org.solidarityfunds.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeReturnTest {

    @Test
    void a_console_path_is_kept() {
        assertThat(SafeReturn.of("/console")).isEqualTo("/console");
        assertThat(SafeReturn.of("/console/funds/LIBAN-2020?tab=pledges")).isEqualTo("/console/funds/LIBAN-2020?tab=pledges");
    }

    @Test
    void anything_else_is_the_console_home() {
        for (String elsewhere : new String[] {null, "", "https://evil.example/console", "//evil.example/console",
                "/console//evil.example", "/consolex", "/api/v1/funds", "/console/\\evil", "/console/\nx",
                "/console/" + "a".repeat(SafeReturn.LENGTH_MAX)}) {
            assertThat(SafeReturn.of(elsewhere)).as(String.valueOf(elsewhere)).isEqualTo("/console");
        }
    }
}
