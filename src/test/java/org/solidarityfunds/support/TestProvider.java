package org.solidarityfunds.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.smallrye.jwt.build.Jwt;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The OpenID provider console users sign in at, in the tests: Quarkus' test provider
 * (WireMock, {@code io.quarkus.test.oidc.server.OidcWiremockTestResource}), whose login page
 * takes any name. Who it signs in is what {@link #issues} tells its token endpoint to answer,
 * tokens shaped as a real provider issues them: an access token for the service with the
 * claims of the API's tokens, and an ID token for the console's client.
 */
public final class TestProvider {

    public static final String ISSUER = "https://server.example.com";
    public static final String CLIENT = "quarkus-web-app";
    private static final String REALM = "/auth/realms/quarkus";

    private final URI base;
    private final WireMock server;

    /** @param keycloakUrl the test resource's {@code keycloak.url} */
    public TestProvider(String keycloakUrl) {
        URI url = URI.create(keycloakUrl);
        this.base = URI.create(url.getScheme() + "://" + url.getRawAuthority());
        this.server = new WireMock(url.getHost(), url.getPort());
    }

    /** The provider's address, as the service's {@code auth-server-url}. */
    public String url() {
        return base + REALM;
    }

    /** Where the provider's pages come from (its error log lines, a missing favicon, start with it). */
    public String origin() {
        return base.toString();
    }

    /** What the next sign-in receives; {@code funds} may be null, a list, or anything a broken provider might send. */
    public void issues(String subject, String name, List<String> groups, Object funds) {
        var access = Jwt.issuer(ISSUER).audience("fund-ledger").subject(subject).claim("preferred_username", name)
                .claim("groups", groups).claim("typ", "Bearer").expiresIn(300);
        if (funds != null) {
            access.claim("funds", funds);
        }
        String id = Jwt.issuer(ISSUER).audience(CLIENT).subject(subject).claim("preferred_username", name)
                .claim("typ", "ID").expiresIn(300).jws().keyId("1").sign("privateKey.jwk");
        server.register(post(REALM + "/token").withRequestBody(containing("authorization_code"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"access_token\":\""
                        + access.jws().keyId("1").sign("privateKey.jwk") + "\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":300,\"refresh_token\":\"r1\",\"id_token\":\"" + id + "\"}")));
        // Ending the provider's session sends the browser back where the service asked.
        server.register(get(urlPathEqualTo(REALM + "/protocol/openid-connect/end-session"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", "{{request.query.post_logout_redirect_uri}}")
                        .withTransformers("response-template")));
    }

    /** Signs in on the provider's login page, where the service has sent the browser. */
    public void signIn(WebDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys("user");
        browser.findElement(By.id("password")).sendKeys("password");
        browser.findElement(By.id("login")).click();
    }

    /** Whether the service asked the provider to end the session, with the ID token and a way back to this path. */
    public void verifySessionEnded(String backTo) {
        server.verifyThat(getRequestedFor(urlPathEqualTo(REALM + "/protocol/openid-connect/end-session"))
                .withQueryParam("id_token_hint", containing("."))
                .withQueryParam("post_logout_redirect_uri", containing(backTo)));
    }

    /** Whether this page is the provider's login page. */
    public static boolean asksToSignIn(WebDriver browser) {
        return !browser.findElements(By.id("username")).isEmpty();
    }
}
