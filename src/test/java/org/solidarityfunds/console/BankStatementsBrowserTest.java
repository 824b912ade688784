package org.solidarityfunds.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.Api;
import org.solidarityfunds.support.Browser;
import org.solidarityfunds.support.TestBanks;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * A bank's statement reconciled on screen: finance uploads the camt.053 file, sees each line
 * with what is proposed and why, accepts the sure one, dismisses the bank charges, leaves the
 * unknown gift open, and confirms; the statement then shows what each line became and what is
 * left, and the money is in the ledger once. In a real browser, checked for accessibility.
 */
@QuarkusTest
class BankStatementsBrowserTest {

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void finance_stages_a_statement_accepts_dismisses_and_leaves_lines_open() throws Exception {
        String fund = TestFunds.open("RELEVE");
        String iban = TestBanks.newIban().value();
        json(Map.of("iban", iban, "currency", "EUR", "name", "Compte " + fund, "fund", fund))
                .post("/api/v1/bank-accounts").then().statusCode(201);
        String donor = TestFunds.donor("Ville de Chambéry " + fund);
        String donorIban = TestBanks.newIban().value();
        json(TestTokens.as("test-finance", Roles.FINANCE), Map.of("iban", donorIban))
                .post("/api/v1/donors/{id}/bank-accounts", donor).then().statusCode(200);
        Path file = Files.createTempFile("releve", ".xml");
        Files.write(file, TestBanks.camt(iban, 0, List.of(
                new TestBanks.Movement("CRDT", 2_500_00, "2020-10-02", "ACR-" + fund + "-1", "MAIRIE DE CHAMBERY",
                        donorIban, "Solidarite Liban"),
                new TestBanks.Movement("CRDT", 150_00, "2020-10-05", "ACR-" + fund + "-2", "M DUPONT", null, "Don"),
                new TestBanks.Movement("DBIT", 12_00, "2020-10-31", "ACR-" + fund + "-3", null, null, "FRAIS"))));

        browser = Browser.start("fr");
        Browser.open(browser, root, "/console/login");
        browser.findElement(By.xpath("//button[contains(., 'finance')]")).click();
        Browser.waitTitle(browser, "Les fonds");
        browser.findElement(By.linkText("Relevés bancaires")).click();
        Browser.waitTitle(browser, "Relevés bancaires");
        Browser.assertAccessible(browser);
        browser.findElement(By.id("f-statement")).sendKeys(file.toString());
        Browser.submit(browser, By.xpath("//button[contains(., 'Lire le relevé')]"));
        Browser.waitTitle(browser, "Relevé du compte " + iban);

        assertThat(Browser.spaced(browser.findElement(By.id("closing")).getText())).startsWith("2 638,00 €");
        assertThat(Browser.spaced(browser.findElement(By.id("difference")).getText())).isEqualTo("2 638,00 €");
        assertThat(browser.findElement(By.id("line-1")).getText()).contains("sûre").contains(donorIban);
        assertThat(browser.findElement(By.id("line-2")).getText()).contains("aucune");
        Browser.assertAccessible(browser);

        String line1 = browser.findElement(By.cssSelector("#line-1 select")).getAttribute("id");
        String line3 = browser.findElement(By.cssSelector("#line-3 select")).getAttribute("id");
        // A line nobody could place offers no acceptance, only a dismissal or to wait.
        assertThat(new Select(browser.findElement(By.cssSelector("#line-2 select"))).getOptions())
                .extracting(option -> option.getAttribute("value")).containsExactly("", "DISMISS");
        new Select(browser.findElement(By.id(line1))).selectByValue("ACCEPT");
        new Select(browser.findElement(By.id(line3))).selectByValue("DISMISS");
        Browser.type(browser, "r-" + line3.substring(2), "Frais de tenue de compte");
        Browser.submit(browser, By.xpath("//button[contains(., 'Confirmer les décisions')]"));
        Browser.waitTitle(browser, "Relevé du compte " + iban);

        assertThat(browser.findElement(By.id("line-1")).getText()).contains("Contribution enregistrée");
        assertThat(browser.findElement(By.id("line-2")).getText()).contains("Ouverte");
        assertThat(browser.findElement(By.id("line-3")).getText()).contains("Écartée").contains("Frais de tenue de compte");
        assertThat(Browser.spaced(browser.findElement(By.id("unreconciled")).getText()))
                .contains("1 ligne(s) non rapprochée(s) : 150,00 € au crédit, 0,00 € au débit");
        assertThat(Browser.spaced(browser.findElement(By.id("difference")).getText())).isEqualTo("138,00 €");
        Browser.assertAccessible(browser);
        assertThat(Browser.consoleErrors(browser)).isEmpty();

        List<Map<String, Object>> contributions = Api.api().get("/api/v1/funds/{code}/contributions", fund).then()
                .statusCode(200).extract().path("items");
        assertThat(contributions).extracting(c -> c.get("bankReference")).containsExactly("ACR-" + fund + "-1");
    }

    /**
     * What was proposed is changed line by line: a credit from the treasury's account proposed
     * to the wrong commune goes to the one whose deliberation it pays, spread over its two
     * instalments (an allocation beyond what one expects refused first, the form kept); a credit
     * recorded by hand before the statement came is matched to that contribution, not recorded
     * twice; a debit whose payment was recorded after the statement was read is matched to it.
     */
    @Test
    void finance_changes_a_lines_donor_and_allocation_and_matches_a_contribution_and_a_payment() throws Exception {
        String fund = TestFunds.open("CHANGE");
        String iban = TestBanks.newIban().value();
        json(Map.of("iban", iban, "currency", "EUR", "name", "Compte " + fund, "fund", fund))
                .post("/api/v1/bank-accounts").then().statusCode(201);
        String treasury = TestBanks.newIban().value();
        String chambery = TestFunds.donor("Ville de Chambéry " + fund);
        json(TestTokens.as("test-finance", Roles.FINANCE), Map.of("iban", treasury))
                .post("/api/v1/donors/{id}/bank-accounts", chambery).then().statusCode(200);
        String faverges = TestFunds.donor("Commune de Faverges " + fund);
        String pledge = json(TestTokens.as("test-finance", Roles.FINANCE), Map.of("donorId", faverges,
                "amount", Map.of("amountMinor", 3_000_00, "currency", "EUR"), "pledgedOn", "2020-09-15",
                "deliberationRef", "DEL-FAV-" + fund, "instalments", List.of(
                        Map.of("amountMinor", 1_500_00, "dueOn", "2020-09-30"),
                        Map.of("amountMinor", 1_500_00, "dueOn", "2020-12-31"))))
                .post("/api/v1/funds/{code}/pledges", fund).then().statusCode(201).extract().path("id");
        String byHand = TestFunds.contribution(fund, chambery, 300_00, null, "2020-10-06");
        TestFunds.committee(fund, 1, "change-member");
        String disbursement = TestFunds.disbursement(fund, 200_00);
        TestFunds.vote(disbursement, "change-member", "FOR");
        Path file = Files.createTempFile("releve", ".xml");
        Files.write(file, TestBanks.camt(iban, 0, List.of(
                new TestBanks.Movement("CRDT", 2_500_00, "2020-10-02", "ACR-" + fund + "-1", "DRFIP SAVOIE",
                        treasury, "Solidarite Liban"),
                new TestBanks.Movement("CRDT", 300_00, "2020-10-07", "ACR-" + fund + "-2", "REMISE CHEQUES", null,
                        "Remise 17"),
                new TestBanks.Movement("DBIT", 215_00, "2020-11-12", "ACR-" + fund + "-3", null, null,
                        "VIREMENT INTERNATIONAL"))));
        browser = Browser.start("fr");
        Browser.open(browser, root, "/console/login");
        browser.findElement(By.xpath("//button[contains(., 'finance')]")).click();
        Browser.waitTitle(browser, "Les fonds");
        Browser.open(browser, root, "/console/bank-statements");
        browser.findElement(By.id("f-statement")).sendKeys(file.toString());
        Browser.submit(browser, By.xpath("//button[contains(., 'Lire le relevé')]"));
        Browser.waitTitle(browser, "Relevé du compte " + iban);
        String statementPage = browser.getCurrentUrl();
        // The payment's advice came after the statement: nothing could propose it.
        json(TestTokens.as("test-finance", Roles.FINANCE), Map.of("paidOn", "2020-11-12", "reference",
                "VIR-DONDO-" + fund, "amount", Map.of("amountMinor", 200_00, "currency", "EUR"), "chargesMinor", 15_00))
                .post("/api/v1/disbursements/{id}/payments", disbursement).then().statusCode(200);

        // Line 1: proposed to Chambéry by the account it came from; it is Faverges' first instalment and more.
        assertThat(browser.findElement(By.id("line-1")).getText()).contains("sûre");
        browser.findElement(By.cssSelector("#line-1 a[aria-label]")).click();
        Browser.waitTitle(browser, "Ligne 1 du relevé du compte " + iban);
        Browser.assertAccessible(browser);
        new Select(browser.findElement(By.id("f-donorId"))).selectByVisibleText("Commune de Faverges " + fund);
        Browser.submit(browser, By.xpath("//button[contains(., 'Afficher les promesses du donateur')]"));
        Browser.waitTitle(browser, "Ligne 1 du relevé du compte " + iban);
        assertThat(Browser.spaced(browser.findElement(By.id("f-allocation.0")).getAttribute("value"))).isEqualTo("1500,00");
        assertThat(Browser.spaced(browser.findElement(By.id("f-allocation.1")).getAttribute("value"))).isEqualTo("1000,00");
        Browser.type(browser, "f-allocation.0", "2 500,00");
        Browser.type(browser, "f-allocation.1", "");
        Browser.submit(browser, By.xpath("//button[contains(., 'Enregistrer la contribution')]"));
        Browser.waitTitle(browser, "Ligne 1 du relevé du compte " + iban);
        assertThat(browser.findElement(By.id("problems")).getText())
                .contains("L'affectation dépasse ce que la promesse attend encore.");
        assertThat(Browser.spaced(browser.findElement(By.id("f-allocation.0")).getAttribute("value")))
                .isEqualTo("2 500,00");
        Browser.assertAccessible(browser);
        Browser.type(browser, "f-allocation.0", "1 500,00");
        Browser.type(browser, "f-allocation.1", "1 000,00");
        Browser.type(browser, "f-contribution-note", "Versement de Faverges par la DRFIP");
        Browser.submit(browser, By.xpath("//button[contains(., 'Enregistrer la contribution')]"));
        Browser.waitTitle(browser, "Ligne 1 du relevé du compte " + iban);
        assertThat(browser.findElement(By.id("line-status")).getText()).contains("Contribution enregistrée");
        assertThat(browser.findElement(By.id("line-outcome")).getText()).contains("Versement de Faverges par la DRFIP");
        Api.as(TestTokens.as("test-finance", Roles.FINANCE)).get("/api/v1/pledges/{id}", pledge).then().statusCode(200)
                .body("instalments[0].received.amountMinor", org.hamcrest.Matchers.equalTo(1_500_00))
                .body("instalments[1].received.amountMinor", org.hamcrest.Matchers.equalTo(1_000_00));

        // Line 2: the cheques were recorded by hand; the line is that contribution, not another.
        browser.get(statementPage);
        Browser.waitTitle(browser, "Relevé du compte " + iban);
        browser.findElement(By.cssSelector("#line-2 a[aria-label]")).click();
        Browser.waitTitle(browser, "Ligne 2 du relevé du compte " + iban);
        browser.findElement(By.cssSelector("input[name=contributionId][value='" + byHand + "']")).click();
        Browser.submit(browser, By.xpath("//button[contains(., 'Rapprocher la ligne de cette contribution')]"));
        Browser.waitTitle(browser, "Ligne 2 du relevé du compte " + iban);
        assertThat(browser.findElement(By.id("line-status")).getText()).contains("Contribution enregistrée");

        // Line 3: the payment recorded since, with its charges in the same debit.
        browser.get(statementPage);
        Browser.waitTitle(browser, "Relevé du compte " + iban);
        browser.findElement(By.cssSelector("#line-3 a[aria-label]")).click();
        Browser.waitTitle(browser, "Ligne 3 du relevé du compte " + iban);
        assertThat(Browser.spaced(browser.findElement(By.id("as-payment")).getText())).contains("VIR-DONDO-" + fund)
                .contains("dont 15,00 € de frais");
        browser.findElement(By.id("f-payment-1")).click();
        Browser.submit(browser, By.xpath("//button[contains(., 'Rapprocher la ligne de ce paiement')]"));
        Browser.waitTitle(browser, "Ligne 3 du relevé du compte " + iban);
        assertThat(browser.findElement(By.id("line-status")).getText()).contains("Paiement rapproché");
        Browser.assertAccessible(browser);
        assertThat(Browser.consoleErrors(browser)).isEmpty();

        List<Map<String, Object>> contributions = Api.api().get("/api/v1/funds/{code}/contributions", fund).then()
                .statusCode(200).extract().path("items");
        assertThat(contributions).extracting(c -> c.get("donorId")).containsExactlyInAnyOrder(chambery, faverges);
        browser.get(statementPage);
        Browser.waitTitle(browser, "Relevé du compte " + iban);
        assertThat(Browser.spaced(browser.findElement(By.id("difference")).getText())).isEqualTo("0,00 €");
    }
}
