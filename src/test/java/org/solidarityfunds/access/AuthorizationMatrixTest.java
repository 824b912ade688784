package org.solidarityfunds.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.solidarityfunds.support.Api.anonymous;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.support.Api;
import org.solidarityfunds.support.TestBanks;
import org.solidarityfunds.support.TestDocuments;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestLedger;
import org.solidarityfunds.support.TestTokens;

/**
 * Every endpoint × every kind of caller → the expected status, from the one table below.
 * The table must name every operation of the published contract: an endpoint added without
 * a row fails {@link #the_table_covers_every_operation_of_the_contract()}.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** One call of an endpoint: method, concrete path, body and the media type asked for, made fresh for each caller. */
    record Call(String method, String path, Object body, String accept, String contentType) {
        Call(String method, String path, Object body) {
            this(method, path, body, "application/json");
        }

        Call(String method, String path, Object body, String accept) {
            this(method, path, body, accept, "application/json");
        }
    }

    /** An operation, how to call it in scope, and what each role gets: finance, committee, partner, auditor, admin. */
    record Row(String operation, Supplier<Call> call, int finance, int committee, int partner, int auditor, int admin) {
        Map<String, Integer> expectations() {
            Map<String, Integer> byRole = new LinkedHashMap<>();
            byRole.put(Roles.FINANCE, finance);
            byRole.put(Roles.COMMITTEE, committee);
            byRole.put(Roles.PARTNER, partner);
            byRole.put(Roles.AUDITOR, auditor);
            byRole.put(Roles.ADMIN, admin);
            return byRole;
        }
    }

    private final TestLedger ledger;
    private String fund;
    private String entry;
    private String donor;
    private String pledge;
    private String contribution;
    private String disbursement;
    private String bankAccount;
    private String statement;
    private String statementLine;

    AuthorizationMatrixTest(TestLedger ledger) {
        this.ledger = ledger;
    }

    @BeforeEach
    void fixture() {
        fund = TestFunds.open("MATRIX");
        entry = ledger.contribution(fund, 100_00).id().toString();
        donor = TestFunds.donor("Commune témoin");
        pledge = TestFunds.pledge(fund, donor, 500_00);
        contribution = TestFunds.contribution(fund, donor, 100_00, pledge);
        TestFunds.committee(fund, 2, "matrix-committee", "matrix-member-2", "matrix-member-3");
        disbursement = TestFunds.disbursement(fund, 1_00);
        String iban = TestBanks.newIban().value();
        bankAccount = Api.json(Map.of("iban", iban, "currency", "EUR", "name", "Compte témoin", "fund", fund))
                .post("/api/v1/bank-accounts").then().statusCode(201).extract().path("id");
        statement = as(TestTokens.as("matrix-stager", Roles.FINANCE, fund)).contentType("application/xml")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(statementFile(iban))
                .post("/api/v1/bank-statements").then().statusCode(201).extract().path("statements[0].id");
        statementLine = Api.api().get("/api/v1/bank-statements/{id}/lines", statement).then().statusCode(200)
                .extract().path("items[0].id");
    }

    /** A project attached to the matrix fund's disbursement: a document every reader of disbursements reads. */
    private String attached() {
        return as(TestTokens.as("matrix-attacher", Roles.FINANCE, fund)).contentType("application/pdf")
                .header("Idempotency-Key", UUID.randomUUID().toString()).queryParam("kind", "PROJECT")
                .body(TestDocuments.pdf()).post("/api/v1/disbursements/{id}/documents", disbursement).then().statusCode(201)
                .extract().path("id");
    }

    /** A statement of the matrix fund's account: one debit, bank charges. */
    private static byte[] statementFile(String iban) {
        return TestBanks.camt(iban, 1_00, List.of(new TestBanks.Movement("DBIT", 1_00, "2020-10-05",
                "ACR-" + UUID.randomUUID(), null, null, "Frais")));
    }

    /** A disbursement of the matrix fund approved by two members, ready to be paid. */
    private String approvedDisbursement() {
        String id = TestFunds.disbursement(fund, 1_00);
        TestFunds.vote(id, "matrix-member-2", "FOR");
        TestFunds.vote(id, "matrix-member-3", "FOR");
        return id;
    }

    /** An approved disbursement with a first tranche paid. */
    private String partlyPaidDisbursement() {
        String id = approvedDisbursement();
        json(TestTokens.as("matrix-finance-tranche", Roles.FINANCE), Map.of("paidOn", "2020-11-12", "reference",
                "VIR-TRANCHE-1", "amount", Map.of("amountMinor", 40, "currency", "EUR")))
                .post("/api/v1/disbursements/{id}/payments", id).then().statusCode(200);
        return id;
    }

    private Map<String, Object> committee() {
        return Map.of("members", List.of(
                        Map.of("subject", "matrix-committee", "name", "Membre", "validFrom", "2020-01-01"),
                        Map.of("subject", "matrix-member-2", "name", "Membre 2", "validFrom", "2020-01-01"),
                        Map.of("subject", "matrix-member-3", "name", "Membre 3", "validFrom", "2020-01-01")),
                "quorum", 2, "majority", "SIMPLE", "reason", "Renouvellement");
    }

    private List<Row> table() {
        return List.of(
                new Row("POST /api/v1/funds", () -> new Call("POST", "/api/v1/funds",
                        Map.of("code", TestFunds.newCode("NEW"), "name", "Nouveau fonds")), 403, 403, 403, 403, 201),
                new Row("GET /api/v1/funds", () -> new Call("GET", "/api/v1/funds", null), 200, 200, 200, 200, 200),
                new Row("GET /api/v1/funds/{code}", () -> new Call("GET", "/api/v1/funds/" + fund, null),
                        200, 200, 200, 200, 200),
                new Row("POST /api/v1/funds/{code}/status", () -> new Call("POST",
                        "/api/v1/funds/" + TestFunds.open("STATUS") + "/status",
                        Map.of("status", "CLOSED_TO_PLEDGES", "reason", "Appel clos")), 403, 403, 403, 403, 200),
                new Row("GET /api/v1/funds/{code}/balance", () -> new Call("GET", "/api/v1/funds/" + fund + "/balance", null),
                        200, 200, 200, 200, 200),
                new Row("GET /api/v1/funds/{code}/entries", () -> new Call("GET", "/api/v1/funds/" + fund + "/entries", null),
                        200, 403, 200, 200, 200),
                new Row("GET /api/v1/entries/{id}", () -> new Call("GET", "/api/v1/entries/" + entry, null),
                        200, 403, 200, 200, 200),
                new Row("GET /api/v1/ledger/verification", () -> new Call("GET", "/api/v1/ledger/verification", null),
                        200, 403, 403, 200, 200),
                new Row("POST /api/v1/donors", () -> new Call("POST", "/api/v1/donors",
                        Map.of("kind", "REGION", "name", "Région témoin")), 403, 403, 403, 403, 201),
                new Row("GET /api/v1/donors", () -> new Call("GET", "/api/v1/donors", null), 200, 403, 200, 200, 200),
                new Row("GET /api/v1/donors/{id}", () -> new Call("GET", "/api/v1/donors/" + donor, null),
                        200, 403, 200, 200, 200),
                new Row("POST /api/v1/funds/{code}/pledges", () -> new Call("POST", "/api/v1/funds/" + fund + "/pledges",
                        Map.of("donorId", donor, "amount", Map.of("amountMinor", 100_00, "currency", "EUR"),
                                "pledgedOn", "2020-09-15")), 201, 403, 403, 403, 403),
                new Row("GET /api/v1/funds/{code}/pledges", () -> new Call("GET", "/api/v1/funds/" + fund + "/pledges", null),
                        200, 403, 200, 200, 200),
                new Row("GET /api/v1/pledges/{id}", () -> new Call("GET", "/api/v1/pledges/" + pledge, null),
                        200, 403, 200, 200, 200),
                new Row("POST /api/v1/pledges/{id}/documents", () -> new Call("POST", "/api/v1/pledges/" + pledge
                        + "/documents?kind=DELIBERATION", TestDocuments.pdf(), "application/json", "application/pdf"),
                        201, 403, 403, 403, 403),
                new Row("GET /api/v1/pledges/{id}/documents", () -> new Call("GET", "/api/v1/pledges/" + pledge
                        + "/documents", null), 200, 403, 403, 200, 200),
                new Row("POST /api/v1/disbursements/{id}/documents", () -> new Call("POST", "/api/v1/disbursements/"
                        + disbursement + "/documents?kind=PROJECT", TestDocuments.pdf(), "application/json",
                        "application/octet-stream"), 201, 201, 403, 403, 403),
                new Row("GET /api/v1/disbursements/{id}/documents", () -> new Call("GET", "/api/v1/disbursements/"
                        + disbursement + "/documents", null), 200, 200, 403, 200, 200),
                new Row("GET /api/v1/documents/{id}", () -> new Call("GET", "/api/v1/documents/" + attached(),
                        null, "*/*"), 200, 200, 403, 200, 200),
                new Row("POST /api/v1/pledges/{id}/cancellation", () -> new Call("POST", "/api/v1/pledges/"
                        + TestFunds.pledge(fund, donor, 10_00) + "/cancellation", Map.of("reason", "Délibération annulée")),
                        200, 403, 403, 403, 403),
                new Row("POST /api/v1/funds/{code}/contributions", () -> new Call("POST", "/api/v1/funds/" + fund
                        + "/contributions", contribution(donor, 10_00)), 201, 403, 403, 403, 403),
                new Row("GET /api/v1/funds/{code}/contributions", () -> new Call("GET", "/api/v1/funds/" + fund
                        + "/contributions", null), 200, 403, 200, 200, 200),
                new Row("GET /api/v1/contributions/{id}", () -> new Call("GET", "/api/v1/contributions/" + contribution,
                        null), 200, 403, 200, 200, 200),
                new Row("POST /api/v1/contributions/{id}/reversal", () -> new Call("POST", "/api/v1/contributions/"
                        + TestFunds.contribution(fund, donor, 5_00, null) + "/reversal", Map.of("reason", "Rejeté")),
                        200, 403, 403, 403, 403),
                new Row("PUT /api/v1/funds/{code}/committee", () -> new Call("PUT", "/api/v1/funds/" + fund
                        + "/committee", committee()), 403, 403, 403, 403, 200),
                new Row("GET /api/v1/funds/{code}/committee", () -> new Call("GET", "/api/v1/funds/" + fund
                        + "/committee", null), 200, 200, 403, 200, 200),
                new Row("GET /api/v1/funds/{code}/committee/versions", () -> new Call("GET", "/api/v1/funds/" + fund
                        + "/committee/versions", null), 200, 200, 403, 200, 200),
                new Row("POST /api/v1/funds/{code}/disbursements", () -> new Call("POST", "/api/v1/funds/" + fund
                        + "/disbursements", Map.of("beneficiary", Map.of("name", "Commune de Dondo", "country", "MZ"),
                                "purpose", "Réhabilitation", "amount", Map.of("amountMinor", 1_00, "currency", "EUR"))),
                        201, 201, 403, 403, 403),
                new Row("GET /api/v1/funds/{code}/disbursements", () -> new Call("GET", "/api/v1/funds/" + fund
                        + "/disbursements", null), 200, 200, 200, 200, 200),
                new Row("GET /api/v1/disbursements/{id}", () -> new Call("GET", "/api/v1/disbursements/" + disbursement,
                        null), 200, 200, 200, 200, 200),
                new Row("POST /api/v1/disbursements/{id}/votes", () -> new Call("POST", "/api/v1/disbursements/"
                        + TestFunds.disbursement(fund, 1_00) + "/votes", Map.of("vote", "FOR")), 403, 200, 403, 403, 403),
                new Row("POST /api/v1/disbursements/{id}/payment", () -> new Call("POST", "/api/v1/disbursements/"
                        + approvedDisbursement() + "/payment", Map.of("paymentReference", "VIR-SORT-1",
                                "paidOn", "2020-11-12")), 200, 403, 403, 403, 403),
                new Row("POST /api/v1/disbursements/{id}/payments", () -> new Call("POST", "/api/v1/disbursements/"
                        + approvedDisbursement() + "/payments", Map.of("paidOn", "2020-11-12", "reference", "VIR-SORT-2",
                                "amount", Map.of("amountMinor", 50, "currency", "EUR"))), 200, 403, 403, 403, 403),
                new Row("POST /api/v1/disbursements/{id}/remainder-release", () -> new Call("POST",
                        "/api/v1/disbursements/" + partlyPaidDisbursement() + "/remainder-release",
                        Map.of("reason", "Projet achevé")), 200, 403, 403, 403, 403),
                new Row("POST /api/v1/disbursements/{id}/cancellation", () -> new Call("POST", "/api/v1/disbursements/"
                        + TestFunds.disbursement(fund, 1_00) + "/cancellation", Map.of("reason", "Projet abandonné")),
                        200, 403, 403, 403, 403),
                new Row("GET /api/v1/funds/{code}/statement", () -> new Call("GET", "/api/v1/funds/" + fund
                        + "/statement", null), 200, 403, 200, 200, 200),
                new Row("POST /api/v1/funds/{code}/contributions/batch", () -> new Call("POST", "/api/v1/funds/" + fund
                        + "/contributions/batch", Map.of("contributions", List.of(contribution(donor, 2_00)))),
                        201, 403, 403, 403, 403),
                new Row("GET /api/v1/events", () -> new Call("GET", "/api/v1/events", null), 200, 403, 200, 200, 200),
                new Row("GET /api/v1/fiscal-years", () -> new Call("GET", "/api/v1/fiscal-years", null),
                        200, 403, 403, 200, 200),
                new Row("GET /api/v1/fiscal-years/{code}", () -> new Call("GET", "/api/v1/fiscal-years/2020", null),
                        200, 403, 403, 200, 200),
                // The fiscal years are the whole organisation's: these tests share them, so the
                // steps of a closing are asked of a year that does not exist, which a role the
                // policy admits is told (404) and any other is refused (403). FiscalYearClosingTest
                // takes the steps themselves, in a database of its own.
                new Row("POST /api/v1/fiscal-years/{code}/closing-request", () -> new Call("POST",
                        "/api/v1/fiscal-years/1999/closing-request", Map.of("reason", "Clôture")),
                        404, 403, 403, 403, 403),
                new Row("POST /api/v1/fiscal-years/{code}/closing-confirmation", () -> new Call("POST",
                        "/api/v1/fiscal-years/1999/closing-confirmation", Map.of("reason", "Vérifié")),
                        403, 403, 403, 404, 404),
                new Row("POST /api/v1/fiscal-years/{code}/closing-withdrawal", () -> new Call("POST",
                        "/api/v1/fiscal-years/1999/closing-withdrawal", Map.of("reason", "À corriger")),
                        404, 403, 403, 404, 404),
                new Row("GET /api/v1/accounting/trial-balance", () -> new Call("GET",
                        "/api/v1/accounting/trial-balance?fund=" + fund, null), 200, 403, 403, 200, 200),
                new Row("GET /api/v1/accounting/journal", () -> new Call("GET", "/api/v1/accounting/journal?fund=" + fund,
                        null, "text/plain"), 200, 403, 403, 200, 200),
                // The shared years are all open: 2090's fonds dédiés wait for the
                // previous year's closing (409), and no year 1999 has a FEC (404), to the roles
                // the policy admits; YearEndBooksTest reads them on years it closes.
                new Row("GET /api/v1/accounting/dedicated-funds/{year}", () -> new Call("GET",
                        "/api/v1/accounting/dedicated-funds/2090?fund=" + fund, null), 409, 403, 403, 409, 409),
                new Row("GET /api/v1/accounting/fec/{year}", () -> new Call("GET", "/api/v1/accounting/fec/1999", null,
                        "text/plain"), 404, 403, 403, 404, 404),
                new Row("GET /api/v1/accounting/fec/{year}/description", () -> new Call("GET",
                        "/api/v1/accounting/fec/1999/description", null, "text/plain"), 404, 403, 403, 404, 404),
                new Row("POST /api/v1/bank-accounts", () -> new Call("POST", "/api/v1/bank-accounts", Map.of("iban",
                        TestBanks.newIban().value(), "currency", "EUR", "name", "Compte partagé")), 403, 403, 403, 403, 201),
                new Row("GET /api/v1/bank-accounts", () -> new Call("GET", "/api/v1/bank-accounts", null),
                        200, 403, 403, 200, 200),
                new Row("GET /api/v1/bank-accounts/{id}", () -> new Call("GET", "/api/v1/bank-accounts/" + bankAccount,
                        null), 200, 403, 403, 200, 200),
                new Row("GET /api/v1/bank-accounts/{id}/unreconciled-lines", () -> new Call("GET",
                        "/api/v1/bank-accounts/" + bankAccount + "/unreconciled-lines", null), 200, 403, 403, 200, 200),
                new Row("POST /api/v1/donors/{id}/bank-accounts", () -> new Call("POST", "/api/v1/donors/" + donor
                        + "/bank-accounts", Map.of("iban", TestBanks.newIban().value())), 200, 403, 403, 403, 200),
                new Row("GET /api/v1/donors/{id}/bank-accounts", () -> new Call("GET", "/api/v1/donors/" + donor
                        + "/bank-accounts", null), 200, 403, 403, 200, 200),
                // The same file each time: staged again, its line is a duplicate of the first.
                new Row("POST /api/v1/bank-statements", () -> new Call("POST", "/api/v1/bank-statements",
                        statementFile(Api.api().get("/api/v1/bank-accounts/" + bankAccount).then().extract().path("iban")),
                        "application/json", "application/xml"), 201, 403, 403, 403, 403),
                new Row("GET /api/v1/bank-statements/{id}", () -> new Call("GET", "/api/v1/bank-statements/" + statement,
                        null), 200, 403, 403, 200, 200),
                new Row("GET /api/v1/bank-statements/{id}/lines", () -> new Call("GET", "/api/v1/bank-statements/"
                        + statement + "/lines", null), 200, 403, 403, 200, 200),
                new Row("POST /api/v1/bank-statements/{id}/reconciliation", () -> new Call("POST",
                        "/api/v1/bank-statements/" + statement + "/reconciliation", Map.of("lines", List.of(Map.of(
                                "lineId", statementLine, "action", "DISMISS", "reason", "Frais bancaires")))),
                        200, 403, 403, 403, 403));
    }

    private static Map<String, Object> contribution(String donor, long amountMinor) {
        return Map.of("donorId", donor, "amount", Map.of("amountMinor", amountMinor, "currency", "EUR"),
                "receivedOn", "2020-10-02", "bankReference", "VIR-" + UUID.randomUUID());
    }

    @Test
    void every_role_gets_what_the_policy_says_on_every_endpoint() {
        for (Row row : table()) {
            row.expectations().forEach((role, expected) -> {
                String token = TestTokens.as("matrix-" + role, role, fund);
                int status = send(as(token), row.call().get());
                assertThat(status).as(row.operation() + " as " + role).isEqualTo(expected);
            });
        }
    }

    @Test
    void every_endpoint_refuses_a_missing_or_invalid_token_with_401() {
        Map<String, String> badTokens = Map.of(
                "expired", TestTokens.expired(),
                "wrong issuer", TestTokens.wrongIssuer(),
                "wrong audience", TestTokens.wrongAudience(),
                "bad signature", TestTokens.badSignature(),
                "not a token", "not-a-jwt");
        for (Row row : table()) {
            Call call = row.call().get();
            assertUnauthenticated(anonymous(), call, row.operation() + " without a token");
            badTokens.forEach((kind, token) -> assertUnauthenticated(as(token), call, row.operation() + " with " + kind));
        }
    }

    @Test
    void the_table_covers_every_operation_of_the_contract() {
        JsonPath spec = anonymous().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = spec.getMap("paths");
        Set<String> published = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet()
                .forEach(method -> published.add(method.toUpperCase() + " " + path)));
        Set<String> covered = table().stream().map(Row::operation).collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).isEqualTo(published);
    }

    private static void assertUnauthenticated(RequestSpecification request, Call call, String what) {
        int status = send(request, call);
        assertThat(status).as(what).isEqualTo(401);
    }

    private static int send(RequestSpecification request, Call call) {
        if (call.body() != null) {
            request = request.contentType(call.contentType()).header("Idempotency-Key", java.util.UUID.randomUUID().toString());
            // A file goes as its bytes; anything else as JSON.
            request = call.body() instanceof byte[] file ? request.body(file) : request.body(call.body());
        }
        var response = request.accept(call.accept()).request(call.method(), call.path());
        if (response.statusCode() >= 400) {
            response.then().contentType("application/problem+json").body("type", endsWith(
                    switch (response.statusCode()) {
                        case 401 -> "#unauthenticated";
                        case 403 -> "#forbidden";
                        default -> "";
                    }));
        }
        if (response.statusCode() == 401) {
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
        return response.statusCode();
    }
}
