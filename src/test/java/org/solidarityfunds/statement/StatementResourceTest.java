package org.solidarityfunds.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.solidarityfunds.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.ledger.EntryView;
import org.solidarityfunds.support.TestClock;
import org.solidarityfunds.support.TestCsv;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestLedger;
import org.solidarityfunds.support.TestTokens;

/** Statements for a period, as JSON and as CSV, that reconcile with each other and with the balances. */
@QuarkusTest
class StatementResourceTest {

    private static final String FINANCE = TestTokens.as("finance-statement", Roles.FINANCE);

    private final TestLedger ledger;
    private final TestClock clock;

    StatementResourceTest(TestLedger ledger, TestClock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Test
    void the_csv_statement_parsed_back_reconciles_with_the_json_statement_and_the_balances() {
        String fund = TestFunds.open("STMT");
        EntryView first = ledger.contribution(fund, 100_00);
        ledger.pledge(fund, 50_00);
        ledger.commitment(fund, 30_00);
        ledger.payment(fund, 30_00);
        ledger.contribution(fund, 12_34);

        JsonPath statement = as(FINANCE).queryParam("from", first.recordedAt().plusNanos(1000).toString())
                .get("/api/v1/funds/{code}/statement", fund).then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
        assertThat(statement.getLong("opening.bank.amountMinor")).isEqualTo(100_00);
        assertThat(statement.getLong("opening.available.amountMinor")).isEqualTo(100_00);
        List<Map<String, Object>> movements = statement.getList("movements");
        assertThat(movements).hasSize(8);
        assertThat(statement.getLong("closing.bank.amountMinor")).isEqualTo(82_34);
        assertThat(statement.getLong("closing.available.amountMinor")).isEqualTo(82_34);
        assertThat(statement.getLong("closing.pledgesReceivable.amountMinor")).isEqualTo(50_00);
        JsonPath balance = as(FINANCE).get("/api/v1/funds/{code}/balance", fund).jsonPath();
        assertThat(statement.getLong("closing.available.amountMinor")).isEqualTo(balance.getLong("available.amountMinor"));

        byte[] csv = as(FINANCE).accept("text/csv").queryParam("from", first.recordedAt().plusNanos(1000).toString())
                .get("/api/v1/funds/{code}/statement", fund).then().statusCode(200)
                .contentType("text/csv;charset=UTF-8").header("Content-Disposition", endsWith("-statement.csv\""))
                .extract().asByteArray();
        List<List<String>> rows = TestCsv.records(csv);
        assertThat(String.join(",", rows.get(0))).isEqualTo(StatementWriter.CSV_HEADER);
        assertThat(rows).hasSize(movements.size() + 1);
        for (int i = 0; i < movements.size(); i++) {
            List<String> cells = rows.get(i + 1);
            Map<String, Object> movement = movements.get(i);
            assertThat(cells).hasSize(12);
            assertThat(Long.parseLong(cells.get(0))).isEqualTo(((Number) movement.get("sequence")).longValue());
            assertThat(cells.get(1)).isEqualTo(movement.get("entryId"));
            assertThat(cells.get(2)).isEqualTo(movement.get("kind"));
            assertThat(cells.get(5)).isEqualTo(movement.get("memo"));
            assertThat(cells.get(7)).isEqualTo(movement.get("account"));
            assertThat(cells.get(8)).isEqualTo(movement.get("side"));
            assertThat(new BigDecimal(cells.get(9)).movePointRight(2).longValueExact())
                    .isEqualTo(((Number) ((Map<?, ?>) movement.get("amount")).get("amountMinor")).longValue());
            assertThat(new BigDecimal(cells.get(11)).movePointRight(2).longValueExact())
                    .isEqualTo(((Number) ((Map<?, ?>) movement.get("balanceAfter")).get("amountMinor")).longValue());
        }
        assertThat(String.join(",", rows.get(rows.size() - 1))).endsWith(",AVAILABLE,CREDIT,12.34,EUR,82.34");
    }

    @Test
    void a_period_of_days_includes_both_days_and_an_empty_period_has_equal_opening_and_closing() {
        String fund = TestFunds.open("STMTD");
        ledger.contribution(fund, 10_00);
        as(FINANCE).queryParam("from", "2019-01-01").queryParam("to", "2019-12-31")
                .get("/api/v1/funds/{code}/statement", fund).then().statusCode(200)
                .body("movements.size()", equalTo(0)).body("opening.bank.amountMinor", equalTo(0))
                .body("closing.bank.amountMinor", equalTo(0)).body("from", equalTo("2018-12-31T23:00:00Z"))
                .body("to", equalTo("2019-12-31T23:00:00Z"));
        String today = clock.today().toString();
        as(FINANCE).queryParam("from", today).queryParam("to", today).get("/api/v1/funds/{code}/statement", fund)
                .then().statusCode(200).body("movements.size()", equalTo(2))
                .body("closing.bank.amountMinor", equalTo(10_00));
    }

    @Test
    void bad_periods_are_refused_and_other_funds_are_out_of_a_partners_sight() {
        String fund = TestFunds.open("STMTB");
        String path = "/api/v1/funds/" + fund + "/statement";
        for (Map<String, String> bad : List.of(Map.of("from", "2020-13-01"), Map.of("to", "soon"),
                Map.of("from", "2021-01-01", "to", "2020-12-31"), Map.of("from", "2020-01-01T00:00:00"))) {
            as(FINANCE).queryParams(bad).get(path).then().statusCode(400).body("type", endsWith("#validation-failed"));
        }
        String partner = TestTokens.as("partner-stmt", Roles.PARTNER, TestFunds.open("STMTP"));
        as(partner).get(path).then().statusCode(404).body("type", endsWith("#fund-not-found"));
        as(partner).accept("text/csv").get(path).then().statusCode(404);
        as(FINANCE).accept("application/xml").get(path).then().statusCode(406);
    }

    @Test
    void a_memo_a_spreadsheet_would_take_for_a_formula_is_written_as_text() {
        assertThat(org.solidarityfunds.common.CsvCells.text("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(org.solidarityfunds.common.CsvCells.text("Don, Lyon")).isEqualTo("\"Don, Lyon\"");
        assertThat(org.solidarityfunds.common.CsvCells.text("-5")).isEqualTo("'-5");
        assertThat(org.solidarityfunds.common.CsvCells.text("Contribution")).isEqualTo("Contribution");
    }
}
