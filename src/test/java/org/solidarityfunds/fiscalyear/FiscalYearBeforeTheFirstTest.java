package org.solidarityfunds.fiscalyear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * An entry dated before the first fiscal year makes the year before it; a request to close the
 * first year must not miss that year being made, or the first year would close with an open year
 * before it. On a database of its own: the first year is the whole organisation's.
 */
@QuarkusTest
@TestProfile(FiscalYearBeforeTheFirstTest.OwnYears.class)
class FiscalYearBeforeTheFirstTest {

    /** A profile of its own: Quarkus restarts with a fresh database for it. */
    public static class OwnYears implements QuarkusTestProfile {
    }

    private static final String FINANCE = TestTokens.as("first-finance", Roles.FINANCE);

    @Test
    void a_request_to_close_the_first_year_waits_for_a_year_being_made_before_it() throws Exception {
        String fund = TestFunds.open("FIRST");
        String donor = TestFunds.donor("Commune d'avant");
        contribution(fund, donor, "2020-10-02").then().statusCode(201);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> posting;
        Future<Integer> request;
        try (Connection holder = TestDatabase.asOwner(); Statement hold = holder.createStatement()) {
            holder.setAutoCommit(false);
            hold.execute("LOCK TABLE ledger_totals IN SHARE MODE");
            // Dated in 2019: it makes that year, then waits, before its commit, for the table held.
            posting = pool.submit(() -> contribution(fund, donor, "2019-06-01").statusCode());
            FiscalYearClosingTest.awaitWaiting("relation", "the posting, held after its entry was written");
            request = pool.submit(() -> json(FINANCE, Map.of("reason", "Clôture 2020"))
                    .post("/api/v1/fiscal-years/2020/closing-request").statusCode());
            FiscalYearClosingTest.awaitWaiting("advisory", "the request, waiting for the year being made");
            assertThat(request.isDone()).isFalse();
            holder.rollback();
        }
        assertThat(posting.get()).isEqualTo(201);
        assertThat(request.get()).isEqualTo(409);
        pool.shutdown();
        List<String> statuses = as(FINANCE).get("/api/v1/fiscal-years").then().statusCode(200).extract().jsonPath()
                .getList("status");
        assertThat(statuses).containsExactly("OPEN", "OPEN");
        json(FINANCE, Map.of("reason", "Clôture 2020")).post("/api/v1/fiscal-years/2020/closing-request").then()
                .statusCode(409).body("type", endsWith("#previous-fiscal-year-not-closed"));
    }

    private static io.restassured.response.Response contribution(String fund, String donor, String receivedOn) {
        return json(FINANCE, Map.of("donorId", donor, "amount", Map.of("amountMinor", 10_00, "currency", "EUR"),
                "receivedOn", receivedOn, "bankReference", "VIR-" + UUID.randomUUID()))
                .post("/api/v1/funds/{code}/contributions", fund);
    }
}
