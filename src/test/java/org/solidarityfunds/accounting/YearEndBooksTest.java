package org.solidarityfunds.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.MadeOnce;
import org.solidarityfunds.support.TestClock;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * The closing's books on a history of two years and a half drawn from a seed (the test clock
 * moves a month at a time from 2090-06-15, so that committees decide and pay in every year): pledges,
 * some cancelled; contributions, some in dollars into euro funds, some reversed; grants awarded,
 * paid or released; two funds in euros and one in dollars; each year closed once the next has
 * begun. Then the properties the regulation implies, checked through the API and the FEC read
 * back by a reader of its own (FecReader): a year's closing balances are the next year's
 * opening balances for every account of every fund; each fund's fonds dédiés at the end of a
 * year are its available money plus its pledges receivable, and the next year starts from them;
 * a restricted fund's year ends with a zero result; the FEC keeps the article's rules and adds
 * up to the trial balance, the same bytes every time, its SHA-256 as its ETag. On a database of
 * its own, whose clock moves.
 */
@QuarkusTest
@TestProfile(YearEndBooksTest.OwnBooks.class)
class YearEndBooksTest {

    /** A profile of its own: Quarkus restarts with a fresh database and a fresh clock for it. */
    public static class OwnBooks implements QuarkusTestProfile {
    }

    private static final String FINANCE = TestTokens.as("ye-finance", Roles.FINANCE);
    private static final String AUDITOR = TestTokens.as("ye-auditor", Roles.AUDITOR);
    private static final String MEMBER = "ye-member";
    /**
     * The history's seed, from the configuration: fixed, so that CI runs the same histories every
     * time (this one and {@link YearEndBooksSecondHistoryTest}'s); another is drawn with
     * {@code -Dyear-end-books.seed=N} to explore. A failure names its seed.
     */
    private static long seed;
    private static final List<String> CLOSED = List.of("2090", "2091");

    @RegisterExtension
    static final NamesItsSeed NAMES_ITS_SEED = new NamesItsSeed();
    private static final List<Fund> FUNDS = new ArrayList<>();
    private static final MadeOnce<Void> HISTORY = new MadeOnce<>("the history");

    /** Names the seed of a failure, in a test or in the making of its history. */
    static final class NamesItsSeed implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            throw named(failure);
        }

        @Override
        public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
                throws Throwable {
            throw named(failure);
        }

        private static Throwable named(Throwable failure) {
            failure.addSuppressed(new AssertionError("on the history of seed " + seed
                    + " (-Dyear-end-books.seed=" + seed + ")"));
            return failure;
        }
    }

    record Fund(String code, String currency) {
    }

    @Inject
    TestClock clock;

    @BeforeEach
    void a_history_of_two_years_and_a_half_two_of_them_closed() {
        HISTORY.make(() -> {
            seed = ConfigProvider.getConfig().getOptionalValue("year-end-books.seed", Long.class).orElse(2090_06_15L);
            makeHistory(new Random(seed));
        });
    }

    private void makeHistory(Random random) {
        FUNDS.add(fund("LIBAN", "EUR"));
        FUNDS.add(fund("DONDO", "EUR"));
        FUNDS.add(fund("QUITO", "USD"));
        for (Fund fund : FUNDS) {
            TestFunds.committee(fund.code(), 1, MEMBER);
        }
        List<String> donors = List.of(donor("COMMUNE", "Ville de Lyon"), donor("REGION", "Région Sud"),
                donor("INSTITUTION", "Agence de l'eau"), donor("ASSOCIATION", "Association des amis de Beyrouth"),
                // Outside ISO 8859-15: the FEC writes it as near as the charset allows.
                donor("PERSON", "Nguyễn Thị Đào “Lê” – Œuvre"));
        List<String[]> pledges = new ArrayList<>();
        List<String> contributions = new ArrayList<>();
        List<String> approved = new ArrayList<>();
        String person = donors.get(donors.size() - 1);
        int year = 0;
        while (clock.today().isBefore(LocalDate.of(2092, 5, 1))) {
            LocalDate today = clock.today();
            if (today.getYear() != year) {
                if (year != 0) {
                    close(Integer.toString(year));
                }
                year = today.getYear();
                // Whatever the seed, each year has what the checks look for: resources in every
                // fund, a person's pledge (its name transliterated in the FEC) and dollars
                // received into a euro fund.
                for (Fund fund : FUNDS) {
                    contributions.add(contribution(false, fund, donors.get(random.nextInt(donors.size())), today,
                            100_00 + random.nextInt(5_000_00), pledges));
                }
                Fund euros = FUNDS.get(random.nextInt(2));
                pledges.add(pledge(euros, person, today, 100_00 + random.nextInt(5_000_00)));
                contributions.add(contribution(true, euros, person, today, 100_00 + random.nextInt(5_000_00), pledges));
            }
            for (int event = 0; event < 4; event++) {
                Fund fund = FUNDS.get(random.nextInt(FUNDS.size()));
                String donor = donors.get(random.nextInt(donors.size()));
                LocalDate day = today.minusDays(random.nextInt(Math.min(20, today.getDayOfYear())));
                long amount = 100_00 + random.nextInt(5_000_00);
                switch (random.nextInt(7)) {
                    case 0, 1 -> pledges.add(pledge(fund, donor, day, amount));
                    case 2, 3 -> contributions.add(contribution(fund.currency().equals("EUR") && random.nextInt(3) == 0,
                            fund, donor, day, amount, pledges));
                    case 4 -> {
                        long available = as(FINANCE).get("/api/v1/funds/{code}/balance", fund.code()).then()
                                .extract().jsonPath().getLong("available.amountMinor");
                        if (available > 1_00) {
                            String disbursement = disbursement(fund, 1 + random.nextLong(available));
                            TestFunds.vote(disbursement, MEMBER, "FOR");
                            approved.add(disbursement);
                        }
                    }
                    case 5 -> {
                        if (!approved.isEmpty()) {
                            String disbursement = approved.remove(random.nextInt(approved.size()));
                            if (random.nextInt(3) == 0) {
                                json(FINANCE, Map.of("reason", "Projet abandonné"))
                                        .post("/api/v1/disbursements/{id}/cancellation", disbursement).then()
                                        .statusCode(200);
                            } else {
                                json(FINANCE, Map.of("paymentReference", "VIR-SORT-" + UUID.randomUUID(), "paidOn",
                                        today.toString())).post("/api/v1/disbursements/{id}/payment", disbursement)
                                        .then().statusCode(200);
                            }
                        }
                    }
                    default -> {
                        if (!pledges.isEmpty() && random.nextBoolean()) {
                            json(FINANCE, Map.of("reason", "Délibération retirée")).post(
                                    "/api/v1/pledges/{id}/cancellation", pledges.get(random.nextInt(pledges.size()))[0])
                                    .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(409)));
                        } else if (!contributions.isEmpty()) {
                            json(FINANCE, Map.of("reason", "Rejet bancaire")).post(
                                    "/api/v1/contributions/{id}/reversal",
                                    contributions.get(random.nextInt(contributions.size())))
                                    .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(409)));
                        }
                    }
                }
            }
            clock.advance(Duration.ofDays(30));
        }
    }

    @Test
    void each_years_closing_balances_are_the_next_years_opening_balances() throws Exception {
        for (String year : CLOSED) {
            LocalDate lastDay = LocalDate.of(Integer.parseInt(year), 12, 31);
            for (Fund fund : FUNDS) {
                Map<String, Long> closing = new TreeMap<>();
                JsonPath trial = as(AUDITOR).queryParam("on", lastDay.toString()).queryParam("fund", fund.code())
                        .get("/api/v1/accounting/trial-balance").then().statusCode(200).extract().jsonPath();
                for (Map<String, Object> row : trial.<Map<String, Object>>getList("rows")) {
                    String account = (String) row.get("account");
                    long signed = ((Number) row.get("debitBalanceMinor")).longValue()
                            - ((Number) row.get("creditBalanceMinor")).longValue();
                    // The year's charges and resources become the result carried forward.
                    closing.merge("12345".indexOf(account.charAt(0)) >= 0 && !account.startsWith("11") ? account
                            : "result", signed, Long::sum);
                }
                closing.values().removeIf(amount -> amount == 0);
                Map<String, Long> opening = openingOf(fund, lastDay.plusDays(1));
                assertThat(opening).as(fund + " from " + year).isEqualTo(closing);
                assertThat(opening).as(fund + " has books").isNotEmpty();
            }
        }
    }

    @Test
    void each_funds_fonds_dedies_are_its_available_money_and_pledges_receivable_and_carry_on() {
        Map<String, Long> carried = null;
        for (String year : List.of("2090", "2091", "2092")) {
            JsonPath report = as(AUDITOR).get("/api/v1/accounting/dedicated-funds/{year}", year).then()
                    .statusCode(200).body("provisional", equalTo(year.equals("2092"))).extract().jsonPath();
            Map<String, Long> closing = new TreeMap<>();
            Map<String, Long> opening = new TreeMap<>();
            for (Map<String, Object> row : report.<Map<String, Object>>getList("rows")) {
                String key = row.get("fund") + " " + row.get("family");
                long open = ((Number) row.get("openingMinor")).longValue();
                long close = ((Number) row.get("closingMinor")).longValue();
                assertThat(close).as(key).isEqualTo(open - ((Number) row.get("usedMinor")).longValue()
                        + ((Number) row.get("carriedMinor")).longValue());
                if (open != 0) {
                    opening.put(key, open);
                }
                if (close != 0) {
                    closing.put(key, close);
                }
            }
            if (carried != null) {
                assertThat(opening).as("the fonds dédiés " + year + " starts from").isEqualTo(carried);
            }
            assertThat(closing).as("fonds dédiés at the end of " + year).isNotEmpty();
            carried = closing;
            if (year.equals("2092")) {
                continue;
            }
            for (Fund fund : FUNDS) {
                JsonPath balance = as(FINANCE).queryParam("on", year + "-12-31").get("/api/v1/funds/{code}/balance",
                        fund.code()).then().statusCode(200).extract().jsonPath();
                long dedicated = closing.entrySet().stream().filter(e -> e.getKey().startsWith(fund.code() + " "))
                        .mapToLong(Map.Entry::getValue).sum();
                assertThat(dedicated).as(fund + " at the end of " + year).isEqualTo(
                        balance.getLong("available.amountMinor") + balance.getLong("outstandingPledges.amountMinor"));
            }
        }
    }

    @Test
    void a_restricted_funds_year_ends_with_a_zero_result() {
        for (String year : CLOSED) {
            for (Fund fund : FUNDS) {
                JsonPath trial = as(AUDITOR).queryParam("on", year + "-12-31").queryParam("fund", fund.code())
                        .get("/api/v1/accounting/trial-balance").then().statusCode(200).extract().jsonPath();
                long result = 0;
                boolean carriedOrUsed = false;
                for (Map<String, Object> row : trial.<Map<String, Object>>getList("rows")) {
                    String account = (String) row.get("account");
                    if ("67".indexOf(account.charAt(0)) >= 0) {
                        result += ((Number) row.get("creditBalanceMinor")).longValue()
                                - ((Number) row.get("debitBalanceMinor")).longValue();
                        carriedOrUsed |= account.startsWith("689") || account.startsWith("789");
                    }
                }
                assertThat(carriedOrUsed).as(fund + " " + year + " has fonds dédiés entries").isTrue();
                assertThat(result).as(fund + " " + year).isZero();
            }
        }
    }

    @Test
    void the_fec_keeps_the_articles_rules_and_adds_up_to_the_trial_balance() throws Exception {
        boolean foreign = false;
        for (String year : CLOSED) {
            LocalDate firstDay = LocalDate.of(Integer.parseInt(year), 1, 1);
            LocalDate lastDay = LocalDate.of(Integer.parseInt(year), 12, 31);
            ExtractableResponse<Response> answer = as(AUDITOR).accept("text/plain").get("/api/v1/accounting/fec/{year}", year).then()
                    .statusCode(200).contentType("text/plain;charset=ISO-8859-15").extract();
            String fileName = answer.header("Content-Disposition").replaceAll(".*filename=\"([^\"]+)\".*", "$1");
            byte[] bytes = answer.asByteArray();
            assertThat(fileName).isEqualTo("ASSOFEC" + year + "1231.txt");
            assertThat(answer.header("ETag")).isEqualTo("\"" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(bytes)) + "\"");

            FecReader.File fec = FecReader.read(fileName, bytes, new FecReader.Expectations(firstDay, lastDay));

            Map<String, Long> expected = new TreeMap<>();
            JsonPath trial = as(AUDITOR).queryParam("on", lastDay.toString()).get("/api/v1/accounting/trial-balance")
                    .then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> row : trial.<Map<String, Object>>getList("rows")) {
                if (row.get("currency").equals("EUR")) {
                    String account = (String) row.get("account");
                    expected.merge(account.startsWith("11") ? "11" : account,
                            ((Number) row.get("debitBalanceMinor")).longValue()
                                    - ((Number) row.get("creditBalanceMinor")).longValue(), Long::sum);
                }
            }
            Map<String, Long> actual = new TreeMap<>();
            fec.totalsByAccount().forEach((account, sides) -> actual.merge(account.startsWith("11") ? "11" : account,
                    sides[0].subtract(sides[1]).movePointRight(2).longValueExact(), Long::sum));
            expected.values().removeIf(amount -> amount == 0);
            actual.values().removeIf(amount -> amount == 0);
            assertThat(actual).as("the FEC of " + year).isEqualTo(expected).isNotEmpty();

            // The funds kept in dollars are not in it: their lines would need a rate to the euro.
            assertThat(fec.lines()).noneMatch(line -> line.ecritureLib().contains("QUITO"));
            // The first year opens with nothing carried; the next one with its opening balances first.
            assertThat(fec.lines().get(0).journalCode().equals("AN")).isEqualTo(!year.equals("2090"));
            foreign |= fec.lines().stream().anyMatch(line -> line.montantDevise() != null
                    && "USD".equals(line.idevise()));
            assertThat(new String(bytes, FecFile.CHARSET)).contains("Nguyen Thi Dào \"Lê\" - Œuvre");

            byte[] again = as(AUDITOR).accept("text/plain").get("/api/v1/accounting/fec/{year}", year).then()
                    .statusCode(200).extract().asByteArray();
            assertThat(again).as("a re-export").isEqualTo(bytes);
            as(AUDITOR).accept("text/plain").header("If-None-Match", answer.header("ETag"))
                    .get("/api/v1/accounting/fec/{year}", year).then().statusCode(304);
            as(AUDITOR).accept("text/plain").get("/api/v1/accounting/fec/{year}/description", year).then()
                    .statusCode(200)
                    .body(org.hamcrest.Matchers.containsString(HexFormat.of().formatHex(
                            MessageDigest.getInstance("SHA-256").digest(bytes))))
                    .body(org.hamcrest.Matchers.containsString("QUITO"));
        }
        assertThat(foreign).as("dollars received into a euro fund, with their amount as received").isTrue();
    }

    @Test
    void a_year_not_closed_has_no_fec() {
        as(AUDITOR).accept("text/plain").get("/api/v1/accounting/fec/{year}", "2092").then().statusCode(409)
                .body("type", endsWith("#fiscal-year-not-closed"));
        as(AUDITOR).accept("text/plain").get("/api/v1/accounting/fec/{year}/description", "2092").then().statusCode(409)
                .body("type", endsWith("#fiscal-year-not-closed"));
        as(AUDITOR).accept("text/plain").get("/api/v1/accounting/fec/{year}", "2093").then().statusCode(404)
                .body("type", endsWith("#fiscal-year-not-found"));
        as(AUDITOR).get("/api/v1/accounting/dedicated-funds/{year}", "2093").then().statusCode(404)
                .body("type", endsWith("#fiscal-year-not-found"));
    }

    /** A fund's opening balances of the year starting on that day, by account, debit positive; 110 and 119 as "result". */
    private static Map<String, Long> openingOf(Fund fund, LocalDate firstDay) throws Exception {
        Map<String, Long> opening = new TreeMap<>();
        try (Connection db = TestDatabase.asSuperuser(); PreparedStatement query = db.prepareStatement("""
                SELECT l.account, sum(CASE l.side WHEN 'D' THEN l.amount_minor ELSE -l.amount_minor END)
                  FROM year_end_entry y
                  JOIN year_end_line l ON l.entry_id = y.id
                  JOIN fund_ledger f ON f.fund_id = y.fund_id
                 WHERE y.kind = 'OPENING' AND y.effective_date = ? AND f.fund_code = ?
                 GROUP BY l.account""")) {
            query.setObject(1, firstDay);
            query.setString(2, fund.code());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String account = rows.getString(1);
                    opening.merge(account.startsWith("11") ? "result" : account, rows.getLong(2), Long::sum);
                }
            }
        }
        opening.values().removeIf(amount -> amount == 0);
        return opening;
    }

    /** A pledge, as {id, fund, donor, amount}. */
    private static String[] pledge(Fund fund, String donor, LocalDate day, long amount) {
        return new String[] {json(FINANCE, Map.of("donorId", donor, "amount",
                Map.of("amountMinor", amount, "currency", fund.currency()), "pledgedOn", day.toString()))
                .post("/api/v1/funds/{code}/pledges", fund.code()).then().statusCode(201).extract()
                .path("id"), fund.code(), donor, Long.toString(amount)};
    }

    /** A contribution, in dollars at 0.5 into a euro fund, or else in the fund's currency and allocated. */
    private static String contribution(boolean inDollars, Fund fund, String donor, LocalDate day, long amount,
            List<String[]> pledges) {
        Map<String, Object> body = new HashMap<>(Map.of("donorId", donor, "receivedOn", day.toString(),
                "bankReference", "VIR-" + UUID.randomUUID()));
        if (inDollars) {
            body.put("amount", Map.of("amountMinor", amount * 2, "currency", "USD"));
            body.put("exchangeRate", new BigDecimal("0.5"));
        } else {
            body.put("amount", Map.of("amountMinor", amount, "currency", fund.currency()));
            pledges.stream().filter(pledge -> pledge[1].equals(fund.code()) && pledge[2].equals(donor)).findFirst()
                    .ifPresent(pledge -> {
                        String outstanding = as(FINANCE).get("/api/v1/pledges/{id}", pledge[0]).then().statusCode(200)
                                .extract().path("outstanding.amountMinor").toString();
                        long allocated = Math.min(amount, Long.parseLong(outstanding));
                        if (allocated > 0) {
                            body.put("allocations", List.of(Map.of("pledgeId", pledge[0], "amountMinor", allocated)));
                        }
                    });
        }
        return json(FINANCE, body).post("/api/v1/funds/{code}/contributions", fund.code()).then().statusCode(201)
                .extract().path("id");
    }

    private static String disbursement(Fund fund, long amount) {
        return json(FINANCE, Map.of("beneficiary", Map.of("name", "Commune de Dondo", "country", "MZ"),
                "purpose", "Réhabilitation", "amount", Map.of("amountMinor", amount, "currency", fund.currency())))
                .post("/api/v1/funds/{code}/disbursements", fund.code()).then().statusCode(201).extract().path("id");
    }

    private static void close(String year) {
        json(FINANCE, Map.of("reason", "Comptes arrêtés")).post("/api/v1/fiscal-years/{code}/closing-request", year)
                .then().statusCode(200);
        json(AUDITOR, Map.of("reason", "Vérifié")).post("/api/v1/fiscal-years/{code}/closing-confirmation", year)
                .then().statusCode(200);
    }

    private static Fund fund(String prefix, String currency) {
        String code = TestFunds.newCode(prefix);
        json(Map.of("code", code, "name", "Fonds " + code, "currency", currency)).post("/api/v1/funds").then()
                .statusCode(201);
        return new Fund(code, currency);
    }

    private static String donor(String kind, String name) {
        return json(Map.of("kind", kind, "name", name)).post("/api/v1/donors").then().statusCode(201).extract()
                .path("id");
    }
}
