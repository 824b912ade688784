package org.solidarityfunds.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.BadInput;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/** A bank statement imported in one request: all of it or none of it, once. */
@QuarkusTest
class ContributionImportTest {

    private static final String FINANCE = TestTokens.as("finance-import", Roles.FINANCE);

    @AfterEach
    void the_ledger_still_verifies() {
        assertThat(as(FINANCE).get("/api/v1/ledger/verification").jsonPath().getString("status")).isEqualTo("INTACT");
        assertThat(TestDatabase.fundsWhoseRecordsDisagreeWithTheLedger()).isEmpty();
    }

    private static Map<String, Object> line(String donor, long amountMinor, int n) {
        return new HashMap<>(Map.of("donorId", donor, "amount", Map.of("amountMinor", amountMinor, "currency", "EUR"),
                "receivedOn", "2020-10-02", "bankReference", "RELEVE-2020-10-" + n));
    }

    private static String path(String fund) {
        return "/api/v1/funds/" + fund + "/contributions/batch";
    }

    @Test
    void a_thousand_contributions_of_a_bank_statement_are_recorded_in_one_request_each_with_its_entry() {
        String fund = TestFunds.open("IMPORT");
        String donor = TestFunds.donor("Département importateur");
        String pledge = TestFunds.pledge(fund, donor, 500_00);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int n = 0; n < 1_000; n++) {
            lines.add(line(donor, 1_00 + n, n));
        }
        lines.get(0).put("allocations", List.of(Map.of("pledgeId", pledge, "amountMinor", 1_00)));
        var answer = json(FINANCE, Map.of("contributions", lines)).post(path(fund)).then().statusCode(201)
                .body("count", equalTo(1_000)).body("contributions.size()", equalTo(1_000))
                .body("contributions[999].bankReference", equalTo("RELEVE-2020-10-999"))
                .body("contributions[0].allocations[0].pledgeId", equalTo(pledge)).extract();
        long total = 1_00 * 1_000L + 999L * 1_000 / 2;
        assertThat(answer.jsonPath().getLong("total.amountMinor")).isEqualTo(total);
        var balance = as(FINANCE).get("/api/v1/funds/{code}/balance", fund).jsonPath();
        assertThat(balance.getLong("received.amountMinor")).isEqualTo(total);
        assertThat(balance.getLong("entryCount")).isEqualTo(1_001);
        as(FINANCE).get("/api/v1/pledges/{id}", pledge).then().body("received.amountMinor", equalTo(1_00));
    }

    @Test
    void one_bad_contribution_refuses_the_whole_import_and_names_it() {
        String fund = TestFunds.open("IMPORTBAD");
        String donor = TestFunds.donor("Commune importatrice");
        String pledge = TestFunds.pledge(fund, donor, 10_00);
        List<Map<String, Object>> lines = new ArrayList<>(List.of(line(donor, 5_00, 1), line(donor, 6_00, 2),
                line(donor, 7_00, 3)));
        String valid = body(lines);

        lines.get(1).put("donorId", UUID.randomUUID().toString());
        BadInput.postAs(FINANCE, path(fund), body(lines), 400, "validation-failed")
                .body("errors.field", hasItem("contributions[1].donorId"))
                .body("detail", org.hamcrest.Matchers.startsWith("Contribution 2 of the import"));

        lines.get(1).put("donorId", donor);
        lines.get(2).put("amount", Map.of("amountMinor", 20_00, "currency", "EUR"));
        lines.get(2).put("allocations", List.of(Map.of("pledgeId", pledge, "amountMinor", 10_01)));
        BadInput.postAs(FINANCE, path(fund), body(lines), 409, "allocation-exceeds-outstanding")
                .body("detail", org.hamcrest.Matchers.startsWith("Contribution 3 of the import"));

        lines.get(2).remove("allocations");
        lines.get(0).put("amount", Map.of("amountMinor", 0, "currency", "EUR"));
        BadInput.postAs(FINANCE, path(fund), body(lines), 400, "validation-failed")
                .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("contributions[0].amount")));
        lines.get(0).put("amount", Map.of("amountMinor", 5_00, "currency", "EUR"));
        lines.get(0).put("allocations", List.of(Map.of("pledgeId", pledge, "amountMinor", 0)));
        BadInput.postAs(FINANCE, path(fund), body(lines), 400, "validation-failed")
                .body("errors.field", hasItem("contributions[0].allocations[0].amountMinor"));
        BadInput.postAs(FINANCE, path(fund), "{\"contributions\":[]}", 400, "validation-failed");
        BadInput.postAs(FINANCE, path(fund), "{}", 400, "validation-failed");
        BadInput.postAs(FINANCE, path(fund), "{\"contributions\":[],\"total\":1}", 400, "unknown-field");
        BadInput.postAs(FINANCE, path("NO-SUCH-FUND"), valid, 404, "fund-not-found");
        BadInput.postAs(TestTokens.as("partner-import", Roles.PARTNER, fund), path(fund), valid, 403, "forbidden");
        BadInput.postAs(TestTokens.admin(), path(fund), valid, 403, "forbidden");
    }

    @Test
    void more_than_a_thousand_contributions_are_refused() {
        String fund = TestFunds.open("IMPORTMAX");
        String donor = TestFunds.donor("Commune prolixe");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int n = 0; n < 1_001; n++) {
            lines.add(line(donor, 1_00, n));
        }
        BadInput.postAs(FINANCE, path(fund), body(lines), 400, "validation-failed")
                .body("errors.field", hasItem("contributions"));
    }

    @Test
    void an_import_body_may_be_larger_than_other_requests_but_not_without_limit() {
        String fund = TestFunds.open("IMPORTBIG");
        String padding = "x".repeat(100);
        String over = "{\"contributions\":[" + ("{\"bankReference\":\"" + padding + "\"},").repeat(21_000)
                + "{}]}";
        assertThat(over.length()).isGreaterThan(2 * 1024 * 1024);
        BadInput.postAs(FINANCE, path(fund), over, 413, "payload-too-large");
    }

    @Test
    void a_retried_import_with_the_same_key_records_once_and_answers_the_same() {
        String fund = TestFunds.open("IMPORTONCE");
        String donor = TestFunds.donor("Commune prudente");
        String body = body(List.of(line(donor, 5_00, 1), line(donor, 6_00, 2)));
        String key = UUID.randomUUID().toString();
        String first = as(FINANCE).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post(path(fund)).then().statusCode(201).extract().asString();
        String again = as(FINANCE).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post(path(fund)).then().statusCode(201).header("Idempotency-Replayed", "true").extract().asString();
        assertThat(again).isEqualTo(first);
        assertThat(as(FINANCE).get("/api/v1/funds/{code}/balance", fund).jsonPath().getLong("entryCount")).isEqualTo(2);
    }

    private static String body(List<Map<String, Object>> lines) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("contributions", lines));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
