package org.solidarityfunds.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.dev.DevConsoleSession;
import org.solidarityfunds.support.Api;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/** The console's pages over HTTP: who sees what, in which language, and how a page answers a problem. */
@QuarkusTest
class ConsolePagesTest {

    private static final RestAssuredConfig NO_REDIRECTS = RestAssuredConfig.config()
            .redirect(RedirectConfig.redirectConfig().followRedirects(false));

    static RequestSpecification as(String subject, String role, String... funds) {
        return given().config(NO_REDIRECTS).cookie(DevConsoleSession.COOKIE, TestTokens.as(subject, role, funds));
    }

    @Test
    void the_root_opens_the_console() {
        given().config(NO_REDIRECTS).get("/").then().statusCode(303).header("Location", endsWith("/console"));
    }

    @Test
    void a_visitor_without_a_session_is_sent_to_sign_in_and_back() {
        given().config(NO_REDIRECTS).get("/console").then().statusCode(303)
                .header("Location", endsWith("/console/login?next=%2Fconsole"));
    }

    @Test
    void the_home_page_lists_the_funds_with_their_balances_in_french_by_default() {
        String fund = TestFunds.open("HOME");
        String donor = TestFunds.donor("Ville de Lyon");
        TestFunds.contribution(fund, donor, 150_000, null);
        Response page = as("finance", Roles.FINANCE).get("/console");
        page.then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("<html lang=\"fr\">"))
                .body(containsString("Fonds " + fund))
                .body(containsString("1\u202f500,00\u00a0€"));
        assertThat(page.asString()).contains("Disponible").contains("Engagé");
    }

    @Test
    void english_is_chosen_by_the_browser_or_by_the_switch() {
        as("finance", Roles.FINANCE).header("Accept-Language", "en-GB,en;q=0.9").get("/console").then()
                .statusCode(200).body(containsString("<html lang=\"en\">")).body(containsString("Available"));
        given().config(NO_REDIRECTS).get("/console/language?to=en&back=/console/funds").then().statusCode(303)
                .header("Location", endsWith("/console/funds"))
                .header("Set-Cookie", containsString("ledger-language=en"));
        as("finance", Roles.FINANCE).cookie(Language.COOKIE, "en").header("Accept-Language", "fr").get("/console")
                .then().statusCode(200).body(containsString("<html lang=\"en\">"));
    }

    @Test
    void the_language_switch_never_sends_a_user_to_another_site() {
        given().config(NO_REDIRECTS).get("/console/language?to=en&back=//evil.example/console").then()
                .statusCode(303).header("Location", endsWith("/console"));
        given().config(NO_REDIRECTS).get("/console/language?to=en&back=https://evil.example/").then()
                .statusCode(303).header("Location", endsWith("/console"));
    }

    @Test
    void a_committee_member_sees_only_the_funds_of_their_committees() {
        String theirs = TestFunds.open("THEIRS");
        String other = TestFunds.open("OTHER");
        TestFunds.committee(theirs, 1, "member-home");
        as("member-home", Roles.COMMITTEE).get("/console").then().statusCode(200)
                .body(containsString("Fonds " + theirs)).body(not(containsString("Fonds " + other)));
    }

    @Test
    void a_funds_page_lists_its_latest_contributions_and_entries_newest_first() {
        // Not "LATEST": the fund's code (the prefix, then digits) is on the page too, and would
        // read as one of the bank references looked for ("LATEST-21...").
        String fund = TestFunds.open("RECENT");
        String donor = TestFunds.donor("Ville de Latest");
        for (int i = 1; i <= 22; i++) {
            Api.json(TestTokens.as("test-finance", Roles.FINANCE), Map.of("donorId", donor,
                    "amount", Map.of("amountMinor", 100 * i, "currency", "EUR"), "receivedOn", "2020-10-02",
                    "bankReference", String.format("LATEST-%02d", i)))
                    .post("/api/v1/funds/{code}/contributions", fund).then().statusCode(201);
        }
        String page = as("finance", Roles.FINANCE).get("/console/funds/" + fund).then().statusCode(200).extract().asString();
        String contributions = page.substring(page.indexOf("id=\"contributions\""), page.indexOf("id=\"journal\""));
        assertThat(contributions).contains("LATEST-22", "LATEST-03").doesNotContain("LATEST-02", "LATEST-01");
        assertThat(contributions.indexOf("LATEST-22")).isLessThan(contributions.indexOf("LATEST-21"));
        String journal = page.substring(page.indexOf("id=\"journal\""), page.indexOf("id=\"statement\""));
        assertThat(journal).contains("LATEST-22").doesNotContain("LATEST-02<").doesNotContain(">2</a>");
        assertThat(journal.indexOf(">22</a>")).isLessThan(journal.indexOf(">21</a>")).isNotNegative();
    }

    @Test
    void a_contribution_received_in_another_currency_shows_what_came_and_at_which_rate() {
        String fund = TestFunds.open("FOREIGN");
        String donor = TestFunds.donor("Ville de Montréal");
        Api.json(TestTokens.as("test-finance", Roles.FINANCE), Map.of("donorId", donor,
                "amount", Map.of("amountMinor", 200_000, "currency", "USD"), "exchangeRate", 0.5,
                "receivedOn", "2020-10-02", "bankReference", "VIR-USD-1"))
                .post("/api/v1/funds/{code}/contributions", fund).then().statusCode(201);

        String page = as("finance", Roles.FINANCE).get("/console/funds/" + fund).then().statusCode(200).extract().asString();

        String row = page.substring(page.indexOf("VIR-USD-1"), page.indexOf("</tr>", page.indexOf("VIR-USD-1")));
        assertThat(row).contains("1\u202f000,00\u00a0€").contains("2\u202f000,00\u00a0$US × 0.5")
                .contains("Reçue");
        assertThat(page).contains("<td>2 oct. 2020</td>\n    <td>Ville de Montréal</td>");
    }

    @Test
    void a_funds_lists_say_each_status_and_kind_in_the_readers_language() {
        String fund = TestFunds.open("WORDS");
        TestFunds.committee(fund, 1, "member-words");
        String donor = TestFunds.donor("Ville de Lyon");
        TestFunds.contribution(fund, donor, 100_000, null);
        TestFunds.vote(TestFunds.disbursement(fund, 10_000), "member-words", "FOR");
        TestFunds.disbursement(fund, 20_000);
        Api.json(TestTokens.as("test-finance", Roles.FINANCE), Map.of("donorId", donor,
                "amount", Map.of("amountMinor", 100_00, "currency", "EUR"), "pledgedOn", "2020-09-01",
                "instalments", List.of(Map.of("amountMinor", 40_00, "dueOn", "2020-10-01"),
                        Map.of("amountMinor", 60_00, "dueOn", "2020-12-01"))))
                .post("/api/v1/funds/{code}/pledges", fund).then().statusCode(201);
        for (String[] words : new String[][] {{"en", "Received", "Contribution received", "Approved", "Requested",
            "Pending · <strong class=\"error\">overdue</strong>", "<li>No. 2: €60.00 due 1 Dec 2020, received €0.00 · "},
            {"fr", "Reçue", "Contribution reçue", "Approuvé", "Demandé",
                "En attente · <strong class=\"error\">en retard</strong>", "<li>n° 2 : 60,00\u00a0€ au 1 déc. 2020, reçu 0,00\u00a0€ · "}}) {
            String page = as("finance", Roles.FINANCE).header("Accept-Language", words[0])
                    .get("/console/funds/" + fund).then().statusCode(200).extract().asString();
            assertThat(section(page, "pledges", "contributions")).contains("<td>" + words[5] + "</td>")
                    .contains(words[6]).contains("<td>Ville de Lyon</td>");
            assertThat(section(page, "contributions", "journal")).contains("<td>" + words[1] + "</td>");
            assertThat(section(page, "journal", "statement")).contains("<td>" + words[2] + "</td>");
            String requests = section(page, "disbursements", "pledges");
            assertThat(requests.indexOf("<td>" + words[3] + "</td>")).isNotNegative()
                    .isLessThan(requests.indexOf("<td>" + words[4] + "</td>"));
        }
    }

    @Test
    void awaiting_my_vote_says_each_request_its_amount_and_who_asked_in_the_readers_language() {
        String fund = TestFunds.open("AWAIT");
        TestFunds.committee(fund, 1, "member-await");
        TestFunds.contribution(fund, TestFunds.donor("Ville de Lille"), 100_000, null);
        TestFunds.disbursement(fund, 12_345);
        for (String[] words : new String[][] {{"fr", "123,45\u00a0€</a> · Réhabilitation · demandé par test-finance le "},
                {"en", "€123.45</a> · Réhabilitation · requested by test-finance on "}}) {
            as("member-await", Roles.COMMITTEE, fund).header("Accept-Language", words[0]).get("/console/votes").then()
                    .statusCode(200).body(containsString(">Commune de Dondo : " + words[1]));
        }
    }

    private static String section(String page, String id, String next) {
        return page.substring(page.indexOf("id=\"" + id + "\""), page.indexOf("id=\"" + next + "\""));
    }

    @Test
    void a_partner_cannot_use_the_console() {
        String fund = TestFunds.open("PARTNER");
        Response page = as("partner-x", Roles.PARTNER, fund).get("/console");
        page.then().statusCode(404).contentType(containsString("text/html"));
        assertThat(page.asString()).contains("Page introuvable").doesNotContain(fund);
    }

    @Test
    void a_sign_in_form_without_its_token_is_refused_as_a_page() {
        Response answer = given().config(NO_REDIRECTS).contentType("application/x-www-form-urlencoded")
                .formParam("user", "finance").post("/console/login");
        answer.then().statusCode(400).contentType(containsString("text/html"));
        assertThat(answer.asString()).contains("Le formulaire n&#39;est plus valable").doesNotContain("{")
                .doesNotContain("Exception");
        assertThat(answer.getCookie(DevConsoleSession.COOKIE)).isNull();
    }

    @Test
    void signing_in_with_the_page_token_starts_a_session() {
        Response page = given().config(NO_REDIRECTS).get("/console/login?next=/console");
        String token = page.getCookie(FormGuard.COOKIE);
        assertThat(token).hasSize(43);
        assertThat(page.asString()).contains("value=\"" + token + "\"").contains("finance").contains("grenoble");
        Response signedIn = given().config(NO_REDIRECTS).cookie(FormGuard.COOKIE, token)
                .contentType("application/x-www-form-urlencoded")
                .formParam(FormGuard.FIELD, token).formParam("user", "finance").formParam("next", "/console")
                .post("/console/login");
        signedIn.then().statusCode(303).header("Location", endsWith("/console"));
        String session = signedIn.getDetailedCookie(DevConsoleSession.COOKIE).getValue();
        assertThat(signedIn.getHeader("Set-Cookie")).contains("HttpOnly").contains("Secure").contains("SameSite=Strict");
        given().config(NO_REDIRECTS).cookie(DevConsoleSession.COOKIE, session).get("/console").then()
                .statusCode(200).body(containsString("finance"));
    }

    @Test
    void the_console_session_opens_no_api_endpoint() {
        given().cookie(DevConsoleSession.COOKIE, TestTokens.as("finance", Roles.FINANCE)).get("/api/v1/funds")
                .then().statusCode(401);
    }

    @Test
    void the_fund_page_shows_the_books_to_finance_and_only_the_committee_side_to_its_members() {
        String fund = TestFunds.open("PAGE");
        TestFunds.committee(fund, 1, "member-page");
        String donor = TestFunds.donor("Ville de Nantes");
        String pledge = TestFunds.pledge(fund, donor, 300_000);
        TestFunds.contribution(fund, donor, 100_000, pledge);
        Response finance = as("finance", Roles.FINANCE).get("/console/funds/" + fund);
        finance.then().statusCode(200);
        assertThat(finance.asString()).contains("Ville de Nantes").contains("Promesses").contains("Journal")
                .contains("3\u202f000,00\u00a0€").contains("Contribution reçue").contains("member-page");
        Response member = as("member-page", Roles.COMMITTEE).get("/console/funds/" + fund);
        member.then().statusCode(200);
        assertThat(member.asString()).contains("Comité").contains("Décaissements")
                .doesNotContain("Ville de Nantes").doesNotContain("id=\"pledges\"").doesNotContain("id=\"journal\"");
    }

    @Test
    void a_fund_outside_a_members_committees_answers_as_one_that_does_not_exist() {
        String fund = TestFunds.open("HIDDEN");
        String formToken = "f".repeat(43);
        Response hidden = as("member-elsewhere", Roles.COMMITTEE).cookie(FormGuard.COOKIE, formToken)
                .get("/console/funds/" + fund);
        Response missing = as("member-elsewhere", Roles.COMMITTEE).cookie(FormGuard.COOKIE, formToken)
                .get("/console/funds/NO-SUCH-FUND");
        hidden.then().statusCode(404);
        missing.then().statusCode(404);
        // Alike but for the path asked for, which the language switch returns to.
        assertThat(hidden.asString().replace(fund, "NO-SUCH-FUND")).isEqualTo(missing.asString());
    }

    @Test
    void each_rendering_of_a_form_carries_its_own_idempotency_key() {
        String fund = TestFunds.open("FORM");
        Response first = as("finance", Roles.FINANCE).get("/console/funds/" + fund + "/disbursements/new");
        Response second = as("finance", Roles.FINANCE).get("/console/funds/" + fund + "/disbursements/new");
        first.then().statusCode(200);
        String key = first.htmlPath().getString("**.find { it.@name == 'key' }.@value");
        assertThat(key).hasSize(36).isNotEqualTo(second.htmlPath().getString("**.find { it.@name == 'key' }.@value"));
    }

    @Test
    void the_statement_downloads_as_csv_or_json_for_the_days_typed() {
        String fund = TestFunds.open("STATEMENT");
        TestFunds.contribution(fund, TestFunds.donor("Ville de Brest"), 700_00, null);
        Response csv = as("auditor", Roles.AUDITOR).get("/console/funds/" + fund + "/statement?format=csv&from=&to=");
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString(fund + "-statement.csv"));
        assertThat(csv.asString()).contains("CONTRIBUTION_RECEIVED").contains("700.00");
        as("auditor", Roles.AUDITOR).get("/console/funds/" + fund + "/statement?format=json").then().statusCode(200)
                .contentType(containsString("application/json"))
                .header("Content-Disposition", containsString(fund + "-statement.json"));
        Response refused = as("auditor", Roles.AUDITOR).get("/console/funds/" + fund + "/statement?from=32/13/2020");
        refused.then().statusCode(400).contentType(containsString("text/html"));
        assertThat(refused.asString()).contains("Certains champs ne sont pas valides");
    }
}
