package org.solidarityfunds.ledger.fund;

import static org.hamcrest.Matchers.equalTo;
import static org.solidarityfunds.ledger.support.Api.api;
import static org.solidarityfunds.ledger.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FundResourceTest {

    @Test
    void a_fund_is_created_open_in_euros_and_can_be_read_back() {
        json(Map.of("code", "LIBAN-TEST-1", "name", "Fonds de solidarité Liban"))
                .post("/api/v1/funds")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/funds/LIBAN-TEST-1"))
                .body("code", equalTo("LIBAN-TEST-1"))
                .body("currency", equalTo("EUR"))
                .body("status", equalTo("OPEN"));
        api().get("/api/v1/funds/LIBAN-TEST-1").then().statusCode(200).body("name", equalTo("Fonds de solidarité Liban"));
    }
}
