package org.solidarityfunds.production;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.dev.EmbeddedDatabase;
import org.solidarityfunds.support.Browser;
import org.solidarityfunds.support.TestProvider;
import org.solidarityfunds.support.TestTokens;

/**
 * The packaged service as an operator runs it, its console signing users in through an
 * identity provider (Quarkus' test provider) configured by the environment variables
 * docs/operating/authentication.md names: a committee member signs in, lands on the page
 * they asked for, votes, and signs out to the production build's own signed-out page; the
 * dev build's list of demo accounts is nowhere.
 */
class ConsoleSignInIT {

    @Test
    void a_member_signs_in_through_the_provider_votes_and_signs_out() throws Exception {
        OidcWiremockTestResource providerServer = new OidcWiremockTestResource();
        TestProvider provider = new TestProvider(providerServer.start().get("keycloak.url"));
        ChromeDriver browser = null;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(null, 0)) {
            Map<String, String> environment = PackagedService.environmentFor(database);
            environment.put("QUARKUS_OIDC_STAFF_TENANT_ENABLED", "true");
            environment.put("QUARKUS_OIDC_STAFF_AUTH_SERVER_URL", provider.url());
            environment.put("QUARKUS_OIDC_STAFF_CLIENT_ID", TestProvider.CLIENT);
            environment.put("QUARKUS_OIDC_STAFF_CREDENTIALS_SECRET", "secret");
            environment.put("QUARKUS_OIDC_STAFF_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET",
                    "an-operator-secret-of-more-than-thirty-two-characters");
            try (PackagedService service = PackagedService.start(environment)) {
                PackagedService.awaitReady(service);
                String request = dondoRequest(service.port, "kc-0042");
                provider.issues("kc-0042", "Élise Martin", List.of(Roles.COMMITTEE), null);

                browser = Browser.start("fr");
                String origin = "http://localhost:" + service.port;
                browser.get(origin + "/console/login?next=/console/disbursements/" + request);
                provider.signIn(browser);
                waitTitle(browser, "Décaissement pour Commune de Dondo");
                assertThat(browser.getPageSource()).contains("Élise Martin").doesNotContain("compte de démonstration");

                browser.findElement(By.id("f-vote-FOR")).click();
                browser.findElement(By.id("f-minutesReference")).sendKeys("PV-DONDO-2020-11");
                Browser.submit(browser, By.xpath("//button[contains(., 'Enregistrer mon vote')]"));
                assertThat(Browser.spaced(browser.findElement(By.id("disbursement-status")).getText())).isEqualTo("Approuvé");
                List<String> voters = given().port(service.port).auth().oauth2(TestTokens.admin())
                        .get("/api/v1/disbursements/{id}", request).then().statusCode(200).extract().path("votes.voter");
                assertThat(voters).containsExactly("kc-0042");

                browser.findElement(By.xpath("//button[contains(., 'Se déconnecter')]")).click();
                waitTitle(browser, "Vous êtes déconnecté·e");
                provider.verifySessionEnded("/console/signed-out");
                Browser.assertAccessible(browser);
                assertThat(Browser.consoleErrors(browser)).filteredOn(error -> !error.startsWith(provider.origin())).isEmpty();
                browser.findElement(By.linkText("Se connecter à nouveau")).click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(TestProvider::asksToSignIn);
            }
        } finally {
            if (browser != null) {
                browser.quit();
            }
            providerServer.stop();
        }
    }

    /** A fund with money, a committee of one and a member, and a request awaiting their vote, through the API. */
    private static String dondoRequest(int port, String member) {
        String admin = TestTokens.admin();
        String finance = TestTokens.as("it-finance", Roles.FINANCE);
        given().port(port).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("code", "DONDO-IT", "name", "Fonds Dondo")).post("/api/v1/funds").then().statusCode(201);
        given().port(port).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("members", List.of(Map.of("subject", member, "name", "Élise Martin", "validFrom", "2020-01-01")),
                        "quorum", 1, "majority", "SIMPLE", "reason", "Comité de Dondo"))
                .put("/api/v1/funds/DONDO-IT/committee").then().statusCode(200);
        String donor = given().port(port).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("kind", "COMMUNE", "name", "Ville de Lyon")).post("/api/v1/donors").then().statusCode(201)
                .extract().path("id");
        given().port(port).auth().oauth2(finance).contentType("application/json").header("Idempotency-Key", "it-1")
                .body(Map.of("donorId", donor, "amount", Map.of("amountMinor", 2_000_000, "currency", "EUR"),
                        "receivedOn", "2020-09-01", "bankReference", "VIR-IT-1"))
                .post("/api/v1/funds/DONDO-IT/contributions").then().statusCode(201);
        return given().port(port).auth().oauth2(finance).contentType("application/json").header("Idempotency-Key", "it-2")
                .body(Map.of("beneficiary", Map.of("name", "Commune de Dondo", "country", "MZ"), "purpose", "Réhabilitation",
                        "amount", Map.of("amountMinor", 500_000, "currency", "EUR")))
                .post("/api/v1/funds/DONDO-IT/disbursements").then().statusCode(201).extract().path("id");
    }

    private static void waitTitle(ChromeDriver browser, String part) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.titleContains(part));
    }
}
