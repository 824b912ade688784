package org.solidarityfunds.production;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.support.TestTokens;

/** The packaged jar, run in the production profile against a real PostgreSQL. */
@QuarkusIntegrationTest
class ProductionProfileIT {

    @Test
    void the_packaged_service_migrates_its_database_and_becomes_ready() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/funds").then().statusCode(200);
    }

    @Test
    void production_asks_for_a_token() {
        given().get("/api/v1/funds").then().statusCode(401).contentType("application/problem+json")
                .body("type", endsWith("#unauthenticated"));
    }

    @Test
    void without_its_provider_the_console_asks_for_a_token_and_lists_no_demo_account() {
        // AuthTestResource turns the console's sign-in off here (ConsoleSignInIT has a provider).
        given().redirects().follow(false).get("/console/login").then().statusCode(401);
        given().redirects().follow(false).get("/console").then().statusCode(401);
    }

    @Test
    void production_mints_no_dev_tokens_loads_no_demo_data_and_serves_no_swagger_ui() {
        given().contentType("application/json").body(Map.of("subject", "me", "roles", new String[] {"admin"}))
                .post("/dev/tokens").then().statusCode(404);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/funds/LIBAN-2020").then().statusCode(404)
                .body("type", endsWith("#fund-not-found"));
        given().get("/q/swagger-ui/").then().statusCode(404);
    }
}
