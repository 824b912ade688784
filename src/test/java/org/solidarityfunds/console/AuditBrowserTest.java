package org.solidarityfunds.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.solidarityfunds.ledger.EntryView;
import org.solidarityfunds.support.Browser;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestLedger;

/** An auditor verifies the ledger on screen: intact, then a line edited behind the service is named, entry and all. */
@QuarkusTest
class AuditBrowserTest {

    @TestHTTPResource("/")
    URL root;

    private final TestLedger ledger;
    private ChromeDriver browser;

    AuditBrowserTest(TestLedger ledger) {
        this.ledger = ledger;
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_verification_says_intact_then_names_the_entry_edited_behind_the_service() throws SQLException {
        String fund = TestFunds.open("AUDIT");
        ledger.pledge(fund, 1_000_00);
        EntryView tampered = ledger.allocatedContribution(fund, 400_00);
        browser = Browser.start("fr");
        browser.get(root + "console/login");
        browser.findElement(By.xpath("//button[contains(., 'auditor')]")).click();
        Browser.waitTitle(browser, "Les fonds");
        browser.findElement(By.linkText("Vérification")).click();
        Browser.waitTitle(browser, "Vérification du grand livre");
        assertThat(browser.findElement(By.id("heads")).getText()).contains(fund).contains(tampered.hash());
        Browser.assertAccessible(browser);
        browser.findElement(By.xpath("//button[contains(., 'Lancer une vérification')]")).click();
        Browser.waitTitle(browser, "Vérification du grand livre");
        assertThat(browser.findElement(By.id("verification-status")).getText()).startsWith("Intact");
        Browser.assertAccessible(browser);

        String edit = "UPDATE journal_line SET amount_minor = amount_minor %s 100 WHERE entry_id = '" + tampered.id()
                + "' AND line_no IN (1, 2)";
        withoutTriggers(String.format(edit, "+"));
        try {
            browser.findElement(By.xpath("//button[contains(., 'Lancer une vérification')]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("verification-status"), "Rompu"));
            assertThat(browser.findElement(By.id("first-break")).getText()).contains("N° 2").contains("l'empreinte de l'écriture ne correspond pas");
            browser.findElement(By.linkText("voir l'écriture")).click();
            Browser.waitTitle(browser, "Écriture n° 2");
            assertThat(browser.findElement(By.id("entry-hash")).getText()).isEqualTo(tampered.hash());
            Browser.assertAccessible(browser);
        } finally {
            withoutTriggers(String.format(edit, "-"));
        }
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    private static void withoutTriggers(String statement) throws SQLException {
        try (Connection superuser = TestDatabase.asSuperuser(); Statement sql = superuser.createStatement()) {
            sql.execute("SET session_replication_role = replica");
            assertThat(sql.executeUpdate(statement)).isPositive();
        }
    }

}
