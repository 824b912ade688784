package org.solidarityfunds.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.solidarityfunds.support.Api.api;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.support.BadInput;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;

@QuarkusTest
class FundResourceTest {

    @Test
    void a_fund_is_created_open_in_euros_with_its_ledger_at_zero() {
        String code = TestFunds.newCode("LIBAN");
        json(Map.of("code", code, "name", "Fonds de solidarité Liban", "description", "Beyrouth, août 2020"))
                .post("/api/v1/funds")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/funds/" + code))
                .body("code", equalTo(code))
                .body("currency", equalTo("EUR"))
                .body("status", equalTo("OPEN"))
                .body("createdBy", equalTo("test-admin"));
        api().get("/api/v1/funds/{code}", code).then().statusCode(200)
                .body("name", equalTo("Fonds de solidarité Liban"))
                .body("description", equalTo("Beyrouth, août 2020"));
        api().get("/api/v1/funds/{code}/balance", code).then().statusCode(200)
                .body("available.amountMinor", equalTo(0))
                .body("available.currency", equalTo("EUR"))
                .body("entryCount", equalTo(0))
                .body("headHash", equalTo("0".repeat(64)));
    }

    @Test
    void a_fund_may_keep_its_books_in_another_currency() {
        String code = TestFunds.newCode("USD");
        json(Map.of("code", code, "name", "Dollar fund", "currency", "USD")).post("/api/v1/funds")
                .then().statusCode(201).body("currency", equalTo("USD"));
        api().get("/api/v1/funds/{code}/balance", code).then().body("received.currency", equalTo("USD"));
    }

    @Test
    void ten_concurrent_creations_of_one_code_make_exactly_one_fund() throws Exception {
        String code = TestFunds.newCode("RACE");
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            attempts.add(() -> json(Map.of("code", code, "name", "Concurrent")).post("/api/v1/funds").statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pool.invokeAll(attempts)) {
            statuses.add(status.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(9);
        json(Map.of("code", code, "name", "Again")).post("/api/v1/funds").then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("#fund-code-taken"));
    }

    @Test
    void funds_are_listed_page_by_page_in_creation_order() {
        List<String> created = List.of(TestFunds.open("LIST"), TestFunds.open("LIST"), TestFunds.open("LIST"));
        List<String> listed = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        do {
            JsonPath page = (cursor == null ? api() : api().queryParam("after", cursor)).queryParam("limit", 2)
                    .get("/api/v1/funds").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            listed.addAll(page.getList("items.code"));
            cursor = page.getString("nextCursor");
            assertThat(cursor == null || cursors.add(cursor)).isTrue();
        } while (cursor != null);
        assertThat(listed).doesNotHaveDuplicates().containsSubsequence(created);
    }

    @Test
    void a_fund_moves_forward_through_its_lifecycle_and_each_move_is_kept() throws SQLException {
        String code = TestFunds.open("LIFE");
        json(Map.of("status", "CLOSED_TO_PLEDGES", "reason", "Décision du comité")).post("/api/v1/funds/{code}/status", code)
                .then().statusCode(200).body("status", equalTo("CLOSED_TO_PLEDGES"));
        json(Map.of("status", "CLOSED", "reason", "Fonds soldé")).post("/api/v1/funds/{code}/status", code)
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        try (Connection connection = TestDatabase.asSuperuser(); Statement sql = connection.createStatement()) {
            assertThat(TestDatabase.single(sql, "SELECT count(*) FROM fund_status_change c JOIN fund f ON f.id = c.fund_id "
                    + "WHERE f.code = '" + code + "' AND c.changed_by = 'test-admin'")).isEqualTo(2);
        }
    }

    @Test
    void a_fund_never_moves_backwards_nor_stays_put() {
        String code = TestFunds.open("BACK");
        json(Map.of("status", "CLOSED_TO_PLEDGES", "reason", "r")).post("/api/v1/funds/{code}/status", code)
                .then().statusCode(200);
        for (String target : List.of("OPEN", "CLOSED_TO_PLEDGES")) {
            BadInput.post("/api/v1/funds/" + code + "/status", "{\"status\":\"" + target + "\",\"reason\":\"r\"}",
                    409, "fund-status-transition-refused");
        }
    }

    @Test
    void an_unknown_fund_answers_404_everywhere() {
        api().get("/api/v1/funds/{code}", "NO-SUCH-FUND").then().statusCode(404)
                .contentType("application/problem+json").body("type", endsWith("#fund-not-found"))
                .body("instance", equalTo("/api/v1/funds/NO-SUCH-FUND"));
        BadInput.post("/api/v1/funds/NO-SUCH-FUND/status", "{\"status\":\"CLOSED\",\"reason\":\"r\"}", 404,
                "fund-not-found");
    }

    @Test
    void bad_fund_input_is_refused_with_a_problem_and_changes_nothing() {
        String taken = TestFunds.open("TAKEN");
        BadInput.post("/api/v1/funds", "{\"code\": \"X-1\", ", 400, "malformed-request")
                .body("detail", equalTo("The request body is not well-formed JSON."));
        BadInput.post("/api/v1/funds", "[]", 400, "malformed-request");
        BadInput.post("/api/v1/funds", "", 400, "validation-failed");
        BadInput.post("/api/v1/funds", "{\"code\":\"DUP-1\",\"code\":\"DUP-2\",\"name\":\"n\"}", 400, "malformed-request");
        BadInput.post("/api/v1/funds", "{}", 400, "validation-failed")
                .body("errors.field", hasItem("code")).body("errors.field", hasItem("name"));
        BadInput.post("/api/v1/funds", "{\"code\": 12, \"name\": \"n\"}", 400, "validation-failed")
                .body("errors[0].field", equalTo("code"));
        BadInput.post("/api/v1/funds", "{\"code\": \"OK-1\", \"name\": true}", 400, "validation-failed")
                .body("errors[0].field", equalTo("name"));
        BadInput.post("/api/v1/funds", "{\"code\": \"OK-1\", \"name\": \"n\", \"status\": \"CLOSED\"}", 400,
                "unknown-field").body("errors[0].field", equalTo("status"));
        BadInput.post("/api/v1/funds", "{\"code\": \"liban-2020\", \"name\": \"n\"}", 400, "validation-failed")
                .body("errors[0].field", equalTo("code"));
        BadInput.post("/api/v1/funds", "{\"code\": \"" + "A".repeat(33) + "\", \"name\": \"n\"}", 400, "validation-failed");
        BadInput.post("/api/v1/funds", "{\"code\": \"OK-1\", \"name\": \"" + "n".repeat(201) + "\"}", 400,
                "validation-failed").body("errors[0].field", equalTo("name"));
        BadInput.post("/api/v1/funds", "{\"code\": \"OK-1\", \"name\": \"   \"}", 400, "validation-failed");
        BadInput.post("/api/v1/funds", "{\"code\": \"OK-1\", \"name\": \"n\", \"description\": \"" + "d".repeat(2001)
                + "\"}", 400, "validation-failed");
        BadInput.post("/api/v1/funds", "{\"code\": \"OK-1\", \"name\": \"n\", \"currency\": \"XYZ\"}", 400,
                "validation-failed").body("errors[0].field", equalTo("currency"));
        BadInput.post("/api/v1/funds", "{\"code\": \"OK-1\", \"name\": \"n\", \"currency\": \"XAU\"}", 400,
                "validation-failed").body("errors[0].field", equalTo("currency"));
        BadInput.post("/api/v1/funds", "{\"code\": \"OK-1\", \"name\": \"n\", \"currency\": \"eur\"}", 400,
                "validation-failed");
        BadInput.post("/api/v1/funds", "{\"code\": \"" + taken + "\", \"name\": \"n\"}", 409, "fund-code-taken");
    }

    @Test
    void a_currency_the_database_does_not_list_is_refused_like_an_unknown_one() throws SQLException {
        // The JDK's list and the currency table may part ways on another Java version: the
        // database's word is final. Simulated by taking an unused code out of the table.
        try (Connection superuser = TestDatabase.asSuperuser(); Statement sql = superuser.createStatement()) {
            sql.execute("DELETE FROM currency WHERE code = 'ZWL'");
            try {
                BadInput.post("/api/v1/funds", "{\"code\": \"ZIM-1\", \"name\": \"n\", \"currency\": \"ZWL\"}", 400,
                        "validation-failed").body("errors[0].field", equalTo("currency"));
            } finally {
                sql.execute("INSERT INTO currency (code, minor_units) VALUES ('ZWL', 2)");
            }
        }
    }

    @Test
    void bad_status_input_is_refused_with_a_problem_and_changes_nothing() {
        String code = TestFunds.open("STATUS");
        String path = "/api/v1/funds/" + code + "/status";
        BadInput.post(path, "{\"status\": \"REOPENED\", \"reason\": \"r\"}", 400, "validation-failed")
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("CLOSED_TO_PLEDGES"));
        BadInput.post(path, "{\"status\": 1, \"reason\": \"r\"}", 400, "validation-failed");
        BadInput.post(path, "{\"status\": \"CLOSED\"}", 400, "validation-failed").body("errors[0].field", equalTo("reason"));
        BadInput.post(path, "{\"status\": \"CLOSED\", \"reason\": \"" + "r".repeat(501) + "\"}", 400, "validation-failed");
        BadInput.post(path, "{\"status\": \"CLOSED\", \"reason\": \"r\", \"closedBy\": \"x\"}", 400, "unknown-field");
        BadInput.post(path, "not json", 400, "malformed-request");
    }
}
