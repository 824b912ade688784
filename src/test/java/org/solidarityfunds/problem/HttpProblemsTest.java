package org.solidarityfunds.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.solidarityfunds.support.Api.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.support.BadInput;
import org.solidarityfunds.support.TestDatabase;

/** The answers every endpoint shares: unknown paths and methods, media types, body size. */
@QuarkusTest
class HttpProblemsTest {

    @Test
    void an_unknown_path_answers_a_404_problem() {
        api().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("type", endsWith("#resource-not-found"));
    }

    @Test
    void an_unsupported_method_answers_a_405_problem() {
        api().delete("/api/v1/funds").then().statusCode(405)
                .contentType("application/problem+json").body("type", endsWith("#method-not-allowed"));
    }

    @Test
    void a_body_that_is_not_json_answers_a_415_problem_and_changes_nothing() {
        Map<String, Long> before = TestDatabase.snapshot();
        api().contentType(ContentType.TEXT).body("code=X-1").post("/api/v1/funds").then().statusCode(415)
                .contentType("application/problem+json").body("type", endsWith("#unsupported-media-type"));
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void asking_for_a_media_type_the_service_cannot_write_answers_a_406_problem() {
        io.restassured.RestAssured.given().auth().oauth2(org.solidarityfunds.support.TestTokens.admin()).accept("text/csv").get("/api/v1/funds").then().statusCode(406)
                .contentType("application/problem+json").body("type", endsWith("#not-acceptable"));
    }

    @Test
    void a_body_over_64_kib_answers_a_413_problem_and_changes_nothing() {
        String huge = "{\"code\":\"BIG-1\",\"name\":\"" + "x".repeat(70 * 1024) + "\"}";
        BadInput.post("/api/v1/funds", huge, 413, "payload-too-large");
    }

    @Test
    void a_client_that_closes_its_connection_mid_body_is_not_an_internal_error() {
        jakarta.ws.rs.core.Response response = new ProblemMappers().unexpected(new java.io.IOException(
                new java.io.IOException(new io.vertx.core.http.HttpClosedException("Connection was closed"))), null);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(((Problem) response.getEntity()).type().toString()).endsWith("#malformed-request");
    }

    @Test
    void a_failure_the_service_did_not_expect_answers_500_without_revealing_anything() {
        jakarta.ws.rs.core.Response response = new ProblemMappers().unexpected(
                new IllegalStateException("SELECT secret FROM journal_line", new NullPointerException()), null);
        Problem body = (Problem) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(body.type().toString()).endsWith("#internal-error");
        assertThat(body.detail()).doesNotContain("SELECT", "journal_line", "Exception", "java.", "secret")
                .contains("Incident");
    }

    @Test
    void a_database_out_of_reach_answers_503_with_a_delay_to_retry_after() {
        for (Throwable failure : new Throwable[] {
                new org.hibernate.exception.JDBCConnectionException("closed",
                        new java.sql.SQLException("Connection refused", "08001")),
                new java.sql.SQLException("Sorry, acquisition timeout!"),
                new java.sql.SQLException("Acquisition timeout while waiting for new connection",
                        new java.util.concurrent.TimeoutException()),
                new RuntimeException(new java.sql.SQLException("could not serialize access", "40001")),
                new RuntimeException(new java.sql.SQLException("terminating connection due to administrator command",
                        "57P01")),
                new RuntimeException(new java.sql.SQLException("the database system is starting up", "57P03")),
                new RuntimeException(new java.sql.SQLException("sorry, too many clients already", "53300")),
                commitFailedOn(new java.sql.SQLException("terminating connection due to administrator command",
                        "57P01")),
                commitFailedOn(new java.sql.SQLException("An I/O error occurred while sending to the backend.",
                        "08006"))}) {
            jakarta.ws.rs.core.Response response = new ProblemMappers().unexpected(failure, null);
            assertThat(response.getStatus()).as(failure.toString()).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
            assertThat(((Problem) response.getEntity()).type().toString()).endsWith("#service-unavailable");
            assertThat(((Problem) response.getEntity()).detail()).doesNotContain("refused", "SQL", "Exception");
        }
    }

    /**
     * What a commit on a connection that PostgreSQL has just ended throws: the transaction
     * manager's own exception, PostgreSQL's only suppressed in it, not its cause.
     */
    private static Throwable commitFailedOn(java.sql.SQLException database) {
        jakarta.transaction.RollbackException commit = new jakarta.transaction.RollbackException(
                "ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new IllegalStateException("flush before completion failed", database));
        return new io.quarkus.narayana.jta.QuarkusTransactionException(commit);
    }

    @Test
    void a_failure_that_is_not_the_database_keeps_answering_500_even_with_a_commit_in_its_chain() {
        jakarta.transaction.RollbackException commit = new jakarta.transaction.RollbackException(
                "ARJUNA016102: The transaction is not active!");
        jakarta.ws.rs.core.Response response = new ProblemMappers().unexpected(
                new io.quarkus.narayana.jta.QuarkusTransactionException(commit), null);
        assertThat(response.getStatus()).isEqualTo(500);
    }

    @Test
    void the_openapi_document_and_swagger_ui_are_served() {
        api().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("operationId: verifyLedger"));
    }

    @Test
    void the_problem_types_are_documented_at_the_address_their_type_names() {
        String page = io.restassured.RestAssured.given().get("/docs/reference/problems.md").then().statusCode(200)
                .extract().asString();
        for (ProblemType type : ProblemType.values()) {
            assertThat(page).as(type.name()).contains("<a id=\"" + type.slug() + "\"></a>");
            assertThat(type.uri().toString()).isEqualTo("/docs/reference/problems.md#" + type.slug());
        }
    }

    @Test
    void the_problem_types_page_is_served_as_markdown_in_utf_8() {
        io.restassured.RestAssured.given().get("/docs/reference/problems.md").then().statusCode(200)
                .header("Content-Type", equalTo("text/markdown; charset=utf-8"))
                .body(org.hamcrest.Matchers.containsString("# Problem types"));
        io.restassured.RestAssured.given().head("/docs/reference/problems.md").then().statusCode(200)
                .header("Content-Type", equalTo("text/markdown; charset=utf-8"));
    }

    @Test
    void health_and_metrics_are_served() {
        api().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        api().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem("Database connections health check"));
        io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
    }
}
