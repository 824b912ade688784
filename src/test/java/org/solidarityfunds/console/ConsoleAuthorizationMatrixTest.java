package org.solidarityfunds.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.dev.DevConsoleSession;
import org.solidarityfunds.support.TestBanks;
import org.solidarityfunds.support.TestDocuments;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * Every console route × every kind of caller → the expected status, from the one table
 * below, which must name every route of every console page class. A console page answers
 * what it may not show exactly as what does not exist (404); a visitor without a session
 * is sent to sign in (303); a form without its token is refused (400) before anything.
 */
@QuarkusTest
class ConsoleAuthorizationMatrixTest {

    private static final RestAssuredConfig NO_REDIRECTS = RestAssuredConfig.config()
            .redirect(RedirectConfig.redirectConfig().followRedirects(false));
    private static final String MEMBER = "matrix-console-member";
    private static final List<String> CALLERS = List.of("anonymous", Roles.FINANCE, "committee in scope",
            "committee elsewhere", Roles.PARTNER, Roles.AUDITOR, Roles.ADMIN);

    /** A route as declared ("GET /console/funds/{code}"), how to call it, and each caller's status in CALLERS' order. */
    record Row(String route, Function<RequestSpecification, io.restassured.response.Response> call, int... statuses) {
    }

    private String fund;
    private String disbursement;
    private String contribution;
    private String entry;
    private String statement;
    private String line;
    private String document;

    @BeforeEach
    void fixture() {
        fund = TestFunds.open("CONSOLE-MATRIX");
        TestFunds.committee(fund, 1, MEMBER, "matrix-console-requester");
        String donor = TestFunds.donor("Commune témoin de la console");
        contribution = TestFunds.contribution(fund, donor, 5_00, null);
        // A year before 2020, open, as every year of the shared database: 2020's fonds dédiés wait
        // for its closing (409), whichever test wrote the earliest date.
        TestFunds.contribution(fund, donor, 1_00, null, "2019-06-01");
        disbursement = TestFunds.disbursement(fund, 1_00);
        entry = org.solidarityfunds.support.Api.api().get("/api/v1/contributions/{id}", contribution).then()
                .statusCode(200).extract().path("entryId");
        String iban = TestBanks.newIban().value();
        org.solidarityfunds.support.Api.json(Map.of("iban", iban, "currency", "EUR", "name", "Compte témoin",
                "fund", fund)).post("/api/v1/bank-accounts").then().statusCode(201);
        statement = org.solidarityfunds.support.Api.as(TestTokens.as("matrix-console-stager", Roles.FINANCE))
                .contentType("application/xml").header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(TestBanks.camt(iban, 0, List.of(new TestBanks.Movement("CRDT", 1_00, "2020-10-02",
                        "ACR-" + java.util.UUID.randomUUID(), "M DURAND", null, "Don"))))
                .post("/api/v1/bank-statements").then().statusCode(201).extract().path("statements[0].id");
        line = org.solidarityfunds.support.Api.api().get("/api/v1/bank-statements/{id}/lines", statement).then()
                .statusCode(200).extract().path("items[0].id");
        document = org.solidarityfunds.support.Api.as(TestTokens.as("matrix-console-attacher", Roles.FINANCE))
                .contentType("application/pdf").header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .queryParam("kind", "PROJECT").body(TestDocuments.pdf())
                .post("/api/v1/disbursements/{id}/documents", disbursement).then().statusCode(201).extract().path("id");
    }

    /** A form without its token: whoever may send it is refused before anything is done (400). */
    private static RequestSpecification form(RequestSpecification request) {
        return request.contentType("application/x-www-form-urlencoded").formParam("x", "y");
    }

    private List<Row> table() {
        return List.of(
                new Row("GET /", r -> r.get("/"), 303, 303, 303, 303, 303, 303, 303),
                new Row("GET /console", r -> r.get("/console"), 303, 200, 200, 200, 404, 200, 200),
                new Row("GET /console/{page: .+}", r -> r.get("/console/no/such/page"), 404, 404, 404, 404, 404, 404, 404),
                new Row("GET /console/votes", r -> r.get("/console/votes"), 303, 404, 200, 200, 404, 404, 404),
                new Row("GET /console/disbursements/{id}", r -> r.get("/console/disbursements/" + disbursement),
                        303, 200, 200, 404, 404, 200, 200),
                new Row("GET /console/funds/{code}/disbursements/new",
                        r -> r.get("/console/funds/" + fund + "/disbursements/new"), 303, 200, 200, 404, 404, 404, 404),
                new Row("POST /console/funds/{code}/disbursements", r -> form(r).post("/console/funds/" + fund
                        + "/disbursements"), 303, 400, 400, 400, 404, 404, 404),
                new Row("POST /console/disbursements/{id}/votes", r -> form(r).post("/console/disbursements/"
                        + disbursement + "/votes"), 303, 404, 400, 400, 404, 404, 404),
                new Row("POST /console/disbursements/{id}/payments", r -> form(r).post("/console/disbursements/"
                        + disbursement + "/payments"), 303, 400, 404, 404, 404, 404, 404),
                new Row("POST /console/disbursements/{id}/remainder-release", r -> form(r).post(
                        "/console/disbursements/" + disbursement + "/remainder-release"), 303, 400, 404, 404, 404, 404,
                        404),
                new Row("GET /console/funds/{code}/contributions/new",
                        r -> r.get("/console/funds/" + fund + "/contributions/new"), 303, 200, 404, 404, 404, 404, 404),
                new Row("POST /console/funds/{code}/contributions/preview", r -> form(r).post("/console/funds/" + fund
                        + "/contributions/preview"), 303, 400, 404, 404, 404, 404, 404),
                new Row("POST /console/funds/{code}/contributions", r -> form(r).post("/console/funds/" + fund
                        + "/contributions"), 303, 400, 404, 404, 404, 404, 404),
                new Row("GET /console/funds/{code}/pledges/new",
                        r -> r.get("/console/funds/" + fund + "/pledges/new"), 303, 200, 404, 404, 404, 404, 404),
                new Row("POST /console/funds/{code}/pledges", r -> form(r).post("/console/funds/" + fund
                        + "/pledges"), 303, 400, 404, 404, 404, 404, 404),
                new Row("GET /console/funds/{code}/contributions/import",
                        r -> r.get("/console/funds/" + fund + "/contributions/import"), 303, 200, 404, 404, 404, 404, 404),
                new Row("POST /console/funds/{code}/contributions/import/preview", r -> r.multiPart("x", "y")
                        .post("/console/funds/" + fund + "/contributions/import/preview"), 303, 400, 404, 404, 404, 404, 404),
                new Row("POST /console/funds/{code}/contributions/import", r -> form(r).post("/console/funds/" + fund
                        + "/contributions/import"), 303, 400, 404, 404, 404, 404, 404),
                new Row("GET /console/funds/{code}/statement", r -> r.get("/console/funds/" + fund + "/statement?format=csv"),
                        303, 200, 404, 404, 404, 200, 200),
                new Row("GET /console/admin", r -> r.get("/console/admin"), 303, 404, 404, 404, 404, 404, 200),
                new Row("POST /console/admin/funds", r -> form(r).post("/console/admin/funds"), 303, 404, 404, 404, 404, 404, 400),
                new Row("POST /console/admin/donors", r -> form(r).post("/console/admin/donors"), 303, 404, 404, 404, 404, 404, 400),
                new Row("POST /console/funds/{code}/status", r -> form(r).post("/console/funds/" + fund + "/status"),
                        303, 404, 404, 404, 404, 404, 400),
                new Row("GET /console/funds/{code}/committee/edit", r -> r.get("/console/funds/" + fund + "/committee/edit"),
                        303, 404, 404, 404, 404, 404, 200),
                new Row("POST /console/funds/{code}/committee", r -> form(r).post("/console/funds/" + fund + "/committee"),
                        303, 404, 404, 404, 404, 404, 400),
                new Row("GET /console/verification", r -> r.get("/console/verification"), 303, 200, 404, 404, 404, 200, 200),
                new Row("POST /console/verification", r -> form(r).post("/console/verification"),
                        303, 400, 404, 404, 404, 400, 400),
                new Row("POST /console/disbursements/{id}/documents", r -> r.multiPart("x", "y").post(
                        "/console/disbursements/" + disbursement + "/documents"), 303, 400, 400, 400, 404, 404, 404),
                new Row("GET /console/documents/{id}", r -> r.get("/console/documents/" + document),
                        303, 200, 200, 404, 404, 200, 200),
                new Row("GET /console/bank-statements", r -> r.get("/console/bank-statements"),
                        303, 200, 404, 404, 404, 200, 200),
                new Row("POST /console/bank-statements", r -> r.multiPart("x", "y").post("/console/bank-statements"),
                        303, 400, 404, 404, 404, 404, 404),
                new Row("GET /console/bank-statements/{id}", r -> r.get("/console/bank-statements/" + statement),
                        303, 200, 404, 404, 404, 200, 200),
                new Row("POST /console/bank-statements/{id}/reconciliation", r -> form(r).post(
                        "/console/bank-statements/" + statement + "/reconciliation"), 303, 400, 404, 404, 404, 404, 404),
                new Row("GET /console/bank-statements/{id}/lines/{line}", r -> r.get(
                        "/console/bank-statements/" + statement + "/lines/" + line), 303, 200, 404, 404, 404, 200, 200),
                new Row("POST /console/bank-statements/{id}/lines/{line}", r -> form(r).post(
                        "/console/bank-statements/" + statement + "/lines/" + line), 303, 400, 404, 404, 404, 404, 404),
                new Row("GET /console/fiscal-years", r -> r.get("/console/fiscal-years"), 303, 200, 404, 404, 404, 200, 200),
                new Row("POST /console/fiscal-years/{code}/closing-request", r -> form(r).post(
                        "/console/fiscal-years/2020/closing-request"), 303, 400, 404, 404, 404, 404, 404),
                new Row("POST /console/fiscal-years/{code}/closing-confirmation", r -> form(r).post(
                        "/console/fiscal-years/2020/closing-confirmation"), 303, 404, 404, 404, 404, 400, 400),
                new Row("POST /console/fiscal-years/{code}/closing-withdrawal", r -> form(r).post(
                        "/console/fiscal-years/2020/closing-withdrawal"), 303, 400, 404, 404, 404, 400, 400),
                new Row("GET /console/fiscal-years/{code}/trial-balance.csv", r -> r.get(
                        "/console/fiscal-years/2020/trial-balance.csv"), 303, 200, 404, 404, 404, 200, 200),
                new Row("GET /console/fiscal-years/{code}/dedicated-funds.csv", r -> r.get(
                        "/console/fiscal-years/2020/dedicated-funds.csv"), 303, 409, 404, 404, 404, 409, 409),
                new Row("GET /console/fiscal-years/{code}/journal", r -> r.get("/console/fiscal-years/2020/journal"),
                        303, 200, 404, 404, 404, 200, 200),
                // The shared years are open: no FEC yet (409); BooksBrowserTest downloads one.
                new Row("GET /console/fiscal-years/{code}/fec", r -> r.get("/console/fiscal-years/2020/fec"),
                        303, 409, 404, 404, 404, 409, 409),
                new Row("GET /console/fiscal-years/{code}/fec-description", r -> r.get(
                        "/console/fiscal-years/2020/fec-description"), 303, 409, 404, 404, 404, 409, 409),
                new Row("GET /console/entries/{id}", r -> r.get("/console/entries/" + entry), 303, 200, 404, 404, 404, 200, 200),
                new Row("GET /console/contributions/{id}", r -> r.get("/console/contributions/" + contribution),
                        303, 200, 404, 404, 404, 200, 200),
                new Row("POST /console/contributions/{id}/reversal", r -> form(r).post("/console/contributions/"
                        + contribution + "/reversal"), 303, 400, 404, 404, 404, 404, 404),
                new Row("POST /console/disbursements/{id}/cancellation", r -> form(r).post("/console/disbursements/"
                        + disbursement + "/cancellation"), 303, 400, 404, 404, 404, 404, 404),
                new Row("GET /console/funds/{code}", r -> r.get("/console/funds/" + fund),
                        303, 200, 200, 404, 404, 200, 200),
                new Row("GET /console/language", r -> r.get("/console/language?to=en&back=/console"),
                        303, 303, 303, 303, 303, 303, 303),
                new Row("GET /console/login", r -> r.get("/console/login"), 200, 200, 200, 200, 200, 200, 200),
                new Row("POST /console/login", r -> r.contentType("application/x-www-form-urlencoded")
                        .formParam("user", "finance").post("/console/login"), 400, 400, 400, 400, 400, 400, 400),
                new Row("POST /console/logout", r -> r.contentType("application/x-www-form-urlencoded")
                        .formParam("x", "y").post("/console/logout"), 400, 400, 400, 400, 400, 400, 400));
    }

    private RequestSpecification caller(String who) {
        RequestSpecification request = given().config(NO_REDIRECTS);
        String token = switch (who) {
            case "anonymous" -> null;
            case "committee in scope" -> TestTokens.as(MEMBER, Roles.COMMITTEE);
            case "committee elsewhere" -> TestTokens.as("matrix-console-stranger", Roles.COMMITTEE);
            case Roles.PARTNER -> TestTokens.as("matrix-console-partner", Roles.PARTNER, fund);
            default -> TestTokens.as("matrix-console-" + who, who);
        };
        return token == null ? request : request.cookie(DevConsoleSession.COOKIE, token);
    }

    @Test
    void every_caller_gets_what_the_table_says() {
        List<String> wrong = new ArrayList<>();
        for (Row row : table()) {
            for (int i = 0; i < CALLERS.size(); i++) {
                int status = row.call().apply(caller(CALLERS.get(i))).statusCode();
                if (status != row.statuses()[i]) {
                    wrong.add(row.route() + " as " + CALLERS.get(i) + ": " + status + ", expected " + row.statuses()[i]);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void the_table_covers_every_console_route() {
        Set<String> declared = new TreeSet<>();
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.solidarityfunds").stream()
                .filter(c -> c.isAnnotatedWith(ConsolePage.class) && c.isAnnotatedWith(Path.class))
                .map(JavaClass::reflect)
                .filter(ConsoleAuthorizationMatrixTest::inTheTestBuild)
                .forEach(type -> declared.addAll(routesOf(type)));
        Set<String> tabled = table().stream().map(Row::route).collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared).hasSizeGreaterThanOrEqualTo(7);
        assertThat(tabled).isEqualTo(declared);
    }

    /** A production-only page (console.ProviderSignIn) is tried on the packaged service (production.ConsoleSignInIT). */
    private static boolean inTheTestBuild(Class<?> type) {
        IfBuildProfile only = type.getAnnotation(IfBuildProfile.class);
        return only == null || only.value().equals("test") || Arrays.asList(only.anyOf()).contains("test");
    }

    private static Set<String> routesOf(Class<?> type) {
        String base = type.getAnnotation(Path.class).value();
        Map<String, String> routes = new LinkedHashMap<>();
        for (Method method : type.getDeclaredMethods()) {
            String verb = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST" : null;
            if (verb != null) {
                Path sub = method.getAnnotation(Path.class);
                String path = sub == null ? base : (base.endsWith("/") ? base : base + "/") + sub.value();
                routes.put(verb + " " + path, path);
            }
        }
        return routes.keySet();
    }
}
