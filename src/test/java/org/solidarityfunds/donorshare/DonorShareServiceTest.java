package org.solidarityfunds.donorshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * A fund's journal, written through the API, read as whose money each spending was (ADR 0023):
 * the shares computed by hand from the rule, against what the service reads.
 */
@QuarkusTest
class DonorShareServiceTest {

    private static final String FINANCE = TestTokens.as("finance-shares", Roles.FINANCE);

    @Inject
    DonorShareService service;

    @Test
    void commitments_charges_releases_and_reversals_are_read_from_the_journal_in_its_order() {
        String fund = TestFunds.open("PARTS");
        UUID lyon = UUID.fromString(TestFunds.donor("Ville de Lyon"));
        UUID region = UUID.fromString(TestFunds.donor("Région Auvergne-Rhône-Alpes"));
        TestFunds.committee(fund, 1, fund + "-m1");
        TestFunds.contribution(fund, lyon.toString(), 30_000_00, null);
        TestFunds.contribution(fund, region.toString(), 10_000_00, null);

        // Grant 1 of 10,000.00: 3/4 Lyon's, 1/4 the région's; pools 22,500.00 and 7,500.00.
        UUID grant1 = UUID.fromString(approved(fund, 10_000_00));
        // A first tranche of 4,000.00 with 15.00 of charges, shared 11.25 and 3.75; then the rest,
        // 6,000.00, released back 4,500.00 and 1,500.00.
        json(FINANCE, Map.of("paidOn", "2020-11-12", "reference", "VIR-PARTS-1", "chargesMinor", 15_00,
                "amount", Map.of("amountMinor", 4_000_00, "currency", "EUR")))
                .post("/api/v1/disbursements/{id}/payments", grant1).then().statusCode(200);
        json(FINANCE, Map.of("reason", "Travaux achevés")).post("/api/v1/disbursements/{id}/remainder-release", grant1)
                .then().statusCode(200);
        // The région gives 20,000.00 more; Lyon gives 5,000.00, reversed (its pool as it was).
        TestFunds.contribution(fund, region.toString(), 20_000_00, null);
        String reversed = TestFunds.contribution(fund, lyon.toString(), 5_000_00, null);
        json(FINANCE, Map.of("reason", "Virement rejeté")).post("/api/v1/contributions/{id}/reversal", reversed)
                .then().statusCode(200);
        // Grant 2 of 12,000.00 over Lyon's 26,988.75 and the région's 28,996.25: 5,784.853... and
        // 6,215.146..., the cent left to the région's larger remainder.
        UUID grant2 = UUID.fromString(approved(fund, 12_000_00));

        DonorShares shares = service.of(fund, FundScope.all());

        assertThat(shares.sharesOf(DonorShareService.commitmentOf(grant1)))
                .containsExactly(entry(lyon, 3_000_00L), entry(region, 1_000_00L));
        assertThat(shares.sharesOf(DonorShareService.chargesOf(grant1)))
                .containsExactly(entry(lyon, 11_25L), entry(region, 3_75L));
        assertThat(shares.sharesOf(DonorShareService.commitmentOf(grant2)))
                .containsExactly(entry(lyon, 5_784_85L), entry(region, 6_215_15L));
        assertThat(shares.heldBy(lyon)).isEqualTo(26_988_75L - 5_784_85L);
        assertThat(shares.heldBy(region)).isEqualTo(28_996_25L - 6_215_15L);
    }

    private static String approved(String fund, long amountMinor) {
        String id = TestFunds.disbursement(fund, amountMinor);
        assertThat(TestFunds.vote(id, fund + "-m1", "FOR")).isEqualTo("APPROVED");
        return id;
    }
}
