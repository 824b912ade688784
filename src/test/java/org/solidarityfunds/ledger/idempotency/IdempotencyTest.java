package org.solidarityfunds.ledger.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.solidarityfunds.ledger.support.Api.api;
import static org.solidarityfunds.ledger.support.Api.as;

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
import org.junit.jupiter.api.Test;
import org.solidarityfunds.ledger.access.Roles;
import org.solidarityfunds.ledger.support.TestDatabase;
import org.solidarityfunds.ledger.support.TestFunds;
import org.solidarityfunds.ledger.support.TestLedger;
import org.solidarityfunds.ledger.support.TestTokens;

/** DOMAIN.md invariant 4, on the money-moving POST that exists so far: the reversal of an entry. */
@QuarkusTest
class IdempotencyTest {

    private static final Map<String, String> BOUNCED = Map.of("reason", "Virement rejeté");

    private final TestLedger ledger;

    IdempotencyTest(TestLedger ledger) {
        this.ledger = ledger;
    }

    @Test
    void a_retry_gets_the_first_answer_again_and_acts_once() {
        String fund = TestFunds.open("IDEM");
        String path = reversalPath(fund);
        String key = UUID.randomUUID().toString();
        Response first = reverse(path, key, BOUNCED);
        first.then().statusCode(201);
        assertThat(first.header(Idempotency.REPLAYED_HEADER)).isNull();
        Map<String, Long> afterFirst = TestDatabase.snapshot();

        Response retry = reverse(path, "\"" + key + "\"", BOUNCED);
        retry.then().statusCode(201).contentType("application/json");
        assertThat(retry.header(Idempotency.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(TestDatabase.snapshot()).isEqualTo(afterFirst);
    }

    @Test
    void the_same_key_for_another_request_is_refused_with_422() {
        String fund = TestFunds.open("IDEM422");
        String path = reversalPath(fund);
        String key = UUID.randomUUID().toString();
        String otherPath = reversalPath(fund);
        reverse(path, key, BOUNCED).then().statusCode(201);
        Map<String, Long> before = TestDatabase.snapshot();
        reverse(path, key, Map.of("reason", "Another reason")).then().statusCode(422)
                .contentType("application/problem+json").body("type", endsWith("#idempotency-key-reused"));
        reverse(otherPath, key, BOUNCED).then().statusCode(422);
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void keys_belong_to_their_caller() {
        String fund = TestFunds.open("IDEMSUB");
        String key = UUID.randomUUID().toString();
        reverse(reversalPath(fund), key, BOUNCED).then().statusCode(201);
        // Another administrator's identical key names another operation: it acts, it is no replay.
        Response other = as(TestTokens.as("other-admin", Roles.ADMIN)).contentType("application/json")
                .header(Idempotency.HEADER, key).body(BOUNCED).post(reversalPath(fund));
        other.then().statusCode(201);
        assertThat(other.header(Idempotency.REPLAYED_HEADER)).isNull();
    }

    @Test
    void a_refused_request_leaves_its_key_free_for_a_corrected_retry() {
        String fund = TestFunds.open("IDEMFREE");
        String key = UUID.randomUUID().toString();
        reverse("/api/v1/entries/" + UUID.randomUUID() + "/reversal", key, BOUNCED).then().statusCode(404);
        reverse(reversalPath(fund), key, BOUNCED).then().statusCode(201);
    }

    @Test
    void twenty_requests_with_one_key_at_once_act_once() throws Exception {
        String fund = TestFunds.open("IDEM20");
        String path = reversalPath(fund);
        String key = UUID.randomUUID().toString();
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(() -> reverse(path, key, BOUNCED));
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
        api().get("/api/v1/funds/{code}/balance", fund).then().body("entryCount", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void a_missing_or_malformed_key_is_refused_and_nothing_is_written() {
        String fund = TestFunds.open("IDEMBAD");
        String path = reversalPath(fund);
        Map<String, Long> before = TestDatabase.snapshot();
        api().contentType("application/json").body(BOUNCED).post(path).then().statusCode(400)
                .contentType("application/problem+json").body("type", endsWith("#idempotency-key-missing"));
        for (String bad : List.of("x".repeat(256), "two words", "\"\"", "é")) {
            reverse(path, bad, BOUNCED).then().statusCode(400).body("type", endsWith("#validation-failed"))
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("Idempotency-Key"));
        }
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    private String reversalPath(String fund) {
        return "/api/v1/entries/" + ledger.contribution(fund, 25_00).id() + "/reversal";
    }

    private static Response reverse(String path, String key, Map<String, String> body) {
        return api().contentType("application/json").header(Idempotency.HEADER, key).body(body).post(path);
    }
}
