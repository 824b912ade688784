package org.solidarityfunds.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.BadInput;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * An approved disbursement paid in tranches, in the beneficiary's currency, with bank charges:
 * what each payment books, what it may not do, and that the chart's identities hold after each.
 */
@QuarkusTest
class DisbursementPaymentsTest {

    private static final String FINANCE = TestTokens.as("finance-tranches", Roles.FINANCE);
    private static final String AUDITOR = TestTokens.as("auditor-tranches", Roles.AUDITOR);
    private static final String MOZAMBIQUE_IBAN = "MZ59000301080016367102371";

    @AfterEach
    void the_ledger_still_verifies_and_the_records_agree_with_it() {
        assertThat(as(AUDITOR).get("/api/v1/ledger/verification").jsonPath().getString("status")).isEqualTo("INTACT");
        assertThat(TestDatabase.fundsWhoseRecordsDisagreeWithTheLedger()).isEmpty();
    }

    /** A fund with this much received and a disbursement of that much approved by its committee: its id. */
    private static String[] approved(long receivedMinor, long approvedMinor) {
        String fund = TestFunds.open("TRANCHES");
        TestFunds.contribution(fund, TestFunds.donor("Ville de Grenoble"), receivedMinor, null);
        TestFunds.committee(fund, 1, fund + "-m1", fund + "-m2");
        String id = TestFunds.disbursement(fund, approvedMinor);
        assertThat(TestFunds.vote(id, fund + "-m1", "FOR")).isEqualTo("APPROVED");
        return new String[] {fund, id};
    }

    private static Map<String, Object> payment(String reference, long amountMinor) {
        Map<String, Object> payment = new HashMap<>();
        payment.put("paidOn", "2020-11-12");
        payment.put("reference", reference);
        payment.put("amount", Map.of("amountMinor", amountMinor, "currency", "EUR"));
        return payment;
    }

    private static Response pay(String id, Map<String, Object> payment) {
        return json(FINANCE, payment).post("/api/v1/disbursements/{id}/payments", id);
    }

    private static Map<String, Long> balance(String fund) {
        JsonPath balance = as(FINANCE).get("/api/v1/funds/{code}/balance", fund).then().statusCode(200).extract()
                .jsonPath();
        long available = balance.getLong("available.amountMinor");
        long committed = balance.getLong("committed.amountMinor");
        long received = balance.getLong("received.amountMinor");
        long disbursed = balance.getLong("disbursed.amountMinor");
        assertThat(received - disbursed).as("bank = available + committed").isEqualTo(available + committed);
        return Map.of("available", available, "committed", committed, "disbursed", disbursed);
    }

    private static String kindOf(String entryId) {
        return as(AUDITOR).get("/api/v1/entries/{id}", entryId).then().statusCode(200).extract().path("kind");
    }

    @Test
    void two_tranches_with_charges_settle_the_commitment_and_the_charges_come_out_of_available_money() {
        String[] approved = approved(100_000_00, 50_000_00);
        String fund = approved[0];
        String id = approved[1];
        assertThat(balance(fund)).containsEntry("available", 50_000_00L).containsEntry("committed", 50_000_00L);

        Map<String, Object> first = payment("VIR-SORT-2020-11-12-0007", 20_000_00);
        first.put("chargesMinor", 15_00);
        first.put("beneficiaryAccount", Map.of("iban", "MZ59 0003 0108 0016 3671 0237 1", "bic", "bimomzmx"));
        Response partly = pay(id, first);
        partly.then().statusCode(200).body("status", equalTo("PARTLY_PAID"))
                .body("leftToPay.amountMinor", equalTo(30_000_00)).body("payments.size()", equalTo(1))
                .body("payments[0].number", equalTo(1))
                .body("payments[0].beneficiaryAccount.iban", equalTo(MOZAMBIQUE_IBAN))
                .body("payments[0].beneficiaryAccount.bic", equalTo("BIMOMZMX"))
                .body("payments[0].charges.amountMinor", equalTo(15_00))
                .body("payments[0].exchangeDifference.amountMinor", equalTo(0))
                .body("payments[0].exchangeDifferenceEntryId", nullValue());
        assertThat(kindOf(partly.path("payments[0].entryId"))).isEqualTo("DISBURSEMENT_PAID");
        as(TestTokens.as("partner-tranches", Roles.PARTNER, fund)).get("/api/v1/disbursements/{id}", id).then().statusCode(200)
                .body("payments[0].amount.amountMinor", equalTo(20_000_00))
                .body("payments[0].beneficiaryAccount", nullValue());
        assertThat(kindOf(partly.path("payments[0].chargesEntryId"))).isEqualTo("BANK_CHARGES");
        assertThat(balance(fund)).as("the charges from available money, the commitment left whole")
                .containsEntry("available", 49_985_00L).containsEntry("committed", 30_000_00L)
                .containsEntry("disbursed", 20_015_00L);
        TestFunds.disbursement(fund, 1_00);
        as(FINANCE).get("/api/v1/funds/{code}/disbursements", fund).then().statusCode(200)
                .body("items.status", equalTo(List.of("PARTLY_PAID", "REQUESTED")))
                .body("items[0].payments.reference", equalTo(List.of("VIR-SORT-2020-11-12-0007")))
                .body("items[0].decision.outcome", equalTo("APPROVED"))
                .body("items[1].payments", nullValue()).body("items[1].decision", nullValue());

        pay(id, payment("VIR-SORT-2021-02-01-0002", 30_000_00)).then().statusCode(200)
                .body("status", equalTo("PAID")).body("leftToPay.amountMinor", equalTo(0))
                .body("payments.number", equalTo(List.of(1, 2)));
        assertThat(balance(fund)).containsEntry("available", 49_985_00L).containsEntry("committed", 0L)
                .containsEntry("disbursed", 50_015_00L);
        as(FINANCE).get("/api/v1/funds/{code}/disbursements?status=PAID", fund).then().statusCode(200)
                .body("items[0].payments.number", equalTo(List.of(1, 2)));
        BadInput.postAs(FINANCE, "/api/v1/disbursements/" + id + "/payments",
                "{\"paidOn\":\"2020-11-13\",\"reference\":\"VIR-3\",\"amount\":{\"amountMinor\":100,\"currency\":"
                        + "\"EUR\"}}", 409, "disbursement-already-paid");
    }

    @Test
    void a_transfer_in_meticals_books_its_exchange_loss_and_gain_apart_from_the_commitment() {
        String[] approved = approved(100_000_00, 50_000_00);
        String fund = approved[0];
        String id = approved[1];
        // Tranche 1: 1,800,000.00 MZN cost 25,020.00 EUR for half the grant (25,000.00): a loss of 20.00.
        Map<String, Object> loss = payment("VIR-MZN-1", 25_020_00);
        loss.put("foreignAmount", Map.of("amountMinor", 1_800_000_00L, "currency", "MZN"));
        loss.put("exchangeRate", 0.0139);
        loss.put("commitmentSettledMinor", 25_000_00);
        Response first = pay(id, loss);
        first.then().statusCode(200).body("status", equalTo("PARTLY_PAID"))
                .body("payments[0].foreignAmount.amountMinor", equalTo(1_800_000_00))
                .body("payments[0].foreignAmount.currency", equalTo("MZN"))
                .body("payments[0].exchangeRate", equalTo(0.0139f))
                .body("payments[0].exchangeDifference.amountMinor", equalTo(20_00))
                .body("leftToPay.amountMinor", equalTo(25_000_00));
        assertThat(kindOf(first.path("payments[0].exchangeDifferenceEntryId"))).isEqualTo("EXCHANGE_LOSS");
        assertThat(balance(fund)).containsEntry("available", 49_980_00L).containsEntry("committed", 25_000_00L)
                .containsEntry("disbursed", 25_020_00L);

        // Tranche 2: the rest cost 24,900.00 EUR: a gain of 100.00, available again.
        Map<String, Object> gain = payment("VIR-MZN-2", 24_900_00);
        gain.put("foreignAmount", Map.of("amountMinor", 1_800_000_00L, "currency", "MZN"));
        gain.put("exchangeRate", 0.013833);
        gain.put("commitmentSettledMinor", 25_000_00);
        Response second = pay(id, gain);
        second.then().statusCode(200).body("status", equalTo("PAID"))
                .body("payments[1].exchangeDifference.amountMinor", equalTo(-100_00));
        assertThat(kindOf(second.path("payments[1].exchangeDifferenceEntryId"))).isEqualTo("EXCHANGE_GAIN");
        assertThat(balance(fund)).containsEntry("available", 50_080_00L).containsEntry("committed", 0L)
                .containsEntry("disbursed", 49_920_00L);
        as(AUDITOR).get("/api/v1/entries/{id}", second.<String>path("payments[1].entryId")).then().statusCode(200)
                .body("lines.find { it.account == 'BANK' }.originalAmount.currency", equalTo("MZN"));
    }

    @Test
    void the_rest_of_a_partly_paid_disbursement_is_released_and_closes_it() {
        String[] approved = approved(10_000_00, 8_000_00);
        String fund = approved[0];
        String id = approved[1];
        BadInput.postAs(FINANCE, "/api/v1/disbursements/" + id + "/remainder-release", "{\"reason\":\"Fin\"}", 409,
                "disbursement-not-partly-paid");
        pay(id, payment("VIR-1", 5_000_00)).then().statusCode(200).body("status", equalTo("PARTLY_PAID"));
        BadInput.postAs(FINANCE, "/api/v1/disbursements/" + id + "/cancellation", "{\"reason\":\"Fin\"}", 409,
                "disbursement-already-paid");
        Response released = json(FINANCE, Map.of("reason", "Projet achevé en deçà du budget"))
                .post("/api/v1/disbursements/{id}/remainder-release", id);
        released.then().statusCode(200).body("status", equalTo("PAID"))
                .body("remainderRelease.amount.amountMinor", equalTo(3_000_00))
                .body("remainderRelease.reason", equalTo("Projet achevé en deçà du budget"))
                .body("remainderRelease.releasedBy", equalTo("finance-tranches"))
                .body("leftToPay.amountMinor", equalTo(0));
        assertThat(kindOf(released.path("remainderRelease.entryId"))).isEqualTo("COMMITMENT_RELEASED");
        assertThat(balance(fund)).containsEntry("available", 5_000_00L).containsEntry("committed", 0L)
                .containsEntry("disbursed", 5_000_00L);
        BadInput.postAs(FINANCE, "/api/v1/disbursements/" + id + "/payments",
                "{\"paidOn\":\"2020-11-13\",\"reference\":\"VIR-2\",\"amount\":{\"amountMinor\":100,\"currency\":"
                        + "\"EUR\"}}", 409, "disbursement-already-paid");
    }

    @Test
    void the_old_single_payment_pays_what_is_left_after_a_tranche() {
        String[] approved = approved(10_000_00, 8_000_00);
        String id = approved[1];
        pay(id, payment("VIR-1", 3_000_00)).then().statusCode(200);
        json(FINANCE, Map.of("paymentReference", "VIR-REST", "paidOn", "2020-11-20"))
                .post("/api/v1/disbursements/{id}/payment", id).then().statusCode(200).body("status", equalTo("PAID"))
                .body("payments[1].amount.amountMinor", equalTo(5_000_00))
                .body("payments[1].reference", equalTo("VIR-REST"));
    }

    @Test
    void a_payment_that_breaks_a_rule_is_refused_whole_and_changes_nothing() {
        String[] approved = approved(10_000_00, 8_000_00);
        String fund = approved[0];
        String id = approved[1];
        String path = "/api/v1/disbursements/" + id + "/payments";
        Map<String, Long> before = TestDatabase.snapshot();

        BadInput.postAs(FINANCE, path, body(payment("VIR-1", 8_000_01)), 409, "payment-exceeds-commitment");
        Map<String, Object> charges = payment("VIR-1", 1_000_00);
        charges.put("chargesMinor", 2_000_01);
        BadInput.postAs(FINANCE, path, body(charges), 409, "balance-would-go-negative");
        Map<String, Object> settledInEuros = payment("VIR-1", 1_000_00);
        settledInEuros.put("commitmentSettledMinor", 900_00);
        BadInput.postAs(FINANCE, path, body(settledInEuros), 400, "validation-failed")
                .body("errors[0].field", equalTo("commitmentSettledMinor"));
        Map<String, Object> upsideDown = payment("VIR-1", 1_000_00);
        upsideDown.put("foreignAmount", Map.of("amountMinor", 73_520_00, "currency", "MZN"));
        upsideDown.put("exchangeRate", 73.52);
        BadInput.postAs(FINANCE, path, body(upsideDown), 400, "validation-failed")
                .body("errors[0].field", equalTo("exchangeRate"));
        Map<String, Object> rateAlone = payment("VIR-1", 1_000_00);
        rateAlone.put("exchangeRate", 0.0136);
        BadInput.postAs(FINANCE, path, body(rateAlone), 400, "validation-failed")
                .body("errors[0].field", equalTo("exchangeRate"));
        Map<String, Object> badIban = payment("VIR-1", 1_000_00);
        badIban.put("beneficiaryAccount", Map.of("iban", "MZ59000301080016367102372"));
        BadInput.postAs(FINANCE, path, body(badIban), 400, "validation-failed")
                .body("errors[0].field", equalTo("beneficiaryAccount.iban"));
        Map<String, Object> numberAlone = payment("VIR-1", 1_000_00);
        numberAlone.put("beneficiaryAccount", Map.of("accountNumber", "0123456789"));
        BadInput.postAs(FINANCE, path, body(numberAlone), 400, "validation-failed")
                .body("errors[0].field", equalTo("beneficiaryAccount.bic"));
        Map<String, Object> future = payment("VIR-1", 1_000_00);
        future.put("paidOn", "2999-01-01");
        BadInput.postAs(FINANCE, path, body(future), 400, "validation-failed")
                .body("errors[0].field", equalTo("paidOn"));
        BadInput.postAs(TestTokens.as("committee-tranches", Roles.COMMITTEE), path, body(payment("VIR-1", 1_00)), 403,
                "forbidden");
        assertThat(TestDatabase.snapshot()).isEqualTo(before);

        // An account without an IBAN (Indonesia, Ecuador...) is its number and its bank's BIC.
        Map<String, Object> indonesian = payment("VIR-1", 1_000_00);
        indonesian.put("beneficiaryAccount", Map.of("accountNumber", "0123 4567 89", "bic", "BMRIIDJA"));
        pay(id, indonesian).then().statusCode(200)
                .body("payments[0].beneficiaryAccount.accountNumber", equalTo("0123 4567 89"))
                .body("payments[0].beneficiaryAccount.bic", equalTo("BMRIIDJA"));
        assertThat(balance(fund)).containsEntry("committed", 7_000_00L);
    }

    @Test
    void the_database_refuses_payments_beyond_the_commitment_whatever_writes_them() throws SQLException {
        String[] approved = approved(10_000_00, 8_000_00);
        String id = approved[1];
        String entry = pay(id, payment("VIR-1", 5_000_00)).then().statusCode(200).extract().path("payments[0].entryId");
        try (Connection owner = TestDatabase.asOwner(); Statement sql = owner.createStatement()) {
            String insert = "INSERT INTO disbursement_payment (id, disbursement_id, number, fund_id, paid_on, reference,"
                    + " currency, amount_minor, settled_minor, payment_entry_id, recorded_at, recorded_by) SELECT '"
                    + UUID.randomUUID() + "', d.id, 2, d.fund_id, DATE '2020-11-12', 'X', 'EUR', %d, %d, '%s', now(),"
                    + " 'x' FROM disbursement d WHERE d.id = '" + id + "'";
            assertThatThrownBy(() -> sql.execute(String.format(insert, 3_000_01, 3_000_01, entry)))
                    .hasMessageContaining("would settle 800001 of a commitment of 800000");
            assertThatThrownBy(() -> sql.execute("UPDATE disbursement_payment SET amount_minor = 1 WHERE disbursement_id"
                    + " = '" + id + "'")).hasMessageContaining("append-only");
        }
    }

    @Test
    void a_payment_sent_twice_with_one_key_is_recorded_once() {
        String[] approved = approved(10_000_00, 8_000_00);
        String id = approved[1];
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            as(FINANCE).contentType(io.restassured.http.ContentType.JSON).header("Idempotency-Key", key)
                    .body(payment("VIR-1", 1_000_00))
                    .post("/api/v1/disbursements/{id}/payments", id).then().statusCode(200)
                    .body("payments.size()", equalTo(1)).body("leftToPay.amountMinor", equalTo(7_000_00));
        }
        as(FINANCE).get("/api/v1/disbursements/{id}", id).then().body("payments.size()", equalTo(1));
    }

    private static String body(Map<String, Object> payment) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(payment);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
