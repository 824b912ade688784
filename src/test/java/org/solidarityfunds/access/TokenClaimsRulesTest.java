package org.solidarityfunds.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The claims rule alone, as the JSON parser hands claims over: no application, no token. */
class TokenClaimsRulesTest {

    private static Map<String, Object> claims(Object... pairs) {
        Map<String, Object> claims = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            claims.put((String) pairs[i], pairs[i + 1]);
        }
        return claims;
    }

    @Test
    void a_subject_with_roles_and_funds_is_usable() {
        assertThat(TokenClaims.refusal(claims("sub", "partner-lyon", "groups", List.of("partner"), "funds",
                List.of("LIBAN-2020")))).isEmpty();
        assertThat(TokenClaims.refusal(claims("sub", "x".repeat(TokenClaims.SUBJECT_LENGTH_MAX)))).isEmpty();
        assertThat(TokenClaims.refusal(claims("sub", "auditor-1", "groups", "auditor"))).isEmpty();
    }

    @Test
    void a_subject_the_ledger_could_not_record_is_refused() {
        for (Object subject : new Object[] {null, "", " ", "\u00a0", "a\u0000b", "a\ud800", 42L, List.of("a"),
                "x".repeat(TokenClaims.SUBJECT_LENGTH_MAX + 1)}) {
            assertThat(TokenClaims.refusal(claims("sub", subject))).as(String.valueOf(subject)).isPresent();
        }
    }

    @Test
    void roles_and_funds_that_are_not_names_are_refused() {
        for (Object value : new Object[] {Map.of("admin", true), 7L, List.of("admin", 7L), List.of("a\u0000"),
                List.of(Map.of())}) {
            assertThat(TokenClaims.refusal(claims("sub", "s", "groups", value))).as("groups " + value).isPresent();
            assertThat(TokenClaims.refusal(claims("sub", "s", "funds", value))).as("funds " + value).isPresent();
        }
        assertThat(TokenClaims.refusal(claims("sub", "s", "funds", "LIBAN-2020"))).isPresent();
    }
}
