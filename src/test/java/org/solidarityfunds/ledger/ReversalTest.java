package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.solidarityfunds.support.Api.api;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

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
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestLedger;
import org.solidarityfunds.support.TestTokens;

/**
 * A reversal, the only correction the journal knows, as users ask for it: through the record
 * the entry belongs to (a bounced contribution here, ADR 0008); and what the ledger itself
 * refuses to do whoever asks.
 */
@QuarkusTest
class ReversalTest {

    private static final String FINANCE = TestTokens.as("finance-reversal", Roles.FINANCE);
    private static final Map<String, String> BOUNCED = Map.of("reason", "Virement rejeté par la banque");

    private final TestLedger ledger;

    ReversalTest(TestLedger ledger) {
        this.ledger = ledger;
    }

    @Test
    void a_reversal_nets_the_balances_back_and_links_both_entries() {
        String fund = TestFunds.open("REV");
        String donor = TestFunds.donor("Commune de Reversal");
        String pledge = TestFunds.pledge(fund, donor, 1_000_00);
        Map<String, Object> afterPledge = balances(fund);
        String contribution = TestFunds.contribution(fund, donor, 600_00, pledge);
        assertThat(balances(fund)).isNotEqualTo(afterPledge);

        JsonPath reversed = json(FINANCE, BOUNCED).post("/api/v1/contributions/{id}/reversal", contribution).then()
                .statusCode(200).extract().jsonPath();
        String original = reversed.getString("entryId");
        JsonPath reversal = api().get("/api/v1/entries/{id}", reversed.getString("reversalEntryId")).then()
                .statusCode(200).body("kind", equalTo("REVERSAL")).body("reversesEntryId", equalTo(original))
                .body("recordedBy", equalTo("finance-reversal"))
                .body("memo", equalTo("Reversal of entry 2: Virement rejeté par la banque")).extract().jsonPath();
        JsonPath originalEntry = api().get("/api/v1/entries/{id}", original).then().statusCode(200)
                .body("reversedByEntryId", equalTo(reversal.getString("id"))).extract().jsonPath();
        List<String> sides = originalEntry.getList("lines.side");
        assertThat(reversal.getList("lines.side", String.class))
                .containsExactlyElementsOf(sides.stream().map(side -> "DEBIT".equals(side) ? "CREDIT" : "DEBIT").toList());
        assertThat(reversal.getList("lines.account", String.class))
                .containsExactlyElementsOf(originalEntry.getList("lines.account", String.class));

        Map<String, Object> afterReversal = balances(fund);
        for (Map<String, Object> balance : List.of(afterReversal, afterPledge)) {
            balance.remove("entryCount");
            balance.remove("headHash");
        }
        assertThat(afterReversal).isEqualTo(afterPledge);
    }

    @Test
    void concurrent_reversals_of_one_contribution_write_exactly_one() throws Exception {
        String fund = TestFunds.open("RACE");
        String contribution = TestFunds.contribution(fund, TestFunds.donor("Commune pressée"), 100_00, null);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(() -> json(FINANCE, BOUNCED).post("/api/v1/contributions/{id}/reversal", contribution)
                    .statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pool.invokeAll(attempts)) {
            statuses.add(status.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        api().get("/api/v1/funds/{code}/balance", fund).then().body("entryCount", equalTo(2))
                .body("received.amountMinor", equalTo(0));
    }

    @Test
    void a_closed_fund_takes_no_reversal() {
        String fund = TestFunds.open("CLOSED");
        String contribution = TestFunds.contribution(fund, TestFunds.donor("Commune close"), 100_00, null);
        json(Map.of("status", "CLOSED", "reason", "Fonds soldé")).post("/api/v1/funds/{code}/status", fund)
                .then().statusCode(200);
        Map<String, Long> before = TestDatabase.snapshot();
        json(FINANCE, BOUNCED).post("/api/v1/contributions/{id}/reversal", contribution)
                .then().statusCode(409).body("type", endsWith("#fund-closed"));
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
        as(FINANCE).get("/api/v1/contributions/{id}", contribution).then().body("status", equalTo("RECEIVED"));
    }

    @Test
    void the_ledger_never_reverses_an_entry_twice_nor_a_reversal() {
        String fund = TestFunds.open("ONCE");
        EntryView entry = ledger.contribution(fund, 100_00);
        EntryView reversal = ledger.reversal(entry.id(), "first");
        Map<String, Long> before = TestDatabase.snapshot();
        assertThatThrownBy(() -> ledger.reversal(entry.id(), "second")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ledger.reversal(reversal.id(), "of a reversal"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.reversal(java.util.UUID.randomUUID(), "of nothing"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void no_endpoint_reverses_an_entry_on_its_own() {
        String fund = TestFunds.open("OWNED");
        String pledge = TestFunds.pledge(fund, TestFunds.donor("Commune F"), 10_00);
        String entry = as(FINANCE).get("/api/v1/pledges/{id}", pledge).path("entryId");
        Map<String, Long> before = TestDatabase.snapshot();
        json(BOUNCED).post("/api/v1/entries/{id}/reversal", entry).then().statusCode(404)
                .body("type", endsWith("#resource-not-found"));
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    private static Map<String, Object> balances(String fund) {
        return api().get("/api/v1/funds/{code}/balance", fund).then().statusCode(200).extract().jsonPath().getMap("");
    }
}
