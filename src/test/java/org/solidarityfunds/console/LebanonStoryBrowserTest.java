package org.solidarityfunds.console;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.solidarityfunds.support.Api;
import org.solidarityfunds.support.Browser;
import org.solidarityfunds.support.TestFunds;

/**
 * The Lebanon story through the screens only: finance records three communes' pledges (one
 * in two instalments) and a contribution in dollars, imports a bank statement with one bad
 * line (refused, nothing recorded), corrects it and imports it again; the fund's balances and
 * chart show the new figures.
 */
@QuarkusTest
class LebanonStoryBrowserTest {

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
    void pledges_a_dollar_contribution_and_a_corrected_statement_through_the_screens() throws Exception {
        String fund = TestFunds.open("LIBAN");
        String lyon = TestFunds.donor("Ville de Lyon");
        String nantes = TestFunds.donor("Ville de Nantes");
        String grenoble = TestFunds.donor("Ville de Grenoble");
        browser = Browser.start("fr");
        Browser.open(browser, root, "/console/login");
        browser.findElement(By.xpath("//button[contains(., 'finance')]")).click();
        Browser.waitTitle(browser, "Les fonds");

        pledge(fund, "Ville de Lyon", "10 000,00", "DEL-LYON-2020-57", List.of());
        pledge(fund, "Ville de Nantes", "5 000,00", "DEL-NANTES-2020-12", List.of("2 500,00", "30/09/2020",
                "2 500,00", "31/12/2020"));
        pledge(fund, "Ville de Grenoble", "3 000,00", "DEL-GRENOBLE-2020-8", List.of());
        WebElement pledges = browser.findElement(By.id("pledges")).findElement(By.xpath("following-sibling::table"));
        assertThat(Browser.spaced(pledges.getText())).contains("DEL-NANTES-2020-12").contains("n° 2 : 2 500,00 € au 31 déc. 2020");

        Browser.open(browser, root, "/console/funds/" + fund + "/contributions/new");
        new Select(browser.findElement(By.id("f-donorId"))).selectByVisibleText("Ville de Lyon");
        Browser.type(browser, "f-amount", "5 450,00");
        new Select(browser.findElement(By.id("f-currency"))).selectByVisibleText("USD");
        Browser.type(browser, "f-exchangeRate", "0,917431");
        Browser.type(browser, "f-receivedOn", "02/10/2020");
        Browser.type(browser, "f-bankReference", "VIR-LYON-USD-1");
        browser.findElement(By.xpath("//button[contains(., 'Voir le montant crédité')]")).click();
        Browser.waitTitle(browser, "Vérifier et enregistrer");
        assertThat(Browser.spaced(text("credited"))).isEqualTo("5 000,00 €");
        assertThat(browser.findElement(By.id("f-allocation.0")).getAttribute("value")).isEqualTo("5000,00");
        browser.findElement(By.xpath("//button[contains(., 'Enregistrer la contribution')]")).click();
        Browser.waitTitle(browser, "Contribution VIR-LYON-USD-1");

        // A statement of three lines, the second with an amount of zero.
        Path statement = Files.createTempFile("releve", ".json");
        Files.writeString(statement, statementJson(nantes, grenoble, 0));
        upload(fund, statement);
        assertThat(browser.findElement(By.id("line-2")).getText()).contains("Cette valeur n'est pas acceptée");
        assertThat(browser.findElements(By.xpath("//button[contains(., 'Enregistrer toutes les lignes')]"))).isEmpty();
        Browser.assertAccessible(browser);
        assertThat(contributionsOf(fund)).as("nothing recorded from the bad statement").hasSize(1);

        Files.writeString(statement, statementJson(nantes, grenoble, 3_000_00));
        upload(fund, statement);
        assertThat(browser.findElements(By.cssSelector("#import-lines tr.invalid"))).isEmpty();
        Browser.assertAccessible(browser);
        browser.findElement(By.xpath("//button[contains(., 'Enregistrer toutes les lignes')]")).click();
        Browser.waitTitle(browser, "Fonds " + fund);
        assertThat(contributionsOf(fund)).hasSize(4);

        assertThat(figure("Promis")).isEqualTo("18 000,00 €");
        assertThat(figure("Reçu")).isEqualTo("13 000,00 €");
        assertThat(figure("Disponible")).isEqualTo("13 000,00 €");
        assertThat(Browser.spaced(browser.findElement(By.cssSelector(".chart details table tbody tr:last-child"))
                .getAttribute("textContent"))).contains("13 000,00 €");
        assertThat(browser.findElements(By.cssSelector(".chart-canvas canvas"))).isNotEmpty();
        Browser.assertAccessible(browser);
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    private static String statementJson(String nantes, String grenoble, long secondAmountMinor) {
        return """
                {"contributions": [
                  {"donorId": "%s", "amount": {"amountMinor": 250000, "currency": "EUR"}, "receivedOn": "2020-09-28",
                   "bankReference": "VIR-NANTES-1"},
                  {"donorId": "%s", "amount": {"amountMinor": %d, "currency": "EUR"}, "receivedOn": "2020-10-05",
                   "bankReference": "VIR-GRENOBLE-1"},
                  {"donorId": "%s", "amount": {"amountMinor": 250000, "currency": "EUR"}, "receivedOn": "2020-12-30",
                   "bankReference": "VIR-NANTES-2"}
                ]}
                """.formatted(nantes, grenoble, secondAmountMinor, nantes);
    }

    private void pledge(String fund, String donor, String amount, String deliberation, List<String> instalments) {
        Browser.open(browser, root, "/console/funds/" + fund + "/pledges/new");
        new Select(browser.findElement(By.id("f-donorId"))).selectByVisibleText(donor);
        Browser.type(browser, "f-amount", amount);
        Browser.type(browser, "f-pledgedOn", "15/09/2020");
        Browser.type(browser, "f-deliberationRef", deliberation);
        for (int i = 0; i < instalments.size(); i += 2) {
            Browser.type(browser, "f-instalments." + i / 2 + ".amount", instalments.get(i));
            Browser.type(browser, "f-instalments." + i / 2 + ".dueOn", instalments.get(i + 1));
        }
        Browser.assertAccessible(browser);
        Browser.submit(browser, By.xpath("//button[contains(., 'Enregistrer la promesse')]"));
        Browser.waitTitle(browser, "Fonds " + fund);
    }

    private void upload(String fund, Path statement) {
        Browser.open(browser, root, "/console/funds/" + fund + "/contributions/import");
        browser.findElement(By.id("f-statement")).sendKeys(statement.toString());
        browser.findElement(By.xpath("//button[contains(., 'Vérifier le relevé')]")).click();
        Browser.waitTitle(browser, "Vérifier le relevé");
    }

    private List<Map<String, Object>> contributionsOf(String fund) {
        return Api.api().get("/api/v1/funds/{code}/contributions", fund).then().statusCode(200).extract().path("items");
    }

    private String figure(String label) {
        return Browser.spaced(browser.findElement(By.xpath("//dl[@class='figures']//dt[.='" + label
                + "']/following-sibling::dd")).getText());
    }



    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

}
