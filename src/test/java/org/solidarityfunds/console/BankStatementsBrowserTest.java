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
}
