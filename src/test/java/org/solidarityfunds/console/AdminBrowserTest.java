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
        Browser.open(browser, root, "/console/login");
        browser.findElement(By.xpath("//button[contains(., 'admin')]")).click();
        Browser.waitTitle(browser, "Les fonds");
        browser.findElement(By.linkText("Administration")).click();
        Browser.waitTitle(browser, "Administration");
        Browser.assertAccessible(browser);

        Browser.type(browser, "f-code", code);
        Browser.type(browser, "f-name", "Fonds de solidarité Équateur");
        browser.findElement(By.xpath("//button[.='Ouvrir un fonds']")).click();
        Browser.waitTitle(browser, "Fonds de solidarité Équateur");

        Browser.open(browser, root, "/console/admin");
        new Select(browser.findElement(By.id("f-donor-kind"))).selectByVisibleText("Département");
        Browser.type(browser, "f-donor-name", "Département de la Gironde");
        Browser.type(browser, "f-donor-siren", siren());
        browser.findElement(By.xpath("//button[.='Ajouter un donateur']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("#donors"));
        assertThat(browser.findElements(By.id("problems"))).isEmpty();

        Browser.open(browser, root, "/console/funds/" + code + "/committee/edit");
        Browser.waitTitle(browser, "Comité de");
        Browser.type(browser, "f-members.0.subject", "lyon");
        Browser.type(browser, "f-members.0.name", "Ville de Lyon");
        Browser.type(browser, "f-members.0.validFrom", "01/01/2020");
        Browser.type(browser, "f-members.1.subject", "nantes");
        Browser.type(browser, "f-members.1.name", "Ville de Nantes");
        Browser.type(browser, "f-members.1.validFrom", "01/01/2020");
        Browser.type(browser, "f-quorum", "2");
        Browser.type(browser, "f-delegate.subject", "lyon");
        Browser.type(browser, "f-delegate.below", "1 000,00");
        Browser.type(browser, "f-reason", "Délibération du conseil d'administration du 10/03/2020");
        Browser.assertAccessible(browser);
        browser.findElement(By.xpath("//button[.='Enregistrer le comité']")).click();
        Browser.waitTitle(browser, "Fonds de solidarité Équateur");
        assertThat(Browser.spaced(browser.findElement(By.id("committee")).findElement(By.xpath("following-sibling::p"))
                .getText())).contains("Quorum : 2 membres sur 2");
        assertThat(Api.api().get("/api/v1/funds/{code}/committee", code).then().statusCode(200).extract()
                .<String>path("delegate.subject")).isEqualTo("lyon");

        Browser.open(browser, root, "/console/admin");
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



}
