package org.solidarityfunds.fiscalyear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.bank.Iban;
import org.solidarityfunds.support.MadeOnce;
import org.solidarityfunds.support.TestBanks;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * Every endpoint that posts an entry dated by its caller is refused with fiscal-year-closed when
 * that date falls in a year that is not open, and the refusal changes nothing: not the fund's
 * balances, entry count or head, not the record the request was about, not a row anywhere.
 *
 * <p>The endpoints that write journal entries, and the date each entry takes (read in the services
 * that call LedgerService):
 * <ul>
 * <li>the caller's date, so a closed year is within reach, each covered here:
 * POST /funds/{code}/contributions ({@code receivedOn}, also with an allocation to a pledge) and
 * POST /funds/{code}/contributions/batch (each {@code receivedOn}):
 * {@link #contributions_and_pledges_dated_in_a_closed_year_are_refused_and_record_nothing};
 * POST /funds/{code}/pledges ({@code pledgedOn}): the same test;
 * POST /disbursements/{id}/payments ({@code paidOn}, for the payment, its exchange difference and
 * its charges alike):
 * {@link #a_tranche_dated_in_a_closed_or_closing_year_is_refused_with_its_charges_and_difference_and_writes_nothing};
 * POST /disbursements/{id}/payment ({@code paidOn}):
 * {@link #a_single_payment_dated_in_a_closed_or_closing_year_is_refused_and_writes_nothing};
 * POST /bank-statements/{id}/reconciliation (each accepted credit becomes a contribution received on
 * its line's booking date; a matched debit or a dismissed line writes no entry):
 * {@link #a_statement_booked_in_a_closed_year_is_staged_but_its_reconciliation_records_nothing}.
 * The console's forms (contribution, import, pledge, payment, statement) call the same service
 * methods as these endpoints.</li>
 * <li>today, in the service's clock, so only an open year: POST /contributions/{id}/reversal
 * (LedgerService.reverse), POST /pledges/{id}/cancellation (PledgeService.today), POST
 * /disbursements/{id}/votes when the vote decides an approval (the commitment is dated the day of
 * the decisive vote), POST /disbursements/{id}/cancellation and POST
 * /disbursements/{id}/remainder-release (the releases are dated the day they are recorded). A year
 * that has ended cannot be today's, and a closed one has ended.</li>
 * </ul>
 * Nothing else writes journal entries: attaching a document moves the fund's document chain, and
 * the confirmation of a closing writes the year-end entries (opening balances, fonds dédiés) of
 * tables of their own.
 *
 * <p>On a database of its own, as FiscalYearClosingTest: a closed year is closed for good, and for
 * every fund. There 2021 is closed and 2022 is being closed; 2023 and later are open.
 */
@QuarkusTest
@TestProfile(PostingIntoAClosedYearTest.OwnYears.class)
class PostingIntoAClosedYearTest {

    /** A profile of its own: Quarkus restarts with a fresh database for it. */
    public static class OwnYears implements QuarkusTestProfile {
    }

    private static final String FINANCE = TestTokens.as("closed-finance", Roles.FINANCE);
    private static final String AUDITOR = TestTokens.as("closed-auditor", Roles.AUDITOR);
    private static final String MEMBER = "closed-member";
    private static final String CLOSED = "2021";
    private static final String CLOSING = "2022";

    /**
     * The fund, its donor, its bank account and a payment of 2021, made by the first test that
     * needs them: the payment before 2021 is closed, then the years closed, once for the class.
     */
    private record Backdrop(String fund, String donor, String iban, String paidIn2021, String paymentIn2021) {
    }

    private static final MadeOnce<Backdrop> BACKDROP = new MadeOnce<>("the backdrop");

    private static Backdrop backdrop() {
        return BACKDROP.get(PostingIntoAClosedYearTest::makeBackdrop);
    }

    private static Backdrop makeBackdrop() {
        String fund = TestFunds.open("CLOS");
        String donor = TestFunds.donor("Commune de la clôture");
        String iban = TestBanks.newIban().value();
        json(Map.of("iban", new Iban(iban).printed(), "currency", "EUR", "name", "Compte " + fund, "fund", fund))
                .post("/api/v1/bank-accounts").then().statusCode(201);
        TestFunds.contribution(fund, donor, 10_000_00, null, "2021-03-01");
        TestFunds.contribution(fund, donor, 1_00, null, "2022-03-01");
        TestFunds.committee(fund, 1, MEMBER);
        String paid = approved(fund, 300_00);
        json(FINANCE, Map.of("paymentReference", "VIR-DONDO-2021", "paidOn", "2021-11-20"))
                .post("/api/v1/disbursements/{id}/payment", paid).then().statusCode(200);
        String payment = as(FINANCE).get("/api/v1/disbursements/{id}", paid).then().statusCode(200).extract()
                .path("payments[0].id");
        step(FINANCE, CLOSED, "closing-request");
        step(AUDITOR, CLOSED, "closing-confirmation");
        step(FINANCE, CLOSING, "closing-request");
        assertThat(as(FINANCE).get("/api/v1/fiscal-years").then().statusCode(200).extract().jsonPath()
                .<String>getList("status")).startsWith("CLOSED", "CLOSING", "OPEN");
        return new Backdrop(fund, donor, iban, paid, payment);
    }

    @Test
    void a_tranche_dated_in_a_closed_or_closing_year_is_refused_with_its_charges_and_difference_and_writes_nothing() {
        Backdrop books = backdrop();
        String disbursement = approved(books.fund(), 1_000_00);
        tranche(disbursement, "2023-02-10", Map.of("amount", eur(300_00))).then().statusCode(200);
        Map<String, Object> inMeticais = Map.of("amount", eur(400_00), "chargesMinor", 15_00,
                "foreignAmount", Map.of("amountMinor", 2_880_000, "currency", "MZN"),
                "exchangeRate", 0.013888888889, "commitmentSettledMinor", 390_00);
        Snapshot before = Snapshot.of(books.fund(), "/api/v1/disbursements/{id}", disbursement);

        // Three entries, the payment, its exchange loss and its charges: refused together, whichever the year.
        refusedAsClosed(tranche(disbursement, "2021-11-12", inMeticais), CLOSED);
        refusedAsClosed(tranche(disbursement, "2022-12-30", inMeticais), CLOSING);
        Snapshot after = Snapshot.of(books.fund(), "/api/v1/disbursements/{id}", disbursement);
        assertThat(after).isEqualTo(before);
        as(FINANCE).get("/api/v1/disbursements/{id}", disbursement).then().statusCode(200)
                .body("status", equalTo("PARTLY_PAID")).body("payments.size()", equalTo(1))
                .body("leftToPay.amountMinor", equalTo(700_00));

        // The same tranche in an open year is paid, with its three entries.
        tranche(disbursement, "2023-11-12", inMeticais).then().statusCode(200)
                .body("payments.size()", equalTo(2)).body("leftToPay.amountMinor", equalTo(310_00));
        assertThat(Snapshot.of(books.fund(), "/api/v1/disbursements/{id}", disbursement).entryCount())
                .isEqualTo(before.entryCount() + 3);
    }

    @Test
    void a_single_payment_dated_in_a_closed_or_closing_year_is_refused_and_writes_nothing() {
        Backdrop books = backdrop();
        String disbursement = approved(books.fund(), 200_00);
        Snapshot before = Snapshot.of(books.fund(), "/api/v1/disbursements/{id}", disbursement);

        refusedAsClosed(payment(disbursement, "2021-12-15"), CLOSED);
        refusedAsClosed(payment(disbursement, "2022-12-15"), CLOSING);
        Snapshot after = Snapshot.of(books.fund(), "/api/v1/disbursements/{id}", disbursement);
        assertThat(after).isEqualTo(before);
        as(FINANCE).get("/api/v1/disbursements/{id}", disbursement).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("payments.size()", equalTo(0))
                .body("leftToPay.amountMinor", equalTo(200_00));

        payment(disbursement, "2023-01-15").then().statusCode(200).body("status", equalTo("PAID"));
    }

    @Test
    void contributions_and_pledges_dated_in_a_closed_year_are_refused_and_record_nothing() {
        Backdrop books = backdrop();
        String pledge = json(FINANCE, Map.of("donorId", books.donor(), "amount", eur(50_00), "pledgedOn", "2023-01-10"))
                .post("/api/v1/funds/{code}/pledges", books.fund()).then().statusCode(201).extract().path("id");
        Snapshot before = Snapshot.of(books.fund(), "/api/v1/funds/{code}/contributions?limit=200", books.fund());

        // One contribution of an open year and one of the closed year: the whole batch is refused.
        refusedAsClosed(json(FINANCE, Map.of("contributions", List.of(contribution(books.donor(), "2023-05-02", null),
                contribution(books.donor(), "2021-12-30", null)))).post("/api/v1/funds/{code}/contributions/batch",
                books.fund()), CLOSED);
        refusedAsClosed(json(FINANCE, contribution(books.donor(), "2021-12-31", pledge))
                .post("/api/v1/funds/{code}/contributions", books.fund()), CLOSED);
        refusedAsClosed(json(FINANCE, Map.of("donorId", books.donor(), "amount", eur(10_00), "pledgedOn", "2021-06-01"))
                .post("/api/v1/funds/{code}/pledges", books.fund()), CLOSED);
        Snapshot after = Snapshot.of(books.fund(), "/api/v1/funds/{code}/contributions?limit=200", books.fund());
        assertThat(after).isEqualTo(before);
        as(FINANCE).get("/api/v1/pledges/{id}", pledge).then().statusCode(200).body("status", equalTo("PENDING"));

        json(FINANCE, Map.of("contributions", List.of(contribution(books.donor(), "2023-05-02", pledge))))
                .post("/api/v1/funds/{code}/contributions/batch", books.fund()).then().statusCode(201);
    }

    @Test
    void a_statement_booked_in_a_closed_year_is_staged_but_its_reconciliation_records_nothing() {
        Backdrop books = backdrop();
        String stamp = UUID.randomUUID().toString().substring(0, 8);
        // December 2021 and the first days of 2022, as the bank sent it: the money of a commune,
        // the transfer of the payment of 2021, the bank's fee, and a commune's money of January.
        byte[] file = new String(TestBanks.camt(books.iban(), 9_701_00, List.of(
                new TestBanks.Movement("CRDT", 500_00, "2021-12-03", "ACR-" + stamp + "-1", "MAIRIE", null, "Don"),
                new TestBanks.Movement("DBIT", 300_00, "2021-12-06", "ACR-" + stamp + "-2", null, null,
                        "VIR-DONDO-2021"),
                new TestBanks.Movement("DBIT", 12_00, "2021-12-31", "ACR-" + stamp + "-3", null, null, "FRAIS"),
                new TestBanks.Movement("CRDT", 80_00, "2022-01-05", "ACR-" + stamp + "-4", "MAIRIE", null, "Don"))),
                StandardCharsets.UTF_8).replace("2020-10-01", "2021-12-01").replace("2020-11-30", "2022-01-05")
                .getBytes(StandardCharsets.UTF_8);
        String statement = as(FINANCE).contentType("application/xml").header("Idempotency-Key",
                UUID.randomUUID().toString()).body(file).post("/api/v1/bank-statements").then().statusCode(201)
                .body("statements[0].lines.open", equalTo(4)).extract().path("statements[0].id");
        List<Map<String, Object>> lines = lines(statement);
        Map<String, Object> credit = Map.of("lineId", lines.get(0).get("id"), "action", "ACCEPT",
                "donorId", books.donor(), "allocations", List.of());
        Map<String, Object> debit = Map.of("lineId", lines.get(1).get("id"), "action", "ACCEPT",
                "paymentId", books.paymentIn2021());
        Map<String, Object> fee = Map.of("lineId", lines.get(2).get("id"), "action", "DISMISS",
                "reason", "Frais de tenue de compte");
        Snapshot before = Snapshot.of(books.fund(), "/api/v1/bank-statements/{id}", statement);
        List<Map<String, Object>> contributionsBefore = contributions(books.fund());

        refusedAsClosed(reconcile(statement, List.of(credit, debit, fee)), CLOSED);
        refusedAsClosed(reconcile(statement, List.of(Map.of("lineId", lines.get(3).get("id"), "action", "ACCEPT",
                "donorId", books.donor(), "allocations", List.of()))), CLOSING);
        assertThat(Snapshot.of(books.fund(), "/api/v1/bank-statements/{id}", statement)).isEqualTo(before);
        assertThat(contributions(books.fund())).isEqualTo(contributionsBefore);
        assertThat(lines(statement)).extracting(line -> line.get("status"))
                .containsExactly("OPEN", "OPEN", "OPEN", "OPEN");
        assertThat(lines(statement)).extracting(line -> line.get("outcome")).containsOnlyNulls();

        // Matching the payment and dismissing the fee write no entry: the closed year does not stop them.
        reconcile(statement, List.of(debit, fee)).then().statusCode(200).body("payments", equalTo(1))
                .body("dismissed", equalTo(1)).body("contributions", equalTo(0));
        assertThat(lines(statement)).extracting(line -> line.get("status"))
                .containsExactly("OPEN", "PAYMENT", "DISMISSED", "OPEN");
        assertThat(Snapshot.of(books.fund(), "/api/v1/bank-statements/{id}", statement).entryCount())
                .isEqualTo(before.entryCount());
    }

    /**
     * What a refused request must leave as it was: the fund's balances with its entry count and
     * head, the record the request was about as the API shows it, and every table's rows and sums.
     */
    private record Snapshot(String balance, long entryCount, String record, Map<String, Long> database) {
        static Snapshot of(String fund, String recordPath, String recordId) {
            Response balance = as(FINANCE).get("/api/v1/funds/{code}/balance", fund);
            balance.then().statusCode(200);
            String record = as(FINANCE).get(recordPath, recordId).then().statusCode(200).extract().asString();
            return new Snapshot(balance.asString(), balance.jsonPath().getLong("entryCount"), record,
                    TestDatabase.snapshot());
        }
    }

    /** A request to pay and have it approved by the committee's one member, today. */
    private static String approved(String fund, long amountMinor) {
        String disbursement = TestFunds.disbursement(fund, amountMinor);
        assertThat(TestFunds.vote(disbursement, MEMBER, "FOR")).isEqualTo("APPROVED");
        return disbursement;
    }

    private static Response tranche(String disbursement, String paidOn, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("paidOn", paidOn);
        body.put("reference", "VIR-" + UUID.randomUUID());
        return json(FINANCE, body).post("/api/v1/disbursements/{id}/payments", disbursement);
    }

    private static Response payment(String disbursement, String paidOn) {
        return json(FINANCE, Map.of("paymentReference", "VIR-" + UUID.randomUUID(), "paidOn", paidOn))
                .post("/api/v1/disbursements/{id}/payment", disbursement);
    }

    private static Map<String, Object> contribution(String donor, String receivedOn, String pledge) {
        Map<String, Object> body = new HashMap<>(Map.of("donorId", donor, "amount", eur(20_00),
                "receivedOn", receivedOn, "bankReference", "VIR-" + UUID.randomUUID()));
        if (pledge != null) {
            body.put("allocations", List.of(Map.of("pledgeId", pledge, "amountMinor", 20_00)));
        }
        return body;
    }

    private static Response reconcile(String statement, List<Map<String, Object>> lines) {
        return json(FINANCE, Map.of("lines", lines)).post("/api/v1/bank-statements/{id}/reconciliation", statement);
    }

    private static List<Map<String, Object>> lines(String statement) {
        return as(FINANCE).get("/api/v1/bank-statements/{id}/lines?limit=200", statement).then().statusCode(200)
                .extract().path("items");
    }

    private static List<Map<String, Object>> contributions(String fund) {
        return as(FINANCE).get("/api/v1/funds/{code}/contributions?limit=200", fund).then().statusCode(200).extract()
                .path("items");
    }

    private static Map<String, Object> eur(long amountMinor) {
        return Map.of("amountMinor", amountMinor, "currency", "EUR");
    }

    private static void step(String token, String year, String step) {
        json(token, Map.of("reason", "Clôture de l'exercice")).post("/api/v1/fiscal-years/{code}/" + step, year).then()
                .statusCode(200);
    }

    /** Refused as dated in a year that is not open, the year named in the detail. */
    private static void refusedAsClosed(Response response, String year) {
        response.then().statusCode(409).body("type", endsWith("#fiscal-year-closed"))
                .body("detail", containsString(year + "-01-01"));
    }
}
