package org.solidarityfunds.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.BadInput;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestLedger;
import org.solidarityfunds.support.TestTokens;

@QuarkusTest
class ContributionResourceTest {

    private static final String FINANCE = TestTokens.as("finance-nantes", Roles.FINANCE);

    private final TestLedger ledger;

    ContributionResourceTest(TestLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * After every test, every fund's balances still equal the sums of its journal lines, and
     * its pledges and contributions agree with its journal.
     */
    @AfterEach
    void the_ledger_still_verifies() {
        assertThat(as(FINANCE).get("/api/v1/ledger/verification").jsonPath().getString("status")).isEqualTo("INTACT");
        assertThat(TestDatabase.fundsWhoseRecordsDisagreeWithTheLedger()).isEmpty();
    }

    @Test
    void a_contribution_allocated_to_a_pledge_in_instalments_fills_the_earliest_due_first() {
        String fund = TestFunds.open("ALLOC");
        String donor = TestFunds.donor("Ville de Nantes");
        String pledge = json(FINANCE, Map.of("donorId", donor,
                "amount", Map.of("amountMinor", 100_00, "currency", "EUR"), "pledgedOn", "2020-09-01",
                "instalments", List.of(Map.of("amountMinor", 40_00, "dueOn", "2020-10-01"),
                        Map.of("amountMinor", 60_00, "dueOn", "2020-12-01"))))
                .post("/api/v1/funds/{code}/pledges", fund).then().statusCode(201).extract().path("id");

        Response first = json(FINANCE, contribution(donor, 50_00, List.of(Map.of("pledgeId", pledge, "amountMinor", 50_00))))
                .post("/api/v1/funds/{code}/contributions", fund);
        first.then().statusCode(201)
                .body("allocations.instalmentNumber", org.hamcrest.Matchers.contains(1, 2))
                .body("allocations.amount.amountMinor", org.hamcrest.Matchers.contains(40_00, 10_00))
                .body("unallocated.amountMinor", equalTo(0))
                .body("status", equalTo("RECEIVED"));
        as(FINANCE).get("/api/v1/pledges/{id}", pledge).then()
                .body("status", equalTo("IN_PROGRESS"))
                .body("received.amountMinor", equalTo(50_00))
                .body("instalments[0].overdue", equalTo(false))
                .body("instalments[1].received.amountMinor", equalTo(10_00));
        as(FINANCE).get("/api/v1/funds/{code}/balance", fund).then()
                .body("received.amountMinor", equalTo(50_00)).body("available.amountMinor", equalTo(50_00))
                .body("outstandingPledges.amountMinor", equalTo(50_00));

        json(FINANCE, contribution(donor, 70_00, List.of(Map.of("pledgeId", pledge, "instalmentNumber", 2,
                "amountMinor", 50_00)))).post("/api/v1/funds/{code}/contributions", fund).then().statusCode(201)
                .body("unallocated.amountMinor", equalTo(20_00));
        as(FINANCE).get("/api/v1/pledges/{id}", pledge).then().body("status", equalTo("FULFILLED"))
                .body("outstanding.amountMinor", equalTo(0));
        BadInput.postAs(FINANCE, "/api/v1/pledges/" + pledge + "/cancellation", "{\"reason\": \"r\"}", 409,
                "pledge-fulfilled");

        // Reversing the first contribution gives its allocations back and the pledge its status.
        json(FINANCE, Map.of("reason", "Virement rejeté")).post("/api/v1/contributions/{id}/reversal",
                first.<String>path("id")).then().statusCode(200).body("status", equalTo("REVERSED"))
                .body("reversedBy", equalTo("finance-nantes"));
        as(FINANCE).get("/api/v1/pledges/{id}", pledge).then().body("status", equalTo("IN_PROGRESS"))
                .body("received.amountMinor", equalTo(50_00))
                .body("instalments[0].received.amountMinor", equalTo(0))
                .body("instalments[0].overdue", equalTo(true));
        as(FINANCE).get("/api/v1/funds/{code}/balance", fund).then()
                .body("received.amountMinor", equalTo(70_00)).body("outstandingPledges.amountMinor", equalTo(50_00));
        BadInput.postAs(FINANCE, "/api/v1/contributions/" + first.path("id") + "/reversal", "{\"reason\": \"again\"}",
                409, "contribution-already-reversed");
    }

    @Test
    void cancelling_a_partly_received_pledge_cancels_only_what_is_still_expected() {
        String fund = TestFunds.open("PARTCANCEL");
        String donor = TestFunds.donor("Commune G");
        String pledge = TestFunds.pledge(fund, donor, 100_00);
        json(FINANCE, contribution(donor, 30_00, List.of(Map.of("pledgeId", pledge, "amountMinor", 30_00))))
                .post("/api/v1/funds/{code}/contributions", fund).then().statusCode(201);
        json(FINANCE, Map.of("reason", "Budget réduit")).post("/api/v1/pledges/{id}/cancellation", pledge)
                .then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("received.amountMinor", equalTo(30_00)).body("cancelled.amountMinor", equalTo(70_00));
        as(FINANCE).get("/api/v1/funds/{code}/balance", fund).then()
                .body("outstandingPledges.amountMinor", equalTo(0)).body("received.amountMinor", equalTo(30_00));
        BadInput.postAs(FINANCE, "/api/v1/funds/" + fund + "/contributions", body(donor, 10_00, "EUR", null,
                "[{\"pledgeId\": \"" + pledge + "\", \"amountMinor\": 1}]"), 409, "allocation-exceeds-outstanding");
    }

    @Test
    void money_in_dollars_is_credited_in_euros_rounded_half_even_and_keeps_its_original() {
        String fund = TestFunds.open("USD");
        String donor = TestFunds.donor("Cités et Gouvernements Locaux Unis");
        // 1,635.00 USD at 0.917431192660 EUR per USD is 1,499.999999999 EUR: 1,500.00 EUR.
        Response received = json(FINANCE, Map.of("donorId", donor,
                "amount", Map.of("amountMinor", 163_500, "currency", "USD"), "exchangeRate", new java.math.BigDecimal("0.917431192660"),
                "receivedOn", "2020-10-05", "bankReference", "SWIFT-0001"))
                .post("/api/v1/funds/{code}/contributions", fund);
        received.then().statusCode(201)
                .body("amount.amountMinor", equalTo(150_000)).body("amount.currency", equalTo("EUR"))
                .body("originalAmount.amountMinor", equalTo(163_500)).body("originalAmount.currency", equalTo("USD"));
        as(FINANCE).get("/api/v1/entries/{id}", received.<String>path("entryId")).then()
                .body("lines[0].amount.amountMinor", equalTo(150_000))
                .body("lines[0].originalAmount.currency", equalTo("USD"))
                .body("lines[1].originalAmount.amountMinor", equalTo(163_500));
        // Half-even: 0.125 EUR rounds to 0.12 EUR, not 0.13.
        json(FINANCE, Map.of("donorId", donor, "amount", Map.of("amountMinor", 25, "currency", "USD"),
                "exchangeRate", new java.math.BigDecimal("0.5"), "receivedOn", "2020-10-05", "bankReference", "SWIFT-0002"))
                .post("/api/v1/funds/{code}/contributions", fund).then().statusCode(201)
                .body("amount.amountMinor", equalTo(12));
    }

    @Test
    void twenty_concurrent_contributions_never_allocate_more_than_a_pledge_expects() throws Exception {
        String fund = TestFunds.open("RACEPL");
        String donor = TestFunds.donor("Commune H");
        String pledge = TestFunds.pledge(fund, donor, 100_00);
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(() -> json(FINANCE, contribution(donor, 15_00,
                    List.of(Map.of("pledgeId", pledge, "amountMinor", 15_00))))
                    .post("/api/v1/funds/{code}/contributions", fund));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Response> answers = new ArrayList<>();
        for (Future<Response> answer : pool.invokeAll(attempts)) {
            answers.add(answer.get());
        }
        pool.shutdown();
        assertThat(answers).filteredOn(a -> a.statusCode() == 201).hasSize(6);
        for (Response refused : answers.stream().filter(a -> a.statusCode() != 201).toList()) {
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.jsonPath().getString("type")).endsWith("#allocation-exceeds-outstanding");
        }
        JsonPath after = as(FINANCE).get("/api/v1/pledges/{id}", pledge).jsonPath();
        assertThat(after.getLong("received.amountMinor")).isEqualTo(90_00);
        as(FINANCE).get("/api/v1/funds/{code}/balance", fund).then().body("received.amountMinor", equalTo(90_00));
    }

    @Test
    void one_idempotency_key_sent_twenty_times_at_once_records_one_contribution() throws Exception {
        String fund = TestFunds.open("ONCE20");
        String donor = TestFunds.donor("Commune M");
        Map<String, Object> body = contribution(donor, 42_00, List.of());
        String key = UUID.randomUUID().toString();
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(() -> as(FINANCE).contentType("application/json").header("Idempotency-Key", key).body(body)
                    .post("/api/v1/funds/{code}/contributions", fund));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Response> answers = new ArrayList<>();
        for (Future<Response> answer : pool.invokeAll(attempts)) {
            answers.add(answer.get());
        }
        pool.shutdown();
        List<Response> acted = answers.stream()
                .filter(a -> a.statusCode() == 201 && a.header("Idempotency-Replayed") == null).toList();
        assertThat(acted).hasSize(1);
        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isIn(201, 409));
        answers.stream().filter(a -> a.statusCode() == 201).forEach(a ->
                assertThat(a.jsonPath().getString("id")).isEqualTo(acted.get(0).jsonPath().getString("id")));
        as(FINANCE).get("/api/v1/funds/{code}/balance", fund).then().body("entryCount", equalTo(1))
                .body("received.amountMinor", equalTo(42_00));
    }

    @Test
    void reversing_a_contribution_whose_money_is_committed_is_refused_and_changes_nothing() {
        String fund = TestFunds.open("COMMIT");
        String donor = TestFunds.donor("Commune I");
        String pledge = TestFunds.pledge(fund, donor, 100_00);
        String contribution = TestFunds.contribution(fund, donor, 100_00, pledge);
        // Until disbursements have their endpoints (issue #5), a commitment is posted as that service will post it.
        ledger.commitment(fund, 80_00);
        BadInput.postAs(FINANCE, "/api/v1/contributions/" + contribution + "/reversal", "{\"reason\": \"r\"}", 409,
                "balance-would-go-negative");
        as(FINANCE).get("/api/v1/contributions/{id}", contribution).then().statusCode(200)
                .body("status", equalTo("RECEIVED"));
        as(FINANCE).get("/api/v1/pledges/{id}", pledge).then().body("status", equalTo("FULFILLED"));
        BadInput.postAs(FINANCE, "/api/v1/contributions/" + UUID.randomUUID() + "/reversal", "{\"reason\": \"r\"}", 404,
                "contribution-not-found");
    }

    @Test
    void a_closed_fund_takes_no_contribution_and_nothing_is_allocated() {
        String fund = TestFunds.open("CLOSEDC");
        String donor = TestFunds.donor("Commune L");
        String pledge = TestFunds.pledge(fund, donor, 10_00);
        json(Map.of("status", "CLOSED", "reason", "Soldé")).post("/api/v1/funds/{code}/status", fund).then().statusCode(200);
        BadInput.postAs(FINANCE, "/api/v1/funds/" + fund + "/contributions", body(donor, 10_00, "EUR", null,
                "[{\"pledgeId\": \"" + pledge + "\", \"amountMinor\": 1000}]"), 409, "fund-closed");
        as(FINANCE).get("/api/v1/pledges/{id}", pledge).then().body("status", equalTo("PENDING"));
    }

    @Test
    void bad_contributions_are_refused_with_a_problem_and_nothing_is_written() {
        String fund = TestFunds.open("BADC");
        String other = TestFunds.open("BADCO");
        String donor = TestFunds.donor("Commune J");
        String stranger = TestFunds.donor("Commune K");
        String pledge = TestFunds.pledge(fund, donor, 50_00);
        String strangersPledge = TestFunds.pledge(fund, stranger, 50_00);
        String otherFundsPledge = TestFunds.pledge(other, donor, 50_00);
        String path = "/api/v1/funds/" + fund + "/contributions";
        BadInput.postAs(FINANCE, path, body(donor, 0, "EUR", null, null), 400, "validation-failed")
                .body("errors[0].field", equalTo("amount.amountMinor"));
        BadInput.postAs(FINANCE, path, body(donor, -1, "EUR", null, null), 400, "validation-failed");
        BadInput.postAs(FINANCE, path, body(donor, 1_000_000_000_000_001L, "EUR", null, null), 400, "validation-failed");
        BadInput.postAs(FINANCE, path, body(donor, 10_00, "USD", null, null), 400, "validation-failed")
                .body("errors[0].field", equalTo("exchangeRate"));
        BadInput.postAs(FINANCE, path, body(donor, 10_00, "EUR", "1.1", null), 400, "validation-failed")
                .body("errors[0].field", equalTo("exchangeRate"));
        BadInput.postAs(FINANCE, path, body(donor, 10_00, "USD", "0.9132000000004", null), 400, "validation-failed")
                .body("errors[0].field", equalTo("exchangeRate"));
        BadInput.postAs(FINANCE, path, body(donor, 10_00, "USD", "-1", null), 400, "validation-failed");
        BadInput.postAs(FINANCE, path, body(donor, 1, "USD", "0.001", null), 400, "validation-failed")
                .body("errors[0].field", equalTo("amount"));
        BadInput.postAs(FINANCE, path, body(UUID.randomUUID().toString(), 10_00, "EUR", null, null), 400,
                "validation-failed").body("errors[0].field", equalTo("donorId"));
        BadInput.postAs(FINANCE, path, body(donor, 10_00, "EUR", null, "[{\"pledgeId\": \"" + UUID.randomUUID()
                + "\", \"amountMinor\": 10}]"), 400, "validation-failed")
                .body("errors[0].field", equalTo("allocations[0].pledgeId"));
        BadInput.postAs(FINANCE, path, body(donor, 10_00, "EUR", null, "[{\"pledgeId\": \"" + otherFundsPledge
                + "\", \"amountMinor\": 10}]"), 400, "validation-failed")
                .body("errors[0].field", equalTo("allocations[0].pledgeId"));
        BadInput.postAs(FINANCE, path, body(donor, 10_00, "EUR", null, "[{\"pledgeId\": \"" + strangersPledge
                + "\", \"amountMinor\": 10}]"), 400, "validation-failed")
                .body("errors[0].message", equalTo("is a pledge of another donor"));
        BadInput.postAs(FINANCE, path, body(donor, 10_00, "EUR", null, "[{\"pledgeId\": \"" + pledge
                + "\", \"amountMinor\": 1001}]"), 400, "validation-failed")
                .body("errors[0].field", equalTo("allocations"));
        BadInput.postAs(FINANCE, path, body(donor, 100_00, "EUR", null, "[{\"pledgeId\": \"" + pledge
                + "\", \"amountMinor\": 5001}]"), 409, "allocation-exceeds-outstanding");
        BadInput.postAs(FINANCE, path, body(donor, 10_00, "EUR", null, "[{\"pledgeId\": \"" + pledge
                + "\", \"instalmentNumber\": 1, \"amountMinor\": 10}]"), 400, "validation-failed")
                .body("errors[0].field", equalTo("allocations[0].instalmentNumber"));
        BadInput.postAs(FINANCE, path, body(donor, 10_00, "EUR", null, null).replace("VIR-1", "V".repeat(141)), 400,
                "validation-failed").body("errors[0].field", equalTo("bankReference"));
        BadInput.postAs(FINANCE, path, body(donor, 10_00, "EUR", null, null).replace("}", ", \"entryId\": null}"), 400,
                "unknown-field");
    }

    private static Map<String, Object> contribution(String donor, long amountMinor, List<Map<String, Object>> allocations) {
        return Map.of("donorId", donor, "amount", Map.of("amountMinor", amountMinor, "currency", "EUR"),
                "receivedOn", "2020-10-02", "bankReference", "VIR-" + UUID.randomUUID(), "allocations", allocations);
    }

    private static String body(String donor, long amountMinor, String currency, String rate, String allocations) {
        return "{\"donorId\": \"" + donor + "\", \"amount\": {\"amountMinor\": " + amountMinor + ", \"currency\": \""
                + currency + "\"}" + (rate == null ? "" : ", \"exchangeRate\": " + rate)
                + ", \"receivedOn\": \"2020-10-02\", \"bankReference\": \"VIR-1\""
                + (allocations == null ? "" : ", \"allocations\": " + allocations) + "}";
    }
}
