package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.solidarityfunds.support.Api.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestLedger;

/** The fund lock of ADR 0002, under threads that post to one fund at the same time. */
@QuarkusTest
class ConcurrentPostingTest {

    private static final int THREADS = 8;

    private final TestLedger ledger;

    ConcurrentPostingTest(TestLedger ledger) {
        this.ledger = ledger;
    }

    @Test
    void concurrent_postings_to_one_fund_form_one_gapless_verified_chain() throws Exception {
        String fund = TestFunds.open("PARALLEL");
        List<Callable<Boolean>> postings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long amount = 1_00 + i;
            postings.add(() -> ledger.contribution(fund, amount) != null);
        }
        runAll(postings);
        JsonPath balance = api().get("/api/v1/funds/{code}/balance", fund).then().statusCode(200).extract().jsonPath();
        assertThat(balance.getLong("entryCount")).isEqualTo(40);
        assertThat(balance.getLong("received.amountMinor")).isEqualTo(40 * 1_00 + (39 * 40) / 2);
        JsonPath entries = api().queryParam("limit", 200).get("/api/v1/funds/{code}/entries", fund).then().extract().jsonPath();
        assertThat(entries.getList("items.sequence", Integer.class)).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList());
        assertThat(api().get("/api/v1/ledger/verification").then().extract().path("status").toString()).isEqualTo("INTACT");
    }

    @Test
    void concurrent_commitments_never_take_available_below_zero() throws Exception {
        String fund = TestFunds.open("OVERSPEND");
        ledger.contribution(fund, 100_00);
        List<Callable<Boolean>> commitments = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            commitments.add(() -> {
                try {
                    ledger.commitment(fund, 30_00);
                    return true;
                } catch (ProblemException refused) {
                    assertThat(refused.type()).isEqualTo(ProblemType.BALANCE_WOULD_GO_NEGATIVE);
                    return false;
                }
            });
        }
        List<Boolean> outcomes = runAll(commitments);
        assertThat(outcomes).filteredOn(committed -> committed).hasSize(3);
        api().get("/api/v1/funds/{code}/balance", fund).then()
                .body("available.amountMinor", org.hamcrest.Matchers.equalTo(10_00))
                .body("committed.amountMinor", org.hamcrest.Matchers.equalTo(90_00));
    }

    private static List<Boolean> runAll(List<Callable<Boolean>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> outcome : pool.invokeAll(tasks)) {
                outcomes.add(outcome.get());
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }
}
