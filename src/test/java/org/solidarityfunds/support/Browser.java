package org.solidarityfunds.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven by its own ChromeDriver: never a browser a test tool
 * downloads. .ci/run installs both (apt-get install chromium chromium-driver).
 */
public final class Browser {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private Browser() {
    }

    /** A new browser with an empty profile, answering in this language. */
    public static ChromeDriver start(String language) {
        assertThat(CHROMIUM.canExecute()).as("Debian's chromium (apt-get install chromium chromium-driver)").isTrue();
        assertThat(CHROMEDRIVER.canExecute()).as("Debian's chromium-driver").isTrue();
        try {
            Path profile = Files.createTempDirectory("console-browser");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=" + language);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                    .usingAnyFreePort().build();
            return new ChromeDriver(service, options);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no temporary profile directory", e);
        }
    }

    /** Opens this path of the service under test (root is the test's {@code @TestHTTPResource("/")}). */
    public static void open(ChromeDriver browser, java.net.URL root, String path) {
        browser.get(root.toString().replaceAll("/$", "") + path);
    }

    /** Replaces what the field with this id holds by what a user types. */
    public static void type(ChromeDriver browser, String id, String value) {
        org.openqa.selenium.WebElement field = browser.findElement(org.openqa.selenium.By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** Waits (up to 10 s) for a page whose title contains this. */
    public static void waitTitle(ChromeDriver browser, String part) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.titleContains(part));
    }

    /**
     * Clicks this button and waits (up to 10 s) for the document it submits to replace the
     * page. The old page is marked on its window; a new document has a new window. Waiting for
     * the old element to go stale is not enough: while the page is being replaced, Chromium may
     * answer "node does not belong to the document", an error Selenium does not read as stale.
     */
    public static void submit(ChromeDriver browser, org.openqa.selenium.By button) {
        browser.executeScript("window.__replacedPage = true;");
        browser.findElement(button).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(driver -> Boolean.TRUE.equals(browser.executeScript(
                        "return window.__replacedPage === undefined && document.readyState === 'complete';")));
    }

    /** Every run of spaces, the no-break ones French amounts are written with included, as one space. */
    public static String spaced(String text) {
        return text.replaceAll("[\\s\\u00a0\\u202f]+", " ").strip();
    }

    /**
     * What the page wrote to the browser's console: a script error, a Content-Security-Policy
     * refusal, a resource that did not load. A form refused with its problems is answered 400
     * or 409 on purpose; the browser notes that status too, and it is left out here.
     */
    public static List<String> consoleErrors(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.matches(".*/console/\\S+ - Failed to load resource: the server responded "
                        + "with a status of 4(00|09) .*"))
                .toList();
    }

    /** axe-core's WCAG 2.1 A and AA rules on the page as it stands: no serious or critical violation. */
    public static void assertAccessible(ChromeDriver browser) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe).toList();
        assertThat(serious).as("axe-core on " + browser.getCurrentUrl()).isEmpty();
        assertThat(results.getPasses()).as("axe-core ran its rules on " + browser.getCurrentUrl()).isNotEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
    }
}
