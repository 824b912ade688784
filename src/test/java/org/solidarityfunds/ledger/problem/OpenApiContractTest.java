package org.solidarityfunds.ledger.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every operation of the published contract must say, so that a new endpoint cannot forget it. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void every_operation_has_a_unique_id_a_summary_its_roles_its_success_and_its_problems() {
        JsonPath spec = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = spec.getMap("paths");
        Set<String> operationIds = new HashSet<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> op = operation.getValue();
                assertThat(op.get("operationId")).as(where + " operationId").isNotNull();
                assertThat(operationIds.add(op.get("operationId").toString())).as(where + " unique operationId").isTrue();
                assertThat(op.get("summary")).as(where + " summary").isNotNull();
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
                assertThat(responses.keySet()).as(where + " responses").anyMatch(code -> code.startsWith("2"))
                        .contains("500");
                assertThat(String.valueOf(op.get("security"))).as(where + " security").isEqualTo("[{bearer=[]}]");
                assertThat(responses.keySet()).as(where + " authentication problems").contains("401", "403");
                assertThat(String.valueOf(op.get("description"))).as(where + " roles").contains("Roles: ");
                if (op.containsKey("requestBody")) {
                    assertThat(responses.keySet()).as(where + " body problems").contains("400", "413", "415");
                }
                for (var response : responses.entrySet()) {
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        assertThat(response.getValue().toString()).as(where + " " + response.getKey())
                                .contains("application/problem+json").contains("#/components/schemas/Problem");
                    }
                }
                operations++;
            }
        }
        assertThat(operations).isEqualTo(31);
        assertThat(spec.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
    }
}
