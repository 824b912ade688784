package org.solidarityfunds.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.solidarityfunds.support.Api.api;
import static org.solidarityfunds.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * DOMAIN.md invariant 4, on the POST that moves money most often: recording a contribution.
 * Every money-moving POST goes through the same Idempotency boundary.
 */
@QuarkusTest
class IdempotencyTest {

    private static final String FINANCE = TestTokens.as("finance-idempotency", Roles.FINANCE);

    private String donor;

    @BeforeEach
    void donor() {
        donor = TestFunds.donor("Commune qui réessaie");
    }

    private Map<String, Object> contribution(String bankReference) {
        return Map.of("donorId", donor, "amount", Map.of("amountMinor", 25_00, "currency", "EUR"),
                "receivedOn", "2020-10-02", "bankReference", bankReference);
    }

    private static String contributions(String fund) {
        return "/api/v1/funds/" + fund + "/contributions";
    }

    @Test
    void a_retry_gets_the_first_answer_again_and_acts_once() {
        String path = contributions(TestFunds.open("IDEM"));
        String key = UUID.randomUUID().toString();
        Response first = record(FINANCE, path, key, contribution("VIR-1"));
        first.then().statusCode(201);
        assertThat(first.header(Idempotency.REPLAYED_HEADER)).isNull();
        Map<String, Long> afterFirst = TestDatabase.snapshot();

        Response retry = record(FINANCE, path, "\"" + key + "\"", contribution("VIR-1"));
        retry.then().statusCode(201).contentType("application/json");
        assertThat(retry.header(Idempotency.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(TestDatabase.snapshot()).isEqualTo(afterFirst);
    }

    @Test
    void the_same_key_for_another_request_is_refused_with_422() {
        String path = contributions(TestFunds.open("IDEM422"));
        String otherPath = contributions(TestFunds.open("IDEM422"));
        String key = UUID.randomUUID().toString();
        record(FINANCE, path, key, contribution("VIR-1")).then().statusCode(201);
        Map<String, Long> before = TestDatabase.snapshot();
        record(FINANCE, path, key, contribution("VIR-2")).then().statusCode(422)
                .contentType("application/problem+json").body("type", endsWith("#idempotency-key-reused"));
        record(FINANCE, otherPath, key, contribution("VIR-1")).then().statusCode(422);
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void keys_belong_to_their_caller() {
        String path = contributions(TestFunds.open("IDEMSUB"));
        String key = UUID.randomUUID().toString();
        record(FINANCE, path, key, contribution("VIR-1")).then().statusCode(201);
        // Another accountant's identical key names another operation: it acts, it is no replay.
        Response other = record(TestTokens.as("other-finance", Roles.FINANCE), path, key, contribution("VIR-1"));
        other.then().statusCode(201);
        assertThat(other.header(Idempotency.REPLAYED_HEADER)).isNull();
    }

    @Test
    void a_refused_request_leaves_its_key_free_for_a_corrected_retry() {
        String path = contributions(TestFunds.open("IDEMFREE"));
        String key = UUID.randomUUID().toString();
        Map<String, Object> nothing = new java.util.HashMap<>(contribution("VIR-1"));
        nothing.put("amount", Map.of("amountMinor", 0, "currency", "EUR"));
        record(FINANCE, path, key, nothing).then().statusCode(400).body("type", endsWith("#validation-failed"));
        record(FINANCE, path, key, contribution("VIR-1")).then().statusCode(201);
    }

    @Test
    void twenty_requests_with_one_key_at_once_act_once() throws Exception {
        String fund = TestFunds.open("IDEM20");
        String key = UUID.randomUUID().toString();
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(() -> record(FINANCE, contributions(fund), key, contribution("VIR-1")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Response> answers = new ArrayList<>();
        for (Future<Response> answer : pool.invokeAll(attempts)) {
            answers.add(answer.get());
        }
        pool.shutdown();
        List<Response> acted = answers.stream()
                .filter(a -> a.statusCode() == 201 && a.header(Idempotency.REPLAYED_HEADER) == null).toList();
        assertThat(acted).hasSize(1);
        for (Response answer : answers) {
            assertThat(answer.statusCode()).isIn(201, 409);
            if (answer.statusCode() == 409) {
                assertThat(answer.jsonPath().getString("type")).endsWith("#idempotency-key-in-use");
            } else {
                assertThat(answer.jsonPath().getString("id")).isEqualTo(acted.get(0).jsonPath().getString("id"));
            }
        }
        api().get("/api/v1/funds/{code}/balance", fund).then().body("entryCount", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void a_missing_or_malformed_key_is_refused_and_nothing_is_written() {
        String path = contributions(TestFunds.open("IDEMBAD"));
        Map<String, Long> before = TestDatabase.snapshot();
        as(FINANCE).contentType("application/json").body(contribution("VIR-1")).post(path).then().statusCode(400)
                .contentType("application/problem+json").body("type", endsWith("#idempotency-key-missing"));
        for (String bad : List.of("x".repeat(256), "two words", "\"\"", "é")) {
            record(FINANCE, path, bad, contribution("VIR-1")).then().statusCode(400)
                    .body("type", endsWith("#validation-failed"))
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("Idempotency-Key"));
        }
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    private static Response record(String token, String path, String key, Map<String, Object> body) {
        return as(token).contentType("application/json").header(Idempotency.HEADER, key).body(body).post(path);
    }
}
