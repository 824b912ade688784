package org.solidarityfunds.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.solidarityfunds.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestLedger;
import org.solidarityfunds.support.TestTokens;

/** A reader paging through the feed, now or later, sees every committed event exactly once, in commit-consistent order. */
@QuarkusTest
class ChangeFeedTest {

    private static final String AUDITOR = TestTokens.as("auditor-feed", Roles.AUDITOR);

    private final TestLedger ledger;

    ChangeFeedTest(TestLedger ledger) {
        this.ledger = ledger;
    }

    /** A reader that keeps its cursor, as a partner system would. */
    private static final class Reader {
        final String token;
        String cursor;
        final List<Map<String, Object>> seen = new ArrayList<>();

        Reader(String token, String cursor) {
            this.token = token;
            this.cursor = cursor;
        }

        /** Reads pages until the feed has nothing more ready now. */
        void catchUp() {
            boolean more = true;
            while (more) {
                var request = as(token).queryParam("limit", 37);
                JsonPath page = (cursor == null ? request : request.queryParam("after", cursor)).get("/api/v1/events")
                        .then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("items"));
                cursor = page.getString("nextCursor");
                more = page.getBoolean("hasMore");
            }
        }

        List<String> entryIdsOf(String fund) {
            return seen.stream().filter(e -> fund.equals(e.get("fundCode"))).map(e -> (String) e.get("entryId")).toList();
        }
    }

    /** Where the feed ends now: a reader that starts here sees only what comes next. */
    private static String tail() {
        Reader reader = new Reader(AUDITOR, null);
        reader.catchUp();
        return reader.cursor;
    }

    @Test
    void an_event_committed_after_a_later_one_is_not_skipped() throws Exception {
        // Transaction A takes a position first and commits last; transaction B takes a later
        // position and commits at once. Ordered by position alone, a reader that passed B's
        // position would never see A's event.
        String fund = TestFunds.open("FEEDORDER");
        Reader reader = new Reader(AUDITOR, tail());
        try (Connection a = TestDatabase.asApplication()) {
            a.setAutoCommit(false);
            long fundId = ledger.fundIdOf(fund);
            try (PreparedStatement insert = a.prepareStatement("INSERT INTO ledger_event (fund_id, type, occurred_at) "
                    + "VALUES (?, 'HELD_BACK', now()) RETURNING position")) {
                insert.setLong(1, fundId);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                }
            }
            String later = ledger.contribution(fund, 10_00).id().toString();
            reader.catchUp();
            assertThat(reader.entryIdsOf(fund)).as("nothing shows while an older transaction runs").isEmpty();
            a.commit();
            reader.catchUp();
            assertThat(reader.seen.stream().filter(e -> fund.equals(e.get("fundCode"))).map(e -> e.get("type")))
                    .containsExactly("HELD_BACK", "CONTRIBUTION_RECEIVED");
            assertThat(reader.entryIdsOf(fund)).containsExactly(null, later);
        }
    }

    @Test
    void eight_writers_and_a_concurrent_reader_then_a_late_reader_see_every_event_once_in_commit_order() throws Exception {
        List<String> funds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            funds.add(TestFunds.open("FEED"));
        }
        String start = tail();
        Reader live = new Reader(AUDITOR, start);
        Map<String, List<String>> written = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (String fund : funds) {
                writers.add(pool.submit(() -> {
                    List<String> entries = new ArrayList<>();
                    for (int n = 0; n < 25; n++) {
                        entries.add(ledger.contribution(fund, 1_00 + n).id().toString());
                    }
                    written.put(fund, entries);
                    return null;
                }));
            }
            Future<?> reading = pool.submit(() -> {
                while (writing.get()) {
                    live.catchUp();
                }
                return null;
            });
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);
            reading.get(60, TimeUnit.SECONDS);
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        live.catchUp();
        Reader late = new Reader(AUDITOR, start);
        late.catchUp();

        for (Reader reader : List.of(live, late)) {
            Set<String> cursors = new HashSet<>();
            reader.seen.forEach(e -> assertThat(cursors.add((String) e.get("cursor"))).as("seen twice: " + e).isTrue());
            for (String fund : funds) {
                // Each fund's entries commit one after the other (its lock): the feed has them in that order.
                assertThat(reader.entryIdsOf(fund)).as(fund).containsExactlyElementsOf(written.get(fund));
            }
        }
        assertThat(live.seen).isEqualTo(late.seen);
    }

    @Test
    void a_partner_sees_the_events_of_its_funds_only() {
        String mine = TestFunds.open("FEEDMINE");
        String theirs = TestFunds.open("FEEDTHEIRS");
        String start = tail();
        ledger.contribution(mine, 10_00);
        ledger.contribution(theirs, 20_00);
        Reader partner = new Reader(TestTokens.as("partner-feed", Roles.PARTNER, mine), start);
        partner.catchUp();
        assertThat(partner.seen).extracting(e -> e.get("fundCode")).containsOnly(mine).hasSize(1);
        Reader auditor = new Reader(AUDITOR, start);
        auditor.catchUp();
        assertThat(auditor.seen).extracting(e -> e.get("fundCode")).contains(mine, theirs);
    }

    @Test
    void business_events_name_their_record_and_a_reversal_names_the_same() {
        String fund = TestFunds.open("FEEDREF");
        String start = tail();
        String donor = TestFunds.donor("Commune témoin");
        String pledge = TestFunds.pledge(fund, donor, 100_00);
        String contribution = TestFunds.contribution(fund, donor, 40_00, pledge);
        org.solidarityfunds.support.Api.json(TestTokens.as("test-finance", Roles.FINANCE),
                Map.of("reason", "Virement rejeté")).post("/api/v1/contributions/{id}/reversal", contribution)
                .then().statusCode(200);
        TestFunds.committee(fund, 1, fund + "-m");
        String disbursement = TestFunds.disbursement(fund, 5_00);
        TestFunds.vote(disbursement, fund + "-m", "AGAINST");
        Reader reader = new Reader(AUDITOR, start);
        reader.catchUp();
        List<String> described = reader.seen.stream().filter(e -> fund.equals(e.get("fundCode")))
                .map(e -> e.get("type") + " " + ((Map<?, ?>) e.get("about")).get("type") + " "
                        + ((Map<?, ?>) e.get("about")).get("id")).toList();
        assertThat(described).containsExactly(
                "PLEDGE_RECORDED pledge " + pledge,
                "CONTRIBUTION_RECEIVED contribution " + contribution,
                "REVERSAL contribution " + contribution,
                "DISBURSEMENT_REQUESTED disbursement " + disbursement,
                "DISBURSEMENT_REJECTED disbursement " + disbursement);
        // Amounts are the facts' own, not an entry's total: the contribution allocated to the
        // pledge writes 40.00 to the bank and 40.00 to the pledge accounts, and is 40.00.
        assertThat(reader.seen.stream().filter(e -> fund.equals(e.get("fundCode")))
                .map(e -> ((Number) ((Map<?, ?>) e.get("amount")).get("amountMinor")).longValue()))
                .containsExactly(100_00L, 40_00L, 40_00L, 5_00L, 5_00L);
    }

    @Test
    void a_cursor_that_this_service_did_not_give_is_refused() {
        for (String bad : List.of("not-base64!", "bm90LWEtY3Vyc29y", "MTpx", "LTE6MQ")) {
            var answer = as(AUDITOR).queryParam("after", bad).get("/api/v1/events");
            assertThat(answer.statusCode()).as(bad).isEqualTo(400);
            answer.then().body("type", endsWith("#invalid-cursor"));
        }
    }
}
