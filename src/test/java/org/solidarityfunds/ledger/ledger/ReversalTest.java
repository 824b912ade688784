package org.solidarityfunds.ledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.solidarityfunds.ledger.support.Api.api;
import static org.solidarityfunds.ledger.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.ledger.support.TestDatabase;
import org.solidarityfunds.ledger.support.TestFunds;
import org.solidarityfunds.ledger.support.TestLedger;

@QuarkusTest
class ReversalTest {

    private static final Map<String, String> BOUNCED = Map.of("reason", "Virement rejeté par la banque");

    private final TestLedger ledger;

    ReversalTest(TestLedger ledger) {
        this.ledger = ledger;
    }

    @Test
    void a_reversal_nets_the_balances_back_and_links_both_entries() {
        String fund = TestFunds.open("REV");
        ledger.pledge(fund, 1_000_00);
        Map<String, Object> afterPledge = balances(fund);
        EntryView contribution = ledger.allocatedContribution(fund, 600_00);
        assertThat(balances(fund)).isNotEqualTo(afterPledge);

        io.restassured.response.Response response = json(BOUNCED)
                .post("/api/v1/entries/{id}/reversal", contribution.id());
        response.then().statusCode(201)
                .body("kind", equalTo("REVERSAL"))
                .body("reversesEntryId", equalTo(contribution.id().toString()))
                .body("recordedBy", equalTo("test-admin"))
                .body("memo", equalTo("Reversal of entry 2: Virement rejeté par la banque"));
        JsonPath reversal = response.jsonPath();
        assertThat(response.header("Location")).endsWith("/api/v1/entries/" + reversal.getString("id"));
        assertThat(reversal.getList("lines.side")).containsExactly("CREDIT", "DEBIT", "CREDIT", "DEBIT");

        Map<String, Object> afterReversal = balances(fund);
        afterReversal.remove("entryCount");
        afterReversal.remove("headHash");
        afterPledge.remove("entryCount");
        afterPledge.remove("headHash");
        assertThat(afterReversal).isEqualTo(afterPledge);
        api().get("/api/v1/entries/{id}", contribution.id()).then().statusCode(200)
                .body("reversedByEntryId", equalTo(reversal.getString("id")));
    }

    @Test
    void a_bounced_contribution_lowers_received_and_leaves_disbursed_alone() {
        String fund = TestFunds.open("BOUNCE");
        EntryView contribution = ledger.contribution(fund, 250_00);
        json(BOUNCED).post("/api/v1/entries/{id}/reversal", contribution.id()).then().statusCode(201);
        api().get("/api/v1/funds/{code}/balance", fund).then().statusCode(200)
                .body("received.amountMinor", equalTo(0))
                .body("disbursed.amountMinor", equalTo(0))
                .body("available.amountMinor", equalTo(0))
                .body("entryCount", equalTo(2));
    }

    @Test
    void an_entry_is_reversed_once_only() {
        String fund = TestFunds.open("ONCE");
        EntryView contribution = ledger.contribution(fund, 100_00);
        json(BOUNCED).post("/api/v1/entries/{id}/reversal", contribution.id()).then().statusCode(201);
        Map<String, Long> before = TestDatabase.snapshot();
        json(BOUNCED).post("/api/v1/entries/{id}/reversal", contribution.id())
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("#entry-already-reversed"));
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void concurrent_reversals_of_one_entry_write_exactly_one() throws Exception {
        String fund = TestFunds.open("RACE");
        EntryView contribution = ledger.contribution(fund, 100_00);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(() -> json(BOUNCED).post("/api/v1/entries/{id}/reversal", contribution.id()).statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pool.invokeAll(attempts)) {
            statuses.add(status.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        api().get("/api/v1/funds/{code}/balance", fund).then().body("entryCount", equalTo(2));
    }

    @Test
    void a_reversal_cannot_itself_be_reversed() {
        String fund = TestFunds.open("REVREV");
        EntryView contribution = ledger.contribution(fund, 100_00);
        String reversal = json(BOUNCED).post("/api/v1/entries/{id}/reversal", contribution.id())
                .then().statusCode(201).extract().path("id");
        Map<String, Long> before = TestDatabase.snapshot();
        json(BOUNCED).post("/api/v1/entries/{id}/reversal", reversal)
                .then().statusCode(409).body("type", endsWith("#reversal-not-reversible"));
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void reversing_a_contribution_whose_money_is_committed_is_refused() {
        String fund = TestFunds.open("COMMITTED");
        EntryView contribution = ledger.contribution(fund, 100_00);
        ledger.commitment(fund, 80_00);
        Map<String, Long> before = TestDatabase.snapshot();
        json(BOUNCED).post("/api/v1/entries/{id}/reversal", contribution.id())
                .then().statusCode(409).body("type", endsWith("#balance-would-go-negative"))
                .body("detail", org.hamcrest.Matchers.containsString("AVAILABLE"));
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void a_closed_fund_takes_no_reversal() {
        String fund = TestFunds.open("CLOSED");
        EntryView contribution = ledger.contribution(fund, 100_00);
        json(Map.of("status", "CLOSED", "reason", "Fonds soldé")).post("/api/v1/funds/{code}/status", fund)
                .then().statusCode(200);
        Map<String, Long> before = TestDatabase.snapshot();
        json(BOUNCED).post("/api/v1/entries/{id}/reversal", contribution.id())
                .then().statusCode(409).body("type", endsWith("#fund-closed"));
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void reversing_an_unknown_entry_answers_404() {
        Map<String, Long> before = TestDatabase.snapshot();
        json(BOUNCED).post("/api/v1/entries/{id}/reversal", java.util.UUID.randomUUID())
                .then().statusCode(404).body("type", endsWith("#entry-not-found"));
        json(BOUNCED).post("/api/v1/entries/{id}/reversal", "not-a-uuid")
                .then().statusCode(404).body("type", endsWith("#entry-not-found"));
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    private static Map<String, Object> balances(String fund) {
        return api().get("/api/v1/funds/{code}/balance", fund).then().statusCode(200).extract().jsonPath().getMap("");
    }
}
