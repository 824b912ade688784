package org.solidarityfunds.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.solidarityfunds.common.Clocks;
import org.solidarityfunds.support.Api;
import org.solidarityfunds.support.Browser;
import org.solidarityfunds.support.TestFunds;

/**
 * The Dondo story through the screens only: a member asks for a disbursement, two other
 * members approve it, the fourth finds it decided, the requester never had a vote button,
 * finance pays it and the fund's available money moves. Then the same form sent twice.
 */
@QuarkusTest
class DisbursementStoryBrowserTest {

    @TestHTTPResource("/")
    URL root;

    private final Clock clock;
    private ChromeDriver browser;

    DisbursementStoryBrowserTest(Clock clock) {
        this.clock = clock;
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_request_is_voted_decided_and_paid_through_the_screens() {
        String fund = TestFunds.open("DONDO");
        TestFunds.committee(fund, 2, "lyon", "nantes", "rennes", "grenoble");
        String donor = TestFunds.donor("Région Bretagne");
        TestFunds.contribution(fund, donor, 50_000_00, null);
        browser = Browser.start("fr");

        signIn("lyon");
        Browser.open(browser, root, "/console/funds/" + fund);
        browser.findElement(By.linkText("Demander un décaissement")).click();
        Browser.waitTitle(browser, "Demander un décaissement");
        Browser.type(browser, "f-beneficiary.name", "Conseil municipal de Dondo");
        Browser.type(browser, "f-beneficiary.country", "MZ");
        Browser.type(browser, "f-purpose", "Réhabilitation de l'école primaire");
        Browser.type(browser, "f-amount", "12 000,00");
        Browser.assertAccessible(browser);
        browser.findElement(By.xpath("//button[@type='submit' and contains(., 'Envoyer la demande')]")).click();
        Browser.waitTitle(browser, "Décaissement pour Conseil municipal de Dondo");
        String page = browser.getCurrentUrl();
        assertThat(text("disbursement-status")).isEqualTo("Demandé");
        assertThat(browser.findElements(By.id("vote-title"))).as("the requester has no vote button").isEmpty();
        Browser.assertAccessible(browser);

        signIn("nantes");
        Browser.open(browser, root, "/console/votes");
        browser.findElement(By.partialLinkText("Conseil municipal de Dondo")).click();
        Browser.waitTitle(browser, "Décaissement pour");
        assertThat(text("fund-available")).isEqualTo("50 000,00 €");
        assertThat(text("votes-needed")).contains("Encore 2 vote(s)");
        Browser.assertAccessible(browser);
        vote("FOR", "PV-DONDO-2020-11");

        signIn("rennes");
        Browser.open(browser, root, page.substring(page.indexOf("/console")));
        vote("FOR", "PV-DONDO-2020-11");
        assertThat(text("disbursement-status")).isEqualTo("Approuvé");
        assertThat(text("decision")).contains("2 pour, 0 contre");

        signIn("grenoble");
        Browser.open(browser, root, "/console/votes");
        assertThat(browser.getPageSource()).doesNotContain("Conseil municipal de Dondo");
        Browser.open(browser, root, page.substring(page.indexOf("/console")));
        assertThat(text("disbursement-status")).isEqualTo("Approuvé");
        assertThat(browser.findElements(By.id("vote-title"))).as("a decided request takes no vote").isEmpty();

        signIn("finance");
        Browser.open(browser, root, page.substring(page.indexOf("/console")));
        assertThat(text("fund-available")).isEqualTo("38 000,00 €");
        String today = LocalDate.now(clock.withZone(Clocks.BUSINESS_ZONE))
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        // A first tranche, with the bank's charges, then the rest.
        Browser.type(browser, "f-paidOn", today);
        Browser.type(browser, "f-reference", "VIR-DONDO-0001");
        Browser.type(browser, "f-amount", "5 000,00");
        Browser.type(browser, "f-beneficiary-iban", "MZ59 0003 0108 0016 3671 0237 1");
        Browser.type(browser, "f-charges", "15,00");
        Browser.submit(browser, By.xpath("//button[contains(., 'Enregistrer le versement')]"));
        assertThat(text("disbursement-status")).isEqualTo("Versé en partie");
        assertThat(Browser.spaced(text("left-to-pay"))).endsWith("7 000,00 €");
        assertThat(Browser.spaced(text("payments"))).contains("VIR-DONDO-0001", "MZ59000301080016367102371",
                "5 000,00 €", "15,00 €");
        Browser.assertAccessible(browser);
        Browser.type(browser, "f-paidOn", today);
        Browser.type(browser, "f-reference", "VIR-DONDO-0002");
        Browser.type(browser, "f-amount", "7 000,00");
        Browser.submit(browser, By.xpath("//button[contains(., 'Enregistrer le versement')]"));
        assertThat(text("disbursement-status")).isEqualTo("Versé");
        assertThat(text("payments")).contains("VIR-DONDO-0002");
        assertThat(browser.findElements(By.id("pay-title"))).as("a paid disbursement takes no payment").isEmpty();
        // The beneficiary's execution report, once paid: told by its content, kept with the disbursement.
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("f-document-kind")))
                .selectByValue("EXECUTION_REPORT");
        browser.findElement(By.id("f-document-file")).sendKeys(java.nio.file.Path.of("src/test/resources/documents/"
                + "execution-report_pandoc.docx").toAbsolutePath().toString());
        Browser.submit(browser, By.xpath("//button[contains(., 'Joindre la pièce')]"));
        assertThat(text("documents")).contains("Rapport d'exécution", "execution-report_pandoc.docx");
        assertThat(browser.findElement(By.linkText("execution-report_pandoc.docx")).getAttribute("href"))
                .contains("/console/documents/");
        Browser.assertAccessible(browser);
        Browser.open(browser, root, "/console/funds/" + fund);
        assertThat(Browser.spaced(browser.findElement(By.xpath("//dt[.='Versé']/following-sibling::dd")).getText()))
                .as("paid out: the two tranches and the charges").isEqualTo("12 015,00 €");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    @Test
    void a_request_sent_twice_and_again_after_going_back_is_recorded_once() {
        String fund = TestFunds.open("TWICE");
        TestFunds.committee(fund, 2, "lyon", "nantes", "rennes", "grenoble");
        browser = Browser.start("fr");
        signIn("finance");
        Browser.open(browser, root, "/console/funds/" + fund + "/disbursements/new");
        Browser.type(browser, "f-beneficiary.name", "Croix-Rouge libanaise");
        Browser.type(browser, "f-beneficiary.country", "LB");
        Browser.type(browser, "f-purpose", "Aide d'urgence");
        Browser.type(browser, "f-amount", "1 000");
        // A double click: the form is sent twice before the first answer arrives.
        browser.executeScript("const f = document.querySelector('form.form'); f.requestSubmit(); f.requestSubmit();");
        Browser.waitTitle(browser, "Décaissement pour Croix-Rouge libanaise");
        String first = browser.getCurrentUrl();
        browser.navigate().back();
        Browser.waitTitle(browser, "Demander un décaissement");
        browser.findElement(By.xpath("//button[contains(., 'Envoyer la demande')]")).click();
        Browser.waitTitle(browser, "Décaissement pour Croix-Rouge libanaise");
        assertThat(browser.getCurrentUrl()).isEqualTo(first);
        List<Map<String, Object>> recorded = Api.api().get("/api/v1/funds/{code}/disbursements", fund).then()
                .statusCode(200).extract().path("items");
        assertThat(recorded).hasSize(1);
    }

    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        Browser.open(browser, root, "/console/login");
        browser.findElement(By.xpath("//button[contains(., '" + user + "')]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleContains("Les fonds"));
    }

    private void vote(String choice, String minutes) {
        browser.findElement(By.id("f-vote-" + choice)).click();
        Browser.type(browser, "f-minutesReference", minutes);
        Browser.submit(browser, By.xpath("//button[contains(., 'Enregistrer mon vote')]"));
        Browser.waitTitle(browser, "Décaissement pour");
    }



    private String text(String id) {
        return Browser.spaced(browser.findElement(By.id(id)).getText());
    }

}
