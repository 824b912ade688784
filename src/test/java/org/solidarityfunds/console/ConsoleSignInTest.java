package org.solidarityfunds.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.access.SignInClaims;
import org.solidarityfunds.support.Api;
import org.solidarityfunds.support.Browser;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestProvider;
import org.solidarityfunds.support.TestTokens;

/**
 * Signing in to the console through an identity provider, as production does (ADR 0012): the
 * authorization code flow of the "staff" tenant against Quarkus' OpenID provider for tests
 * (WireMock, support/TestProvider), with Debian's Chromium.
 */
@QuarkusTest
@TestProfile(ConsoleSignInTest.ThroughTheProvider.class)
@WithTestResource(OidcWiremockTestResource.class)
class ConsoleSignInTest {

    private static final RestAssuredConfig NO_REDIRECTS = RestAssuredConfig.config()
            .redirect(RedirectConfig.redirectConfig().followRedirects(false));

    /** The production profile's sign-in, pointed at the test provider. */
    public static class ThroughTheProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String tenant = "quarkus.oidc." + SignInClaims.TENANT + ".";
            return Map.of(
                    "%test." + tenant + "tenant-enabled", "true",
                    tenant + "auth-server-url", "${keycloak.url}/realms/quarkus",
                    tenant + "client-id", TestProvider.CLIENT,
                    tenant + "credentials.secret", "secret",
                    tenant + "token-state-manager.encryption-secret", "a-test-secret-of-more-than-thirty-two-characters",
                    "quarkus.http.auth.permission.console.paths", "/console,/console/*",
                    "quarkus.http.auth.permission.console.policy", "authenticated",
                    "quarkus.http.auth.permission.console-open.paths", "/console/assets/*,/console/signed-out,/console/language",
                    "quarkus.http.auth.permission.console-open.policy", "permit");
        }
    }

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = "keycloak.url")
    String providerUrl;

    private TestProvider provider;
    private ChromeDriver browser;

    @BeforeEach
    void provider() {
        provider = new TestProvider(providerUrl);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_committee_member_signs_in_through_the_provider_votes_as_themselves_and_signs_out() {
        String member = "f3a1c2d4-provider-user-lyon";
        String fund = TestFunds.open("SSO");
        TestFunds.committee(fund, 1, member, "nantes");
        TestFunds.contribution(fund, TestFunds.donor("Ville de Lyon"), 20_000_00, null);
        String request = TestFunds.disbursement(fund, 5_000_00);
        provider.issues(member, "Élise Martin", List.of(Roles.COMMITTEE), null);

        browser = Browser.start("fr");
        Browser.open(browser, root, "/console");
        provider.signIn(browser);
        Browser.waitTitle(browser, "Les fonds");
        assertThat(Browser.spaced(browser.findElement(By.className("session")).getText()))
                .contains("Connecté·e en tant que Élise Martin");
        assertThat(browser.getPageSource()).contains("Fonds " + fund);

        Browser.open(browser, root, "/console/votes");
        browser.findElement(By.partialLinkText("Commune de Dondo")).click();
        Browser.waitTitle(browser, "Décaissement pour");
        browser.findElement(By.id("f-vote-FOR")).click();
        browser.findElement(By.id("f-minutesReference")).sendKeys("PV-SSO-01");
        Browser.submit(browser, By.xpath("//button[contains(., 'Enregistrer mon vote')]"));
        Browser.waitTitle(browser, "Décaissement pour");
        List<String> voters = Api.api().get("/api/v1/disbursements/{id}", request).then().statusCode(200)
                .extract().path("votes.voter");
        assertThat(voters).as("the vote is recorded under the provider's subject").containsExactly(member);
        assertThat(Browser.consoleErrors(browser)).as("the console's own pages log no error (the test provider has no favicon)")
                .filteredOn(error -> !error.startsWith(provider.origin())).isEmpty();

        browser.findElement(By.xpath("//button[contains(., 'Se déconnecter')]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/console/signed-out"));
        provider.verifySessionEnded("/console/signed-out");
        Browser.open(browser, root, "/console");
        assertThat(TestProvider.asksToSignIn(browser)).as("signed out: the provider asks again").isTrue();
    }

    @Test
    void a_partner_signed_in_through_the_provider_finds_no_console() {
        String fund = TestFunds.open("SSOPART");
        provider.issues("partner-system-7", "partner-system-7", List.of(Roles.PARTNER), List.of(fund));
        browser = Browser.start("fr");
        Browser.open(browser, root, "/console");
        provider.signIn(browser);
        Browser.waitTitle(browser, "Page introuvable");
        assertThat(browser.getPageSource()).doesNotContain(fund);
    }

    @Test
    void tokens_whose_claims_the_service_could_not_use_sign_nobody_in() {
        provider.issues("someone", "someone", List.of(Roles.FINANCE), "LIBAN-2020");
        browser = Browser.start("fr");
        Browser.open(browser, root, "/console");
        provider.signIn(browser);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
        assertThat(browser.getPageSource()).doesNotContain("Les fonds").doesNotContain("LIBAN-2020");
        assertThat(browser.manage().getCookies()).noneMatch(cookie -> cookie.getName().startsWith("q_session"));
    }

    @Test
    void a_console_page_without_a_session_goes_to_the_provider_and_an_api_call_never_does() {
        given().config(NO_REDIRECTS).get("/console/funds/LIBAN-2020").then().statusCode(302)
                .header("Location", startsWith(provider.url()))
                .header("Location", containsString("code_challenge_method=S256"));
        given().config(NO_REDIRECTS).get("/console/assets/console.css").then().statusCode(200);
        for (String path : List.of("/api/v1/funds", "/api/v1/funds/" + SignInClaims.TENANT, "/api/v1/funds/console")) {
            given().config(NO_REDIRECTS).get(path).then().statusCode(401)
                    .contentType("application/problem+json").body("type", endsWith("#unauthenticated"));
        }
    }

    @Test
    void the_api_bearer_tokens_open_the_console_with_the_same_rules() {
        given().config(NO_REDIRECTS).auth().oauth2(TestTokens.as("sso-finance", Roles.FINANCE)).get("/console")
                .then().statusCode(200).body(containsString("Les fonds"));
        given().config(NO_REDIRECTS).auth().oauth2(TestTokens.as("sso-partner", Roles.PARTNER, "LIBAN-2020"))
                .get("/console").then().statusCode(404).body(containsString("Page introuvable"));
    }


}
