package org.solidarityfunds.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.solidarityfunds.support.Browser;
import org.solidarityfunds.support.TestFunds;

/** The console in a real browser: signing in, the home page and a fund's page, by keyboard, checked by axe-core. */
@QuarkusTest
class ConsoleBrowserTest {

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
    void finance_signs_in_with_the_keyboard_alone_and_reads_the_funds_in_french() {
        String fund = TestFunds.open("BROWSE");
        String donor = TestFunds.donor("Ville de Rennes");
        TestFunds.contribution(fund, donor, 250_000, TestFunds.pledge(fund, donor, 250_000));
        browser = Browser.start("fr");
        browser.get(root.toString());
        wait(ExpectedConditions.titleContains("Se connecter"));
        Browser.assertAccessible(browser);

        // Tab from the top of the page to the finance account's button, then Enter: no mouse event.
        WebElement target = browser.findElement(By.xpath("//button[contains(., 'finance')]"));
        Actions keyboard = new Actions(browser);
        for (int presses = 0; presses < 30 && !target.equals(browser.switchTo().activeElement()); presses++) {
            keyboard.sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.switchTo().activeElement()).as("the finance button is reached with Tab").isEqualTo(target);
        keyboard.sendKeys(Keys.ENTER).perform();

        wait(ExpectedConditions.titleContains("Les fonds"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        WebElement card = browser.findElement(By.xpath("//section[.//h2[contains(., '" + fund + "')]]"));
        assertThat(Browser.spaced(card.getText())).contains("Disponible 2 500,00 €");
        assertThat(card.findElements(By.cssSelector(".chart-canvas canvas"))).as("the chart is drawn").isNotEmpty();
        assertThat(Browser.spaced(card.findElement(By.cssSelector(".chart details table")).getAttribute("textContent")))
                .as("the chart's table alternative").contains("2 500,00 €");
        Browser.assertAccessible(browser);

        card.findElement(By.linkText("Fonds " + fund)).sendKeys(Keys.ENTER);
        wait(ExpectedConditions.titleContains("Fonds " + fund));
        assertThat(browser.findElement(By.id("pledges")).isDisplayed()).isTrue();
        assertThat(browser.getPageSource()).contains("Ville de Rennes");
        Browser.assertAccessible(browser);
        assertThat(Browser.consoleErrors(browser)).as("no script error, no Content-Security-Policy refusal").isEmpty();
    }

    @Test
    void the_language_switch_turns_the_console_to_english() {
        TestFunds.open("ENGLISH");
        browser = Browser.start("fr");
        browser.get(root.toString());
        wait(ExpectedConditions.titleContains("Se connecter"));
        browser.findElement(By.xpath("//button[contains(., 'auditor')]")).sendKeys(Keys.ENTER);
        wait(ExpectedConditions.titleContains("Les fonds"));
        browser.findElement(By.linkText("English")).sendKeys(Keys.ENTER);
        wait(ExpectedConditions.titleContains("Funds"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        List<WebElement> available = browser.findElements(By.xpath("//dt[normalize-space()='Available']"));
        assertThat(available).isNotEmpty();
        Browser.assertAccessible(browser);
    }

    private void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }
}
