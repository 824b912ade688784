package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.solidarityfunds.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.TestClock;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestLedger;
import org.solidarityfunds.support.TestTokens;

/** A balance at any past instant equals the sum of the journal lines recorded up to that instant. */
@QuarkusTest
class PointInTimeBalanceTest {

    private static final String AUDITOR = TestTokens.as("auditor-asof", Roles.AUDITOR);

    private final TestLedger ledger;
    private final TestClock clock;

    PointInTimeBalanceTest(TestLedger ledger, TestClock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Test
    void the_balance_at_random_instants_of_a_generated_history_is_the_sum_of_the_lines_up_to_then() throws Exception {
        String fund = TestFunds.open("ASOF");
        Random random = new Random(20201231L);
        List<Instant> recorded = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int kind = random.nextInt(10);
            EntryView entry;
            if (kind < 4) {
                entry = ledger.contribution(fund, 1 + random.nextInt(100_00));
            } else if (kind < 6) {
                entry = ledger.pledge(fund, 1 + random.nextInt(100_00));
            } else {
                long available = as(AUDITOR).get("/api/v1/funds/{code}/balance", fund).jsonPath()
                        .getLong("available.amountMinor");
                if (available < 2) {
                    continue;
                }
                entry = kind < 8 ? ledger.commitment(fund, 1 + random.nextInt((int) Math.min(available - 1, 5_000)))
                        : ledger.contribution(fund, 1 + random.nextInt(1_000));
            }
            recorded.add(entry.recordedAt());
            // Entries written one after the other are a few microseconds apart on the test
            // clock; some wider gaps give the random instants below room between entries.
            if (random.nextInt(4) == 0) {
                clock.advance(Duration.ofMillis(2));
            }
        }
        // The balances are asked for after the history, as a client would: an instant just after
        // the last entry must already be in the past.
        clock.advance(Duration.ofSeconds(1));
        Instant first = recorded.get(0);
        Instant last = recorded.get(recorded.size() - 1);
        List<Instant> instants = new ArrayList<>(List.of(first.minusMillis(1), first, last, last.plusMillis(1)));
        for (int i = 0; i < 40; i++) {
            instants.add(first.plusNanos((long) (random.nextDouble() * ChronoUnit.NANOS.between(first, last)))
                    .truncatedTo(ChronoUnit.MICROS));
        }
        for (Instant instant : instants) {
            JsonPath balance = as(AUDITOR).queryParam("asOf", instant.toString())
                    .get("/api/v1/funds/{code}/balance", fund).then().statusCode(200).extract().jsonPath();
            long[] expected = sumsUpTo(fund, instant);
            assertThat(new long[] {balance.getLong("received.amountMinor"), balance.getLong("disbursed.amountMinor"),
                    balance.getLong("available.amountMinor"), balance.getLong("committed.amountMinor"),
                    balance.getLong("outstandingPledges.amountMinor"), balance.getLong("entryCount")})
                    .as("balances as of " + instant).containsExactly(expected);
            assertThat(balance.getString("asOf")).isEqualTo(instant.toString());
        }
    }

    /** received, disbursed, available, committed, outstanding pledges and entry count, straight from the lines. */
    private static long[] sumsUpTo(String fund, Instant instant) throws SQLException {
        String sql = """
                SELECT coalesce(sum(l.amount_minor) FILTER (WHERE l.account = 'BANK' AND l.side = 'D'), 0),
                       coalesce(sum(l.amount_minor) FILTER (WHERE l.account = 'BANK' AND l.side = 'C'), 0),
                       coalesce(sum(CASE WHEN l.side = 'C' THEN l.amount_minor ELSE -l.amount_minor END)
                                FILTER (WHERE l.account = 'AVAILABLE'), 0),
                       coalesce(sum(CASE WHEN l.side = 'C' THEN l.amount_minor ELSE -l.amount_minor END)
                                FILTER (WHERE l.account = 'COMMITMENTS'), 0),
                       coalesce(sum(CASE WHEN l.side = 'D' THEN l.amount_minor ELSE -l.amount_minor END)
                                FILTER (WHERE l.account = 'PLEDGES_RECEIVABLE'), 0),
                       count(DISTINCT e.id)
                  FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id JOIN fund f ON f.id = e.fund_id
                 WHERE f.code = ? AND e.recorded_at <= ?
                """;
        try (Connection db = TestDatabase.asSuperuser(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, fund);
            query.setObject(2, OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)};
            }
        }
    }

    @Test
    void before_the_first_entry_every_balance_is_zero_and_the_future_is_refused() {
        String fund = TestFunds.open("ASOF0");
        Instant before = clock.instant();
        ledger.contribution(fund, 10_00);
        as(AUDITOR).queryParam("asOf", before.toString()).get("/api/v1/funds/{code}/balance", fund).then()
                .statusCode(200).body("received.amountMinor", equalTo(0)).body("entryCount", equalTo(0))
                .body("headHash", equalTo("0".repeat(64)));
        as(AUDITOR).queryParam("asOf", clock.instant().plusSeconds(3600).toString())
                .get("/api/v1/funds/{code}/balance", fund).then().statusCode(400)
                .body("type", endsWith("#validation-failed")).body("errors[0].field", equalTo("asOf"));
        for (String bad : List.of("yesterday", "2020-12-31", "2020-12-31T23:00:00")) {
            as(AUDITOR).queryParam("asOf", bad).get("/api/v1/funds/{code}/balance", fund).then().statusCode(400)
                    .body("errors[0].field", equalTo("asOf"));
        }
    }

    @Test
    void the_balance_at_an_entrys_instant_matches_the_current_balance_then() {
        String fund = TestFunds.open("ASOFNOW");
        ledger.contribution(fund, 10_00);
        EntryView second = ledger.contribution(fund, 5_00);
        JsonPath now = as(AUDITOR).get("/api/v1/funds/{code}/balance", fund).jsonPath();
        JsonPath then = as(AUDITOR).queryParam("asOf", second.recordedAt().toString())
                .get("/api/v1/funds/{code}/balance", fund).jsonPath();
        assertThat(then.getString("headHash")).isEqualTo(now.getString("headHash"));
        assertThat(then.getLong("entryCount")).isEqualTo(2);
        assertThat(then.getLong("received.amountMinor")).isEqualTo(15_00);
    }
}
