package org.solidarityfunds.pledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.BadInput;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

@QuarkusTest
class PledgeResourceTest {

    private static final String FINANCE = TestTokens.as("finance-lyon", Roles.FINANCE);

    /**
     * After every test, every fund's balances still equal the sums of its journal lines, and
     * its pledges and contributions agree with its journal.
     */
    @org.junit.jupiter.api.AfterEach
    void the_ledger_still_verifies() {
        assertThat(as(FINANCE).get("/api/v1/ledger/verification").jsonPath().getString("status")).isEqualTo("INTACT");
        assertThat(TestDatabase.fundsWhoseRecordsDisagreeWithTheLedger()).isEmpty();
    }

    @Test
    void a_pledge_in_instalments_is_recorded_with_its_entry_and_moves_the_balances() {
        String fund = TestFunds.open("LIBAN");
        String donor = TestFunds.donor("Ville de Lyon");
        io.restassured.response.Response created = json(FINANCE, Map.of(
                "donorId", donor,
                "amount", Map.of("amountMinor", 150_000_00, "currency", "EUR"),
                "pledgedOn", "2020-09-15",
                "deliberationRef", "DEL-2020-145",
                "instalments", List.of(Map.of("amountMinor", 75_000_00, "dueOn", "2020-10-31"),
                        Map.of("amountMinor", 75_000_00, "dueOn", "2099-03-31"))))
                .post("/api/v1/funds/{code}/pledges", fund);
        created.then().statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("overdue", equalTo(true))
                .body("instalments[0].overdue", equalTo(true))
                .body("instalments[1].overdue", equalTo(false))
                .body("outstanding.amountMinor", equalTo(150_000_00))
                .body("createdBy", equalTo("finance-lyon"));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/pledges/" + id);

        as(FINANCE).get("/api/v1/entries/{id}", created.<String>path("entryId")).then().statusCode(200)
                .body("kind", equalTo("PLEDGE_RECORDED"))
                .body("memo", equalTo("Pledge of donor " + as(FINANCE).get("/api/v1/donors/{id}", donor)
                        .path("auxiliaryAccount") + ", deliberation DEL-2020-145"))
                .body("effectiveDate", equalTo("2020-09-15"))
                .body("recordedBy", equalTo("finance-lyon"));
        as(FINANCE).get("/api/v1/funds/{code}/balance", fund).then()
                .body("pledged.amountMinor", equalTo(150_000_00))
                .body("outstandingPledges.amountMinor", equalTo(150_000_00))
                .body("available.amountMinor", equalTo(0));
        as(FINANCE).get("/api/v1/pledges/{id}", id).then().statusCode(200).body("deliberationRef", equalTo("DEL-2020-145"));
    }

    @Test
    void cancelling_a_pledge_releases_what_it_still_expected_once_and_for_all() {
        String fund = TestFunds.open("CANCEL");
        String pledge = TestFunds.pledge(fund, TestFunds.donor("Commune A"), 40_000_00);
        json(FINANCE, Map.of("reason", "Délibération annulée")).post("/api/v1/pledges/{id}/cancellation", pledge)
                .then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelled.amountMinor", equalTo(40_000_00))
                .body("outstanding.amountMinor", equalTo(0))
                .body("cancelledBy", equalTo("finance-lyon"))
                .body("cancellationReason", equalTo("Délibération annulée"));
        as(FINANCE).get("/api/v1/funds/{code}/balance", fund).then()
                .body("pledged.amountMinor", equalTo(40_000_00))
                .body("outstandingPledges.amountMinor", equalTo(0));
        BadInput.postAs(FINANCE, "/api/v1/pledges/" + pledge + "/cancellation", "{\"reason\": \"again\"}", 409,
                "pledge-already-cancelled");
    }

    @Test
    void pledges_are_listed_by_fund_and_filtered_by_donor_and_status() {
        String fund = TestFunds.open("PLIST");
        String lyon = TestFunds.donor("Lyon");
        String nantes = TestFunds.donor("Nantes");
        String first = TestFunds.pledge(fund, lyon, 10_00);
        String second = TestFunds.pledge(fund, nantes, 20_00);
        String third = TestFunds.pledge(fund, lyon, 30_00);
        json(FINANCE, Map.of("reason", "r")).post("/api/v1/pledges/{id}/cancellation", third).then().statusCode(200);
        TestFunds.pledge(TestFunds.open("OTHER"), lyon, 40_00);

        assertThat(ids(as(FINANCE).queryParam("limit", 2).get("/api/v1/funds/{code}/pledges", fund).jsonPath()))
                .containsExactly(first, second);
        assertThat(ids(as(FINANCE).queryParam("donorId", lyon).get("/api/v1/funds/{code}/pledges", fund).jsonPath()))
                .containsExactly(first, third);
        assertThat(ids(as(FINANCE).queryParam("status", "CANCELLED").get("/api/v1/funds/{code}/pledges", fund).jsonPath()))
                .containsExactly(third);
        assertThat(ids(as(FINANCE).queryParam("status", "PENDING").get("/api/v1/funds/{code}/pledges", fund).jsonPath()))
                .containsExactly(first, second);
        as(FINANCE).queryParam("status", "LATE").get("/api/v1/funds/{code}/pledges", fund).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        as(FINANCE).queryParam("donorId", "x").get("/api/v1/funds/{code}/pledges", fund).then().statusCode(400)
                .body("errors[0].field", equalTo("donorId"));
    }

    /** The list's filter (in the database) and each pledge's status (in Java) are one rule: PledgeStatus. */
    @Test
    void each_status_filter_finds_exactly_the_pledges_that_have_that_status() {
        String fund = TestFunds.open("PSTATUS");
        String donor = TestFunds.donor("Grenoble");
        String pending = TestFunds.pledge(fund, donor, 10_00);
        String inProgress = TestFunds.pledge(fund, donor, 10_00);
        TestFunds.contribution(fund, donor, 4_00, inProgress);
        String fulfilled = TestFunds.pledge(fund, donor, 10_00);
        TestFunds.contribution(fund, donor, 10_00, fulfilled);
        String cancelledUnpaid = TestFunds.pledge(fund, donor, 10_00);
        String cancelledPartly = TestFunds.pledge(fund, donor, 10_00);
        TestFunds.contribution(fund, donor, 3_00, cancelledPartly);
        for (String cancelled : List.of(cancelledUnpaid, cancelledPartly)) {
            json(FINANCE, Map.of("reason", "r")).post("/api/v1/pledges/{id}/cancellation", cancelled).then()
                    .statusCode(200);
        }
        Map<String, List<String>> expected = Map.of("PENDING", List.of(pending), "IN_PROGRESS", List.of(inProgress),
                "FULFILLED", List.of(fulfilled), "CANCELLED", List.of(cancelledUnpaid, cancelledPartly));

        for (PledgeStatus status : PledgeStatus.values()) {
            var page = as(FINANCE).queryParam("status", status.name()).get("/api/v1/funds/{code}/pledges", fund)
                    .jsonPath();
            assertThat(ids(page)).as(status.name()).containsExactlyElementsOf(expected.get(status.name()));
            assertThat(page.getList("items.status", String.class)).as(status.name()).containsOnly(status.name());
        }
    }

    @Test
    void a_fund_closed_to_pledges_or_closed_refuses_them_and_nothing_is_written() {
        String donor = TestFunds.donor("Commune B");
        String closedToPledges = TestFunds.open("NOMORE");
        json(Map.of("status", "CLOSED_TO_PLEDGES", "reason", "Appel clos")).post("/api/v1/funds/{code}/status",
                closedToPledges).then().statusCode(200);
        BadInput.postAs(FINANCE, "/api/v1/funds/" + closedToPledges + "/pledges", pledgeBody(donor, 10_00, "EUR"), 409,
                "fund-closed-to-pledges");
        String closed = TestFunds.open("SHUT");
        json(Map.of("status", "CLOSED", "reason", "Soldé")).post("/api/v1/funds/{code}/status", closed)
                .then().statusCode(200);
        BadInput.postAs(FINANCE, "/api/v1/funds/" + closed + "/pledges", pledgeBody(donor, 10_00, "EUR"), 409,
                "fund-closed");
    }

    @Test
    void bad_pledges_are_refused_with_a_problem_and_nothing_is_written() {
        String fund = TestFunds.open("BADPL");
        String donor = TestFunds.donor("Commune C");
        String path = "/api/v1/funds/" + fund + "/pledges";
        BadInput.postAs(FINANCE, path, pledgeBody(donor, 0, "EUR"), 400, "validation-failed")
                .body("errors[0].field", equalTo("amount.amountMinor"));
        BadInput.postAs(FINANCE, path, pledgeBody(donor, -5, "EUR"), 400, "validation-failed");
        BadInput.postAs(FINANCE, path, pledgeBody(donor, 1_000_000_000_000_001L, "EUR"), 400, "validation-failed");
        BadInput.postAs(FINANCE, path, pledgeBody(donor, 10, "EUR").replace("10,", "99999999999999999999999,"), 400,
                "validation-failed").body("errors[0].field", equalTo("amount.amountMinor"));
        BadInput.postAs(FINANCE, path, pledgeBody(donor, 10_00, "USD"), 400, "validation-failed")
                .body("errors[0].field", equalTo("amount.currency"));
        BadInput.postAs(FINANCE, path, pledgeBody(donor, 10_00, "XYZ"), 400, "validation-failed");
        BadInput.postAs(FINANCE, path, pledgeBody(UUID.randomUUID().toString(), 10_00, "EUR"), 400, "validation-failed")
                .body("errors[0].field", equalTo("donorId"));
        BadInput.postAs(FINANCE, path, pledgeBody("not-a-uuid", 10_00, "EUR"), 400, "validation-failed");
        BadInput.postAs(FINANCE, path, "{\"donorId\": \"" + donor + "\", \"amount\": {\"amountMinor\": 100, "
                + "\"currency\": \"EUR\"}, \"pledgedOn\": \"2020-09-15\", \"instalments\": [{\"amountMinor\": 60, "
                + "\"dueOn\": \"2020-10-01\"}, {\"amountMinor\": 30, \"dueOn\": \"2020-11-01\"}]}", 400, "validation-failed")
                .body("errors[0].field", equalTo("instalments"));
        BadInput.postAs(FINANCE, path, "{\"donorId\": \"" + donor + "\", \"amount\": {\"amountMinor\": 100, "
                + "\"currency\": \"EUR\"}, \"pledgedOn\": \"2020-09-15\", \"instalments\": [{\"amountMinor\": 100, "
                + "\"dueOn\": \"2020-01-01\"}]}", 400, "validation-failed")
                .body("errors[0].field", equalTo("instalments[0].dueOn"));
        BadInput.postAs(FINANCE, path, "{\"donorId\": \"" + donor + "\", \"amount\": {\"amountMinor\": 100, "
                + "\"currency\": \"EUR\"}}", 400, "validation-failed").body("errors[0].field", equalTo("pledgedOn"));
        BadInput.postAs(FINANCE, path, "{\"donorId\": \"" + donor + "\", \"amount\": {\"amountMinor\": 100, "
                + "\"currency\": \"EUR\"}, \"pledgedOn\": \"15/09/2020\"}", 400, "validation-failed");
        BadInput.postAs(FINANCE, path, pledgeBody(donor, 10_00, "EUR").replace("}", ", \"status\": \"FULFILLED\"}"),
                400, "unknown-field");
        BadInput.postAs(FINANCE, "/api/v1/funds/NO-SUCH-FUND/pledges", pledgeBody(donor, 10_00, "EUR"), 404,
                "fund-not-found");
        BadInput.postAs(FINANCE, "/api/v1/pledges/" + UUID.randomUUID() + "/cancellation", "{\"reason\": \"r\"}", 404,
                "pledge-not-found");
        as(FINANCE).get("/api/v1/pledges/{id}", "nope").then().statusCode(404).body("type", endsWith("#pledge-not-found"));
    }

    @Test
    void the_database_refuses_instalments_that_do_not_add_up_even_behind_the_service() throws Exception {
        String fund = TestFunds.open("RAWPL");
        String pledge = TestFunds.pledge(fund, TestFunds.donor("Commune D"), 100);
        try (var app = TestDatabase.asApplication(); var sql = app.createStatement()) {
            app.setAutoCommit(false);
            sql.execute("INSERT INTO pledge_instalment (pledge_id, number, amount_minor, due_on) VALUES ('" + pledge
                    + "', 1, 60, '2021-01-01')");
            org.assertj.core.api.Assertions.assertThatThrownBy(app::commit)
                    .hasMessageContaining("instalments add up to 60");
        }
    }

    @Test
    void a_partner_reads_the_pledges_of_its_funds_only() {
        String mine = TestFunds.open("PPMINE");
        String theirs = TestFunds.open("PPTHEIRS");
        String donor = TestFunds.donor("Commune E");
        String myPledge = TestFunds.pledge(mine, donor, 10_00);
        String theirPledge = TestFunds.pledge(theirs, donor, 10_00);
        String partner = TestTokens.as("partner-pp", Roles.PARTNER, mine);
        as(partner).get("/api/v1/pledges/{id}", myPledge).then().statusCode(200);
        as(partner).get("/api/v1/pledges/{id}", theirPledge).then().statusCode(404).body("type", endsWith("#pledge-not-found"));
        as(partner).get("/api/v1/funds/{code}/pledges", theirs).then().statusCode(404);
    }

    private static String pledgeBody(String donor, long amountMinor, String currency) {
        return "{\"donorId\": \"" + donor + "\", \"amount\": {\"amountMinor\": " + amountMinor + ", \"currency\": \""
                + currency + "\"}, \"pledgedOn\": \"" + LocalDate.of(2020, 9, 15) + "\"}";
    }

    private static List<String> ids(JsonPath page) {
        return page.getList("items.id");
    }
}
