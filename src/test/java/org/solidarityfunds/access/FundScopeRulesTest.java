package org.solidarityfunds.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a caller may see, without the application (FundScopeTest holds it through the API):
 * every fund, or only the funds its token lists, however that list changes later.
 */
class FundScopeRulesTest {

    @Test
    void an_unscoped_caller_sees_every_fund() {
        assertThat(FundScope.all().includes("LIBAN-2020")).isTrue();
        assertThat(FundScope.all().includes("ANY-OTHER")).isTrue();
    }

    @Test
    void a_scoped_caller_sees_only_the_funds_listed_exactly() {
        FundScope scope = FundScope.only(Set.of("LIBAN-2020", "MOZAMBIQUE-DONDO"));
        assertThat(scope.includes("LIBAN-2020")).isTrue();
        assertThat(scope.includes("MOZAMBIQUE-DONDO")).isTrue();
        assertThat(scope.includes("BANGUI")).isFalse();
        assertThat(scope.includes("liban-2020")).as("codes are compared exactly").isFalse();
        assertThat(scope.includes("LIBAN")).isFalse();
        assertThat(FundScope.only(Set.of()).includes("LIBAN-2020")).as("an empty list sees nothing").isFalse();
    }

    @Test
    void a_scope_does_not_grow_with_the_set_it_was_made_from() {
        Set<String> codes = new HashSet<>(Set.of("LIBAN-2020"));
        FundScope scope = FundScope.only(codes);
        codes.add("BANGUI");
        assertThat(scope.includes("BANGUI")).isFalse();
    }
}
