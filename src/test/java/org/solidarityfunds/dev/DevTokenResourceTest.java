package org.solidarityfunds.dev;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.solidarityfunds.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.support.TestFunds;

/** POST /dev/tokens, which exists in dev and test builds only (ProductionProfileIT shows the 404 of production). */
@QuarkusTest
class DevTokenResourceTest {

    @Test
    void a_dev_token_carries_its_subject_roles_and_funds() {
        String mine = TestFunds.open("DEVTOK");
        String theirs = TestFunds.open("DEVTOK");
        String token = given().contentType("application/json")
                .body(Map.of("subject", "partner-dev", "roles", List.of("partner"), "funds", List.of(mine)))
                .post("/dev/tokens").then().statusCode(201)
                .body("tokenType", equalTo("Bearer"))
                .extract().path("token");
        as(token).get("/api/v1/funds/{code}", mine).then().statusCode(200);
        as(token).get("/api/v1/funds/{code}", theirs).then().statusCode(404);
        as(token).contentType("application/json").body(Map.of("code", TestFunds.newCode("NO"), "name", "n"))
                .post("/api/v1/funds").then().statusCode(403);
    }

    @Test
    void a_dev_token_request_needs_a_subject_and_known_roles() {
        given().contentType("application/json").body(Map.of("roles", List.of("admin")))
                .post("/dev/tokens").then().statusCode(400).body("type", endsWith("#validation-failed"));
        given().contentType("application/json").body(Map.of("subject", "me", "roles", List.of("god")))
                .post("/dev/tokens").then().statusCode(400).body("type", endsWith("#validation-failed"));
        given().contentType("application/json").body(Map.of("subject", "me", "roles", List.of()))
                .post("/dev/tokens").then().statusCode(400);
        given().contentType("application/json").body(Map.of("subject", "me", "roles", List.of("admin"),
                "lifetimeSeconds", 999_999)).post("/dev/tokens").then().statusCode(400);
    }
}
