package org.solidarityfunds.bankstatement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.bank.Iban;
import org.solidarityfunds.support.TestBanks;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * A bank's statement file through the API: staged with its proposals, reconciled all or
 * nothing, and every movement recorded once whatever file brings it again.
 */
@QuarkusTest
class BankStatementResourceTest {

    private static final String FINANCE = TestTokens.as("test-finance", Roles.FINANCE);

    @Test
    void stages_proposes_and_reconciles_a_statement_and_records_each_movement_once() {
        String fund = TestFunds.open("BANQUE");
        String iban = account(fund);
        String lyon = donor("Ville de Lyon " + fund, null);
        String lyonIban = TestBanks.newIban().value();
        json(FINANCE, Map.of("iban", lyonIban)).post("/api/v1/donors/{id}/bank-accounts", lyon).then().statusCode(200);
        String nantes = donor("Ville de Nantes " + fund, "214401093");
        String lyonPledge = pledge(fund, lyon, 1_000_000, "DEL-LYON-" + fund, List.of());
        String nantesPledge = pledge(fund, nantes, 500_000, null, List.of(Map.of("amountMinor", 250_000,
                "dueOn", "2020-09-30"), Map.of("amountMinor", 250_000, "dueOn", "2020-12-31")));
        List<TestBanks.Movement> movements = List.of(
                new TestBanks.Movement("CRDT", 500_000, "2020-10-02", "ACR-" + fund + "-1", "MAIRIE DE LYON", lyonIban,
                        "Solidarite Liban DEL-LYON-" + fund),
                new TestBanks.Movement("CRDT", 250_000, "2020-10-05", "ACR-" + fund + "-2", "DRFIP PAYS DE LA LOIRE", null,
                        "Aide Liban commune SIREN 214 401 093"),
                new TestBanks.Movement("CRDT", 10_000, "2020-10-06", "ACR-" + fund + "-3", "M DUPONT", null, "Don"),
                new TestBanks.Movement("DBIT", 1_200, "2020-10-31", "ACR-" + fund + "-4", null, null, "FRAIS TENUE DE COMPTE"));
        byte[] file = TestBanks.camt(iban, 0, movements);

        ValidatableResponse staged = stage(file).statusCode(201)
                .body("format", equalTo("CAMT_053")).body("version", equalTo("camt.053.001.08"))
                .body("statements[0].lines.total", equalTo(4)).body("statements[0].lines.open", equalTo(4))
                .body("statements[0].unreconciled.credits.amountMinor", equalTo(760_000))
                .body("statements[0].unreconciled.debits.amountMinor", equalTo(1_200))
                .body("statements[0].ledger.ledgerBank.amountMinor", equalTo(0))
                .body("statements[0].ledger.difference.amountMinor", equalTo(758_800));
        String statement = staged.extract().path("statements[0].id");
        List<Map<String, Object>> lines = lines(statement);
        assertThat(lines).extracting(line -> proposal(line).get("confidence"))
                .containsExactly("HIGH", "HIGH", "NONE", "NONE");
        assertThat(proposal(lines.get(0))).containsEntry("donorId", lyon).containsEntry("pledgeId", lyonPledge);
        assertThat((String) proposal(lines.get(0)).get("reason")).contains("DEL-LYON-" + fund);
        assertThat(proposal(lines.get(1))).containsEntry("donorId", nantes).containsEntry("pledgeId", nantesPledge)
                .containsEntry("instalment", 1);
        assertThat((String) proposal(lines.get(1)).get("reason")).contains("SIREN 214401093");

        json(FINANCE, Map.of("acceptProposals", "HIGH", "lines", List.of(Map.of("lineId", lines.get(3).get("id"),
                "action", "DISMISS", "reason", "Frais bancaires"))))
                .post("/api/v1/bank-statements/{id}/reconciliation", statement).then().statusCode(200)
                .body("contributions", equalTo(2)).body("dismissed", equalTo(1))
                .body("statement.lines.open", equalTo(1))
                .body("statement.unreconciled.credits.amountMinor", equalTo(10_000))
                .body("statement.ledger.ledgerBank.amountMinor", equalTo(750_000))
                .body("statement.ledger.difference.amountMinor", equalTo(8_800));
        assertThat(linesIn(statement, "OPEN")).extracting(line -> line.get("position")).containsExactly(3);
        assertThat(linesIn(statement, "DISMISSED")).extracting(line -> line.get("position")).containsExactly(4);
        assertThat(linesIn(statement, "CONTRIBUTION")).extracting(line -> line.get("position")).containsExactly(1, 2);
        List<Map<String, Object>> contributions = contributions(fund);
        assertThat(contributions).extracting(c -> c.get("bankReference"))
                .containsExactly("ACR-" + fund + "-1", "ACR-" + fund + "-2");
        assertThat(contributions).extracting(c -> c.get("receivedOn")).containsExactly("2020-10-02", "2020-10-05");
        as(FINANCE).get("/api/v1/pledges/{id}", nantesPledge).then().statusCode(200)
                .body("instalments[0].received.amountMinor", equalTo(250_000))
                .body("instalments[1].received.amountMinor", equalTo(0));

        // The same line again is refused, and so is the whole request with it.
        json(FINANCE, Map.of("lines", List.of(Map.of("lineId", lines.get(2).get("id"), "action", "ACCEPT",
                "donorId", lyon), Map.of("lineId", lines.get(0).get("id"), "action", "ACCEPT"))))
                .post("/api/v1/bank-statements/{id}/reconciliation", statement).then().statusCode(409)
                .body("type", containsString("bank-line-already-handled"));
        assertThat(contributions(fund)).hasSize(2);

        // The same file a week later: every line is the duplicate of its first import, and cannot be handled.
        String again = stage(file).statusCode(201).body("statements[0].lines.duplicate", equalTo(4))
                .body("stagedBefore.size()", equalTo(1))
                .body("statements[0].unreconciled.credits.amountMinor", equalTo(0)).extract().path("statements[0].id");
        List<Map<String, Object>> duplicates = lines(again);
        assertThat(duplicates).extracting(line -> line.get("duplicateOf"))
                .containsExactlyElementsOf(lines.stream().map(line -> line.get("id")).toList());
        json(FINANCE, Map.of("lines", List.of(Map.of("lineId", duplicates.get(2).get("id"), "action", "ACCEPT",
                "donorId", lyon)))).post("/api/v1/bank-statements/{id}/reconciliation", again).then().statusCode(409)
                .body("type", containsString("bank-line-is-a-duplicate"));
        json(FINANCE, Map.of("acceptProposals", "LOW")).post("/api/v1/bank-statements/{id}/reconciliation", again)
                .then().statusCode(200).body("contributions", equalTo(0)).body("matched", equalTo(0));
        assertThat(contributions(fund)).hasSize(2);

        // What nobody claimed stays visible, across statements, with its total.
        String account = as(FINANCE).get("/api/v1/bank-accounts").then().statusCode(200).extract()
                .path("items.find { it.iban == '" + iban + "' }.id");
        as(FINANCE).get("/api/v1/bank-accounts/{id}/unreconciled-lines", account).then().statusCode(200)
                .body("total.count", equalTo(1)).body("total.credits.amountMinor", equalTo(10_000))
                .body("items[0].id", equalTo(lines.get(2).get("id")));
        json(FINANCE, Map.of("lines", List.of(Map.of("lineId", lines.get(2).get("id"), "action", "ACCEPT",
                "donorId", lyon, "allocations", List.of())))).post("/api/v1/bank-statements/{id}/reconciliation",
                statement).then().statusCode(200).body("contributions", equalTo(1));
        as(FINANCE).get("/api/v1/bank-accounts/{id}/unreconciled-lines", account).then().statusCode(200)
                .body("total.count", equalTo(0));
    }

    @Test
    void a_contribution_recorded_by_hand_is_the_line_never_a_second_one() {
        String fund = TestFunds.open("MAIN");
        String iban = account(fund);
        String donor = donor("Ville de Chambéry " + fund, null);
        String reference = "VIR-CHAMBERY-" + fund;
        String byReference = byHand(fund, donor, 100_00, "2020-10-02", reference);
        String sameDay = byHand(fund, donor, 50_00, "2020-10-05", "VIR-SANS-LIBELLE-" + fund);
        String statement = stage(TestBanks.camt(iban, 0, List.of(
                new TestBanks.Movement("CRDT", 100_00, "2020-10-02", "ACR-" + fund + "-1", "MAIRIE", null,
                        "Virement " + reference),
                new TestBanks.Movement("CRDT", 50_00, "2020-10-05", "ACR-" + fund + "-2", "MAIRIE", null, "Virement"),
                new TestBanks.Movement("CRDT", 50_00, "2020-10-06", "ACR-" + fund + "-3", "MAIRIE", null, "Virement"))))
                .statusCode(201).extract().path("statements[0].id");
        List<Map<String, Object>> lines = lines(statement);
        assertThat(proposal(lines.get(0))).containsEntry("contributionId", byReference).containsEntry("confidence", "HIGH");
        assertThat(proposal(lines.get(1))).containsEntry("contributionId", sameDay).containsEntry("confidence", "MEDIUM");
        assertThat(proposal(lines.get(2))).doesNotContainKey("contributionId");

        // The third line is no contribution already matched to the second.
        json(FINANCE, Map.of("acceptProposals", "MEDIUM", "lines", List.of(Map.of("lineId", lines.get(2).get("id"),
                "action", "ACCEPT", "contributionId", sameDay)))).post("/api/v1/bank-statements/{id}/reconciliation",
                statement).then().statusCode(400).body("errors[0].field", equalTo("lines[0].contributionId"));
        json(FINANCE, Map.of("acceptProposals", "MEDIUM")).post("/api/v1/bank-statements/{id}/reconciliation", statement)
                .then().statusCode(200).body("contributions", equalTo(0)).body("matched", equalTo(2))
                .body("statement.lines.open", equalTo(1));
        assertThat(contributions(fund)).extracting(c -> c.get("id")).containsExactly(byReference, sameDay);
        assertThat(lines(statement).get(0)).extracting(line -> ((Map<?, ?>) line.get("outcome")).get("contributionId"))
                .isEqualTo(byReference);

        // A contribution matched is no later line's, even one that names its reference again.
        String later = stage(TestBanks.camt(iban, 0, List.of(new TestBanks.Movement("CRDT", 100_00, "2020-10-02",
                "ACR-" + fund + "-4", "MAIRIE", null, "Virement " + reference)))).statusCode(201)
                .extract().path("statements[0].id");
        assertThat(proposal(lines(later).get(0))).doesNotContainKey("contributionId");
    }

    @Test
    void a_shared_accounts_new_contributions_go_one_fund_at_a_time() {
        String first = TestFunds.open("PARTAGE");
        String second = TestFunds.open("PARTAGE");
        String iban = TestBanks.newIban().value();
        json(Map.of("iban", iban, "currency", "EUR", "name", "Compte courant de l'association"))
                .post("/api/v1/bank-accounts").then().statusCode(201);
        String donor = donor("Commune de Crolles " + first, null);
        String statement = stage(TestBanks.camt(iban, 0, List.of(
                new TestBanks.Movement("CRDT", 10_00, "2020-10-02", "ACR-" + first + "-1", "CROLLES", null, "Don"),
                new TestBanks.Movement("CRDT", 20_00, "2020-10-03", "ACR-" + first + "-2", "CROLLES", null, "Don"))))
                .statusCode(201).extract().path("statements[0].id");
        List<Map<String, Object>> lines = lines(statement);

        json(FINANCE, Map.of("lines", List.of(
                Map.of("lineId", lines.get(0).get("id"), "action", "ACCEPT", "donorId", donor, "fund", first),
                Map.of("lineId", lines.get(1).get("id"), "action", "ACCEPT", "donorId", donor, "fund", second))))
                .post("/api/v1/bank-statements/{id}/reconciliation", statement).then().statusCode(400)
                .body("errors[0].field", equalTo("lines"));
        assertThat(contributions(first)).isEmpty();
        json(FINANCE, Map.of("lines", List.of(
                Map.of("lineId", lines.get(0).get("id"), "action", "ACCEPT", "donorId", donor, "fund", first))))
                .post("/api/v1/bank-statements/{id}/reconciliation", statement).then().statusCode(200)
                .body("contributions", equalTo(1));
        json(FINANCE, Map.of("lines", List.of(
                Map.of("lineId", lines.get(1).get("id"), "action", "ACCEPT", "donorId", donor, "fund", second))))
                .post("/api/v1/bank-statements/{id}/reconciliation", statement).then().statusCode(200)
                .body("contributions", equalTo(1));
        assertThat(contributions(first)).hasSize(1);
        assertThat(contributions(second)).hasSize(1);
    }

    @Test
    void a_payment_is_one_lines_and_a_return_is_never_accepted() {
        String fund = TestFunds.open("PAIEMENT");
        String iban = account(fund);
        String donor = donor("Ville de Die " + fund, null);
        TestFunds.contribution(fund, donor, 1_000_00, null);
        TestFunds.committee(fund, 1, "payment-member");
        String disbursement = TestFunds.disbursement(fund, 300_00);
        TestFunds.vote(disbursement, "payment-member", "FOR");
        json(FINANCE, Map.of("paymentReference", "VIR-DONDO-" + fund, "paidOn", "2020-11-12"))
                .post("/api/v1/disbursements/{id}/payment", disbursement).then().statusCode(200);
        // The third line is the transfer coming back (a return: RvslInd).
        byte[] file = new String(TestBanks.camt(iban, 1_000_00, List.of(
                new TestBanks.Movement("DBIT", 300_00, "2020-11-12", "ACR-" + fund + "-1", null, null, "Virement"),
                new TestBanks.Movement("DBIT", 300_00, "2020-11-13", "ACR-" + fund + "-2", null, null, "Virement"),
                new TestBanks.Movement("CRDT", 300_00, "2020-11-20", "ACR-" + fund + "-3", null, null, "RETOUR"))),
                StandardCharsets.UTF_8).replace("<CdtDbtInd>CRDT</CdtDbtInd><Sts>",
                        "<CdtDbtInd>CRDT</CdtDbtInd><RvslInd>true</RvslInd><Sts>").getBytes(StandardCharsets.UTF_8);
        String statement = stage(file).statusCode(201).extract().path("statements[0].id");
        List<Map<String, Object>> lines = lines(statement);
        // Proposed to the first debit only: a payment is one movement of the bank.
        assertThat(proposal(lines.get(0))).containsEntry("disbursementId", disbursement);
        assertThat(proposal(lines.get(1))).doesNotContainKey("disbursementId");
        json(FINANCE, Map.of("lines", List.of(
                Map.of("lineId", lines.get(0).get("id"), "action", "ACCEPT"),
                Map.of("lineId", lines.get(1).get("id"), "action", "ACCEPT", "disbursementId", disbursement))))
                .post("/api/v1/bank-statements/{id}/reconciliation", statement).then().statusCode(400)
                .body("errors[0].field", equalTo("lines[1].disbursementId"));
        json(FINANCE, Map.of("lines", List.of(Map.of("lineId", lines.get(0).get("id"), "action", "ACCEPT"))))
                .post("/api/v1/bank-statements/{id}/reconciliation", statement).then().statusCode(200)
                .body("payments", equalTo(1));
        json(FINANCE, Map.of("lines", List.of(Map.of("lineId", lines.get(1).get("id"), "action", "ACCEPT",
                "disbursementId", disbursement)))).post("/api/v1/bank-statements/{id}/reconciliation", statement)
                .then().statusCode(400).body("errors[0].field", equalTo("lines[0].disbursementId"));
        assertThat(lines.get(2)).containsEntry("reversal", true);
        assertThat(proposal(lines.get(2))).containsEntry("confidence", "NONE");
        json(FINANCE, Map.of("lines", List.of(Map.of("lineId", lines.get(2).get("id"), "action", "ACCEPT",
                "donorId", donor)))).post("/api/v1/bank-statements/{id}/reconciliation", statement).then()
                .statusCode(400).body("errors[0].field", equalTo("lines[0].action"));
        assertThat(contributions(fund)).hasSize(1);
    }

    @Test
    void the_debits_of_a_disbursement_paid_in_tranches_are_its_payments_one_each_charges_included_or_not() {
        String fund = TestFunds.open("TRANCHES");
        String iban = account(fund);
        TestFunds.contribution(fund, donor("Ville de Die " + fund, null), 1_000_00, null);
        TestFunds.committee(fund, 1, "tranche-member");
        String disbursement = TestFunds.disbursement(fund, 600_00);
        TestFunds.vote(disbursement, "tranche-member", "FOR");
        List<String> payments = new java.util.ArrayList<>();
        for (Map<String, Object> tranche : List.of(
                Map.<String, Object>of("paidOn", "2020-11-12", "reference", "VIR-T1-" + fund,
                        "amount", Map.of("amountMinor", 250_00, "currency", "EUR"), "chargesMinor", 12_00),
                Map.<String, Object>of("paidOn", "2020-11-20", "reference", "VIR-T2-" + fund,
                        "amount", Map.of("amountMinor", 250_00, "currency", "EUR")))) {
            payments.add(json(FINANCE, tranche).post("/api/v1/disbursements/{id}/payments", disbursement).then()
                    .statusCode(200).extract().path("payments[-1].id"));
        }
        // The first tranche debited with its charges in one movement; the second by its reference.
        String statement = stage(TestBanks.camt(iban, 1_000_00, List.of(
                new TestBanks.Movement("DBIT", 262_00, "2020-11-12", "ACR-" + fund + "-1", null, null, "Virement"),
                new TestBanks.Movement("DBIT", 250_00, "2020-11-20", "ACR-" + fund + "-2", null, null,
                        "VIR-T2-" + fund)))).statusCode(201).extract().path("statements[0].id");
        List<Map<String, Object>> lines = lines(statement);
        assertThat(proposal(lines.get(0))).containsEntry("paymentId", payments.get(0))
                .containsEntry("disbursementId", disbursement).containsEntry("confidence", "MEDIUM");
        assertThat(proposal(lines.get(1))).containsEntry("paymentId", payments.get(1))
                .containsEntry("confidence", "HIGH");
        // Named by its disbursement, a line is that disbursement's one payment of its amount not yet matched.
        json(FINANCE, Map.of("lines", List.of(
                Map.of("lineId", lines.get(0).get("id"), "action", "ACCEPT", "disbursementId", disbursement),
                Map.of("lineId", lines.get(1).get("id"), "action", "ACCEPT", "paymentId", payments.get(0)))))
                .post("/api/v1/bank-statements/{id}/reconciliation", statement).then().statusCode(400)
                .body("errors[0].field", equalTo("lines[1].paymentId"));
        json(FINANCE, Map.of("lines", List.of(
                Map.of("lineId", lines.get(0).get("id"), "action", "ACCEPT", "disbursementId", disbursement),
                Map.of("lineId", lines.get(1).get("id"), "action", "ACCEPT"))))
                .post("/api/v1/bank-statements/{id}/reconciliation", statement).then().statusCode(200)
                .body("payments", equalTo(2));
        List<Map<String, Object>> handled = lines(statement);
        assertThat(handled).extracting(line -> (Object) ((Map<?, ?>) line.get("outcome")).get("paymentId"))
                .containsExactly((Object) payments.get(0), payments.get(1));
    }

    @Test
    void a_credit_recorded_by_hand_after_staging_is_not_recorded_again() {
        String fund = TestFunds.open("APRES");
        String iban = account(fund);
        String donor = donor("Ville de Voiron " + fund, null);
        String donorIban = TestBanks.newIban().value();
        json(FINANCE, Map.of("iban", donorIban)).post("/api/v1/donors/{id}/bank-accounts", donor).then().statusCode(200);
        String statement = stage(TestBanks.camt(iban, 0, List.of(new TestBanks.Movement("CRDT", 80_00, "2020-10-02",
                "ACR-" + fund + "-1", "VOIRON", donorIban, "Don")))).statusCode(201).extract().path("statements[0].id");
        String byHand = byHand(fund, donor, 80_00, "2020-10-02", "ACR-" + fund + "-1");
        json(FINANCE, Map.of("acceptProposals", "HIGH")).post("/api/v1/bank-statements/{id}/reconciliation", statement)
                .then().statusCode(400).body("errors[0].message", containsString(byHand));
        assertThat(contributions(fund)).hasSize(1);
        String line = (String) lines(statement).get(0).get("id");
        json(FINANCE, Map.of("lines", List.of(Map.of("lineId", line, "action", "ACCEPT", "contributionId", byHand))))
                .post("/api/v1/bank-statements/{id}/reconciliation", statement).then().statusCode(200)
                .body("matched", equalTo(1));
    }

    @Test
    void two_lines_paying_the_same_instalment_share_what_it_still_expects() {
        String fund = TestFunds.open("TRANCHES");
        String iban = account(fund);
        String nantes = donor("Nantes Métropole " + fund, null);
        String nantesIban = TestBanks.newIban().value();
        json(FINANCE, Map.of("iban", nantesIban)).post("/api/v1/donors/{id}/bank-accounts", nantes).then().statusCode(200);
        String pledge = pledge(fund, nantes, 500_000, null, List.of(Map.of("amountMinor", 250_000,
                "dueOn", "2020-09-30"), Map.of("amountMinor", 250_000, "dueOn", "2020-12-31")));
        String statement = stage(TestBanks.camt(iban, 0, List.of(
                new TestBanks.Movement("CRDT", 150_000, "2020-10-02", "ACR-" + fund + "-1", "NANTES METROPOLE",
                        nantesIban, "Acompte"),
                new TestBanks.Movement("CRDT", 150_000, "2020-10-09", "ACR-" + fund + "-2", "NANTES METROPOLE",
                        nantesIban, "Solde")))).statusCode(201).extract().path("statements[0].id");
        assertThat(lines(statement)).extracting(line -> proposal(line).get("instalment")).containsExactly(1, 1);
        json(FINANCE, Map.of("acceptProposals", "MEDIUM")).post("/api/v1/bank-statements/{id}/reconciliation", statement)
                .then().statusCode(200).body("contributions", equalTo(2));
        as(FINANCE).get("/api/v1/pledges/{id}", pledge).then().statusCode(200)
                .body("instalments[0].received.amountMinor", equalTo(250_000))
                .body("instalments[1].received.amountMinor", equalTo(0));
        assertThat(contributions(fund)).extracting(c -> ((List<?>) c.get("allocations")).size()).containsExactly(1, 1);
    }

    @Test
    void an_overlapping_file_brings_only_its_new_movements() {
        String fund = TestFunds.open("CHEVAUCHE");
        String iban = account(fund);
        TestBanks.Movement first = new TestBanks.Movement("CRDT", 10_000, "2020-11-02", null, "M DURAND", null, "Don Liban");
        TestBanks.Movement second = new TestBanks.Movement("CRDT", 10_000, "2020-11-03", null, "M DURAND", null, "Don Liban");
        TestBanks.Movement third = new TestBanks.Movement("CRDT", 5_000, "2020-11-04", null, "MME MARTIN", null, "Don");
        stage(TestBanks.camt(iban, 0, List.of(first, second))).statusCode(201).body("statements[0].lines.open", equalTo(2));
        String overlapping = stage(TestBanks.camt(iban, 10_000, List.of(second, third))).statusCode(201)
                .body("statements[0].lines.duplicate", equalTo(1)).body("statements[0].lines.open", equalTo(1))
                .extract().path("statements[0].id");
        assertThat(lines(overlapping)).extracting(line -> line.get("status")).containsExactly("DUPLICATE", "OPEN");
    }

    @Test
    void a_refused_file_names_its_line_and_stages_nothing() {
        String fund = TestFunds.open("REFUS");
        String iban = account(fund);
        TestBanks.Movement gift = new TestBanks.Movement("CRDT", 10_000, "2020-11-02", "ACR-" + fund, "M DURAND", null, "Don");
        byte[] wrongClosing = new String(TestBanks.camt(iban, 0, List.of(gift)), StandardCharsets.UTF_8)
                .replace("<Amt Ccy=\"EUR\">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2020-11-30",
                        "<Amt Ccy=\"EUR\">99.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2020-11-30")
                .getBytes(StandardCharsets.UTF_8);
        stage(wrongClosing).statusCode(422).body("type", containsString("bank-statement-does-not-add-up"))
                .body("detail", containsString("line 4"));
        stage(TestBanks.camt(TestBanks.newIban().value(), 0, List.of(gift))).statusCode(422)
                .body("type", containsString("bank-account-not-registered"));
        stage(("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>\n<Stmt>\n"
                + "</BkToCstmrStmt>").getBytes(StandardCharsets.UTF_8))
                .statusCode(422).body("type", containsString("bank-file-unreadable"))
                .body("detail", containsString("Line 3"));
        stage("not a statement".getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("type", containsString("bank-file-unreadable"));
        // A file that quotes itself at length in its refusal does not make the answer long.
        String longNamespace = "urn:" + "x".repeat(900);
        String detail = stage(("<Document xmlns=\"" + longNamespace + "\"><BkToCstmrStmt/></Document>")
                .getBytes(StandardCharsets.UTF_8)).statusCode(422).body("type", containsString("bank-file-unreadable"))
                .extract().path("detail");
        assertThat(detail).hasSizeLessThan(500);
        // Nothing of them was kept: the line is new when a good file brings it.
        stage(TestBanks.camt(iban, 0, List.of(gift))).statusCode(201).body("statements[0].lines.open", equalTo(1));
        byte[] tooLarge = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(tooLarge, (byte) ' ');
        stage(tooLarge).statusCode(413).body("type", containsString("payload-too-large"));
    }

    @Test
    void reads_a_cfonb_120_file_of_two_statements() throws Exception {
        byte[] file = getClass().getResourceAsStream("/bank/cfonb120_pennylane_example.txt").readAllBytes();
        BankFile read = Cfonb120Reader.read(file);
        for (String accountIban : read.statements().stream().map(BankFile.Statement::accountIban).distinct().toList()) {
            if (as(FINANCE).get("/api/v1/bank-accounts").then().extract().<List<String>>path("items.iban")
                    .contains(accountIban)) {
                continue;
            }
            json(Map.of("iban", accountIban, "currency", "EUR", "name", "Compte partagé " + accountIban))
                    .post("/api/v1/bank-accounts").then().statusCode(201);
        }
        stage(file).statusCode(201).body("format", equalTo("CFONB_120"))
                .body("statements.size()", equalTo(read.statements().size()))
                .body("statements[0].lines.total", equalTo(read.statements().get(0).lines().size()));
    }

    /** A contribution recorded by hand through the API, before the statement comes. */
    private static String byHand(String fund, String donor, long amountMinor, String receivedOn, String reference) {
        return json(FINANCE, Map.of("donorId", donor, "amount", Map.of("amountMinor", amountMinor, "currency", "EUR"),
                "receivedOn", receivedOn, "bankReference", reference)).post("/api/v1/funds/{code}/contributions", fund)
                .then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse stage(byte[] file) {
        return as(FINANCE).contentType("application/xml").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(file).post("/api/v1/bank-statements").then();
    }

    /**
     * A reconciliation clears its session once written (a statement of 10,000 lines leaves too
     * many entities in it): an Idempotency-Key whose earlier answer has expired is used again
     * all the same, the new answer replacing the old one.
     */
    @Test
    void a_key_used_again_after_its_answer_expired_reconciles_and_keeps_the_new_answer() throws Exception {
        String fund = TestFunds.open("REKEY");
        String iban = account(fund);
        String donor = donor("Ville de Vienne " + fund, null);
        String statement = stage(TestBanks.camt(iban, 0, List.of(
                new TestBanks.Movement("DBIT", 3_00, "2020-10-02", "ACR-" + fund + "-1", null, null, "FRAIS"),
                new TestBanks.Movement("CRDT", 40_00, "2020-10-05", "ACR-" + fund + "-2", "MAIRIE", null, "Don"))))
                .statusCode(201).extract().path("statements[0].id");
        List<Map<String, Object>> lines = lines(statement);
        String key = UUID.randomUUID().toString();
        as(FINANCE).contentType("application/json").header("Idempotency-Key", key)
                .body(Map.of("lines", List.of(Map.of("lineId", lines.get(0).get("id"), "action", "DISMISS",
                        "reason", "Frais"))))
                .post("/api/v1/bank-statements/{id}/reconciliation", statement).then().statusCode(200)
                .body("dismissed", equalTo(1));
        // Its answer expired (as a day later; the shared clock stays where the other tests expect it).
        try (java.sql.Connection owner = org.solidarityfunds.support.TestDatabase.asOwner();
                java.sql.PreparedStatement expire = owner.prepareStatement(
                        "UPDATE idempotency_key SET created_at = created_at - interval '2 days', "
                                + "expires_at = created_at - interval '1 day' WHERE key = ?")) {
            expire.setString(1, key);
            assertThat(expire.executeUpdate()).isEqualTo(1);
        }

        Map<String, Object> accept = Map.of("lines", List.of(Map.of("lineId", lines.get(1).get("id"), "action",
                "ACCEPT", "donorId", donor)));
        for (int attempt = 0; attempt < 2; attempt++) {
            as(FINANCE).contentType("application/json").header("Idempotency-Key", key).body(accept)
                    .post("/api/v1/bank-statements/{id}/reconciliation", statement).then().statusCode(200)
                    .body("contributions", equalTo(1)).body("dismissed", equalTo(0));
        }
        assertThat(contributions(fund)).hasSize(1);
    }

    private static List<Map<String, Object>> lines(String statement) {
        return as(FINANCE).get("/api/v1/bank-statements/{id}/lines?limit=200", statement).then().statusCode(200)
                .extract().path("items");
    }

    private static List<Map<String, Object>> linesIn(String statement, String status) {
        return as(FINANCE).get("/api/v1/bank-statements/{id}/lines?status={status}", statement, status).then()
                .statusCode(200).extract().path("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> proposal(Map<String, Object> line) {
        return (Map<String, Object>) line.get("proposal");
    }

    private static List<Map<String, Object>> contributions(String fund) {
        return as(FINANCE).get("/api/v1/funds/{code}/contributions", fund).then().statusCode(200).extract().path("items");
    }

    /** Registers the fund's own account under a new IBAN and answers the IBAN. */
    private static String account(String fund) {
        String iban = TestBanks.newIban().value();
        json(Map.of("iban", new Iban(iban).printed(), "bic", "AGRIFRPP", "currency", "EUR", "name", "Compte " + fund,
                "fund", fund)).post("/api/v1/bank-accounts").then().statusCode(201).body("iban", equalTo(iban))
                .body("fund", equalTo(fund));
        return iban;
    }

    private static String donor(String name, String siren) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("kind", "COMMUNE", "name", name));
        if (siren != null) {
            body.put("siren", siren);
        }
        return json(body).post("/api/v1/donors").then().statusCode(201).extract().path("id");
    }

    private static String pledge(String fund, String donor, long amountMinor, String deliberation,
            List<Map<String, Object>> instalments) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("donorId", donor, "amount",
                Map.of("amountMinor", amountMinor, "currency", "EUR"), "pledgedOn", "2020-09-15",
                "instalments", instalments));
        if (deliberation != null) {
            body.put("deliberationRef", deliberation);
        }
        return json(FINANCE, body).post("/api/v1/funds/{code}/pledges", fund).then().statusCode(201).extract().path("id");
    }

}
