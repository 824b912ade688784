package org.solidarityfunds.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URL;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.solidarityfunds.accounting.FecReader;
import org.solidarityfunds.dev.DevConsoleSession;
import org.solidarityfunds.support.Browser;
import org.solidarityfunds.support.TestFunds;

/**
 * A year closed on screen by two people: finance asks for the closing, and sees it waiting for
 * someone else; an auditor confirms it, and the year's FEC is there to download, a file the
 * article's rules accept. On a database of its own: it closes a year.
 */
@QuarkusTest
@TestProfile(BooksBrowserTest.OwnYears.class)
class BooksBrowserTest {

    /** A profile of its own: Quarkus restarts with a fresh database for it. */
    public static class OwnYears implements QuarkusTestProfile {
    }

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
    void finance_asks_for_the_closing_an_auditor_confirms_it_and_the_fec_is_downloaded() {
        String fund = TestFunds.open("BOOKS");
        TestFunds.contribution(fund, TestFunds.donor("Commune de Villeurbanne"), 2_500_00, null, "2020-10-02");

        browser = signedIn("finance");
        browser.findElement(By.linkText("Exercices")).click();
        Browser.waitTitle(browser, "Exercices comptables");
        assertThat(browser.findElement(By.id("year-2020")).getText()).contains("Ouvert");
        assertThat(browser.findElements(By.xpath("//button[contains(., 'Confirmer la clôture')]"))).isEmpty();
        Browser.assertAccessible(browser);
        Browser.type(browser, "f-request-reason-2020", "Comptes 2020 arrêtés par le bureau");
        browser.findElement(By.xpath("//button[contains(., 'Demander la clôture')]")).click();
        Browser.waitTitle(browser, "Exercices comptables");
        assertThat(browser.findElement(By.id("year-2020")).getText()).contains("En clôture").contains("finance");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("En attente de la confirmation");
        // The requester is offered no confirmation; the service would refuse it all the same.
        assertThat(browser.findElements(By.xpath("//button[contains(., 'Confirmer la clôture')]"))).isEmpty();
        assertThat(Browser.consoleErrors(browser)).isEmpty();
        browser.quit();

        browser = signedIn("auditor");
        Browser.open(browser, root, "/console/fiscal-years");
        Browser.waitTitle(browser, "Exercices comptables");
        Browser.type(browser, "f-confirm-reason-2020", "Comptes 2020 vérifiés");
        browser.findElement(By.xpath("//button[contains(., 'Confirmer la clôture')]")).click();
        Browser.waitTitle(browser, "Exercices comptables");
        String year = browser.findElement(By.id("year-2020")).getText();
        assertThat(year).contains("Clôturé").contains("auditor").contains("2 écriture(s) numérotée(s)");
        Browser.assertAccessible(browser);
        String fec = browser.findElement(By.linkText("FEC")).getAttribute("href");

        String session = browser.manage().getCookieNamed(DevConsoleSession.COOKIE).getValue();
        Response download = given().cookie(DevConsoleSession.COOKIE, session).get(fec);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("text/plain;charset=ISO-8859-15");
        assertThat(download.header("Content-Disposition")).contains("ASSOFEC20201231.txt");
        assertThat(download.header("Content-Security-Policy")).as("a console download keeps the console's headers")
                .contains("default-src 'none'");
        assertThat(download.header("Referrer-Policy")).isEqualTo("same-origin");
        FecReader.File file = FecReader.read("ASSOFEC20201231.txt", download.asByteArray(),
                new FecReader.Expectations(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)));
        assertThat(file.lines()).anyMatch(line -> line.compteNum().equals("512")
                && line.debit().compareTo(new java.math.BigDecimal("2500.00")) == 0);
        given().cookie(DevConsoleSession.COOKIE, session).header("If-None-Match", download.header("ETag")).get(fec)
                .then().statusCode(304);
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    private ChromeDriver signedIn(String user) {
        ChromeDriver signedIn = Browser.start("fr");
        signedIn.get(root + "console/login");
        signedIn.findElement(By.xpath("//button[contains(., '" + user + "')]")).click();
        Browser.waitTitle(signedIn, "Les fonds");
        return signedIn;
    }
}
