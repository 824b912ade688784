package org.solidarityfunds.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.BadInput;
import org.solidarityfunds.support.TestClock;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/** A committee decides, the ledger commits, finance pays: the lifecycle and every refusal on the way. */
@QuarkusTest
class DisbursementResourceTest {

    private static final String FINANCE = TestTokens.as("finance-dondo", Roles.FINANCE);
    private static final String AUDITOR = TestTokens.as("auditor-dondo", Roles.AUDITOR);

    private final TestClock clock;

    DisbursementResourceTest(TestClock clock) {
        this.clock = clock;
    }

    @AfterEach
    void the_ledger_still_verifies() {
        assertThat(as(AUDITOR).get("/api/v1/ledger/verification").jsonPath().getString("status")).isEqualTo("INTACT");
        assertThat(TestDatabase.fundsWhoseRecordsDisagreeWithTheLedger()).isEmpty();
    }

    /** A fund with this much received, unallocated, and a committee of m1, m2, m3 (quorum 2, simple majority). */
    private static String fundWith(long receivedMinor) {
        String fund = TestFunds.open("DONDO");
        if (receivedMinor > 0) {
            TestFunds.contribution(fund, TestFunds.donor("Ville de Dondo-sur-Loire"), receivedMinor, null);
        }
        TestFunds.committee(fund, 2, member(fund, 1), member(fund, 2), member(fund, 3));
        return fund;
    }

    /** Member n of the fund's test committee: subjects are per fund, so that tests never share a member. */
    private static String member(String fund, int n) {
        return fund + "-m" + n;
    }

    private static String token(String subject) {
        return TestTokens.as(subject, Roles.COMMITTEE);
    }

    private static io.restassured.response.Response vote(String id, String voter, String choice) {
        return json(token(voter), Map.of("vote", choice)).post("/api/v1/disbursements/{id}/votes", id);
    }

    private static io.restassured.response.Response pay(String token, String id) {
        return json(token, Map.of("paymentReference", "VIR-SORT-0007", "paidOn", "2020-11-12"))
                .post("/api/v1/disbursements/{id}/payment", id);
    }

    private static Map<String, Long> balance(String fund) {
        JsonPath balance = as(FINANCE).get("/api/v1/funds/{code}/balance", fund).then().statusCode(200).extract().jsonPath();
        return Map.of("available", balance.getLong("available.amountMinor"),
                "committed", balance.getLong("committed.amountMinor"),
                "disbursed", balance.getLong("disbursed.amountMinor"));
    }

    private static Map<String, Object> request(long amountMinor) {
        return Map.of("beneficiary", Map.of("name", "Conseil municipal de Dondo", "country", "MZ"),
                "purpose", "Réhabilitation du marché", "amount", Map.of("amountMinor", amountMinor, "currency", "EUR"));
    }

    @Test
    void a_committee_approves_then_finance_pays_and_every_step_is_in_the_journal() {
        String fund = fundWith(1_000_00);
        var requested = json(FINANCE, request(600_00)).post("/api/v1/funds/{code}/disbursements", fund);
        requested.then().statusCode(201).body("status", equalTo("REQUESTED")).body("requestedBy", equalTo("finance-dondo"))
                .body("votes", org.hamcrest.Matchers.empty()).body("decision", nullValue());
        String id = requested.path("id");
        assertThat(requested.header("Location")).endsWith("/api/v1/disbursements/" + id);

        vote(id, member(fund, 1), "FOR").then().statusCode(200).body("status", equalTo("REQUESTED"))
                .body("decision", nullValue());
        assertThat(balance(fund)).containsEntry("available", 1_000_00L).containsEntry("committed", 0L);

        var approved = json(token(member(fund, 2)), Map.of("vote", "FOR", "comment", "Conforme à l'appel",
                "minutesReference", "PV-COMITE-2020-10-05")).post("/api/v1/disbursements/{id}/votes", id);
        approved.then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("votes.voter", equalTo(List.of(member(fund, 1), member(fund, 2))))
                .body("decision.outcome", equalTo("APPROVED")).body("decision.basis", equalTo("MAJORITY_REACHED"))
                .body("decision.votesFor", equalTo(2)).body("decision.votesAgainst", equalTo(0))
                .body("decision.quorum", equalTo(2)).body("decision.quorumMet", equalTo(true))
                .body("decision.eligibleVoters", equalTo(3)).body("decision.committeeVersion", equalTo(1))
                .body("decision.minutesReference", equalTo("PV-COMITE-2020-10-05"));
        assertThat(balance(fund)).containsEntry("available", 400_00L).containsEntry("committed", 600_00L);
        String commitment = approved.path("decision.commitmentEntryId");
        as(FINANCE).get("/api/v1/entries/{id}", commitment).then().statusCode(200)
                .body("kind", equalTo("DISBURSEMENT_COMMITTED")).body("recordedBy", equalTo(member(fund, 2)));

        var paid = pay(FINANCE, id);
        paid.then().statusCode(200).body("status", equalTo("PAID"))
                .body("payments.size()", equalTo(1)).body("payments[0].number", equalTo(1))
                .body("payments[0].reference", equalTo("VIR-SORT-0007")).body("payments[0].paidOn", equalTo("2020-11-12"))
                .body("payments[0].amount.amountMinor", equalTo(600_00))
                .body("payments[0].commitmentSettled.amountMinor", equalTo(600_00))
                .body("payments[0].recordedBy", equalTo("finance-dondo")).body("leftToPay.amountMinor", equalTo(0))
                .body("decision.outcome", equalTo("APPROVED"));
        as(FINANCE).get("/api/v1/entries/{id}", paid.<String>path("payments[0].entryId")).then().statusCode(200)
                .body("kind", equalTo("DISBURSEMENT_PAID")).body("effectiveDate", equalTo("2020-11-12"));
        assertThat(balance(fund)).containsEntry("available", 400_00L).containsEntry("committed", 0L)
                .containsEntry("disbursed", 600_00L);

        as(AUDITOR).get("/api/v1/disbursements/{id}", id).then().statusCode(200).body("status", equalTo("PAID"))
                .body("votes.size()", equalTo(2)).body("votes[1].comment", equalTo("Conforme à l'appel"));
    }

    @Test
    void a_majority_against_rejects_and_writes_no_entry() {
        String fund = fundWith(1_000_00);
        String id = TestFunds.disbursement(fund, 100_00);
        vote(id, member(fund, 1), "AGAINST").then().statusCode(200).body("status", equalTo("REQUESTED"));
        vote(id, member(fund, 2), "AGAINST").then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("decision.outcome", equalTo("REJECTED")).body("decision.basis", equalTo("MAJORITY_UNREACHABLE"))
                .body("decision.commitmentEntryId", nullValue());
        assertThat(balance(fund)).containsEntry("available", 1_000_00L).containsEntry("committed", 0L);
        expectProblem(pay(FINANCE, id), 409, "disbursement-not-approved");
        expectProblem(vote(id, member(fund, 3), "FOR"), 409, "disbursement-already-decided");
    }

    @Test
    void recusals_that_make_the_quorum_impossible_reject_the_request() {
        String fund = fundWith(1_000_00);
        String id = TestFunds.disbursement(fund, 100_00);
        vote(id, member(fund, 1), "RECUSED").then().statusCode(200).body("status", equalTo("REQUESTED"));
        vote(id, member(fund, 2), "RECUSED").then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("decision.basis", equalTo("QUORUM_UNREACHABLE")).body("decision.quorumMet", equalTo(false))
                .body("decision.recusals", equalTo(2));
    }

    @Test
    void an_approval_beyond_what_is_available_is_refused_and_the_request_stays_open_until_money_arrives() {
        String fund = fundWith(100_00);
        String id = TestFunds.disbursement(fund, 150_00);
        vote(id, member(fund, 1), "FOR").then().statusCode(200);
        Map<String, Long> before = TestDatabase.snapshot();
        expectProblem(vote(id, member(fund, 2), "FOR"), 409, "disbursement-exceeds-available");
        assertThat(TestDatabase.snapshot()).as("the refused vote is not recorded").isEqualTo(before);
        as(FINANCE).get("/api/v1/disbursements/{id}", id).then().body("status", equalTo("REQUESTED"))
                .body("votes.size()", equalTo(1));

        TestFunds.contribution(fund, TestFunds.donor("Département témoin"), 50_00, null);
        vote(id, member(fund, 2), "FOR").then().statusCode(200).body("status", equalTo("APPROVED"));
        assertThat(balance(fund)).containsEntry("available", 0L).containsEntry("committed", 150_00L);
    }

    @Test
    void money_pledged_but_not_received_cannot_be_committed() {
        String fund = fundWith(0);
        TestFunds.pledge(fund, TestFunds.donor("Région témoin"), 10_000_00);
        String id = TestFunds.disbursement(fund, 1_00);
        vote(id, member(fund, 1), "FOR").then().statusCode(200);
        expectProblem(vote(id, member(fund, 2), "FOR"), 409, "disbursement-exceeds-available");
    }

    @Test
    void the_requester_cannot_vote_on_their_own_request() {
        String fund = fundWith(1_000_00);
        String id = json(token(member(fund, 1)), request(10_00)).post("/api/v1/funds/{code}/disbursements", fund)
                .then().statusCode(201).body("requestedBy", equalTo(member(fund, 1))).extract().path("id");
        BadInput.postAs(token(member(fund, 1)), "/api/v1/disbursements/" + id + "/votes", "{\"vote\":\"FOR\"}",
                403, "requester-cannot-vote");
        // The requester is not waited for: the two other members make the quorum.
        vote(id, member(fund, 2), "FOR").then().statusCode(200).body("status", equalTo("REQUESTED"));
        vote(id, member(fund, 3), "FOR").then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("decision.eligibleVoters", equalTo(2));
    }

    @Test
    void only_current_members_of_this_funds_committee_vote_and_each_once() {
        String fund = fundWith(1_000_00);
        String other = fundWith(1_000_00);
        String id = TestFunds.disbursement(fund, 10_00);
        String path = "/api/v1/disbursements/" + id + "/votes";

        BadInput.postAs(token("nobody-" + fund), path, "{\"vote\":\"FOR\"}", 404, "disbursement-not-found");
        BadInput.postAs(token(member(other, 1)), path, "{\"vote\":\"FOR\"}", 404, "disbursement-not-found");
        BadInput.postAs(FINANCE, path, "{\"vote\":\"FOR\"}", 403, "forbidden");
        BadInput.postAs(TestTokens.admin(), path, "{\"vote\":\"FOR\"}", 403, "forbidden");

        vote(id, member(fund, 1), "ABSTAIN").then().statusCode(200);
        BadInput.postAs(token(member(fund, 1)), path, "{\"vote\":\"FOR\"}", 409, "vote-already-cast");
    }

    @Test
    void a_member_whose_seat_has_ended_or_not_begun_sees_the_fund_but_cannot_vote() {
        String fund = TestFunds.open("SEATS");
        TestFunds.contribution(fund, TestFunds.donor("Commune témoin"), 100_00, null);
        LocalDate today = clock.today();
        json(Map.of("members", List.of(
                Map.of("subject", fund + "-current", "name", "Current", "validFrom", "2020-01-01"),
                Map.of("subject", fund + "-left", "name", "Left", "validFrom", "2020-01-01",
                        "validUntil", today.minusDays(1).toString()),
                Map.of("subject", fund + "-future", "name", "Future", "validFrom", today.plusDays(1).toString())),
                "quorum", 1, "majority", "SIMPLE", "reason", "Renouvellement"))
                .put("/api/v1/funds/{code}/committee", fund).then().statusCode(200);
        String id = TestFunds.disbursement(fund, 10_00);
        for (String subject : List.of(fund + "-left", fund + "-future")) {
            as(token(subject)).get("/api/v1/disbursements/{id}", id).then().statusCode(200);
            BadInput.postAs(token(subject), "/api/v1/disbursements/" + id + "/votes", "{\"vote\":\"FOR\"}",
                    403, "not-a-committee-member");
        }
        vote(id, fund + "-current", "FOR").then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("decision.eligibleVoters", equalTo(1));
    }

    @Test
    void a_member_removed_by_a_new_committee_version_no_longer_sees_nor_votes() {
        String fund = fundWith(1_000_00);
        String id = TestFunds.disbursement(fund, 10_00);
        vote(id, member(fund, 1), "FOR").then().statusCode(200);
        TestFunds.committee(fund, 2, member(fund, 1), member(fund, 2), "newcomer-" + fund);
        BadInput.postAs(token(member(fund, 3)), "/api/v1/disbursements/" + id + "/votes", "{\"vote\":\"FOR\"}",
                404, "disbursement-not-found");
        vote(id, "newcomer-" + fund, "FOR").then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("decision.committeeVersion", equalTo(2));
        as(TestTokens.admin()).get("/api/v1/funds/{code}/committee/versions", fund).then().statusCode(200)
                .body("items.version", equalTo(List.of(1, 2)))
                .body("items[0].members.subject", equalTo(List.of(member(fund, 1), member(fund, 2), member(fund, 3))));
    }

    @Test
    void a_delegate_decides_small_requests_alone() {
        String fund = TestFunds.open("DELEG");
        TestFunds.contribution(fund, TestFunds.donor("Commune témoin"), 1_000_00, null);
        json(Map.of("members", List.of(
                Map.of("subject", fund + "-president", "name", "Président", "validFrom", "2020-01-01"),
                Map.of("subject", fund + "-b", "name", "B", "validFrom", "2020-01-01"),
                Map.of("subject", fund + "-c", "name", "C", "validFrom", "2020-01-01")),
                "quorum", 2, "majority", "TWO_THIRDS", "reason", "Délégation au président",
                "delegate", Map.of("subject", fund + "-president", "below", Map.of("amountMinor", 500_00, "currency", "EUR"))))
                .put("/api/v1/funds/{code}/committee", fund).then().statusCode(200)
                .body("delegate.below.amountMinor", equalTo(500_00)).body("majority", equalTo("TWO_THIRDS"));
        String small = TestFunds.disbursement(fund, 499_99);
        vote(small, fund + "-president", "FOR").then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("decision.basis", equalTo("DELEGATE")).body("decision.quorumMet", equalTo(false));
        String large = TestFunds.disbursement(fund, 500_00);
        vote(large, fund + "-president", "FOR").then().statusCode(200).body("status", equalTo("REQUESTED"));
    }

    @Test
    void finance_cancels_a_request_or_an_approval_before_payment_and_the_commitment_is_released() {
        String fund = fundWith(1_000_00);
        String requested = TestFunds.disbursement(fund, 100_00);
        json(FINANCE, Map.of("reason", "Demande retirée")).post("/api/v1/disbursements/{id}/cancellation", requested)
                .then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("cancellation.reason", equalTo("Demande retirée")).body("cancellation.releaseEntryId", nullValue());
        expectProblem(vote(requested, member(fund, 1), "FOR"), 409, "disbursement-already-decided");
        BadInput.postAs(FINANCE, "/api/v1/disbursements/" + requested + "/cancellation", "{\"reason\":\"encore\"}",
                409, "disbursement-not-cancellable");

        String approved = TestFunds.disbursement(fund, 300_00);
        TestFunds.vote(approved, member(fund, 1), "FOR");
        assertThat(TestFunds.vote(approved, member(fund, 2), "FOR")).isEqualTo("APPROVED");
        assertThat(balance(fund)).containsEntry("available", 700_00L).containsEntry("committed", 300_00L);
        String release = json(FINANCE, Map.of("reason", "Projet abandonné"))
                .post("/api/v1/disbursements/{id}/cancellation", approved).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("decision.outcome", equalTo("APPROVED"))
                .extract().path("cancellation.releaseEntryId");
        as(FINANCE).get("/api/v1/entries/{id}", release).then().body("kind", equalTo("COMMITMENT_RELEASED"));
        assertThat(balance(fund)).containsEntry("available", 1_000_00L).containsEntry("committed", 0L);
        BadInput.postAs(FINANCE, "/api/v1/disbursements/" + approved + "/payment",
                "{\"paymentReference\":\"VIR-1\",\"paidOn\":\"2020-11-12\"}", 409, "disbursement-not-approved");
    }

    @Test
    void a_paid_disbursement_is_paid_once_and_never_cancelled() {
        String fund = fundWith(1_000_00);
        String id = TestFunds.disbursement(fund, 100_00);
        TestFunds.vote(id, member(fund, 1), "FOR");
        TestFunds.vote(id, member(fund, 2), "FOR");
        pay(FINANCE, id).then().statusCode(200);
        String payment = "{\"paymentReference\":\"VIR-2\",\"paidOn\":\"2020-11-13\"}";
        BadInput.postAs(FINANCE, "/api/v1/disbursements/" + id + "/payment", payment, 409, "disbursement-already-paid");
        BadInput.postAs(FINANCE, "/api/v1/disbursements/" + id + "/cancellation", "{\"reason\":\"trop tard\"}",
                409, "disbursement-already-paid");
    }

    @Test
    void only_finance_pays_and_never_an_unapproved_request() {
        String fund = fundWith(1_000_00);
        String id = TestFunds.disbursement(fund, 100_00);
        String payment = "{\"paymentReference\":\"VIR-3\",\"paidOn\":\"2020-11-12\"}";
        String path = "/api/v1/disbursements/" + id + "/payment";
        BadInput.postAs(FINANCE, path, payment, 409, "disbursement-not-approved");
        TestFunds.vote(id, member(fund, 1), "FOR");
        TestFunds.vote(id, member(fund, 2), "FOR");
        BadInput.postAs(token(member(fund, 3)), path, payment, 403, "forbidden");
        BadInput.postAs(TestTokens.admin(), path, payment, 403, "forbidden");
        BadInput.postAs(AUDITOR, path, payment, 403, "forbidden");
        BadInput.postAs(FINANCE, path, "{\"paymentReference\":\"VIR-3\",\"paidOn\":\""
                + clock.today().plusDays(2) + "\"}",
                400, "validation-failed").body("errors[0].field", equalTo("paidOn"));
    }

    @Test
    void a_retried_vote_with_the_same_key_is_one_vote_and_gets_the_first_answer() {
        String fund = fundWith(1_000_00);
        String id = TestFunds.disbursement(fund, 100_00);
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            as(token(member(fund, 1))).contentType("application/json").header("Idempotency-Key", key)
                    .body(Map.of("vote", "FOR")).post("/api/v1/disbursements/{id}/votes", id).then().statusCode(200)
                    .body("votes.size()", equalTo(1));
        }
        as(FINANCE).get("/api/v1/disbursements/{id}", id).then().body("votes.size()", equalTo(1));
    }

    @Test
    void a_partner_sees_the_decision_but_not_the_votes_and_nothing_of_other_funds() {
        String fund = fundWith(1_000_00);
        String other = fundWith(1_000_00);
        String id = TestFunds.disbursement(fund, 100_00);
        TestFunds.vote(id, member(fund, 1), "FOR");
        TestFunds.vote(id, member(fund, 2), "AGAINST");
        TestFunds.vote(id, member(fund, 3), "FOR");
        String partner = TestTokens.as("partner-dondo", Roles.PARTNER, fund);
        as(partner).get("/api/v1/disbursements/{id}", id).then().statusCode(200)
                .body("decision.votesFor", equalTo(2)).body("votes", nullValue());
        as(partner).get("/api/v1/funds/{code}/disbursements", fund).then().statusCode(200)
                .body("items[0].decision.outcome", equalTo("APPROVED")).body("items[0].votes", nullValue());
        String outsider = TestTokens.as("partner-elsewhere", Roles.PARTNER, other);
        var hidden = as(outsider).get("/api/v1/disbursements/{id}", id).then().statusCode(404).extract();
        var missing = as(outsider).get("/api/v1/disbursements/{id}", UUID.randomUUID()).then().statusCode(404).extract();
        assertThat(hidden.jsonPath().getString("type")).isEqualTo(missing.jsonPath().getString("type"));
        as(outsider).get("/api/v1/funds/{code}/disbursements", fund).then().statusCode(404)
                .body("type", endsWith("#fund-not-found"));
    }

    @Test
    void the_list_filters_by_status_and_pages() {
        String fund = fundWith(1_000_00);
        String first = TestFunds.disbursement(fund, 10_00);
        String second = TestFunds.disbursement(fund, 20_00);
        String third = TestFunds.disbursement(fund, 30_00);
        TestFunds.vote(second, member(fund, 1), "FOR");
        TestFunds.vote(second, member(fund, 2), "FOR");
        as(FINANCE).queryParam("status", "REQUESTED").get("/api/v1/funds/{code}/disbursements", fund).then()
                .statusCode(200).body("items.id", equalTo(List.of(first, third)));
        JsonPath page = as(FINANCE).queryParam("limit", 2).get("/api/v1/funds/{code}/disbursements", fund).then()
                .statusCode(200).body("items.id", equalTo(List.of(first, second))).body("hasMore", equalTo(true))
                .extract().jsonPath();
        as(FINANCE).queryParam("after", page.getString("nextCursor")).get("/api/v1/funds/{code}/disbursements", fund)
                .then().body("items.id", equalTo(List.of(third))).body("hasMore", equalTo(false));
        as(FINANCE).queryParam("status", "LOST").get("/api/v1/funds/{code}/disbursements", fund).then()
                .statusCode(400).body("type", endsWith("#validation-failed")).body("errors[0].field", equalTo("status"));
    }

    @Test
    void a_request_needs_a_committee_an_open_fund_and_the_funds_currency() {
        String bare = TestFunds.open("BARE");
        BadInput.postAs(FINANCE, "/api/v1/funds/" + bare + "/disbursements", body(10_00, "EUR"), 409,
                "fund-has-no-committee");
        String fund = fundWith(1_000_00);
        BadInput.postAs(FINANCE, "/api/v1/funds/" + fund + "/disbursements", body(10_00, "USD"), 400,
                "validation-failed").body("errors[0].field", equalTo("amount.currency"));
        json(Map.of("status", "CLOSED", "reason", "Fonds soldé")).post("/api/v1/funds/{code}/status", fund)
                .then().statusCode(200);
        BadInput.postAs(FINANCE, "/api/v1/funds/" + fund + "/disbursements", body(10_00, "EUR"), 409, "fund-closed");
        BadInput.postAs(FINANCE, "/api/v1/funds/NO-SUCH-FUND/disbursements", body(10_00, "EUR"), 404, "fund-not-found");
    }

    private static String body(long amountMinor, String currency) {
        return "{\"beneficiary\":{\"name\":\"Dondo\",\"country\":\"MZ\"},\"purpose\":\"Marché\","
                + "\"amount\":{\"amountMinor\":" + amountMinor + ",\"currency\":\"" + currency + "\"}}";
    }

    @Test
    void bad_requests_are_refused_with_a_problem_and_change_nothing() {
        String fund = fundWith(1_000_00);
        String path = "/api/v1/funds/" + fund + "/disbursements";
        BadInput.postAs(FINANCE, path, "{\"beneficiary\":", 400, "malformed-request");
        BadInput.postAs(FINANCE, path, "{}", 400, "validation-failed");
        BadInput.postAs(FINANCE, path, body(0, "EUR"), 400, "validation-failed");
        BadInput.postAs(FINANCE, path, body(-5, "EUR"), 400, "validation-failed");
        BadInput.postAs(FINANCE, path, body(1_000_000_000_000_001L, "EUR"), 400, "validation-failed");
        BadInput.postAs(FINANCE, path, body(10_00, "XYZ"), 400, "validation-failed");
        BadInput.postAs(FINANCE, path, body(10_00, "EUR").replace("\"MZ\"", "\"Mozambique\""), 400, "validation-failed")
                .body("errors[0].field", equalTo("beneficiary.country"));
        BadInput.postAs(FINANCE, path, body(10_00, "EUR").replace("\"Marché\"", "\"  \""), 400, "validation-failed");
        BadInput.postAs(FINANCE, path, body(10_00, "EUR").replace("\"amountMinor\":1000", "\"amountMinor\":\"ten\""),
                400, "validation-failed");
        BadInput.postAs(FINANCE, path, body(10_00, "EUR").replace("}}", "},\"status\":\"PAID\"}"), 400, "unknown-field");
        BadInput.postAs(FINANCE, path, body(10_00, "EUR").replace("}}", "},\"requestedBy\":\"someone-else\"}"),
                400, "unknown-field");
        as(FINANCE).contentType("application/json").body(body(10_00, "EUR")).post(path).then().statusCode(400)
                .body("type", endsWith("#idempotency-key-missing"));

        String id = TestFunds.disbursement(fund, 10_00);
        String votes = "/api/v1/disbursements/" + id + "/votes";
        String voter = token(member(fund, 1));
        BadInput.postAs(voter, votes, "{\"vote\":\"MAYBE\"}", 400, "validation-failed");
        BadInput.postAs(voter, votes, "{}", 400, "validation-failed");
        BadInput.postAs(voter, votes, "{\"vote\":\"FOR\",\"voter\":\"someone-else\"}", 400, "unknown-field");
        BadInput.postAs(voter, votes, "{\"vote\":\"FOR\",\"comment\":\"" + "x".repeat(1001) + "\"}", 400,
                "validation-failed");
        BadInput.postAs(voter, "/api/v1/disbursements/" + UUID.randomUUID() + "/votes", "{\"vote\":\"FOR\"}", 404,
                "disbursement-not-found");
        BadInput.postAs(voter, "/api/v1/disbursements/not-a-uuid/votes", "{\"vote\":\"FOR\"}", 404,
                "disbursement-not-found");
        BadInput.postAs(FINANCE, "/api/v1/disbursements/" + id + "/payment", "{\"paidOn\":\"2020-11-12\"}", 400,
                "validation-failed");
        BadInput.postAs(FINANCE, "/api/v1/disbursements/" + id + "/payment",
                "{\"paymentReference\":\"VIR\",\"paidOn\":\"12/11/2020\"}", 400, "validation-failed");
        BadInput.postAs(FINANCE, "/api/v1/disbursements/" + id + "/cancellation", "{}", 400, "validation-failed");
        BadInput.postAs(FINANCE, "/api/v1/disbursements/" + UUID.randomUUID() + "/cancellation",
                "{\"reason\":\"x\"}", 404, "disbursement-not-found");
        as(FINANCE).get("/api/v1/disbursements/{id}", UUID.randomUUID()).then().statusCode(404)
                .body("type", endsWith("#disbursement-not-found"));
    }

    private static void expectProblem(io.restassured.response.Response response, int status, String slug) {
        response.then().statusCode(status).contentType("application/problem+json")
                .body("type", endsWith("#" + slug));
    }
}
