package org.solidarityfunds.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestLedger;
import org.solidarityfunds.support.TestTokens;

/** Object-level access: outside its funds, a partner or committee member finds nothing, as if nothing were there. */
@QuarkusTest
class FundScopeTest {

    private final TestLedger ledger;

    FundScopeTest(TestLedger ledger) {
        this.ledger = ledger;
    }

    @Test
    void a_partner_of_one_fund_finds_nothing_of_another() {
        String mine = TestFunds.open("MINE");
        String theirs = TestFunds.open("THEIRS");
        String theirEntry = ledger.contribution(theirs, 10_00).id().toString();
        String partner = TestTokens.as("partner-a", Roles.PARTNER, mine);

        for (String path : List.of("/api/v1/funds/" + theirs, "/api/v1/funds/" + theirs + "/balance",
                "/api/v1/funds/" + theirs + "/entries")) {
            assertLooksAbsent(partner, path, "#fund-not-found", "/api/v1/funds/NO-SUCH-FUND" + path.substring(
                    ("/api/v1/funds/" + theirs).length()));
        }
        assertLooksAbsent(partner, "/api/v1/entries/" + theirEntry, "#entry-not-found",
                "/api/v1/entries/" + java.util.UUID.randomUUID());
        as(partner).get("/api/v1/funds/{code}/balance", mine).then().statusCode(200);
    }

    @Test
    void a_committee_member_of_one_fund_finds_nothing_of_another() {
        String mine = TestFunds.open("COMA");
        String theirs = TestFunds.open("COMB");
        TestFunds.committee(mine, 1, "member-a");
        TestFunds.committee(theirs, 1, "member-b");
        // A token's funds claim gives a committee member nothing: its committees do.
        String member = TestTokens.as("member-a", Roles.COMMITTEE, theirs);
        assertLooksAbsent(member, "/api/v1/funds/" + theirs, "#fund-not-found", "/api/v1/funds/NO-SUCH-FUND");
        assertLooksAbsent(member, "/api/v1/funds/" + theirs + "/balance", "#fund-not-found",
                "/api/v1/funds/NO-SUCH-FUND/balance");
        as(member).get("/api/v1/funds/{code}", mine).then().statusCode(200);
    }

    @Test
    void a_partner_lists_its_own_funds_only() {
        String first = TestFunds.open("LISTA");
        String second = TestFunds.open("LISTB");
        TestFunds.open("LISTC");
        String partner = TestTokens.as("partner-ab", Roles.PARTNER, first, second);
        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(partner).queryParam("limit", 1);
            JsonPath page = (cursor == null ? request : request.queryParam("after", cursor))
                    .get("/api/v1/funds").then().statusCode(200).extract().jsonPath();
            listed.addAll(page.getList("items.code"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(listed).containsExactly(first, second);
        as(TestTokens.as("partner-none", Roles.PARTNER)).get("/api/v1/funds").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void a_partner_never_sees_donors_personal_data() {
        String person = json(Map.of("kind", "PERSON", "name", "Jeanne Donatrice", "contactEmail", "jeanne@example.org"))
                .post("/api/v1/donors").then().statusCode(201).extract().path("id");
        String commune = json(Map.of("kind", "COMMUNE", "name", "Commune de Dondo", "contactEmail", "maire@example.org"))
                .post("/api/v1/donors").then().statusCode(201).extract().path("id");
        String partner = TestTokens.as("partner-p", Roles.PARTNER);
        as(partner).get("/api/v1/donors/{id}", person).then().statusCode(200)
                .body("kind", equalTo("PERSON"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("name")))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("contactEmail")));
        as(partner).get("/api/v1/donors/{id}", commune).then().statusCode(200)
                .body("name", equalTo("Commune de Dondo"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("contactEmail")));
        String listed = as(partner).queryParam("limit", 200).get("/api/v1/donors").then().statusCode(200).extract().asString();
        assertThat(listed).doesNotContain("Jeanne Donatrice", "jeanne@example.org", "maire@example.org");
        as(TestTokens.as("finance-f", Roles.FINANCE)).get("/api/v1/donors/{id}", person).then().statusCode(200)
                .body("name", equalTo("Jeanne Donatrice")).body("contactEmail", equalTo("jeanne@example.org"));
    }

    /** The answer for something out of scope is the answer for something that does not exist. */
    private static void assertLooksAbsent(String token, String path, String type, String absentPath) {
        JsonPath outOfScope = as(token).get(path).then().statusCode(404).body("type", endsWith(type)).extract().jsonPath();
        JsonPath absent = as(token).get(absentPath).then().statusCode(404).extract().jsonPath();
        assertThat(outOfScope.getString("type")).isEqualTo(absent.getString("type"));
        assertThat(outOfScope.getString("title")).isEqualTo(absent.getString("title"));
        assertThat(outOfScope.getMap("").keySet()).isEqualTo(absent.getMap("").keySet());
    }
}
