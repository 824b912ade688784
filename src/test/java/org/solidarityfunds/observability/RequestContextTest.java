package org.solidarityfunds.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.dev.DevSigningKeys;
import org.solidarityfunds.support.ErrorLog;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/** Every API request has an id, answered in X-Request-Id, and one log line with its subject and outcome. */
@QuarkusTest
class RequestContextTest {

    /** A log line as the JSON formatter would write it: the message and the log context. */
    private record Line(String message, Map<String, String> context) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    /** Counted down by every access line, for a test that must wait for one it cannot ask for. */
    private volatile CountDownLatch nextLine = new CountDownLatch(0);
    private final Logger accessLog = Logger.getLogger(RequestContext.ACCESS_LOG);
    private Level levelBefore;
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            ExtLogRecord ext = (ExtLogRecord) record;
            lines.add(new Line(ext.getFormattedMessage(), Map.copyOf(ext.getMdcCopy())));
            nextLine.countDown();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture_the_access_log() {
        levelBefore = accessLog.getLevel();
        accessLog.setLevel(Level.INFO);
        accessLog.addHandler(capture);
    }

    @AfterEach
    void restore_the_access_log() {
        accessLog.removeHandler(capture);
        accessLog.setLevel(levelBefore);
    }

    private Line lineOf(String requestId) {
        return lines.stream().filter(line -> requestId.equals(line.context().get(RequestContext.REQUEST_ID)))
                .findFirst().orElseThrow(() -> new AssertionError("no access log line for request " + requestId
                        + " among " + lines));
    }

    @Test
    void a_request_gets_an_id_and_one_line_with_its_subject_method_path_status_and_duration() {
        String token = TestTokens.as("finance-logged", Roles.FINANCE);

        String requestId = json(token, Map.of("code", TestFunds.newCode("LOGGED"), "name", "Fonds journalisé"))
                .post("/api/v1/funds").then().statusCode(403).extract().header(RequestContext.HEADER);
        String created = json(Map.of("code", TestFunds.newCode("LOGGED"), "name", "Fonds journalisé"))
                .post("/api/v1/funds").then().statusCode(201).extract().header(RequestContext.HEADER);

        assertThat(requestId).matches("[0-9a-f-]{36}");
        assertThat(created).matches("[0-9a-f-]{36}").isNotEqualTo(requestId);
        Line refused = lineOf(requestId);
        assertThat(refused.context()).containsEntry(RequestContext.SUBJECT, "finance-logged");
        assertThat(refused.message()).matches("POST /api/v1/funds 403 [0-9.]+ ms forbidden");
        assertThat(refused.toString()).doesNotContain(token).doesNotContain(token.substring(0, 20));
        assertThat(lineOf(created).message()).matches("POST /api/v1/funds 201 [0-9.]+ ms");
    }

    @Test
    void the_callers_request_id_is_kept_when_it_is_a_plain_token_and_replaced_otherwise() {
        String offered = "lb-7f3a.92:c";
        String kept = as(TestTokens.admin()).header(RequestContext.HEADER, offered).get("/api/v1/funds")
                .then().statusCode(200).extract().header(RequestContext.HEADER);
        String tooLong = "x".repeat(65);
        String notTooLong = as(TestTokens.admin()).header(RequestContext.HEADER, tooLong).get("/api/v1/funds")
                .then().statusCode(200).extract().header(RequestContext.HEADER);
        String withNewline = as(TestTokens.admin()).header(RequestContext.HEADER, "a b\tforged=1")
                .get("/api/v1/funds").then().statusCode(200).extract().header(RequestContext.HEADER);

        assertThat(kept).isEqualTo(offered);
        assertThat(lineOf(offered).message()).startsWith("GET /api/v1/funds 200 ");
        assertThat(notTooLong).matches("[0-9a-f-]{36}");
        assertThat(withNewline).matches("[0-9a-f-]{36}");
    }

    @Test
    void the_subject_is_the_tokens_sub_never_its_username_and_a_refusal_names_its_problem() {
        String token = Jwt.issuer(DevSigningKeys.ISSUER).audience(DevSigningKeys.AUDIENCE).subject("f3b1c0de")
                .upn("jeanne.martin@example.org").preferredUserName("jeanne.martin@example.org")
                .groups(Set.of(Roles.FINANCE)).expiresIn(Duration.ofMinutes(5)).sign(TestTokens.KEYS.privateKey());

        String requestId = as(token).get("/api/v1/funds/{code}/balance", TestFunds.newCode("NOWHERE"))
                .then().statusCode(404).extract().header(RequestContext.HEADER);

        Line line = lineOf(requestId);
        assertThat(line.context()).containsEntry(RequestContext.SUBJECT, "f3b1c0de");
        assertThat(line.toString()).doesNotContain("jeanne.martin");
        assertThat(line.message()).matches("GET /api/v1/funds/NOWHERE-[0-9]+/balance 404 [0-9.]+ ms fund-not-found");
    }

    @Test
    void an_anonymous_request_is_logged_without_a_subject() {
        String requestId = io.restassured.RestAssured.given().get("/api/v1/funds").then().statusCode(401)
                .extract().header(RequestContext.HEADER);

        Line line = lineOf(requestId);
        assertThat(line.context()).doesNotContainKey(RequestContext.SUBJECT);
        assertThat(line.message()).matches("GET /api/v1/funds 401 [0-9.]+ ms unauthenticated");
    }

    @Test
    void a_body_over_the_limit_in_chunks_is_logged_as_the_413_it_gets_and_not_as_an_error() throws Exception {
        ErrorLog errors = ErrorLog.listen();
        byte[] body = ("{\"code\":\"BIG-1\",\"name\":\"" + "x".repeat(100 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/funds"))
                        .header("Authorization", "Bearer " + TestTokens.admin()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        errors.close();

        assertThat(answer.statusCode()).isEqualTo(413);
        String requestId = answer.headers().firstValue(RequestContext.HEADER).orElseThrow();
        assertThat(lineOf(requestId).message()).matches("POST /api/v1/funds 413 [0-9.]+ ms payload-too-large");
        assertThat(errors.lines()).isEmpty();
    }

    @Test
    void a_client_that_hangs_up_while_sending_its_body_is_no_failure_of_the_service() throws Exception {
        ErrorLog errors = ErrorLog.listen();
        String requestId = "hang-up-" + UUID.randomUUID();
        nextLine = new CountDownLatch(1);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /api/v1/funds HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + TestTokens.admin() + "\r\nContent-Type: application/json\r\n"
                    + "X-Request-Id: " + requestId + "\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // The service asks for the body once it starts reading it: only then does the client
            // hang up, so that the service is in the middle of the read, whatever the timing.
            byte[] interim = new byte[25];
            int read = socket.getInputStream().readNBytes(interim, 0, interim.length);
            assertThat(new String(interim, 0, read, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 100 Continue");
            socket.getOutputStream().write("{\"code\":\"HANG".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }
        // The service notices the closed connection on its own time: wait for its line, not for a clock.
        while (lines.stream().noneMatch(line -> requestId.equals(line.context().get(RequestContext.REQUEST_ID)))) {
            assertThat(nextLine.await(30, TimeUnit.SECONDS)).as("an access line for " + requestId).isTrue();
            nextLine = new CountDownLatch(1);
        }
        errors.close();

        assertThat(lineOf(requestId).message()).matches("POST /api/v1/funds 4[0-9][0-9] [0-9.]+ ms .*");
        assertThat(errors.lines()).isEmpty();
    }
}
