package org.solidarityfunds.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.solidarityfunds.support.Api;
import org.solidarityfunds.support.Browser;
import org.solidarityfunds.support.TestFunds;

/** An administrator opens a fund, adds a donor, sets the fund's committee and closes the fund to pledges, on screen. */
@QuarkusTest
class AdminBrowserTest {

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
    void a_fund_its_committee_and_its_status_are_set_through_the_screens() {
        String code = TestFunds.newCode("EQUATEUR");
        browser = Browser.start("fr");
        open("/console/login");
        browser.findElement(By.xpath("//button[contains(., 'admin')]")).click();
        waitTitle("Les fonds");
        browser.findElement(By.linkText("Administration")).click();
        waitTitle("Administration");
        Browser.assertAccessible(browser);

        type("f-code", code);
        type("f-name", "Fonds de solidarité Équateur");
        browser.findElement(By.xpath("//button[.='Ouvrir un fonds']")).click();
        waitTitle("Fonds de solidarité Équateur");

        open("/console/admin");
        new Select(browser.findElement(By.id("f-donor-kind"))).selectByVisibleText("Département");
        type("f-donor-name", "Département de la Gironde");
        type("f-donor-siren", siren());
        browser.findElement(By.xpath("//button[.='Ajouter un donateur']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("#donors"));
        assertThat(browser.findElements(By.id("problems"))).isEmpty();

        open("/console/funds/" + code + "/committee/edit");
        waitTitle("Comité de");
        type("f-members.0.subject", "lyon");
        type("f-members.0.name", "Ville de Lyon");
        type("f-members.0.validFrom", "01/01/2020");
        type("f-members.1.subject", "nantes");
        type("f-members.1.name", "Ville de Nantes");
        type("f-members.1.validFrom", "01/01/2020");
        type("f-quorum", "2");
        type("f-delegate.subject", "lyon");
        type("f-delegate.below", "1 000,00");
        type("f-reason", "Délibération du conseil d'administration du 10/03/2020");
        Browser.assertAccessible(browser);
        browser.findElement(By.xpath("//button[.='Enregistrer le comité']")).click();
        waitTitle("Fonds de solidarité Équateur");
        assertThat(Browser.spaced(browser.findElement(By.id("committee")).findElement(By.xpath("following-sibling::p"))
                .getText())).contains("Quorum : 2 membres sur 2");
        assertThat(Api.api().get("/api/v1/funds/{code}/committee", code).then().statusCode(200).extract()
                .<String>path("delegate.subject")).isEqualTo("lyon");

        open("/console/admin");
        WebElement row = browser.findElement(By.id("fund-" + code));
        new Select(row.findElement(By.tagName("select"))).selectByVisibleText("Fermé aux promesses");
        row.findElement(By.name("reason")).sendKeys("Appel clos le 30/06/2020");
        row.findElement(By.tagName("button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("#fund-" + code));
        assertThat(browser.findElement(By.id("fund-" + code)).getText()).contains("Fermé aux promesses");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    /** A SIREN no other test uses: eight digits from the clock, and the Luhn check digit. */
    private static String siren() {
        String body = String.format("%08d", System.nanoTime() % 100_000_000L);
        for (int check = 0; check < 10; check++) {
            String candidate = body + check;
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int digit = candidate.charAt(8 - i) - '0';
                sum += i % 2 == 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
            }
            if (sum % 10 == 0) {
                return candidate;
            }
        }
        throw new IllegalStateException("a Luhn check digit always exists");
    }

    private void open(String path) {
        browser.get(root.toString().replaceAll("/$", "") + path);
    }

    private void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private void waitTitle(String part) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleContains(part));
    }
}
