package org.solidarityfunds.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/** Administrators set committees; every change is a new version, and the old ones stay readable. */
@QuarkusTest
class CommitteeResourceTest {

    private static Map<String, Object> member(String subject) {
        return Map.of("subject", subject, "name", "Membre " + subject, "validFrom", "2020-08-10");
    }

    @Test
    void each_change_is_a_new_version_and_the_earlier_ones_are_kept() {
        String fund = TestFunds.open("COMITE");
        as(TestTokens.admin()).get("/api/v1/funds/{code}/committee", fund).then().statusCode(404)
                .body("type", endsWith("#committee-not-found"));
        json(Map.of("members", List.of(member("lyon"), member("nantes")), "quorum", 2, "majority", "SIMPLE",
                "reason", "Délibération du 2020-08-10")).put("/api/v1/funds/{code}/committee", fund).then().statusCode(200)
                .body("version", equalTo(1)).body("recordedBy", equalTo("test-admin"))
                .body("members.subject", equalTo(List.of("lyon", "nantes")));
        json(Map.of("members", List.of(member("lyon"), member("nantes"), member("rennes")), "quorum", 2,
                "majority", "TWO_THIRDS", "reason", "Rennes rejoint le comité"))
                .put("/api/v1/funds/{code}/committee", fund).then().statusCode(200).body("version", equalTo(2));

        as(TestTokens.as("rennes", Roles.COMMITTEE)).get("/api/v1/funds/{code}/committee", fund).then().statusCode(200)
                .body("version", equalTo(2)).body("majority", equalTo("TWO_THIRDS"));
        as(TestTokens.as("auditor", Roles.AUDITOR)).queryParam("limit", 1)
                .get("/api/v1/funds/{code}/committee/versions", fund).then().statusCode(200)
                .body("items[0].version", equalTo(1)).body("items[0].reason", equalTo("Délibération du 2020-08-10"))
                .body("hasMore", equalTo(true));
        // Rennes sees this fund now, and no other.
        as(TestTokens.as("rennes", Roles.COMMITTEE)).get("/api/v1/funds/{code}", TestFunds.open("AUTRE")).then()
                .statusCode(404);
    }

    @Test
    void an_impossible_committee_is_refused_and_nothing_is_written() {
        String fund = TestFunds.open("INVALIDE");
        Map<String, Object> delegate = Map.of("subject", "lyon", "below", Map.of("amountMinor", 500_00, "currency", "EUR"));
        refused(fund, Map.of("members", List.of(member("lyon"), member("lyon")), "quorum", 1, "majority", "SIMPLE",
                "reason", "r"), "members[1].subject");
        refused(fund, Map.of("members", List.of(member("lyon")), "quorum", 2, "majority", "SIMPLE", "reason", "r"),
                "quorum");
        refused(fund, Map.of("members", List.of(member("lyon")), "quorum", 0, "majority", "SIMPLE", "reason", "r"),
                "quorum");
        refused(fund, Map.of("members", List.of(), "quorum", 1, "majority", "SIMPLE", "reason", "r"), "members");
        refused(fund, Map.of("members", List.of(Map.of("subject", "lyon", "name", "Lyon", "validFrom", "2021-01-01",
                "validUntil", "2020-12-31")), "quorum", 1, "majority", "SIMPLE", "reason", "r"), "members[0].validUntil");
        refused(fund, Map.of("members", List.of(member("nantes")), "quorum", 1, "majority", "SIMPLE", "reason", "r",
                "delegate", delegate), "delegate.subject");
        refused(fund, Map.of("members", List.of(member("lyon")), "quorum", 1, "majority", "SIMPLE", "reason", "r",
                "delegate", Map.of("subject", "lyon", "below", Map.of("amountMinor", 500_00, "currency", "USD"))),
                "delegate.below.currency");
        refused(fund, Map.of("members", List.of(member("lyon")), "quorum", 1, "majority", "UNANIMITY", "reason", "r"),
                "majority");
        refused(fund, Map.of("members", List.of(member("lyon")), "quorum", 1, "majority", "SIMPLE", "reason", " "),
                "reason");
        Map<String, Long> before = TestDatabase.snapshot();
        as(TestTokens.admin()).contentType(ContentType.JSON).body("{\"members\":[],\"version\":7}")
                .put("/api/v1/funds/{code}/committee", fund).then().statusCode(400).body("type", endsWith("#unknown-field"));
        as(TestTokens.admin()).contentType(ContentType.JSON).body("{\"members\":")
                .put("/api/v1/funds/{code}/committee", fund).then().statusCode(400).body("type", endsWith("#malformed-request"));
        json(Map.of("members", List.of(member("lyon")), "quorum", 1, "majority", "SIMPLE", "reason", "r"))
                .put("/api/v1/funds/NO-SUCH-FUND/committee").then().statusCode(404).body("type", endsWith("#fund-not-found"));
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    private static void refused(String fund, Map<String, Object> body, String field) {
        Map<String, Long> before = TestDatabase.snapshot();
        json(body).put("/api/v1/funds/{code}/committee", fund).then().statusCode(400)
                .contentType("application/problem+json").body("type", endsWith("#validation-failed"))
                .body("errors.field", org.hamcrest.Matchers.hasItem(field));
        assertThat(TestDatabase.snapshot()).as(field).isEqualTo(before);
    }
}
