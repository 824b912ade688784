package org.solidarityfunds.production;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.dev.EmbeddedDatabase;
import org.solidarityfunds.support.TestTokens;

/** An answer given before a restart is given again after it: the keys live in the database, not in the service. */
class IdempotencyAcrossRestartIT {

    @Test
    void a_retry_after_a_restart_gets_the_same_answer_and_acts_once() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(null, 0)) {
            Map<String, String> environment = PackagedService.environmentFor(database);
            String admin = TestTokens.admin();
            String finance = TestTokens.as("finance-restart", Roles.FINANCE);
            String key = UUID.randomUUID().toString();
            Map<String, Object> contribution;
            Response first;
            try (PackagedService service = PackagedService.start(environment)) {
                PackagedService.awaitReady(service);
                given().port(service.port).auth().oauth2(admin).contentType("application/json")
                        .body(Map.of("code", "LIBAN-2020", "name", "Fonds de solidarité Liban")).post("/api/v1/funds")
                        .then().statusCode(201);
                String donor = given().port(service.port).auth().oauth2(admin).contentType("application/json")
                        .body(Map.of("kind", "COMMUNE", "name", "Ville de Lyon")).post("/api/v1/donors")
                        .then().statusCode(201).extract().path("id");
                contribution = Map.of("donorId", donor, "amount", Map.of("amountMinor", 150_000, "currency", "EUR"),
                        "receivedOn", "2020-10-02", "bankReference", "VIR-0042", "allocations", List.of());
                first = contribute(service, finance, key, contribution);
                first.then().statusCode(201);
            }
            try (PackagedService restarted = PackagedService.start(environment)) {
                PackagedService.awaitReady(restarted);
                Response retry = contribute(restarted, finance, key, contribution);
                retry.then().statusCode(201);
                assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
                assertThat(retry.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
                given().port(restarted.port).auth().oauth2(finance).get("/api/v1/funds/LIBAN-2020/balance")
                        .then().statusCode(200).body("entryCount", org.hamcrest.Matchers.equalTo(1))
                        .body("received.amountMinor", org.hamcrest.Matchers.equalTo(150_000));
            }
        }
    }

    private static Response contribute(PackagedService service, String token, String key, Map<String, Object> body) {
        return given().port(service.port).auth().oauth2(token).contentType("application/json")
                .header("Idempotency-Key", key).body(body).post("/api/v1/funds/LIBAN-2020/contributions");
    }
}
