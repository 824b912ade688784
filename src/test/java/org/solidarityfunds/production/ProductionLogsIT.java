package org.solidarityfunds.production;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.dev.EmbeddedDatabase;
import org.solidarityfunds.support.TestTokens;

/** In production every log line is one JSON object, with the request's id and subject, and no token or donor. */
class ProductionLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void production_logs_are_json_lines_with_the_request_id_and_subject_and_nothing_personal() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(null, 0)) {
            Map<String, String> environment = PackagedService.environmentFor(database);
            String admin = TestTokens.as("admin-logs", Roles.ADMIN);
            String finance = TestTokens.as("finance-logs", Roles.FINANCE);
            String output;
            try (PackagedService service = PackagedService.start(environment)) {
                PackagedService.awaitReady(service);
                given().port(service.port).auth().oauth2(admin).header("X-Request-Id", "it-logs-1")
                        .contentType("application/json").header("Idempotency-Key", "logs-1")
                        .body(Map.of("kind", "PERSON", "name", "Jeanne Martin", "contactEmail", "jeanne.martin@example.org"))
                        .post("/api/v1/donors").then().statusCode(201).header("X-Request-Id", "it-logs-1");
                given().port(service.port).auth().oauth2(finance).header("X-Request-Id", "it-logs-2")
                        .get("/api/v1/funds/NOWHERE/balance").then().statusCode(404);
                output = awaitLine(service, "it-logs-2");
            }

            List<JsonNode> lines = new ArrayList<>();
            for (String line : output.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line)); // fails on any line that is not one JSON object
                }
            }
            assertThat(lines).allSatisfy(line -> {
                assertThat(line.path("level").asText()).isNotEmpty();
                assertThat(line.path("service").asText()).isEqualTo("fund-ledger");
                assertThat(line.has("processName")).as("the fields left out to keep lines short").isFalse();
            });
            JsonNode created = accessLine(lines, "it-logs-1");
            assertThat(created.path("mdc").path("subject").asText()).isEqualTo("admin-logs");
            assertThat(created.path("message").asText()).startsWith("POST /api/v1/donors 201 ");
            assertThat(accessLine(lines, "it-logs-2").path("mdc").path("subject").asText()).isEqualTo("finance-logs");
            assertThat(accessLine(lines, "it-logs-2").path("message").asText())
                    .matches("GET /api/v1/funds/NOWHERE/balance 404 [0-9.]+ ms fund-not-found");
            assertThat(output).doesNotContain(admin.split("\\.")[1]).doesNotContain(finance.split("\\.")[1])
                    .doesNotContain("Jeanne").doesNotContain("jeanne.martin");
        }
    }

    private static JsonNode accessLine(List<JsonNode> lines, String requestId) {
        return lines.stream().filter(line -> requestId.equals(line.path("mdc").path("requestId").asText()))
                .filter(line -> line.path("loggerName").asText().equals("org.solidarityfunds.access"))
                .findFirst().orElseThrow(() -> new AssertionError("no access line for " + requestId + " in " + lines));
    }

    /** The output once the line of this request has been written (the log is written asynchronously to the file). */
    private static String awaitLine(PackagedService service, String requestId) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            String output = service.output();
            if (output.contains("\"" + requestId + "\"")) {
                return output;
            }
            Thread.sleep(100);
        }
        return service.output();
    }
}
