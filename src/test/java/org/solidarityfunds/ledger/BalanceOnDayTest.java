package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.common.Clocks;
import org.solidarityfunds.support.TestClock;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * A fund's balances on a day are those of every entry dated up to it, whenever it was recorded:
 * an entry dated back changes the days after its date, a reversal counts on its own date.
 */
@QuarkusTest
class BalanceOnDayTest {

    private static final String FINANCE = TestTokens.as("finance-on", Roles.FINANCE);
    private static final LocalDate TODAY = LocalDate.ofInstant(TestClock.START, Clocks.BUSINESS_ZONE);

    @Test
    void the_balance_on_random_days_of_a_history_recorded_out_of_date_order_is_the_sum_of_the_lines_dated_up_to_then()
            throws SQLException {
        String fund = TestFunds.open("ON");
        String donor = TestFunds.donor("Commune datée");
        Random random = new Random(20200804L);
        LocalDate first = LocalDate.of(2020, 8, 4);
        List<String> contributions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // Days in any order: each entry may be dated before the ones recorded earlier.
            String day = first.plusDays(random.nextInt(900)).toString();
            if (random.nextInt(4) == 0) {
                json(FINANCE, Map.of("donorId", donor, "amount", Map.of("amountMinor", 1 + random.nextInt(50_00),
                        "currency", "EUR"), "pledgedOn", day)).post("/api/v1/funds/{code}/pledges", fund).then()
                        .statusCode(201);
            } else {
                contributions.add(json(FINANCE, Map.of("donorId", donor, "amount", Map.of("amountMinor",
                        1 + random.nextInt(50_00), "currency", "EUR"), "receivedOn", day, "bankReference",
                        "VIR-" + UUID.randomUUID())).post("/api/v1/funds/{code}/contributions", fund).then()
                        .statusCode(201).extract().path("id"));
            }
        }
        json(FINANCE, Map.of("reason", "Rejet bancaire")).post("/api/v1/contributions/{id}/reversal",
                contributions.get(3)).then().statusCode(200);

        List<LocalDate> days = new ArrayList<>(List.of(first.minusDays(1), first, first.plusDays(899), TODAY));
        for (int i = 0; i < 25; i++) {
            days.add(first.plusDays(random.nextInt(900)));
        }
        for (LocalDate day : days) {
            JsonPath balance = as(FINANCE).queryParam("on", day.toString()).get("/api/v1/funds/{code}/balance", fund)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(new long[] {balance.getLong("received.amountMinor"), balance.getLong("available.amountMinor"),
                    balance.getLong("pledged.amountMinor"), balance.getLong("outstandingPledges.amountMinor")})
                    .as("balances on " + day).containsExactly(sumsDatedUpTo(fund, day));
            assertThat(balance.getString("on")).isEqualTo(day.toString());
        }
        // On today, every entry counts: the current balances (the reversal is dated today).
        JsonPath now = as(FINANCE).get("/api/v1/funds/{code}/balance", fund).jsonPath();
        JsonPath today = as(FINANCE).queryParam("on", TODAY.toString()).get("/api/v1/funds/{code}/balance", fund)
                .jsonPath();
        for (String figure : List.of("pledged", "received", "outstandingPledges", "committed", "disbursed", "available")) {
            assertThat(today.getLong(figure + ".amountMinor")).as(figure).isEqualTo(now.getLong(figure + ".amountMinor"));
        }
        assertThat(today.getString("headHash")).isEqualTo(now.getString("headHash"));
    }

    @Test
    void a_day_that_is_not_one_or_not_yet_or_asked_with_an_instant_is_refused() {
        String fund = TestFunds.open("ON0");
        for (String bad : List.of("2020-13-01", "31/12/2020", "2020-12-31T00:00:00Z", "1999-12-31",
                TODAY.plusDays(1).toString())) {
            as(FINANCE).queryParam("on", bad).get("/api/v1/funds/{code}/balance", fund).then().statusCode(400)
                    .body("type", endsWith("#validation-failed")).body("errors[0].field", equalTo("on"));
        }
        as(FINANCE).queryParam("on", "2020-12-31").queryParam("asOf", "2020-12-31T23:00:00Z")
                .get("/api/v1/funds/{code}/balance", fund).then().statusCode(400).body("errors[0].field", equalTo("on"));
    }

    @Test
    void a_day_on_which_the_dates_put_an_account_below_zero_is_named_not_shown_wrong() {
        String fund = TestFunds.open("ON-BELOW");
        String donor = TestFunds.donor("Commune en avance");
        TestFunds.contribution(fund, donor, 100_00, null);
        TestFunds.committee(fund, 1, "on-member");
        String disbursement = TestFunds.disbursement(fund, 40_00);
        TestFunds.vote(disbursement, "on-member", "FOR");
        // Decided today, paid (so it says) in 2020: by the dates, the payment comes first.
        json(FINANCE, Map.of("paymentReference", "VIR-AVANT", "paidOn", "2020-11-12"))
                .post("/api/v1/disbursements/{id}/payment", disbursement).then().statusCode(200);
        as(FINANCE).queryParam("on", "2020-12-31").get("/api/v1/funds/{code}/balance", fund).then().statusCode(409)
                .body("type", endsWith("#balance-below-zero-on-day"))
                .body("detail", org.hamcrest.Matchers.containsString("COMMITMENTS"));
        as(FINANCE).queryParam("on", TODAY.toString()).get("/api/v1/funds/{code}/balance", fund).then()
                .statusCode(200).body("committed.amountMinor", equalTo(0)).body("disbursed.amountMinor", equalTo(40_00));
    }

    /**
     * received, available, pledged and outstanding pledges from the lines dated up to the day,
     * straight from the tables: a reversal's lines take their amount off the side they reverse.
     */
    private static long[] sumsDatedUpTo(String fund, LocalDate day) throws SQLException {
        String sql = """
                SELECT coalesce(sum(CASE WHEN e.reverses_entry_id IS NULL THEN l.amount_minor ELSE -l.amount_minor END)
                                FILTER (WHERE l.account = 'BANK' AND (l.side = 'D') = (e.reverses_entry_id IS NULL)), 0),
                       coalesce(sum(CASE WHEN l.side = 'C' THEN l.amount_minor ELSE -l.amount_minor END)
                                FILTER (WHERE l.account = 'AVAILABLE'), 0),
                       coalesce(sum(CASE WHEN e.reverses_entry_id IS NULL THEN l.amount_minor ELSE -l.amount_minor END)
                                FILTER (WHERE l.account = 'PLEDGES_RECEIVABLE'
                                        AND (l.side = 'D') = (e.reverses_entry_id IS NULL)), 0),
                       coalesce(sum(CASE WHEN l.side = 'D' THEN l.amount_minor ELSE -l.amount_minor END)
                                FILTER (WHERE l.account = 'PLEDGES_RECEIVABLE'), 0)
                  FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id JOIN fund f ON f.id = e.fund_id
                 WHERE f.code = ? AND e.effective_date <= ?
                """;
        try (Connection db = TestDatabase.asSuperuser(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, fund);
            query.setObject(2, day);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
            }
        }
    }
}
