package org.solidarityfunds.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.Api;
import org.solidarityfunds.support.Browser;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * Money received in US dollars, recorded from the keyboard alone (no mouse event): finance
 * picks the commune, types the amount and the rate, sees the euros credited and the proposed
 * allocation to the pledge's two instalments, earliest due first, and confirms.
 */
@QuarkusTest
class ContributionKeyboardBrowserTest {

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
    void a_contribution_in_dollars_is_recorded_and_allocated_with_the_keyboard_alone() {
        String fund = TestFunds.open("LIBAN");
        String donor = TestFunds.donor("Ville de Strasbourg");
        Api.json(TestTokens.as("test-finance", Roles.FINANCE), Map.of("donorId", donor,
                "amount", Map.of("amountMinor", 1_500_00, "currency", "EUR"), "pledgedOn", "2020-08-20",
                "deliberationRef", "DEL-2020-118", "instalments", List.of(
                        Map.of("amountMinor", 750_00, "dueOn", "2020-09-30"),
                        Map.of("amountMinor", 750_00, "dueOn", "2020-12-31"))))
                .post("/api/v1/funds/{code}/pledges", fund).then().statusCode(201);
        browser = Browser.start("fr");
        keys = new Actions(browser);

        browser.get(root + "console/login");
        press(browser.findElement(By.xpath("//button[contains(., 'finance')]")), Keys.ENTER);
        Browser.waitTitle(browser, "Les fonds");
        // The home page lists every fund the suite opened: the fund's address is typed, as a user would.
        browser.get(root + "console/funds/" + fund);
        Browser.waitTitle(browser, "Fonds " + fund);
        press(browser.findElement(By.linkText("Enregistrer une contribution reçue")), Keys.ENTER);
        Browser.waitTitle(browser, "Enregistrer une contribution");
        Browser.assertAccessible(browser);

        press(browser.findElement(By.id("f-donorId")), "Ville de Strasbourg");
        press(browser.findElement(By.id("f-amount")), "1635,00");
        press(browser.findElement(By.id("f-currency")), "USD");
        press(browser.findElement(By.id("f-exchangeRate")), "0,917431192660");
        press(browser.findElement(By.id("f-receivedOn")), "02/10/2020");
        press(browser.findElement(By.id("f-bankReference")), "VIR-2020-10-02-0042");
        press(browser.findElement(By.xpath("//button[contains(., 'Voir le montant crédité')]")), Keys.ENTER);
        Browser.waitTitle(browser, "Vérifier et enregistrer");
        assertThat(Browser.spaced(text("received"))).isEqualTo("1 635,00 $US");
        assertThat(Browser.spaced(text("credited"))).isEqualTo("1 500,00 €");
        assertThat(browser.findElement(By.id("f-allocation.0")).getAttribute("value")).isEqualTo("750,00");
        assertThat(browser.findElement(By.id("f-allocation.1")).getAttribute("value")).isEqualTo("750,00");
        Browser.assertAccessible(browser);

        press(browser.findElement(By.xpath("//button[contains(., 'Enregistrer la contribution')]")), Keys.ENTER);
        Browser.waitTitle(browser, "Contribution VIR-2020-10-02-0042");
        assertThat(text("contribution-status")).isEqualTo("Reçue");
        assertThat(Browser.spaced(text("credited"))).isEqualTo("1 500,00 €");
        Browser.assertAccessible(browser);

        browser.get(root + "console/funds/" + fund);
        assertThat(Browser.spaced(browser.findElement(By.xpath("//dt[.='Reçu']/following-sibling::dd")).getText()))
                .isEqualTo("1 500,00 €");
        assertThat(browser.findElement(By.id("pledges")).findElement(By.xpath("following-sibling::table"))
                .getText()).contains("Reçue");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    private Actions keys;

    /** Tab to the element (no click, no mouse), then type into it or press a key there. */
    private void press(WebElement target, CharSequence... typed) {
        for (int presses = 0; presses < 200 && !target.equals(browser.switchTo().activeElement()); presses++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.switchTo().activeElement()).as("reached with Tab: " + target.getAttribute("outerHTML"))
                .isEqualTo(target);
        keys.sendKeys(typed).perform();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

}
