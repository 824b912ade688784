package org.solidarityfunds.ledger.production;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/** The packaged jar, run in the production profile against a real PostgreSQL. */
@QuarkusIntegrationTest
class ProductionProfileIT {

    @Test
    void the_packaged_service_migrates_its_database_and_becomes_ready() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/api/v1/funds").then().statusCode(200);
    }

    @Test
    void production_loads_no_demo_data_and_serves_no_swagger_ui() {
        given().get("/api/v1/funds/LIBAN-2020").then().statusCode(404).body("type", endsWith("#fund-not-found"));
        given().get("/q/swagger-ui/").then().statusCode(404);
    }
}
