package org.solidarityfunds.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
                        .contains("400", "406", "500", "503");
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
        assertThat(operations).isEqualTo(58);
        assertThat(spec.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
    }

    /** Each operation's responses, by "METHOD path". */
    private static Map<String, Map<String, Object>> operations(JsonPath spec) {
        Map<String, Map<String, Object>> operations = new TreeMap<>();
        Map<String, Map<String, Map<String, Object>>> paths = spec.getMap("paths");
        paths.forEach((path, methods) -> methods.forEach((method, operation) ->
                operations.put(method.toUpperCase() + " " + path, operation)));
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> responsesOf(Map<String, Object> operation) {
        return (Map<String, Map<String, Object>>) operation.get("responses");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> headersOf(Map<String, Object> response) {
        Object headers = response.get("headers");
        return headers == null ? Set.of() : ((Map<String, Object>) headers).keySet();
    }

    @Test
    void every_header_the_service_answers_is_declared() {
        JsonPath spec = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        operations(spec).forEach((where, operation) -> {
            Map<String, Map<String, Object>> responses = responsesOf(operation);
            assertThat(headersOf(responses.get("503"))).as(where + " 503").contains("Retry-After");
            assertThat(headersOf(responses.get("401"))).as(where + " 401").contains("WWW-Authenticate");
            responses.values().forEach(response -> assertThat(headersOf(response)).as(where).contains("X-Request-Id"));
            boolean idempotent = String.valueOf(operation.get("parameters")).contains("name=Idempotency-Key");
            responses.forEach((status, response) -> {
                if (status.startsWith("2")) {
                    assertThat(headersOf(response).contains("Idempotency-Replayed")).as(where + " " + status
                            + " Idempotency-Replayed").isEqualTo(idempotent);
                }
                // Every 201 but the import's (which creates many contributions) answers with where to read it.
                if (status.equals("201") && !where.endsWith("/contributions/batch")) {
                    assertThat(headersOf(response)).as(where + " 201").contains("Location");
                }
            });
        });
    }

    @Test
    void every_success_with_a_body_says_what_the_body_is() {
        JsonPath spec = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        operations(spec).forEach((where, operation) -> responsesOf(operation).forEach((status, response) -> {
            if (status.startsWith("2")) {
                assertThat(response.get("content")).as(where + " " + status + " content").isNotNull();
                assertThat(response.get("content").toString()).as(where + " " + status + " schema")
                        .matches("(?s).*schema=\\{(\\$ref|type)=.*");
            }
        }));
    }

    @Test
    void every_problem_an_operation_names_exists_and_every_problem_is_named_somewhere() {
        JsonPath spec = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Set<String> slugs = Arrays.stream(ProblemType.values()).map(ProblemType::slug).collect(Collectors.toSet());
        Set<String> named = new TreeSet<>();
        operations(spec).forEach((where, operation) -> responsesOf(operation).forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                String description = String.valueOf(response.get("description")).replaceAll("\\([^)]*\\)", "");
                for (String word : description.split("[ ,]+")) {
                    if (!word.equals("or") && !word.isEmpty()) {
                        assertThat(slugs).as(where + " " + status + " names " + word).contains(word);
                        assertThat(ProblemType.valueOf(word.toUpperCase().replace('-', '_')).status())
                                .as(where + " " + status + " " + word).isEqualTo(Integer.parseInt(status));
                        named.add(word);
                    }
                }
            }
        }));
        // Answered by the service at paths no operation owns, or for a method a path lacks, or only
        // by the web console's forms, whose routes are not operations of the contract.
        assertThat(named).containsAll(slugs.stream().filter(slug -> !Set.of("resource-not-found", "method-not-allowed",
                "form-expired").contains(slug)).toList());
    }

    @Test
    void every_integer_a_request_may_carry_has_its_bounds() {
        JsonPath spec = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> schemas = spec.getMap("components.schemas");
        Set<String> sent = new TreeSet<>();
        Deque<String> toVisit = new ArrayDeque<>();
        operations(spec).values().forEach(operation -> refsIn(operation.get("requestBody"), toVisit));
        while (!toVisit.isEmpty()) {
            String name = toVisit.pop();
            if (sent.add(name)) {
                refsIn(schemas.get(name), toVisit);
            }
        }
        assertThat(sent).as("request schemas").contains("RecordContribution", "AllocationInput", "SetCommittee");
        for (String name : sent) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schemas.get(name)
                    .get("properties");
            if (properties != null) {
                properties.forEach((property, definition) -> {
                    if ("integer".equals(definition.get("type"))) {
                        assertThat(definition).as(name + "." + property).containsKeys("minimum", "maximum");
                    }
                });
            }
        }
    }

    /** The names of the component schemas this part of the document refers to. */
    private static void refsIn(Object node, Deque<String> names) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("$ref".equals(key) && value.toString().startsWith("#/components/schemas/")) {
                    names.add(value.toString().substring("#/components/schemas/".length()));
                } else {
                    refsIn(value, names);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(element -> refsIn(element, names));
        }
    }
}
