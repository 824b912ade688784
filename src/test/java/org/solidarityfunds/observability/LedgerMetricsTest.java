package org.solidarityfunds.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.idempotency.RetriedTransactions;
import org.solidarityfunds.ledger.ScheduledVerification;
import org.solidarityfunds.money.Money;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * The metrics of docs/operating/monitoring.md, read from /q/metrics as Prometheus would: money
 * counts once its transaction commits, and never for a refusal.
 */
@QuarkusTest
class LedgerMetricsTest {

    private static final String FINANCE = TestTokens.as("finance-metrics", Roles.FINANCE);

    @Inject
    ScheduledVerification scheduledVerification;

    @Inject
    RetriedTransactions transactions;

    @Inject
    LedgerMetrics metrics;

    private static Map<String, Object> contribution(String donor, long amountMinor) {
        return Map.of("donorId", donor, "amount", Map.of("amountMinor", amountMinor, "currency", "EUR"),
                "receivedOn", "2020-10-02", "bankReference", "VIR-" + UUID.randomUUID());
    }

    private static String fund(String code) {
        return "fund=\"" + code + "\"";
    }

    @Test
    void contributions_are_counted_and_summed_per_fund_when_committed_and_a_refused_import_counts_nothing() {
        String fund = TestFunds.open("METRICS");
        String other = TestFunds.open("METRICS");
        String donor = TestFunds.donor("Commune mesurée");

        json(FINANCE, contribution(donor, 1_234_56)).post("/api/v1/funds/{code}/contributions", fund)
                .then().statusCode(201);
        json(FINANCE, Map.of("contributions", List.of(contribution(donor, 10_00), contribution(donor, 20_01))))
                .post("/api/v1/funds/{code}/contributions/batch", fund).then().statusCode(201);
        json(FINANCE, contribution(donor, 5_00)).post("/api/v1/funds/{code}/contributions", other)
                .then().statusCode(201);
        // The second contribution names no donor that exists: the whole import is refused.
        json(FINANCE, Map.of("contributions", List.of(contribution(donor, 99_00),
                contribution(UUID.randomUUID().toString(), 1_00))))
                .post("/api/v1/funds/{code}/contributions/batch", fund).then().statusCode(400);

        Scrape scrape = Scrape.now();
        assertThat(scrape.value("ledger_contributions_received_count", fund(fund), "currency=\"EUR\"")).isEqualTo(3);
        assertThat(scrape.value("ledger_contributions_received_sum", fund(fund))).isCloseTo(1_264.57, within(1e-6));
        assertThat(scrape.value("ledger_contributions_received_count", fund(other))).isEqualTo(1);
        assertThat(scrape.value("ledger_contributions_received_sum", fund(other))).isCloseTo(5.00, within(1e-6));
    }

    @Test
    void a_reversal_is_counted_with_its_amount() {
        String fund = TestFunds.open("METRICS");
        String contribution = TestFunds.contribution(fund, TestFunds.donor("Commune remboursée"), 300_00, null);

        json(FINANCE, Map.of("reason", "Virement rejeté")).post("/api/v1/contributions/{id}/reversal", contribution)
                .then().statusCode(200);

        Scrape scrape = Scrape.now();
        assertThat(scrape.value("ledger_contributions_reversed_count", fund(fund))).isEqualTo(1);
        assertThat(scrape.value("ledger_contributions_reversed_sum", fund(fund))).isCloseTo(300.00, within(1e-6));
    }

    @Test
    void disbursements_are_counted_from_request_to_payment_and_decisions_by_outcome() {
        String fund = TestFunds.open("METRICS");
        TestFunds.committee(fund, 1, "metrics-member");
        TestFunds.contribution(fund, TestFunds.donor("Commune généreuse"), 1_000_00, null);
        String paid = TestFunds.disbursement(fund, 400_00);
        String rejected = TestFunds.disbursement(fund, 100_00);
        String cancelled = TestFunds.disbursement(fund, 50_00);
        String tooLarge = TestFunds.disbursement(fund, 900_00);

        assertThat(TestFunds.vote(paid, "metrics-member", "FOR")).isEqualTo("APPROVED");
        assertThat(TestFunds.vote(rejected, "metrics-member", "AGAINST")).isEqualTo("REJECTED");
        // 600.00 are left: approving 900.00 is refused, and no decision is counted.
        json(TestTokens.as("metrics-member", Roles.COMMITTEE), Map.of("vote", "FOR"))
                .post("/api/v1/disbursements/{id}/votes", tooLarge).then().statusCode(409);
        json(FINANCE, Map.of("paymentReference", "VIR-SORT-1", "paidOn", "2020-11-12"))
                .post("/api/v1/disbursements/{id}/payment", paid).then().statusCode(200);
        json(FINANCE, Map.of("reason", "Demande retirée")).post("/api/v1/disbursements/{id}/cancellation", cancelled)
                .then().statusCode(200);

        Scrape scrape = Scrape.now();
        assertThat(scrape.value("ledger_disbursements_requested_count", fund(fund))).isEqualTo(4);
        assertThat(scrape.value("ledger_disbursements_requested_sum", fund(fund))).isCloseTo(1_450.00, within(1e-6));
        assertThat(scrape.value("ledger_disbursements_decisions_total", fund(fund), "outcome=\"APPROVED\""))
                .isEqualTo(1);
        assertThat(scrape.value("ledger_disbursements_decisions_total", fund(fund), "outcome=\"REJECTED\""))
                .isEqualTo(1);
        assertThat(scrape.value("ledger_disbursements_paid_count", fund(fund))).isEqualTo(1);
        assertThat(scrape.value("ledger_disbursements_paid_sum", fund(fund))).isCloseTo(400.00, within(1e-6));
        assertThat(scrape.value("ledger_disbursements_cancelled_count", fund(fund))).isEqualTo(1);
        assertThat(scrape.value("ledger_disbursements_cancelled_sum", fund(fund))).isCloseTo(50.00, within(1e-6));
    }

    @Test
    void a_replayed_answer_is_counted_once_per_replay() {
        String fund = TestFunds.open("METRICS");
        String donor = TestFunds.donor("Commune qui réessaie");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = contribution(donor, 42_00);
        double before = Scrape.now().value("ledger_idempotency_replays_total");

        for (int attempt = 0; attempt < 3; attempt++) {
            as(FINANCE).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                    .post("/api/v1/funds/{code}/contributions", fund).then().statusCode(201);
        }

        Scrape scrape = Scrape.now();
        assertThat(scrape.value("ledger_idempotency_replays_total") - before).isEqualTo(2);
        assertThat(scrape.value("ledger_contributions_received_count", fund(fund))).isEqualTo(1);
    }

    @Test
    void money_counted_by_an_attempt_that_is_run_again_counts_once() {
        String fund = TestFunds.newCode("RETRIED");
        Money amount = Money.of(12_34, "EUR");
        AtomicInteger attempts = new AtomicInteger();
        double retriesBefore = Scrape.now().value("ledger_transaction_retries_total");

        transactions.run(() -> {
            metrics.contributionsRecorded(fund, List.of(amount));
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException(new SQLException("could not serialize access", "40001"));
            }
            return null;
        });

        Scrape scrape = Scrape.now();
        assertThat(attempts).hasValue(2);
        assertThat(scrape.value("ledger_transaction_retries_total") - retriesBefore).isEqualTo(1);
        assertThat(scrape.value("ledger_contributions_received_count", fund(fund))).isEqualTo(1);
        assertThat(scrape.value("ledger_contributions_received_sum", fund(fund))).isCloseTo(12.34, within(1e-6));
    }

    @Test
    void a_verification_sets_the_result_its_age_and_the_entries_it_checked() {
        TestFunds.contribution(TestFunds.open("METRICS"), TestFunds.donor("Commune vérifiée"), 10_00, null);

        scheduledVerification.run();

        Scrape scheduled = Scrape.now();
        assertThat(scheduled.value("ledger_verification_intact")).isEqualTo(1);
        assertThat(scheduled.value("ledger_verification_age_seconds")).isBetween(0.0, 60.0);
        assertThat(scheduled.value("ledger_verification_entries")).isGreaterThanOrEqualTo(1);
        double runs = scheduled.value("ledger_verification_duration_seconds_count");
        assertThat(runs).isGreaterThanOrEqualTo(1);

        long checked = as(FINANCE).get("/api/v1/ledger/verification").then().statusCode(200).extract().jsonPath()
                .getLong("entriesChecked");
        Scrape onDemand = Scrape.now();
        assertThat(onDemand.value("ledger_verification_duration_seconds_count")).isEqualTo(runs + 1);
        assertThat(onDemand.value("ledger_verification_entries")).isEqualTo(checked);
    }

    @Test
    void request_latencies_are_histograms_per_route_and_retries_and_the_connection_pool_are_exposed() {
        TestFunds.open("METRICS");

        Scrape scrape = Scrape.now();
        assertThat(scrape.has("http_server_requests_seconds_bucket", "uri=\"/api/v1/funds\"", "method=\"POST\"",
                "status=\"201\"", "le=\"0.025\"")).isTrue();
        assertThat(scrape.has("http_server_requests_seconds_bucket", "uri=\"/api/v1/funds\"", "le=\"+Inf\""))
                .isTrue();
        assertThat(scrape.has("ledger_transaction_retries_total")).isTrue();
        assertThat(scrape.has("agroal_awaiting_count")).isTrue();
    }
}
