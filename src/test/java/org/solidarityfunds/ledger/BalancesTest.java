package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.solidarityfunds.support.Api.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.persistence.PageRequest;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestLedger;

/** DOMAIN.md invariant 7: every balance the API shows is the sum of the journal lines behind it. */
@QuarkusTest
class BalancesTest {

    /** Each balance of the API, recomputed from the lines alone (reversal lines net off the side they reverse). */
    private static final String SUMS = """
            SELECT coalesce(sum(CASE WHEN e.reverses_entry_id IS NULL THEN
                       CASE WHEN l.side = ? THEN l.amount_minor ELSE 0 END
                     ELSE CASE WHEN l.side <> ? THEN -l.amount_minor ELSE 0 END END), 0)
              FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
              JOIN fund_ledger f ON f.fund_id = e.fund_id
             WHERE f.fund_code = ? AND l.account = ?
            """;

    /** A fund's number of entries and the hash of its last. */
    private static final String LAST_ENTRY = """
            SELECT e.sequence, e.hash FROM journal_entry e JOIN fund_ledger f ON f.fund_id = e.fund_id
             WHERE f.fund_code = ? ORDER BY e.sequence DESC LIMIT 1
            """;

    private final TestLedger ledger;

    BalancesTest(TestLedger ledger) {
        this.ledger = ledger;
    }

    @Test
    void every_balance_equals_the_sum_of_the_journal_lines_over_a_random_history() throws SQLException {
        String fund = TestFunds.open("SUM");
        Random random = new Random(20200804L);
        List<EntryView> reversible = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < 120; i++) {
            long amount = 1 + random.nextInt(50_000_00);
            try {
                EntryView entry = switch (random.nextInt(6)) {
                    case 0 -> ledger.pledge(fund, amount);
                    case 1 -> ledger.allocatedContribution(fund, amount);
                    case 2 -> ledger.contribution(fund, amount);
                    case 3 -> ledger.commitment(fund, amount);
                    case 4 -> ledger.payment(fund, amount);
                    default -> {
                        reverseOneOf(reversible, random);
                        yield null;
                    }
                };
                if (entry != null && entry.kind() != EntryKind.REVERSAL) {
                    reversible.add(entry);
                }
            } catch (ProblemException wouldGoNegative) {
                refused++;
            }
            if (i % 20 == 19) {
                assertBalancesAreTheSumsOfTheLines(fund);
            }
        }
        assertThat(refused).as("the history tried to overspend sometimes").isPositive();
        assertBalancesAreTheSumsOfTheLines(fund);
    }

    @Test
    void reading_an_unknown_funds_balance_answers_404() {
        api().get("/api/v1/funds/{code}/balance", "NO-SUCH-FUND").then().statusCode(404)
                .body("type", org.hamcrest.Matchers.endsWith("#fund-not-found"));
    }

    @Test
    void the_journal_pages_in_posting_order_and_every_entry_chains_to_the_previous() {
        String fund = TestFunds.open("CHAIN");
        for (int i = 0; i < 7; i++) {
            ledger.contribution(fund, 10_00 + i);
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = (cursor == null
                    ? api().queryParam("limit", 3)
                    : api().queryParam("limit", 3).queryParam("after", cursor))
                    .get("/api/v1/funds/{code}/entries", fund).then().statusCode(200).extract().jsonPath();
            entries.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
            assertThat(page.getBoolean("hasMore")).isEqualTo(cursor != null);
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(entries).extracting(e -> e.get("sequence")).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(entries.get(0).get("previousHash")).isEqualTo("0".repeat(64));
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).get("previousHash")).isEqualTo(entries.get(i - 1).get("hash"));
        }
        api().get("/api/v1/funds/{code}/balance", fund).then()
                .body("headHash", org.hamcrest.Matchers.equalTo(entries.get(6).get("hash")));
    }

    @Test
    void a_bad_page_request_answers_400() {
        String fund = TestFunds.open("PAGE");
        for (String limit : List.of("0", "201", "-1", "ten", "1.5")) {
            api().queryParam("limit", limit).get("/api/v1/funds/{code}/entries", fund).then().statusCode(400)
                    .body("type", org.hamcrest.Matchers.endsWith("#validation-failed"))
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("limit"));
        }
        for (String cursor : List.of("%%%", PageRequest.cursor("not-a-number"), "x".repeat(201))) {
            api().queryParam("after", cursor).get("/api/v1/funds/{code}/entries", fund).then().statusCode(400)
                    .body("type", org.hamcrest.Matchers.endsWith("#invalid-cursor"));
        }
        api().get("/api/v1/funds/{code}/entries", "NO-SUCH-FUND").then().statusCode(404);
    }

    @Test
    void an_entry_reads_back_by_id_and_an_unknown_one_answers_404() {
        String fund = TestFunds.open("ONE");
        EntryView entry = ledger.pledge(fund, 42_00);
        api().get("/api/v1/entries/{id}", entry.id()).then().statusCode(200)
                .body("hash", org.hamcrest.Matchers.equalTo(entry.hash()))
                .body("lines.account", org.hamcrest.Matchers.contains("PLEDGES_RECEIVABLE", "PLEDGES_TO_RECEIVE"));
        api().get("/api/v1/entries/{id}", java.util.UUID.randomUUID()).then().statusCode(404)
                .body("type", org.hamcrest.Matchers.endsWith("#entry-not-found"));
        api().get("/api/v1/entries/{id}", "12").then().statusCode(404);
    }

    /**
     * Reverses a random earlier entry, as the record it belongs to would; refused
     * (balance-would-go-negative) when its money has moved on since.
     */
    private void reverseOneOf(List<EntryView> reversible, Random random) {
        if (reversible.isEmpty()) {
            return;
        }
        EntryView entry = reversible.remove(random.nextInt(reversible.size()));
        try {
            ledger.reversal(entry.id(), "random correction");
        } catch (ProblemException refused) {
            assertThat(refused.type()).isEqualTo(ProblemType.BALANCE_WOULD_GO_NEGATIVE);
        }
    }

    private static void assertBalancesAreTheSumsOfTheLines(String fund) throws SQLException {
        JsonPath balance = api().get("/api/v1/funds/{code}/balance", fund).then().statusCode(200).extract().jsonPath();
        long bankDebits = sum(fund, "BANK", "D");
        long bankCredits = sum(fund, "BANK", "C");
        long receivableDebits = sum(fund, "PLEDGES_RECEIVABLE", "D");
        long receivableCredits = sum(fund, "PLEDGES_RECEIVABLE", "C");
        long available = sum(fund, "AVAILABLE", "C") - sum(fund, "AVAILABLE", "D");
        long committed = sum(fund, "COMMITMENTS", "C") - sum(fund, "COMMITMENTS", "D");
        long toReceive = sum(fund, "PLEDGES_TO_RECEIVE", "C") - sum(fund, "PLEDGES_TO_RECEIVE", "D");

        assertThat(balance.getLong("received.amountMinor")).isEqualTo(bankDebits);
        assertThat(balance.getLong("disbursed.amountMinor")).isEqualTo(bankCredits);
        assertThat(balance.getLong("pledged.amountMinor")).isEqualTo(receivableDebits);
        assertThat(balance.getLong("outstandingPledges.amountMinor")).isEqualTo(receivableDebits - receivableCredits);
        assertThat(balance.getLong("available.amountMinor")).isEqualTo(available);
        assertThat(balance.getLong("committed.amountMinor")).isEqualTo(committed);
        // The two identities of DOMAIN.md.
        assertThat(bankDebits - bankCredits).isEqualTo(available + committed);
        assertThat(receivableDebits - receivableCredits).isEqualTo(toReceive);
        assertThat(available).isNotNegative();
        // The journal the figures were summed from: how many entries, and the last one's hash.
        try (Connection connection = TestDatabase.asSuperuser();
                PreparedStatement query = connection.prepareStatement(LAST_ENTRY)) {
            query.setString(1, fund);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).as("the fund has entries").isTrue();
                assertThat(balance.getLong("entryCount")).isEqualTo(rs.getLong(1));
                assertThat(balance.getString("headHash")).isEqualTo(EntryHash.hex(rs.getBytes(2)));
            }
        }
    }

    private static long sum(String fund, String account, String side) throws SQLException {
        try (Connection connection = TestDatabase.asSuperuser();
                PreparedStatement query = connection.prepareStatement(SUMS)) {
            query.setString(1, side);
            query.setString(2, side);
            query.setString(3, fund);
            query.setString(4, account);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
