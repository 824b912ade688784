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
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.common.Clocks;
import org.solidarityfunds.support.MadeOnce;
import org.solidarityfunds.support.TestClock;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * The accounting outputs checked by a tool nobody here wrote: hledger (Debian's, which .ci/run
 * installs) reads the journal export of a generated history of three years (pledges,
 * contributions in three currencies, one without decimals, and dollars into a euro fund,
 * reversals, decisions, payments, two closed years), finds it
 * strict (every account and currency declared, every transaction balanced), and its balances
 * are the API's: in the funds' own accounts, the balances of each fund on each day asked; in
 * the general chart, the trial balance of all the funds and of each, from its own export. On a
 * database of its own: the history closes years.
 */
@QuarkusTest
@TestProfile(HledgerCheckTest.OwnBooks.class)
class HledgerCheckTest {

    /** A profile of its own: Quarkus restarts with a fresh database for it. */
    public static class OwnBooks implements QuarkusTestProfile {
    }

    private static final String FINANCE = TestTokens.as("books-finance", Roles.FINANCE);
    private static final String AUDITOR = TestTokens.as("books-auditor", Roles.AUDITOR);
    private static final LocalDate TODAY = LocalDate.ofInstant(TestClock.START, Clocks.BUSINESS_ZONE);
    private static final List<String> FUNDS = new ArrayList<>();
    private static final List<LocalDate> DAYS = List.of(LocalDate.of(2020, 12, 31), LocalDate.of(2021, 6, 30),
            LocalDate.of(2021, 12, 31), LocalDate.of(2022, 3, 1), TODAY);

    /** Made once, by the first test (RestAssured knows the application's port only from then). */
    private static final MadeOnce<Void> HISTORY = new MadeOnce<>("the history");

    @BeforeEach
    void a_history_of_three_years_two_of_them_closed() {
        HISTORY.make(this::makeHistory);
    }

    private void makeHistory() {
        Random random = new Random(2020_08_04L);
        FUNDS.add(fund("LIBAN", "EUR"));
        FUNDS.add(fund("DONDO", "EUR"));
        FUNDS.add(fund("QUITO", "USD"));
        FUNDS.add(fund("BANGUI", "XOF"));
        List<String> donors = List.of(donor("COMMUNE", "Ville de Lyon"), donor("REGION", "Région Sud"),
                donor("ASSOCIATION", "Association des amis de Beyrouth"), donor("PERSON", "Jeanne Martin"));
        for (String fund : FUNDS) {
            TestFunds.committee(fund, 1, "books-member");
        }
        List<String> contributions = new ArrayList<>();
        for (int year = 2020; year <= 2022; year++) {
            for (int i = 0; i < 12; i++) {
                String fund = FUNDS.get(random.nextInt(FUNDS.size()));
                String currency = fund.startsWith("QUITO") ? "USD" : fund.startsWith("BANGUI") ? "XOF" : "EUR";
                String donor = donors.get(random.nextInt(donors.size()));
                String day = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)).toString();
                long amount = 100_00 + random.nextInt(900_00);
                String pledge = json(FINANCE, Map.of("donorId", donor, "amount", Map.of("amountMinor", amount,
                        "currency", currency), "pledgedOn", day)).post("/api/v1/funds/{code}/pledges", fund)
                        .then().statusCode(201).extract().path("id");
                Map<String, Object> body = new HashMap<>(Map.of("donorId", donor, "receivedOn", day,
                        "bankReference", "VIR-" + UUID.randomUUID()));
                if (currency.equals("EUR") && random.nextInt(3) == 0) {
                    // Dollars received into a fund kept in euros, at the rate of the day.
                    body.put("amount", Map.of("amountMinor", amount * 2, "currency", "USD"));
                    body.put("exchangeRate", new BigDecimal("0.5"));
                } else {
                    body.put("amount", Map.of("amountMinor", amount, "currency", currency));
                    if (random.nextBoolean()) {
                        body.put("allocations", List.of(Map.of("pledgeId", pledge, "amountMinor", amount)));
                    }
                }
                contributions.add(json(FINANCE, body).post("/api/v1/funds/{code}/contributions", fund)
                        .then().statusCode(201).extract().path("id"));
            }
            String fund = FUNDS.get((year - 2020) % 2);
            String disbursement = TestFunds.disbursement(fund, 50_00 + random.nextInt(100_00));
            TestFunds.vote(disbursement, "books-member", "FOR");
            // Paid the day it is decided: the decision is dated today (the test clock's), and a
            // payment dated before it would put the fund's commitments below zero by the dates.
            json(FINANCE, Map.of("paymentReference", "VIR-SORT-" + year, "paidOn", TODAY.toString()))
                    .post("/api/v1/disbursements/{id}/payment", disbursement).then().statusCode(200);
        }
        for (int i = 0; i < 3; i++) {
            json(FINANCE, Map.of("reason", "Rejet bancaire")).post("/api/v1/contributions/{id}/reversal",
                    contributions.get(random.nextInt(contributions.size()))).then()
                    .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(409)));
        }
        for (String year : List.of("2020", "2021")) {
            json(FINANCE, Map.of("reason", "Comptes arrêtés")).post("/api/v1/fiscal-years/{code}/closing-request", year)
                    .then().statusCode(200);
            json(AUDITOR, Map.of("reason", "Vérifié")).post("/api/v1/fiscal-years/{code}/closing-confirmation", year)
                    .then().statusCode(200);
        }
    }

    @Test
    void hledger_finds_both_exports_strict() throws Exception {
        for (String accounts : List.of("general", "funds")) {
            Path journal = export(accounts, null);
            Hledger.Result check = Hledger.run("check", "--strict", "-f", journal.toString());
            assertThat(check.exitCode()).as(accounts + ": " + check.output()).isZero();
        }
    }

    @Test
    void hledgers_balances_of_the_funds_own_accounts_are_the_apis_on_each_day() throws Exception {
        Path journal = export("funds", null);
        for (LocalDate day : DAYS) {
            Map<String, Long> hledger = Hledger.balances(journal, null, day, false);
            for (String fund : FUNDS) {
                JsonPath api = as(FINANCE).queryParam("on", day.toString()).get("/api/v1/funds/{code}/balance", fund)
                        .then().statusCode(200).extract().jsonPath();
                String currency = api.getString("available.currency");
                String at = fund + " on " + day;
                assertThat(hledger.getOrDefault(fund + ":bank " + currency, 0L)).as(at + " bank")
                        .isEqualTo(api.getLong("received.amountMinor") - api.getLong("disbursed.amountMinor"));
                assertThat(hledger.getOrDefault(fund + ":available " + currency, 0L)).as(at + " available")
                        .isEqualTo(-api.getLong("available.amountMinor"));
                assertThat(hledger.getOrDefault(fund + ":commitments " + currency, 0L)).as(at + " committed")
                        .isEqualTo(-api.getLong("committed.amountMinor"));
                assertThat(hledger.getOrDefault(fund + ":pledgesReceivable " + currency, 0L)).as(at + " pledges")
                        .isEqualTo(api.getLong("outstandingPledges.amountMinor"));
            }
        }
    }

    @Test
    void hledgers_balances_in_the_general_chart_are_the_trial_balance_on_each_day() throws Exception {
        Path journal = export("general", null);
        for (LocalDate day : DAYS) {
            assertThat(hledgersTrialBalance(journal, day)).as("the trial balance on " + day)
                    .isEqualTo(trialBalance(null, day)).isNotEmpty();
        }
    }

    @Test
    void hledgers_balances_in_the_general_chart_are_each_funds_trial_balance_on_each_day() throws Exception {
        for (String fund : FUNDS) {
            Path journal = export("general", fund);
            for (LocalDate day : DAYS) {
                assertThat(hledgersTrialBalance(journal, day)).as(fund + "'s trial balance on " + day)
                        .isEqualTo(trialBalance(fund, day));
            }
            assertThat(trialBalance(fund, DAYS.get(DAYS.size() - 1))).as(fund + " has books").isNotEmpty();
        }
    }

    /** The API's trial balance on a day, of a fund or of all, by "account currency", debit positive, zeros left out. */
    private static Map<String, Long> trialBalance(String fund, LocalDate day) {
        var request = as(AUDITOR).queryParam("on", day.toString());
        if (fund != null) {
            request = request.queryParam("fund", fund);
        }
        JsonPath trial = request.get("/api/v1/accounting/trial-balance").then().statusCode(200).extract().jsonPath();
        Map<String, Long> balances = new TreeMap<>();
        for (Map<String, Object> row : trial.<Map<String, Object>>getList("rows")) {
            long signed = ((Number) row.get("debitBalanceMinor")).longValue()
                    - ((Number) row.get("creditBalanceMinor")).longValue();
            if (signed != 0) {
                balances.put(row.get("account") + " " + row.get("currency"), signed);
            }
        }
        return balances;
    }

    /**
     * The trial balance on a day as hledger reads it from an export in the general chart. hledger
     * knows no fiscal year: the balance-sheet accounts up to the day, the charges and resources
     * from the year's first day, the earlier years' result into 110 (a surplus: a credit) or 119
     * (a deficit).
     */
    private static Map<String, Long> hledgersTrialBalance(Path journal, LocalDate day) throws Exception {
        LocalDate firstDay = LocalDate.parse(as(AUDITOR).queryParam("on", day.toString())
                .get("/api/v1/accounting/trial-balance").then().statusCode(200).extract().path("fiscalYearFirstDay"));
        Map<String, Long> actual = new TreeMap<>();
        Hledger.balances(journal, null, day, true).forEach((account, amount) -> {
            if ("12345".indexOf(account.charAt(0)) >= 0) {
                actual.merge(account, amount, Long::sum);
            }
        });
        Hledger.balances(journal, firstDay, day, true).forEach((account, amount) -> {
            if ("67".indexOf(account.charAt(0)) >= 0) {
                actual.merge(account, amount, Long::sum);
            }
        });
        Map<String, Long> earlierResult = new TreeMap<>();
        Hledger.balances(journal, null, firstDay.minusDays(1), true).forEach((account, amount) -> {
            if ("67".indexOf(account.charAt(0)) >= 0) {
                earlierResult.merge(account.substring(account.indexOf(' ') + 1), amount, Long::sum);
            }
        });
        earlierResult.forEach((currency, result) -> {
            if (result != 0) {
                actual.merge((result < 0 ? "110 " : "119 ") + currency, result, Long::sum);
            }
        });
        actual.values().removeIf(amount -> amount == 0);
        return actual;
    }

    @Test
    void a_period_or_a_fund_outside_what_can_be_asked_is_refused() {
        as(FINANCE).accept("text/plain").queryParam("accounts", "internal").get("/api/v1/accounting/journal").then().statusCode(400)
                .body("errors[0].field", equalTo("accounts"));
        as(FINANCE).accept("text/plain").queryParam("from", "2021-01-01").queryParam("to", "2020-12-31")
                .get("/api/v1/accounting/journal")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        as(FINANCE).queryParam("on", TODAY.plusDays(1).toString()).get("/api/v1/accounting/trial-balance").then()
                .statusCode(400).body("errors[0].field", equalTo("on"));
        as(FINANCE).queryParam("fund", "NO-SUCH-FUND").get("/api/v1/accounting/trial-balance").then().statusCode(404)
                .body("type", endsWith("#fund-not-found"));
    }

    private static Path export(String accounts, String fund) throws IOException {
        var request = as(AUDITOR).accept("text/plain").queryParam("accounts", accounts);
        if (fund != null) {
            request = request.queryParam("fund", fund);
        }
        byte[] journal = request.get("/api/v1/accounting/journal").then().statusCode(200)
                .contentType("text/plain;charset=UTF-8").extract().asByteArray();
        Path file = Files.createTempFile("ledger-" + accounts, ".journal");
        Files.write(file, journal);
        file.toFile().deleteOnExit();
        return file;
    }

    private static String fund(String prefix, String currency) {
        String code = TestFunds.newCode(prefix);
        json(Map.of("code", code, "name", "Fonds " + code, "currency", currency)).post("/api/v1/funds").then()
                .statusCode(201);
        return code;
    }

    private static String donor(String kind, String name) {
        return json(Map.of("kind", kind, "name", name)).post("/api/v1/donors").then().statusCode(201).extract()
                .path("id");
    }

    /** hledger, as installed: its exit code and output; its balances as "account currency" → minor units. */
    static final class Hledger {

        record Result(int exitCode, String output) {
        }

        static Result run(String... arguments) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("hledger"));
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("hledger ends").isTrue();
            return new Result(process.exitValue(), output);
        }

        /**
         * The balance of each account from {@code from} (the beginning when null) to the end of
         * {@code to}, in minor units of its currency; by chart number only (depth 1) when asked.
         */
        static Map<String, Long> balances(Path journal, LocalDate from, LocalDate to, boolean byNumber)
                throws IOException, InterruptedException {
            List<String> arguments = new ArrayList<>(List.of("balance", "-f", journal.toString(), "-e",
                    to.plusDays(1).toString(), "-O", "csv", "--flat"));
            if (from != null) {
                arguments.addAll(List.of("-b", from.toString()));
            }
            if (byNumber) {
                arguments.addAll(List.of("--depth", "1"));
            }
            Result result = run(arguments.toArray(String[]::new));
            assertThat(result.exitCode()).as(result.output()).isZero();
            Map<String, Long> balances = new TreeMap<>();
            for (String line : result.output().split("\n")) {
                String[] cells = line.split("\",\"");
                String account = cells[0].replace("\"", "");
                if (cells.length < 2 || account.equals("account") || account.equals("total")) {
                    continue;
                }
                for (String amount : cells[1].replace("\"", "").split(", ")) {
                    String[] parts = amount.strip().split(" ");
                    if (parts.length == 2) {
                        balances.merge(account + " " + parts[1], new BigDecimal(parts[0])
                                .movePointRight(Currency.getInstance(parts[1]).getDefaultFractionDigits())
                                .longValueExact(), Long::sum);
                    }
                }
            }
            return balances;
        }
    }
}
