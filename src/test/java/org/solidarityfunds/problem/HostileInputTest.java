package org.solidarityfunds.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.common.Clocks;
import org.solidarityfunds.support.BadInput;
import org.solidarityfunds.support.ErrorLog;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * Each class of hostile input found when the service was attacked from outside, one example
 * each (ContractHostileInputTest tries them on every field of every operation): a clear 4xx
 * problem, nothing written, no ERROR logged.
 */
@QuarkusTest
class HostileInputTest {

    private static final String FINANCE = TestTokens.as("finance-hostile", Roles.FINANCE);

    private ErrorLog errors;
    private String fund;
    private String donor;
    private final Clock clock;

    /** The service's own clock, so that "the future" is the service's. */
    HostileInputTest(Clock clock) {
        this.clock = clock;
    }

    @BeforeEach
    void listen() {
        fund = TestFunds.open("HOSTILE");
        donor = TestFunds.donor("Ville de Hostile");
        errors = ErrorLog.listen();
    }

    @AfterEach
    void nothing_was_logged_as_an_error() {
        errors.close();
        assertThat(errors.lines()).as("ERROR lines").isEmpty();
    }

    private String contributionWith(String exchangeRate) {
        return "{\"donorId\":\"" + donor + "\",\"amount\":{\"amountMinor\":1000,\"currency\":\"USD\"},\"exchangeRate\":"
                + exchangeRate + ",\"receivedOn\":\"2020-10-02\",\"bankReference\":\"VIR-1\"}";
    }

    @Test
    void a_rate_with_a_huge_exponent_is_refused_from_its_scale_without_being_expanded() {
        for (String rate : new String[] {"1e1000000000", "1e-1000000000", "1e2147483647", "0.0000000000001",
                "1234567890123.5"}) {
            BadInput.postAs(FINANCE, "/api/v1/funds/" + fund + "/contributions", contributionWith(rate), 400,
                    "validation-failed").body("errors.field", hasItem("exchangeRate"));
        }
    }

    @Test
    void text_postgresql_cannot_store_is_refused_naming_the_field() {
        for (String name : new String[] {"a\\u0000b", "a\\ud800b", "a\\udc00", "\\u0007bell", "a\\u009fb"}) {
            BadInput.post("/api/v1/donors", "{\"kind\":\"COMMUNE\",\"name\":\"" + name + "\"}", 400, "validation-failed")
                    .body("errors.field", hasItem("name"));
        }
    }

    @Test
    void text_of_invisible_characters_only_is_refused_as_the_contract_says() {
        for (String name : new String[] {"\\u00a0", "\\u202f", "\\u2007", "\\ufeff", "\\u200b", " \\t ", ""}) {
            BadInput.post("/api/v1/donors", "{\"kind\":\"COMMUNE\",\"name\":\"" + name + "\"}", 400, "validation-failed")
                    .body("errors[0].field", equalTo("name")).body("errors[0].message", equalTo(
                            "must contain a visible character"));
        }
    }

    @Test
    void lengths_are_counted_in_characters_as_the_contract_counts_them() {
        String emoji = "\uD83C\uDF0D";
        json(Map.of("kind", "COMMUNE", "name", emoji.repeat(200))).post("/api/v1/donors").then().statusCode(201)
                .body("name", equalTo(emoji.repeat(200)));
        BadInput.post("/api/v1/donors", "{\"kind\":\"COMMUNE\",\"name\":\"" + "\\ud83c\\udf0d".repeat(201) + "\"}", 400,
                "validation-failed").body("errors[0].message", equalTo("must be at most 200 characters long"));
    }

    @Test
    void bytes_that_are_not_utf8_are_refused_and_never_stored_as_something_else() {
        byte[][] bodies = {
                bytes("{\"kind\":\"COMMUNE\",\"name\":\"a", 0xC0, 0xAF, "b\"}"), // overlong '/'
                bytes("{\"kind\":\"COMMUNE\",\"name\":\"a", 0xED, 0xA0, 0x80, "b\"}"), // an encoded surrogate
                bytes("{\"kind\":\"COMMUNE\",\"name\":\"a", 0xF4, 0x90, 0x80, 0x80, "\"}"), // past U+10FFFF
                bytes("{\"kind\":\"COMMUNE\",\"name\":\"a", 0xE2, 0x82, "\"}")}; // cut short
        for (byte[] body : bodies) {
            Map<String, Long> before = TestDatabase.snapshot();
            HttpResponse<String> response = RawRequests.post(TestTokens.admin(), "/api/v1/donors", body);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JsonPath.from(response.body()).getString("type")).endsWith("#malformed-request");
            assertThat(TestDatabase.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void a_path_holding_a_nul_serves_nothing() {
        for (String path : new String[] {"/api/v1/funds/A%00/balance", "/api/v1/funds/A%C0%AF/balance",
                "/api/v1/funds/%ED%A0%80", "/api/v1/donors/%00"}) {
            as(FINANCE).urlEncodingEnabled(false).get(path).then().statusCode(404)
                    .contentType("application/problem+json").body("type", endsWith("#resource-not-found"));
        }
    }

    @Test
    void a_query_parameter_holding_a_nul_is_refused_naming_it() {
        as(FINANCE).urlEncodingEnabled(false).get("/api/v1/funds/" + fund + "/contributions?donorId=%00").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("donorId"));
    }

    @Test
    void a_body_in_chunks_is_held_to_the_same_limit_as_one_with_a_length() {
        byte[] body = ("{\"code\":\"BIG-1\",\"name\":\"" + "x".repeat(100 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        Map<String, Long> before = TestDatabase.snapshot();
        HttpResponse<String> response = RawRequests.postChunked(TestTokens.admin(), "/api/v1/funds", body);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonPath.from(response.body()).getString("type")).endsWith("#payload-too-large");
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void an_import_in_chunks_over_its_limit_is_a_problem_not_an_empty_answer() {
        StringBuilder body = new StringBuilder("{\"contributions\":[");
        String one = contributionWith("1").replace("\"exchangeRate\":1,", "").replace("USD", "EUR");
        while (body.length() < 3 * 1024 * 1024) {
            body.append(one).append(',');
        }
        body.setLength(body.length() - 1);
        body.append("]}");
        Map<String, Long> before = TestDatabase.snapshot();
        HttpResponse<String> response = RawRequests.postChunked(FINANCE, "/api/v1/funds/" + fund + "/contributions/batch",
                body.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(JsonPath.from(response.body()).getString("type")).endsWith("#payload-too-large");
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void an_email_address_is_read_as_the_contract_reads_it() {
        for (String address : new String[] {"a@b", "a@b.", "@b.fr", "a b@c.fr", "a@b..fr", "a@-b.fr"}) {
            BadInput.post("/api/v1/donors", "{\"kind\":\"COMMUNE\",\"name\":\"X\",\"contactEmail\":\"" + address + "\"}",
                    400, "validation-failed").body("errors[0].field", equalTo("contactEmail"));
        }
        json(Map.of("kind", "COMMUNE", "name", "Ville", "contactEmail", "relations.internationales@mairie-lyon.fr"))
                .post("/api/v1/donors").then().statusCode(201);
    }

    @Test
    void a_cursor_is_read_strictly_and_never_wraps_around() {
        for (String position : new String[] {"9223372036854775807", "9223372036854775808", "-1", "+1", "01", "1 ", "x"}) {
            String cursor = java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(position.getBytes(StandardCharsets.US_ASCII));
            as(FINANCE).queryParam("after", cursor).get("/api/v1/funds/" + fund + "/committee/versions").then()
                    .statusCode(400).body("type", endsWith("#invalid-cursor"));
        }
        for (String cursor : new String[] {"MQ==", "MR", "!!", "OTIyMzM3MjAzNjg1NDc3NTgwNzo5MjIzMzcyMDM2ODU0Nzc1ODA4"}) {
            as(FINANCE).queryParam("after", cursor).get("/api/v1/events").then().statusCode(400)
                    .body("type", endsWith("#invalid-cursor"));
        }
    }

    @Test
    void dates_outside_the_documented_range_or_in_the_future_are_refused() {
        String pledge = "{\"donorId\":\"" + donor + "\",\"amount\":{\"amountMinor\":100,\"currency\":\"EUR\"},"
                + "\"pledgedOn\":\"%s\"}";
        for (String day : new String[] {"-0001-01-01", "0000-01-01", "+99999-01-01", "1999-12-31", "2100-01-01",
                "2020-02-30", "2020-1-01"}) {
            BadInput.postAs(FINANCE, "/api/v1/funds/" + fund + "/pledges", pledge.formatted(day), 400, "validation-failed")
                    .body("errors[0].field", equalTo("pledgedOn"));
        }
        String tomorrow = LocalDate.now(clock.withZone(Clocks.BUSINESS_ZONE)).plusDays(1).toString();
        BadInput.postAs(FINANCE, "/api/v1/funds/" + fund + "/pledges", pledge.formatted(tomorrow), 400, "validation-failed")
                .body("errors[0].message", equalTo("is in the future"));
        BadInput.postAs(FINANCE, "/api/v1/funds/" + fund + "/contributions", contributionWith("1").replace(
                "\"exchangeRate\":1,", "").replace("USD", "EUR").replace("2020-10-02", tomorrow), 400,
                "validation-failed").body("errors[0].field", equalTo("receivedOn"));
        for (String asOf : new String[] {"-4714-01-01T00:00:00Z", "1999-12-31T22:59:59Z", "+99999-01-01T00:00:00Z"}) {
            as(FINANCE).queryParam("asOf", asOf).get("/api/v1/funds/" + fund + "/balance").then().statusCode(400)
                    .body("errors[0].field", equalTo("asOf"));
        }
        as(FINANCE).queryParam("from", "0000-01-01").get("/api/v1/funds/" + fund + "/statement").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
