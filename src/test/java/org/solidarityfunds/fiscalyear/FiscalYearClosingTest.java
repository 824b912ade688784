package org.solidarityfunds.fiscalyear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * A fiscal year's life through the API, on a database of its own (the years are the whole
 * organisation's: closing one would refuse the other tests' postings). The tests build on each
 * other in order, 2020 first, as an organisation's years go.
 */
@QuarkusTest
@TestProfile(FiscalYearClosingTest.OwnYears.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FiscalYearClosingTest {

    /** A profile of its own: Quarkus restarts with a fresh database for it. */
    public static class OwnYears implements QuarkusTestProfile {
    }

    private static final String FINANCE = TestTokens.as("fy-finance", Roles.FINANCE);
    private static final String AUDITOR = TestTokens.as("fy-auditor", Roles.AUDITOR);
    private static final String FUND = TestFunds.newCode("FY");
    private static String donor;

    @Inject
    AgroalDataSource dataSource;
    /** Limit of the race below: a poster that is never refused fails the test instead of running on. */
    private static final int POSTS_PER_RACER_MAX = 2_000;

    @Test
    @Order(1)
    void years_appear_with_the_entries_dated_in_them_without_a_gap() {
        json(Map.of("code", FUND, "name", "Fonds exercices")).post("/api/v1/funds").then().statusCode(201);
        donor = TestFunds.donor("Commune de l'exercice");
        contribution("2020-10-02", 100_00).then().statusCode(201);
        contribution("2022-03-01", 50_00).then().statusCode(201);

        List<Map<String, Object>> years = as(FINANCE).get("/api/v1/fiscal-years").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(years).extracting(y -> y.get("code")).containsExactly("2020", "2021", "2022");
        assertThat(years).extracting(y -> y.get("status")).containsOnly("OPEN");
        as(FINANCE).get("/api/v1/fiscal-years/2021").then().statusCode(200)
                .body("firstDay", equalTo("2021-01-01")).body("lastDay", equalTo("2021-12-31"));
    }

    @Test
    @Order(2)
    void a_year_is_closed_after_it_ended_and_after_the_year_before_it() {
        step(FINANCE, "2022", "closing-request").then().statusCode(409)
                .body("type", endsWith("#previous-fiscal-year-not-closed")).body("detail", containsString("2021"));
        contribution(today(), 1_00).then().statusCode(201);
        step(FINANCE, today().substring(0, 4), "closing-request").then().statusCode(409)
                .body("type", endsWith("#fiscal-year-not-ended"));
        step(FINANCE, "2019", "closing-request").then().statusCode(404).body("type", endsWith("#fiscal-year-not-found"));
        step(FINANCE, "20x0", "closing-request").then().statusCode(404);
        assertThat(status("2020")).isEqualTo("OPEN");
    }

    @Test
    @Order(3)
    void asking_for_the_closing_stops_every_posting_into_the_year_and_changes_nothing() {
        step(FINANCE, "2020", "closing-request").then().statusCode(200).body("status", equalTo("CLOSING"))
                .body("closingRequestedBy", equalTo("fy-finance"));
        step(FINANCE, "2020", "closing-request").then().statusCode(409).body("type", endsWith("#fiscal-year-not-open"))
                .body("detail", containsString("fy-finance"));

        long before = ledgerEntries();
        String balance = as(FINANCE).get("/api/v1/funds/{code}/balance", FUND).then().statusCode(200).extract().asString();
        refusedAsClosed(contribution("2020-12-31", 10_00));
        refusedAsClosed(json(FINANCE, Map.of("contributions", List.of(contributionBody("2021-01-04", 1_00),
                contributionBody("2020-12-30", 1_00)))).post("/api/v1/funds/{code}/contributions/batch", FUND));
        refusedAsClosed(json(FINANCE, Map.of("donorId", donor, "amount", Map.of("amountMinor", 10_00, "currency", "EUR"),
                "pledgedOn", "2020-06-01")).post("/api/v1/funds/{code}/pledges", FUND));
        refusedAsClosed(contribution("2019-05-01", 1_00));
        assertThat(ledgerEntries()).isEqualTo(before);
        as(FINANCE).get("/api/v1/funds/{code}/balance", FUND).then().body(equalTo(balance));
    }

    @Test
    @Order(4)
    void a_payment_dated_in_a_closing_year_is_refused_too() {
        TestFunds.committee(FUND, 1, "fy-member");
        String disbursement = TestFunds.disbursement(FUND, 5_00);
        TestFunds.vote(disbursement, "fy-member", "FOR");
        refusedAsClosed(json(FINANCE, Map.of("paymentReference", "VIR-FY-1", "paidOn", "2020-12-15"))
                .post("/api/v1/disbursements/{id}/payment", disbursement));
        json(FINANCE, Map.of("paymentReference", "VIR-FY-1", "paidOn", "2021-01-15"))
                .post("/api/v1/disbursements/{id}/payment", disbursement).then().statusCode(200);
    }

    @Test
    @Order(5)
    void the_requester_does_not_confirm_and_another_does() throws SQLException {
        String twoRoles = TestTokens.as("fy-finance", Roles.AUDITOR);
        step(twoRoles, "2020", "closing-confirmation").then().statusCode(403)
                .body("type", endsWith("#closing-needs-a-second-person"));
        assertThat(status("2020")).isEqualTo("CLOSING");

        step(AUDITOR, "2020", "closing-confirmation").then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("closedBy", equalTo("fy-auditor")).body("entryCount", equalTo(2)); // the contribution, its fonds dédiés
        step(AUDITOR, "2020", "closing-confirmation").then().statusCode(409)
                .body("type", endsWith("#fiscal-year-not-closing"));
        step(FINANCE, "2020", "closing-withdrawal").then().statusCode(409)
                .body("type", endsWith("#fiscal-year-not-closing"));
        refusedAsClosed(contribution("2020-12-31", 10_00));
    }

    @Test
    @Order(6)
    void a_withdrawn_request_takes_postings_again() {
        step(FINANCE, "2021", "closing-request").then().statusCode(200);
        refusedAsClosed(contribution("2021-06-30", 2_00));
        step(AUDITOR, "2021", "closing-withdrawal").then().statusCode(200).body("status", equalTo("OPEN"))
                .body("closingRequestedBy", equalTo(null));
        contribution("2021-06-30", 2_00).then().statusCode(201);
    }

    @Test
    @Order(7)
    void a_closed_years_entry_is_reversed_in_the_open_year() {
        String id = as(FINANCE).get("/api/v1/funds/{code}/contributions", FUND).then().statusCode(200).extract()
                .jsonPath().getString("items.find { it.receivedOn == '2020-10-02' }.id");
        String entry = json(FINANCE, Map.of("reason", "Virement rejeté")).post("/api/v1/contributions/{id}/reversal", id)
                .then().statusCode(200).extract().path("reversalEntryId");
        as(FINANCE).get("/api/v1/entries/{id}", entry).then().statusCode(200).body("effectiveDate", equalTo(today()));
    }

    @Test
    @Order(8)
    void the_closing_numbers_the_years_entries_without_gap_in_the_order_they_were_recorded() throws SQLException {
        closeYear("2021");
        try (Connection db = TestDatabase.asSuperuser(); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("""
                        SELECT n.number, e.recorded_at, coalesce(e.effective_date, z.effective_date), z.kind
                          FROM fiscal_year_entry n
                          LEFT JOIN journal_entry e ON e.id = n.entry_id
                          LEFT JOIN year_end_entry z ON z.id = n.year_end_entry_id
                          JOIN fiscal_year y ON y.id = n.fiscal_year_id
                         WHERE y.first_day = DATE '2021-01-01' ORDER BY n.number""")) {
            long expected = 1;
            java.sql.Timestamp previous = null;
            List<String> kinds = new java.util.ArrayList<>();
            while (rows.next()) {
                assertThat(rows.getLong(1)).isEqualTo(expected++);
                assertThat(rows.getDate(3).toLocalDate().getYear()).isEqualTo(2021);
                kinds.add(String.valueOf(rows.getString(4)));
                if (rows.getTimestamp(2) != null) {
                    if (previous != null) {
                        assertThat(rows.getTimestamp(2)).isAfterOrEqualTo(previous);
                    }
                    previous = rows.getTimestamp(2);
                }
            }
            // The opening balances carried from 2020 first; then the payment of 2021-01-15 and the
            // contribution of 2021-06-30 as they were recorded (the decision that committed the
            // payment's money is dated the day it was taken, today); the year's fonds dédiés last.
            assertThat(kinds).containsExactly("OPENING", "null", "null", "DEDICATED_FUNDS");
            assertThat(expected - 1).isEqualTo(4).isEqualTo(as(AUDITOR).get("/api/v1/fiscal-years/2021").then().extract()
                    .jsonPath().getLong("entryCount"));
        }
    }

    @Test
    @Order(9)
    void the_database_keeps_the_rules_whoever_writes() throws SQLException {
        try (Connection db = TestDatabase.asOwner(); Statement sql = db.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE fiscal_year SET status = 'OPEN', closed_by = NULL, "
                    + "closed_at = NULL, entry_count = NULL, closing_requested_by = NULL, closing_requested_at = NULL "
                    + "WHERE first_day = DATE '2020-01-01'")).hasMessageContaining("cannot move from CLOSED");
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM fiscal_year WHERE first_day = DATE '2022-01-01'"))
                    .hasMessageContaining("never deleted");
            assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO fiscal_year (first_day, last_day) "
                    + "VALUES (DATE '2095-01-01', DATE '2095-12-31')")).hasMessageContaining("gap");
            assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO fiscal_year (first_day, last_day) "
                    + "VALUES (DATE '2021-07-01', DATE '2022-06-30')")).hasMessageContaining("month");
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM fiscal_year_entry")).hasMessageContaining(
                    "append-only");
            // A number for an entry of another year, or of no entry, is refused.
            assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO fiscal_year_entry (fiscal_year_id, number, "
                    + "entry_id) SELECT y.id, 1000000, e.id FROM fiscal_year y, journal_entry e WHERE y.first_day = "
                    + "DATE '2020-01-01' AND e.effective_date >= DATE '2021-01-01' LIMIT 1"))
                    .hasMessageContaining("not of an entry dated in that year");
            assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO fiscal_year_entry (fiscal_year_id, number, "
                    + "year_end_entry_id) SELECT id, 1000000, gen_random_uuid() FROM fiscal_year WHERE first_day = "
                    + "DATE '2020-01-01'")).hasMessageContaining("not of an entry dated in that year");
            // Nor can anything be added to a closed year's books.
            assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO year_end_entry (id, fiscal_year_id, closing_of, "
                    + "fund_id, kind, effective_date, recorded_at) SELECT gen_random_uuid(), y.id, y.id, f.fund_id, "
                    + "'DEDICATED_FUNDS', y.last_day, now() FROM fiscal_year y, fund_ledger f WHERE y.first_day = "
                    + "DATE '2020-01-01' LIMIT 1")).hasMessageContaining("written by the confirmation of a closing only");
            assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO year_end_line (entry_id, line_no, account, side, "
                    + "amount_minor, currency) SELECT id, 99, '512', 'D', 1, 'EUR' FROM year_end_entry LIMIT 1"))
                    .hasMessageContaining("written by the confirmation of a closing only");
            sql.executeUpdate("UPDATE fiscal_year SET status = 'CLOSING', closing_requested_by = 'x', "
                    + "closing_requested_at = now() WHERE first_day = DATE '2022-01-01'");
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE fiscal_year SET status = 'CLOSED', closed_by = 'x', "
                    + "closed_at = now(), entry_count = 0 WHERE first_day = DATE '2022-01-01'"))
                    .hasMessageContaining("fiscal_year_closed_by_another");
            sql.executeUpdate("UPDATE fiscal_year SET status = 'OPEN', closing_requested_by = NULL, "
                    + "closing_requested_at = NULL WHERE first_day = DATE '2022-01-01'");
            // A writer at a stricter isolation level would read a year's status from its older
            // snapshot, after the lock: refused before anything else is looked at.
            db.setAutoCommit(false);
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO journal_entry (id, fund_id, sequence, kind, memo, "
                    + "effective_date, recorded_at, recorded_by, previous_hash, hash) VALUES (gen_random_uuid(), 1, "
                    + "1000000, 'X', 'm', DATE '2024-01-01', now(), 'x', '\\x00', '\\x00')"))
                    .hasMessageContaining("READ COMMITTED, not repeatable read");
            db.rollback();
        }
    }

    /**
     * Postings race the request to close their year: each either lands before the request read
     * the year, and is among the entries the closing numbers, or is refused as closed. None is
     * lost, none is answered otherwise, and none joins the year once the request is answered
     * (a posting that read the year OPEN before would otherwise commit after it). The request
     * is sent once every poster has landed one,
     * while they go on; each poster stops at its first refusal, which must come once the
     * request is answered.
     */
    @Test
    @Order(10)
    void postings_racing_the_closing_either_land_before_it_or_are_refused() throws Exception {
        int threads = 6;
        long entriesBefore = entriesDatedIn(2022);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger landed = new AtomicInteger();
        List<Future<List<Integer>>> posters = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            posters.add(pool.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < POSTS_PER_RACER_MAX && !statuses.contains(409); i++) {
                    int status = contribution("2022-11-30", 1_00).statusCode();
                    statuses.add(status);
                    if (status == 201) {
                        landed.incrementAndGet();
                    }
                }
                return statuses;
            }));
        }
        while (landed.get() < threads && posters.stream().anyMatch(poster -> !poster.isDone())) {
            Thread.onSpinWait();
        }
        step(FINANCE, "2022", "closing-request").then().statusCode(200);
        long entriesAtTheRequest = entriesDatedIn(2022);
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> poster : posters) {
            statuses.addAll(poster.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(status -> status == 409).count()).isEqualTo(threads);
        assertThat(entriesDatedIn(2022)).as("nothing joined the year once its closing was asked for")
                .isEqualTo(entriesAtTheRequest).isEqualTo(entriesBefore + landed.get());

        step(AUDITOR, "2022", "closing-confirmation").then().statusCode(200);
        assertThat(journalEntriesNumberedIn(2022)).isEqualTo(entriesBefore + landed.get());
    }

    /**
     * The interleaving the race above may or may not hit, made to happen: a posting has passed
     * the database's check of its year (OPEN) and is held before its commit (the test holds the
     * table it writes next); the request to close the year must wait for it, and the posting
     * lands in the year before the request reads it.
     */
    @Test
    @Order(11)
    void a_request_waits_for_the_posting_that_found_its_year_open() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long entriesBefore = entriesDatedIn(2023);
        Future<Integer> posting;
        Future<Integer> request;
        try (Connection holder = TestDatabase.asOwner(); Statement hold = holder.createStatement()) {
            holder.setAutoCommit(false);
            hold.execute("LOCK TABLE ledger_totals IN SHARE MODE");
            posting = pool.submit(() -> contribution("2023-12-31", 3_00).statusCode());
            awaitWaiting("relation", "the posting, held after its entry was written");
            request = pool.submit(() -> step(FINANCE, "2023", "closing-request").statusCode());
            awaitWaiting("advisory", "the request, waiting for the posting");
            assertThat(request.isDone()).isFalse();
            holder.rollback();
        }
        assertThat(posting.get()).isEqualTo(201);
        assertThat(request.get()).isEqualTo(200);
        pool.shutdown();
        assertThat(entriesDatedIn(2023)).isEqualTo(entriesBefore + 1);
        step(AUDITOR, "2023", "closing-confirmation").then().statusCode(200);
        assertThat(journalEntriesNumberedIn(2023)).isEqualTo(entriesBefore + 1);
    }

    /** Limit of the waits below: they end as soon as PostgreSQL shows the lock awaited. */
    static final int LOCK_POLLS_MAX = 100_000;

    /** Returns once a session of this test's database waits for a lock of that type; fails if none does. */
    static void awaitWaiting(String lockType, String who) throws SQLException {
        try (Connection db = TestDatabase.asSuperuser(); Statement sql = db.createStatement()) {
            for (int poll = 0; poll < LOCK_POLLS_MAX; poll++) {
                if (TestDatabase.single(sql, "SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = '"
                        + lockType + "' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
                        > 0) {
                    return;
                }
            }
        }
        throw new AssertionError(who + " never waited for a lock of type " + lockType);
    }

    @Test
    @Order(12)
    void a_service_configured_with_another_start_month_refuses_to_start() {
        new FiscalCalendarCheck().check(null, dataSource, 1);
        assertThatThrownBy(() -> new FiscalCalendarCheck().check(null, dataSource, 7))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start in month 1").hasMessageContaining("ledger.fiscal-year.start-month is 7");
    }

    private static Response contribution(String receivedOn, long amountMinor) {
        return json(FINANCE, contributionBody(receivedOn, amountMinor)).post("/api/v1/funds/{code}/contributions", FUND);
    }

    private static Map<String, Object> contributionBody(String receivedOn, long amountMinor) {
        return Map.of("donorId", donor, "amount", Map.of("amountMinor", amountMinor, "currency", "EUR"),
                "receivedOn", receivedOn, "bankReference", "VIR-" + UUID.randomUUID());
    }

    private static Response step(String token, String year, String step) {
        return json(token, Map.of("reason", "Étape de clôture")).post("/api/v1/fiscal-years/{code}/" + step, year);
    }

    private static void closeYear(String year) {
        step(FINANCE, year, "closing-request").then().statusCode(200);
        step(AUDITOR, year, "closing-confirmation").then().statusCode(200);
    }

    private static void refusedAsClosed(Response response) {
        response.then().statusCode(409).body("type", endsWith("#fiscal-year-closed"))
                .body("detail", containsString("fiscal year"));
    }

    private static String status(String year) {
        return as(FINANCE).get("/api/v1/fiscal-years/{code}", year).then().statusCode(200).extract().path("status");
    }

    private static String today() {
        return java.time.LocalDate.ofInstant(org.solidarityfunds.support.TestClock.START,
                org.solidarityfunds.common.Clocks.BUSINESS_ZONE).toString();
    }

    private static long ledgerEntries() {
        return as(FINANCE).get("/api/v1/funds/{code}/balance", FUND).then().statusCode(200).extract().jsonPath()
                .getLong("entryCount");
    }

    /** The journal's entries a closing numbered, without its opening balances and fonds dédiés. */
    private static long journalEntriesNumberedIn(int year) throws SQLException {
        try (Connection db = TestDatabase.asSuperuser(); Statement sql = db.createStatement()) {
            return TestDatabase.single(sql, "SELECT count(n.entry_id) FROM fiscal_year_entry n JOIN fiscal_year y "
                    + "ON y.id = n.fiscal_year_id WHERE extract(year FROM y.first_day) = " + year);
        }
    }

    private static long entriesDatedIn(int year) throws SQLException {
        try (Connection db = TestDatabase.asSuperuser(); Statement sql = db.createStatement()) {
            return TestDatabase.single(sql, "SELECT count(*) FROM journal_entry WHERE extract(year FROM effective_date) = "
                    + year);
        }
    }
}
