package org.solidarityfunds.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.Api;
import org.solidarityfunds.support.Browser;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * The screenshots of the user guide (docs/guides/console.md), taken in French and in English
 * on a small Lebanon fund: written to target/console-screenshots, from where they are copied
 * to docs/images/console when the screens change. Each is checked to be a picture.
 */
@QuarkusTest
class ConsoleScreenshotsTest {

    static final Path OUT = Path.of("target", "console-screenshots");

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
    void the_main_pages_in_french_and_in_english() throws IOException {
        String fund = TestFunds.open("LIBAN-2020");
        String lyon = TestFunds.donor("Ville de Lyon");
        String nantes = TestFunds.donor("Ville de Nantes");
        String finance = TestTokens.as("finance", Roles.FINANCE);
        Api.json(finance, Map.of("donorId", nantes, "amount", Map.of("amountMinor", 5_000_00, "currency", "EUR"),
                "pledgedOn", "2020-08-20", "deliberationRef", "DEL-NANTES-2020-12", "instalments", List.of(
                        Map.of("amountMinor", 2_500_00, "dueOn", "2020-09-30"),
                        Map.of("amountMinor", 2_500_00, "dueOn", "2020-12-31"))))
                .post("/api/v1/funds/{code}/pledges", fund).then().statusCode(201);
        TestFunds.contribution(fund, lyon, 10_000_00, null);
        TestFunds.committee(fund, 2, "lyon", "nantes", "rennes", "grenoble");
        String request = Api.json(TestTokens.as("lyon", Roles.COMMITTEE), Map.of(
                "beneficiary", Map.of("name", "Croix-Rouge libanaise", "country", "LB"),
                "purpose", "Soins d'urgence après l'explosion du port de Beyrouth",
                "amount", Map.of("amountMinor", 4_000_00, "currency", "EUR")))
                .post("/api/v1/funds/{code}/disbursements", fund).then().statusCode(201).extract().path("id");
        TestFunds.vote(request, "nantes", "FOR");
        Files.createDirectories(OUT);

        for (String language : List.of("fr", "en")) {
            browser = Browser.start(language);
            Browser.open(browser, root, "/console/language?to=" + language + "&back=/console/login");
            shoot(language, "sign-in");
            signIn("finance");
            Browser.open(browser, root, "/console/funds/" + fund);
            shoot(language, "fund");
            Browser.open(browser, root, "/console/funds/" + fund + "/contributions/new");
            new Select(browser.findElement(By.id("f-donorId"))).selectByVisibleText("Ville de Nantes");
            browser.findElement(By.id("f-amount")).sendKeys("2750");
            new Select(browser.findElement(By.id("f-currency"))).selectByVisibleText("USD");
            browser.findElement(By.id("f-exchangeRate")).sendKeys(language.equals("fr") ? "0,909091" : "0.909091");
            browser.findElement(By.id("f-receivedOn")).sendKeys("28/09/2020");
            browser.findElement(By.id("f-bankReference")).sendKeys("VIR-NANTES-USD-1");
            browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("credited")));
            shoot(language, "contribution-confirm");
            signIn("rennes");
            Browser.open(browser, root, "/console/disbursements/" + request);
            shoot(language, "disbursement-vote");
            signIn("auditor");
            Browser.open(browser, root, "/console/verification");
            browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("verification-status")));
            shoot(language, "verification");
            browser.quit();
            browser = null;
        }
    }

    private void signIn(String user) {
        org.openqa.selenium.Cookie language = browser.manage().getCookieNamed(Language.COOKIE);
        browser.manage().deleteAllCookies();
        Browser.open(browser, root, "/console/login");
        if (language != null) {
            browser.manage().addCookie(language);
            browser.navigate().refresh();
        }
        browser.findElement(By.xpath("//button[contains(., '" + user + "')]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/console$"));
    }


    private void shoot(String language, String page) throws IOException {
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        assertThat(png).as(page).hasSizeGreaterThan(10_000);
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        Files.write(OUT.resolve(page + "-" + language + ".png"), png);
    }
}
