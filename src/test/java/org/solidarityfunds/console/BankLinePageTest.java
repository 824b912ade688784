package org.solidarityfunds.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.dev.DevConsoleSession;
import org.solidarityfunds.support.Api;
import org.solidarityfunds.support.TestBanks;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * A line of an account shared by several funds: its page lets finance choose the fund, and the
 * contribution is recorded in the fund chosen, allocated to that fund's pledge.
 */
@QuarkusTest
class BankLinePageTest {

    private static final RestAssuredConfig NO_REDIRECTS = RestAssuredConfig.config()
            .redirect(RedirectConfig.redirectConfig().followRedirects(false));
    private static final String FINANCE = TestTokens.as("test-finance", Roles.FINANCE);
    private static final String FORM_TOKEN = "f".repeat(43);

    @Test
    void on_a_shared_account_the_contribution_goes_to_the_fund_chosen() {
        String lausanne = fund("LAUSANNE");
        String geneve = fund("GENEVE");
        String donor = TestFunds.donor("Canton de Vaud " + lausanne);
        pledge(lausanne, donor);
        String geneva = pledge(geneve, donor);
        String iban = TestBanks.newIban().value();
        json(Map.of("iban", iban, "currency", "CHF", "name", "Compte partagé en francs suisses"))
                .post("/api/v1/bank-accounts").then().statusCode(201);
        byte[] file = new String(TestBanks.camt(iban, 0, List.of(new TestBanks.Movement("CRDT", 100_00,
                "2020-10-12", "ACR-" + geneve, "CANTON DE VAUD", null, "Don"))), StandardCharsets.UTF_8)
                .replace("\"EUR\"", "\"CHF\"").replace(">EUR<", ">CHF<").getBytes(StandardCharsets.UTF_8);
        String statement = Api.as(FINANCE).contentType("application/xml")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(file)
                .post("/api/v1/bank-statements").then().statusCode(201).extract().path("statements[0].id");
        String line = Api.as(FINANCE).get("/api/v1/bank-statements/{id}/lines", statement).then().statusCode(200)
                .extract().path("items[0].id");
        String page = "/console/bank-statements/" + statement + "/lines/" + line;

        String shown = console().get(page + "?donorId=" + donor + "&fund=" + geneve).then().statusCode(200)
                .body(containsString("<option value=\"" + lausanne + "\">"))
                .body(containsString("<option value=\"" + geneve + "\" selected>"))
                .body(containsString("name=\"fund\" value=\"" + geneve + "\""))
                .body(containsString("name=\"pledge.0\" value=\"" + geneva + "\"")).extract().asString();
        assertThat(shown).contains("value=\"100,00\"");

        console().contentType("application/x-www-form-urlencoded").formParam(FormGuard.FIELD, FORM_TOKEN)
                .formParam("key", UUID.randomUUID().toString()).formParam("choice", "CONTRIBUTION")
                .formParam("donorId", donor).formParam("fund", geneve).formParam("pledge.0", geneva)
                .formParam("allocation.0", "100,00").post(page).then().statusCode(303);

        assertThat(contributions(lausanne)).isEmpty();
        List<Map<String, Object>> recorded = contributions(geneve);
        assertThat(recorded).extracting(c -> c.get("bankReference")).containsExactly("ACR-" + geneve);
        Api.as(FINANCE).get("/api/v1/pledges/{id}", geneva).then().statusCode(200)
                .body("received.amountMinor", org.hamcrest.Matchers.equalTo(100_00));
    }

    private static String fund(String prefix) {
        String code = TestFunds.newCode(prefix);
        json(Map.of("code", code, "name", "Fonds " + code, "currency", "CHF")).post("/api/v1/funds").then()
                .statusCode(201);
        return code;
    }

    private static String pledge(String fund, String donor) {
        return json(FINANCE, Map.of("donorId", donor, "amount", Map.of("amountMinor", 500_00, "currency", "CHF"),
                "pledgedOn", "2020-09-15")).post("/api/v1/funds/{code}/pledges", fund).then().statusCode(201)
                .extract().path("id");
    }

    private static List<Map<String, Object>> contributions(String fund) {
        return Api.as(FINANCE).get("/api/v1/funds/{code}/contributions", fund).then().statusCode(200)
                .extract().path("items");
    }

    private static RequestSpecification console() {
        return given().config(NO_REDIRECTS).cookie(DevConsoleSession.COOKIE, FINANCE)
                .cookie(FormGuard.COOKIE, FORM_TOKEN);
    }
}
