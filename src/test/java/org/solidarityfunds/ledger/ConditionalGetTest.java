package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestLedger;
import org.solidarityfunds.support.TestTokens;

/** Partners poll balances, funds and entries with If-None-Match: 304 until something changed, then 200 and a new ETag. */
@QuarkusTest
class ConditionalGetTest {

    private final TestLedger ledger;

    ConditionalGetTest(TestLedger ledger) {
        this.ledger = ledger;
    }

    /** Reads the path, then again with its ETag: 304 with the same tag and no body. Answers the tag. */
    private static String roundTrip(String token, String path) {
        var first = as(token).get(path).then().statusCode(200).header("Cache-Control", org.hamcrest.Matchers.allOf(
                org.hamcrest.Matchers.containsString("private"), org.hamcrest.Matchers.containsString("no-cache"))).extract();
        String tag = first.header("ETag");
        assertThat(tag).as(path).startsWith("\"").endsWith("\"");
        var again = as(token).header("If-None-Match", tag).get(path).then().statusCode(304).extract();
        assertThat(again.header("ETag")).isEqualTo(tag);
        assertThat(again.body().asString()).isEmpty();
        return tag;
    }

    @Test
    void a_balance_answers_304_until_an_entry_is_added() {
        String fund = TestFunds.open("ETAG");
        String partner = TestTokens.as("partner-etag", Roles.PARTNER, fund);
        String path = "/api/v1/funds/" + fund + "/balance";
        String before = roundTrip(partner, path);
        ledger.contribution(fund, 10_00);
        as(partner).header("If-None-Match", before).get(path).then().statusCode(200);
        String after = roundTrip(partner, path);
        assertThat(after).isNotEqualTo(before);
        as(partner).header("If-None-Match", "\"something-else\", " + after).get(path).then().statusCode(304);
        as(partner).header("If-None-Match", "*").get(path).then().statusCode(304);
    }

    @Test
    void a_fund_answers_304_until_its_status_changes() {
        String fund = TestFunds.open("ETAGF");
        String path = "/api/v1/funds/" + fund;
        String before = roundTrip(TestTokens.admin(), path);
        json(Map.of("status", "CLOSED_TO_PLEDGES", "reason", "Appel clos")).post(path + "/status").then().statusCode(200);
        as(TestTokens.admin()).header("If-None-Match", before).get(path).then().statusCode(200);
        assertThat(roundTrip(TestTokens.admin(), path)).isNotEqualTo(before);
    }

    @Test
    void an_entry_answers_304_until_it_is_reversed() {
        String fund = TestFunds.open("ETAGE");
        String contribution = TestFunds.contribution(fund, TestFunds.donor("Commune"), 10_00, null);
        String path = "/api/v1/entries/" + as(TestTokens.admin()).get("/api/v1/contributions/{id}", contribution)
                .then().extract().path("entryId");
        String before = roundTrip(TestTokens.admin(), path);
        json(TestTokens.as("finance-etag", Roles.FINANCE), Map.of("reason", "Erreur de saisie"))
                .post("/api/v1/contributions/{id}/reversal", contribution).then().statusCode(200);
        as(TestTokens.admin()).header("If-None-Match", before).get(path).then().statusCode(200);
        assertThat(roundTrip(TestTokens.admin(), path)).isNotEqualTo(before);
    }

    @Test
    void a_balance_as_of_a_past_instant_has_the_tag_of_the_state_it_shows() {
        String fund = TestFunds.open("ETAGA");
        EntryView first = ledger.contribution(fund, 10_00);
        String then = as(TestTokens.admin()).queryParam("asOf", first.recordedAt().toString())
                .get("/api/v1/funds/{code}/balance", fund).header("ETag");
        String now = as(TestTokens.admin()).get("/api/v1/funds/{code}/balance", fund).header("ETag");
        assertThat(then).isEqualTo(now);
        ledger.contribution(fund, 1_00);
        as(TestTokens.admin()).queryParam("asOf", first.recordedAt().toString()).header("If-None-Match", then)
                .get("/api/v1/funds/{code}/balance", fund).then().statusCode(304);
    }
}
