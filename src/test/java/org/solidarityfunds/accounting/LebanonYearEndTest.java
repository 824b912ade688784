package org.solidarityfunds.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.dev.DemoDataProfile;
import org.solidarityfunds.support.TestTokens;

/**
 * The worked example of docs/concepts/accounting.md: the Lebanon fund's 2020 in the demo data
 * (opened in August after the explosion in the port of Beirut; 40,000.00 pledged in September,
 * 25,000.00 received by the end of the year, nothing spent yet), whose resources are all carried
 * in fonds dédiés at 31 December: before the closing as a forecast, after it as booked, in the
 * trial balance and in the FEC. On the demo data of its own, which it closes.
 */
@QuarkusTest
@TestProfile(LebanonYearEndTest.LebanonBooks.class)
class LebanonYearEndTest {

    /** The demo data, on a database of its own: this test closes its 2020. */
    public static class LebanonBooks extends DemoDataProfile {
    }

    private static final String FUND = "LIBAN-2020";
    private static final String FINANCE = TestTokens.as("liban-finance", Roles.FINANCE);
    private static final String AUDITOR = TestTokens.as("liban-auditor", Roles.AUDITOR);

    @Test
    void the_lebanon_funds_2020_is_carried_in_fonds_dedies() throws Exception {
        // Before the closing: what it would book.
        assertThat(dedicatedFunds(true)).containsExactly(
                List.of("SUBSIDIES", "194", 0L, 3_500_000L, 0L, 0L, 3_500_000L, 3_500_000L),
                List.of("CONTRIBUTIONS_OF_OTHER_BODIES", "195", 0L, 500_000L, 0L, 0L, 500_000L, 500_000L));
        JsonPath balance = as(FINANCE).queryParam("on", "2020-12-31").get("/api/v1/funds/{code}/balance", FUND)
                .then().statusCode(200).extract().jsonPath();
        assertThat(balance.getLong("available.amountMinor")).isEqualTo(2_500_000L);
        assertThat(balance.getLong("outstandingPledges.amountMinor")).isEqualTo(1_500_000L);

        json(FINANCE, Map.of("reason", "Comptes 2020 arrêtés")).post("/api/v1/fiscal-years/2020/closing-request")
                .then().statusCode(200);
        json(AUDITOR, Map.of("reason", "Comptes 2020 vérifiés")).post("/api/v1/fiscal-years/2020/closing-confirmation")
                .then().statusCode(200).body("status", equalTo("CLOSED"));

        // After it: as booked, and in the trial balance at 31 December.
        assertThat(dedicatedFunds(false)).containsExactly(
                List.of("SUBSIDIES", "194", 0L, 3_500_000L, 0L, 0L, 3_500_000L, 3_500_000L),
                List.of("CONTRIBUTIONS_OF_OTHER_BODIES", "195", 0L, 500_000L, 0L, 0L, 500_000L, 500_000L));
        Map<String, Long> trial = new TreeMap<>();
        as(AUDITOR).queryParam("on", "2020-12-31").queryParam("fund", FUND).get("/api/v1/accounting/trial-balance")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("rows").forEach(row ->
                        trial.put((String) row.get("account"), ((Number) row.get("debitBalanceMinor")).longValue()
                                - ((Number) row.get("creditBalanceMinor")).longValue()));
        assertThat(trial).isEqualTo(Map.of("194", -3_500_000L, "195", -500_000L, "441", 1_000_000L,
                "4687", 500_000L, "512", 2_500_000L, "6894", 3_500_000L, "6895", 500_000L, "740", -3_500_000L,
                "7551", -500_000L));

        // In the FEC: the CGLU's dollars with their amount as received, the fonds dédiés last.
        byte[] bytes = as(AUDITOR).accept("text/plain").get("/api/v1/accounting/fec/2020").then().statusCode(200)
                .extract().asByteArray();
        FecReader.File fec = FecReader.read("ASSOFEC20201231.txt", bytes,
                new FecReader.Expectations(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)));
        assertThat(fec.lines()).anyMatch(line -> line.ecritureLib().startsWith(FUND) && "USD".equals(line.idevise())
                && line.montantDevise().compareTo(new java.math.BigDecimal("16350")) == 0
                && line.pieceRef().equals("SWIFT-2020-1105-7"));
        assertThat(fec.lines().get(fec.lines().size() - 1).journalCode()).isEqualTo("OD");
        assertThat(fec.lines()).filteredOn(line -> line.ecritureLib().equals("Fonds dédiés de l'exercice " + FUND))
                .extracting(FecReader.Line::compteNum).containsExactly("6894", "194", "6895", "195");
    }

    /** The fund's rows of the 2020 report: family, account, opening, resources, charges, used, carried, closing. */
    private static List<List<Object>> dedicatedFunds(boolean provisional) {
        return as(AUDITOR).queryParam("fund", FUND).get("/api/v1/accounting/dedicated-funds/2020").then()
                .statusCode(200).body("provisional", equalTo(provisional)).extract().jsonPath()
                .<Map<String, Object>>getList("rows").stream().map(row -> List.<Object>of(row.get("family"),
                        row.get("account"), number(row, "openingMinor"), number(row, "resourcesMinor"),
                        number(row, "chargesMinor"), number(row, "usedMinor"), number(row, "carriedMinor"),
                        number(row, "closingMinor"))).toList();
    }

    private static long number(Map<String, Object> row, String field) {
        return ((Number) row.get(field)).longValue();
    }
}
