package org.solidarityfunds.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.Api;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * "Awaiting my vote" across funds: the requests a member could vote on now, in the funds whose
 * committee seats them today and that the caller may see, by fund then number; not their own
 * requests, not those they already voted on, nothing from a seat that has ended.
 */
@QuarkusTest
class AwaitingVotesTest {

    private final DisbursementService disbursements;

    AwaitingVotesTest(DisbursementService disbursements) {
        this.disbursements = disbursements;
    }

    @Test
    void only_what_the_member_could_vote_on_now_in_the_funds_they_may_see() {
        String member = "awaiting-" + UUID.randomUUID();
        String first = TestFunds.open("AWA");
        String second = TestFunds.open("AWB");
        String ended = TestFunds.open("AWC");
        String elsewhere = TestFunds.open("AWD");
        TestFunds.committee(first, 2, member, "awaiting-x", "awaiting-y");
        TestFunds.committee(second, 2, member, "awaiting-x", "awaiting-y");
        Api.json(Map.of("members", List.of(
                Map.of("subject", member, "name", "Ancien membre", "validFrom", "2020-01-01", "validUntil", "2021-01-01"),
                Map.of("subject", "awaiting-x", "name", "X", "validFrom", "2020-01-01"),
                Map.of("subject", "awaiting-y", "name", "Y", "validFrom", "2020-01-01")),
                "quorum", 2, "majority", "SIMPLE", "reason", "Mandat terminé")).put("/api/v1/funds/{code}/committee", ended)
                .then().statusCode(200);
        TestFunds.committee(elsewhere, 1, "awaiting-x", "awaiting-y");
        for (String fund : List.of(first, second, ended, elsewhere)) {
            TestFunds.contribution(fund, TestFunds.donor("Commune " + fund), 100_000_00, null);
        }
        String open = TestFunds.disbursement(first, 1_000_00);
        Api.json(TestTokens.as(member, Roles.COMMITTEE), Map.of(
                "beneficiary", Map.of("name", "Commune de Dondo", "country", "MZ"), "purpose", "Sa propre demande",
                "amount", Map.of("amountMinor", 2_000_00, "currency", "EUR")))
                .post("/api/v1/funds/{code}/disbursements", first).then().statusCode(201);
        String voted = TestFunds.disbursement(first, 3_000_00);
        TestFunds.vote(voted, member, "FOR");
        String inSecond = TestFunds.disbursement(second, 4_000_00);
        TestFunds.disbursement(ended, 5_000_00);
        TestFunds.disbursement(elsewhere, 6_000_00);

        assertThat(ids(disbursements.awaitingVoteOf(member, FundScope.all()))).containsExactly(open, inSecond);
        assertThat(ids(disbursements.awaitingVoteOf(member, FundScope.only(Set.of(second, ended)))))
                .containsExactly(inSecond);
        assertThat(disbursements.awaitingVoteOf("awaiting-nobody", FundScope.all())).isEmpty();
    }

    private static List<String> ids(List<DisbursementView> views) {
        return views.stream().map(v -> v.id().toString()).toList();
    }
}
