package org.solidarityfunds.fiscalyear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.accounting.FecReader;
import org.solidarityfunds.support.MadeOnce;
import org.solidarityfunds.support.TestClock;
import org.solidarityfunds.support.TestCsv;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * An organisation whose fiscal years run from 1 July to 30 June, end to end: the test clock
 * moves from 15 June 2090 over 1 July, a fund records pledges, contributions and grants on both
 * sides of it, and the year 2089-2090 is closed. Then its books: which year each day falls in,
 * the closed year's refusals, its FEC read back and added up against the trial balance on 30
 * June, the next year's trial balance, its fonds dédiés, and the trial balance and fonds dédiés
 * as CSV files, row for row the JSON. The organisation's chart names one account with a comma
 * and quotes, as an accountant's own chart may, so that the CSV has a field to quote. On a
 * database of its own, made with July as the start month.
 */
@QuarkusTest
@TestProfile(JulyFiscalYearTest.JulyYears.class)
class JulyFiscalYearTest {

    /** Years from July, and the shipped chart with one label changed: Quarkus restarts with a fresh database. */
    public static class JulyYears implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ledger.fiscal-year.start-month", "7", "ledger.accounting.chart-file", chartFile());
        }
    }

    private static final String QUOTED_LABEL = "Contributions de l'association \"Les amis\", Beyrouth";

    private static final String FINANCE = TestTokens.as("july-finance", Roles.FINANCE);
    private static final String AUDITOR = TestTokens.as("july-auditor", Roles.AUDITOR);
    private static final String MEMBER = "july-member";
    private static final String FUND = TestFunds.newCode("JUILLET");
    private static final String CLOSED = "2089-2090";
    private static final LocalDate FIRST_DAY = LocalDate.of(2089, 7, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2090, 6, 30);
    private static final MadeOnce<Void> HISTORY = new MadeOnce<>("the history");

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    /**
     * The fund's history, on the days the clock moves to (from 15 June 2090 at noon). In
     * 2089-2090: the commune's pledge of 12,000.00 (January), the association's of 3,000.40
     * (September), 1,250.50 and 8,000.00 received on them (November, March), a grant of 4,000.00
     * awarded and paid on 15 June, 2,000.00 received and a grant of 1,500.00 awarded on 30 June.
     * In 2090-2091: the commune's last 2,000.00 and a gift of 75.25 received on 1 July, a new
     * pledge of 5,000.00 by the association, the second grant paid on 3 July. Then, on 10 July,
     * 2089-2090 is closed.
     */
    @BeforeEach
    void a_year_from_july_to_june_with_its_next_year_begun_and_closed() {
        HISTORY.make(this::makeHistory);
    }

    private void makeHistory() {
        assertThat(clock.today()).isEqualTo(LocalDate.of(2090, 6, 15));
        json(Map.of("code", FUND, "name", "Fonds " + FUND, "currency", "EUR")).post("/api/v1/funds").then()
                .statusCode(201);
        TestFunds.committee(FUND, 1, MEMBER);
        String commune = donor("COMMUNE", "Ville de Lyon");
        String association = donor("ASSOCIATION", "Association \"Les amis\", Beyrouth");
        String person = donor("PERSON", "Jeanne Martin");

        String communesPledge = pledge(FUND, commune, 12_000_00, "2090-01-20");
        String associationsPledge = pledge(FUND, association, 3_000_40, "2089-09-15");
        TestFunds.contribution(FUND, association, 1_250_50, associationsPledge, "2089-11-04");
        TestFunds.contribution(FUND, commune, 8_000_00, communesPledge, "2090-03-02");
        pay(grant(4_000_00), "2090-06-15");

        clock.advance(Duration.ofDays(15));
        TestFunds.contribution(FUND, commune, 2_000_00, communesPledge, "2090-06-30");
        String grantPaidInJuly = grant(1_500_00);

        clock.advance(Duration.ofDays(1));
        TestFunds.contribution(FUND, commune, 2_000_00, communesPledge, "2090-07-01");
        TestFunds.contribution(FUND, person, 75_25, null, "2090-07-01");
        pledge(FUND, association, 5_000_00, "2090-07-01");

        clock.advance(Duration.ofDays(2));
        pay(grantPaidInJuly, "2090-07-03");

        clock.advance(Duration.ofDays(7));
        json(FINANCE, Map.of("reason", "Comptes 2089-2090 arrêtés"))
                .post("/api/v1/fiscal-years/{code}/closing-request", CLOSED).then().statusCode(200);
        json(AUDITOR, Map.of("reason", "Comptes 2089-2090 vérifiés"))
                .post("/api/v1/fiscal-years/{code}/closing-confirmation", CLOSED).then().statusCode(200)
                .body("status", equalTo("CLOSED"));
    }

    @Test
    void the_database_was_made_with_july_and_a_service_configured_with_january_refuses_to_start() {
        new FiscalCalendarCheck().check(null, dataSource, 7);
        assertThatThrownBy(() -> new FiscalCalendarCheck().check(null, dataSource, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start in month 7").hasMessageContaining("ledger.fiscal-year.start-month is 1");
    }

    @Test
    void a_year_runs_from_1_july_to_30_june_and_is_named_by_both_its_years() {
        List<Map<String, Object>> years = as(FINANCE).get("/api/v1/fiscal-years").then().statusCode(200).extract()
                .jsonPath().getList("$");
        assertThat(years).extracting(y -> List.of(y.get("code"), y.get("firstDay"), y.get("lastDay"), y.get("status")))
                .containsExactly(List.of(CLOSED, "2089-07-01", "2090-06-30", "CLOSED"),
                        List.of("2090-2091", "2090-07-01", "2091-06-30", "OPEN"));
        as(FINANCE).get("/api/v1/fiscal-years/{code}", "2090-2091").then().statusCode(200)
                .body("firstDay", equalTo("2090-07-01"));
        // A calendar year's name names no year here.
        as(FINANCE).get("/api/v1/fiscal-years/{code}", "2090").then().statusCode(404)
                .body("type", endsWith("#fiscal-year-not-found"));

        // Each day of the history in its year: January and June with the July before them.
        Map<String, String> yearOf = new TreeMap<>();
        for (String day : List.of("2089-07-01", "2089-09-15", "2089-12-31", "2090-01-20", "2090-06-30", "2090-07-01",
                "2090-07-03")) {
            JsonPath trial = trialBalance(day, null);
            yearOf.put(day, trial.getString("fiscalYear") + " from " + trial.getString("fiscalYearFirstDay"));
        }
        String first = CLOSED + " from 2089-07-01";
        String next = "2090-2091 from 2090-07-01";
        assertThat(yearOf).isEqualTo(Map.of("2089-07-01", first, "2089-09-15", first, "2089-12-31", first,
                "2090-01-20", first, "2090-06-30", first, "2090-07-01", next, "2090-07-03", next));
    }

    @Test
    void after_the_closing_an_entry_dated_30_june_is_refused_and_one_dated_1_july_is_taken() {
        String fund = TestFunds.open("JUILLET");
        String donor = TestFunds.donor("Commune de Vienne");
        Map<String, Object> june = contributionBody(donor, "2090-06-30");
        json(FINANCE, june).post("/api/v1/funds/{code}/contributions", fund).then().statusCode(409)
                .body("type", endsWith("#fiscal-year-closed")).body("detail", containsString("2090-06-30"));
        json(FINANCE, Map.of("donorId", donor, "amount", Map.of("amountMinor", 10_00, "currency", "EUR"),
                "pledgedOn", "2090-06-30")).post("/api/v1/funds/{code}/pledges", fund).then().statusCode(409)
                .body("type", endsWith("#fiscal-year-closed"));
        as(FINANCE).get("/api/v1/funds/{code}/balance", fund).then().statusCode(200).body("entryCount", equalTo(0));

        json(FINANCE, contributionBody(donor, "2090-07-01")).post("/api/v1/funds/{code}/contributions", fund).then()
                .statusCode(201);
        as(FINANCE).get("/api/v1/funds/{code}/balance", fund).then().statusCode(200).body("entryCount", equalTo(1));
    }

    @Test
    void the_fec_is_named_by_30_june_reads_back_and_adds_up_to_the_trial_balance_on_that_day() {
        ExtractableResponse<Response> answer = as(AUDITOR).accept("text/plain")
                .get("/api/v1/accounting/fec/{year}", CLOSED).then().statusCode(200)
                .contentType("text/plain;charset=ISO-8859-15").extract();
        String fileName = answer.header("Content-Disposition").replaceAll(".*filename=\"([^\"]+)\".*", "$1");
        assertThat(fileName).isEqualTo("ASSOFEC20900630.txt");

        FecReader.File fec = FecReader.read(fileName, answer.asByteArray(), new FecReader.Expectations(FIRST_DAY,
                LAST_DAY));

        Map<String, Long> expected = new TreeMap<>();
        for (Map<String, Object> row : trialBalance(LAST_DAY.toString(), null).<Map<String, Object>>getList("rows")) {
            expected.merge(resultTogether((String) row.get("account")), minor(row, "debitBalanceMinor")
                    - minor(row, "creditBalanceMinor"), Long::sum);
        }
        Map<String, Long> actual = new TreeMap<>();
        fec.totalsByAccount().forEach((account, sides) -> actual.merge(resultTogether(account),
                sides[0].subtract(sides[1]).movePointRight(2).longValueExact(), Long::sum));
        expected.values().removeIf(amount -> amount == 0);
        actual.values().removeIf(amount -> amount == 0);
        assertThat(actual).isEqualTo(expected).containsKeys("512", "6571", "6894", "6895", "194", "195");
        assertThat(fec.lines()).extracting(FecReader.Line::compteLib).contains(QUOTED_LABEL);
    }

    @Test
    void the_next_years_trial_balance_holds_only_its_own_charges_and_resources() {
        long earlierResult = 0;
        for (Map<String, Object> row : trialBalance(LAST_DAY.toString(), FUND).<Map<String, Object>>getList("rows")) {
            if (incomeStatement((String) row.get("account"))) {
                earlierResult += minor(row, "creditBalanceMinor") - minor(row, "debitBalanceMinor");
            }
        }
        // Whatever a restricted fund's year received and did not spend is carried in fonds dédiés.
        assertThat(earlierResult).isZero();

        Map<String, List<Long>> chargesAndResources = new TreeMap<>();
        Map<String, Long> resultCarried = new TreeMap<>();
        for (Map<String, Object> row : trialBalance("2090-07-10", FUND).<Map<String, Object>>getList("rows")) {
            String account = (String) row.get("account");
            if (incomeStatement(account)) {
                chargesAndResources.put(account, List.of(minor(row, "debitMinor"), minor(row, "creditMinor")));
            } else if (account.startsWith("11")) {
                resultCarried.put(account, minor(row, "creditBalanceMinor") - minor(row, "debitBalanceMinor"));
            }
        }
        // 1 July's only: the gift, the association's new pledge, and the commune's last 2,000.00, which moves its
        // resource both ways (the money is a resource, the pledge it pays no longer one to receive). None of
        // 2089-2090's grants, pledges and fonds dédiés.
        assertThat(chargesAndResources).isEqualTo(Map.of("740", List.of(2_000_00L, 2_000_00L),
                "7541", List.of(0L, 75_25L), "7551", List.of(0L, 5_000_00L)));
        assertThat(resultCarried).isEqualTo(earlierResult == 0 ? Map.of()
                : Map.of(earlierResult > 0 ? "110" : "119", earlierResult));
    }

    @Test
    void the_closed_years_fonds_dedies_add_up_to_the_funds_money_and_pledges_receivable_on_30_june() {
        JsonPath report = as(AUDITOR).get("/api/v1/accounting/dedicated-funds/{year}", CLOSED).then().statusCode(200)
                .body("fiscalYear", equalTo(CLOSED)).body("provisional", equalTo(false)).extract().jsonPath();
        long closing = 0;
        for (Map<String, Object> row : report.<Map<String, Object>>getList("rows")) {
            assertThat(row.get("fund")).isEqualTo(FUND);
            assertThat(minor(row, "closingMinor")).as(row.get("family").toString()).isEqualTo(minor(row, "openingMinor")
                    - minor(row, "usedMinor") + minor(row, "carriedMinor"));
            closing += minor(row, "closingMinor");
        }
        JsonPath balance = as(FINANCE).queryParam("on", LAST_DAY.toString()).get("/api/v1/funds/{code}/balance", FUND)
                .then().statusCode(200).extract().jsonPath();
        // 15,000.40 pledged in the year, 5,500.00 awarded.
        assertThat(closing).isEqualTo(9_500_40L).isEqualTo(balance.getLong("available.amountMinor")
                + balance.getLong("outstandingPledges.amountMinor"));
    }

    @Test
    void the_trial_balance_as_csv_is_the_json_row_for_row() {
        for (String fund : new String[] {FUND, null}) {
            ExtractableResponse<Response> answer = csv(as(AUDITOR).queryParam("on", LAST_DAY.toString())
                    .queryParams(fund == null ? Map.of() : Map.of("fund", fund)), "/api/v1/accounting/trial-balance");
            assertThat(answer.header("Content-Disposition")).isEqualTo("attachment; filename=\"trial-balance-2090-06-30"
                    + (fund == null ? "" : "-" + fund) + ".csv\"");
            String text = new String(answer.asByteArray(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFFaccount,label,currency,debit,credit,debit_balance,credit_balance\r\n");

            List<List<String>> records = TestCsv.records(answer.asByteArray());
            List<List<String>> expected = trialBalance(LAST_DAY.toString(), fund).<Map<String, Object>>getList("rows")
                    .stream().map(row -> Stream.concat(Stream.of(row.get("account"), row.get("label"),
                            row.get("currency")), Stream.of("debitMinor", "creditMinor", "debitBalanceMinor",
                            "creditBalanceMinor").map(field -> euros(row.get(field)))).map(String.class::cast).toList())
                    .toList();
            assertThat(expected).extracting(row -> row.get(1)).contains(QUOTED_LABEL);
            assertThat(records.subList(1, records.size())).as(fund == null ? "the whole ledger" : fund)
                    .isEqualTo(expected);
            // The association's account: its label quoted, its quotes doubled; amounts with a point and two decimals.
            assertThat(text).contains("\r\n7551,\"Contributions de l'association \"\"Les amis\"\", Beyrouth\",EUR,"
                    + "1250.50,4250.90,0.00,3000.40\r\n");
        }
    }

    @Test
    void the_fonds_dedies_as_csv_are_the_json_row_for_row() {
        ExtractableResponse<Response> answer = csv(as(AUDITOR), "/api/v1/accounting/dedicated-funds/" + CLOSED);
        assertThat(answer.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"dedicated-funds-2089-2090.csv\"");
        assertThat(new String(answer.asByteArray(), StandardCharsets.UTF_8)).startsWith(
                "\uFEFFfund,currency,family,account,opening,resources,charges,used,carried,closing\r\n");

        List<List<String>> records = TestCsv.records(answer.asByteArray());
        List<List<String>> expected = as(AUDITOR).get("/api/v1/accounting/dedicated-funds/{year}", CLOSED).then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("rows").stream()
                .map(row -> Stream.concat(Stream.of(row.get("fund"), row.get("currency"), row.get("family"),
                        row.get("account")), Stream.of("openingMinor", "resourcesMinor", "chargesMinor", "usedMinor",
                        "carriedMinor", "closingMinor").map(field -> euros(row.get(field)))).map(String.class::cast)
                        .toList())
                .toList();
        assertThat(expected).hasSize(2);
        assertThat(records.subList(1, records.size())).isEqualTo(expected);
    }

    private static ExtractableResponse<Response> csv(RequestSpecification request, String path) {
        return request.accept("text/csv").get(path).then().statusCode(200).contentType("text/csv;charset=UTF-8")
                .extract();
    }

    private static JsonPath trialBalance(String on, String fund) {
        return as(AUDITOR).queryParam("on", on).queryParams(fund == null ? Map.of() : Map.of("fund", fund))
                .get("/api/v1/accounting/trial-balance").then().statusCode(200).extract().jsonPath();
    }

    /** Minor units of euros as the CSV promises them: a point, two decimals, no grouping. */
    private static String euros(Object minor) {
        return new BigDecimal(new BigInteger(minor.toString()), 2).toPlainString();
    }

    private static long minor(Map<String, Object> row, String field) {
        return ((Number) row.get(field)).longValue();
    }

    /** Classes 6 and 7, which start again at each year. */
    private static boolean incomeStatement(String account) {
        return account.startsWith("6") || account.startsWith("7");
    }

    /** 110 and 119 as one: the FEC's opening and the trial balance may carry the result in either. */
    private static String resultTogether(String account) {
        return account.startsWith("11") ? "11" : account;
    }

    private static String donor(String kind, String name) {
        return json(Map.of("kind", kind, "name", name)).post("/api/v1/donors").then().statusCode(201).extract()
                .path("id");
    }

    private static String pledge(String fund, String donor, long amountMinor, String pledgedOn) {
        return json(FINANCE, Map.of("donorId", donor, "amount", Map.of("amountMinor", amountMinor, "currency", "EUR"),
                "pledgedOn", pledgedOn)).post("/api/v1/funds/{code}/pledges", fund).then().statusCode(201).extract()
                .path("id");
    }

    /** A grant requested and approved by the committee today: its charge is dated today. */
    private static String grant(long amountMinor) {
        String disbursement = TestFunds.disbursement(FUND, amountMinor);
        assertThat(TestFunds.vote(disbursement, MEMBER, "FOR")).isEqualTo("APPROVED");
        return disbursement;
    }

    private static void pay(String disbursement, String paidOn) {
        json(FINANCE, Map.of("paymentReference", "VIR-JUILLET-" + UUID.randomUUID(), "paidOn", paidOn))
                .post("/api/v1/disbursements/{id}/payment", disbursement).then().statusCode(200);
    }

    private static Map<String, Object> contributionBody(String donor, String receivedOn) {
        return Map.of("donorId", donor, "amount", Map.of("amountMinor", 10_00, "currency", "EUR"),
                "receivedOn", receivedOn, "bankReference", "VIR-" + UUID.randomUUID());
    }

    /** The shipped chart with the association's contributions renamed, in a file for ledger.accounting.chart-file. */
    private static String chartFile() {
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream shipped = JulyFiscalYearTest.class.getClassLoader()
                .getResourceAsStream("accounting/chart-fr-pca-2018.json")) {
            ObjectNode chart = (ObjectNode) mapper.readTree(shipped);
            ((ObjectNode) chart.get("accounts")).put("7551", QUOTED_LABEL);
            Path file = Files.createTempFile("chart-july-", ".json");
            file.toFile().deleteOnExit();
            mapper.writeValue(file.toFile(), chart);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
