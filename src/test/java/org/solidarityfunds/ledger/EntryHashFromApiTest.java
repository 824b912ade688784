package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.solidarityfunds.support.Api.api;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.common.BusinessDates;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * A partner's verifier must agree with the service on every entry: random histories are
 * written through the API (dates at the ends of the accepted range, text in every script,
 * rates with twelve decimals, reversals), then every entry of every fund in the database,
 * those of the other tests included, is read back as the API's JSON and its hash recomputed
 * by the Python script of docs/concepts/ledger.md, run as written there.
 */
@QuarkusTest
class EntryHashFromApiTest {

    private static final String FINANCE = TestTokens.as("finance-hash \uD83C\uDF0D é", Roles.FINANCE);
    private static final String[] TEXTS = {"Délibération n°2020-145", "Virement \u00a0SEPA\u202f— Mairie",
            "\uD83C\uDF0D Liban", "ضمان التضامن", "Ünïcödé \t tab", "x".repeat(140), "DEL 0001"};
    private static final String[] DAYS = {"2000-01-01", "2000-02-29", "2019-12-31", "2020-08-04", "2020-12-31"};

    @Test
    void every_entry_the_api_shows_hashes_as_the_documented_script_computes() throws Exception {
        long seed = new Random().nextLong();
        writeRandomHistory(new Random(seed));
        List<String> pages = new ArrayList<>();
        for (String fundsPage : everyPage("/api/v1/funds")) {
            for (String fund : JsonPath.from(fundsPage).<String>getList("items.code")) {
                pages.addAll(everyPage("/api/v1/funds/" + fund + "/entries"));
            }
        }
        int entries = pages.stream().mapToInt(page -> JsonPath.from(page).getList("items").size()).sum();
        assertThat(entries).as("entries read through the API").isEqualTo(journalEntries()).isGreaterThan(30);

        String verdict = runDocumentedScript(pages);
        assertThat(verdict).as("seed " + seed).isEqualTo("checked " + entries + ", mismatches 0");
    }

    /** Pledges (some with instalments), contributions in the fund's and other currencies, reversals. */
    private static void writeRandomHistory(Random random) {
        // The first day written is the first the service accepts: the range's end is hashed too.
        assertThat(DAYS[0]).isEqualTo(BusinessDates.FIRST.toString());
        String fund = TestFunds.open("HASH");
        String donor = json(Map.of("kind", "COMMUNE", "name", pick(random, TEXTS))).post("/api/v1/donors").then()
                .statusCode(201).extract().path("id");
        List<String> contributions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long amount = 1 + random.nextInt(1_000_000_00);
            switch (random.nextInt(4)) {
                case 0 -> {
                    Map<String, Object> pledge = new HashMap<>(Map.of("donorId", donor,
                            "amount", Map.of("amountMinor", amount, "currency", "EUR"),
                            "pledgedOn", pick(random, DAYS), "deliberationRef", pick(random, TEXTS)));
                    if (random.nextBoolean() && amount > 1) {
                        pledge.put("instalments", List.of(
                                Map.of("amountMinor", amount / 2, "dueOn", "2020-12-31"),
                                Map.of("amountMinor", amount - amount / 2, "dueOn", "2021-06-30")));
                    }
                    json(FINANCE, pledge).post("/api/v1/funds/{code}/pledges", fund).then().statusCode(201);
                }
                case 1, 2 -> {
                    Map<String, Object> contribution = new HashMap<>(Map.of("donorId", donor,
                            "receivedOn", pick(random, DAYS), "bankReference", pick(random, TEXTS)));
                    if (random.nextBoolean()) {
                        contribution.put("amount", Map.of("amountMinor", amount, "currency", "EUR"));
                    } else {
                        contribution.put("amount", Map.of("amountMinor", amount, "currency",
                                random.nextBoolean() ? "USD" : "XOF"));
                        contribution.put("exchangeRate", BigDecimal.valueOf(1 + random.nextInt(999_999_999))
                                .movePointLeft(random.nextInt(13)));
                    }
                    contributions.add(json(FINANCE, contribution).post("/api/v1/funds/{code}/contributions", fund)
                            .then().statusCode(201).extract().path("id"));
                }
                default -> {
                    if (!contributions.isEmpty()) {
                        json(FINANCE, Map.of("reason", pick(random, TEXTS)))
                                .post("/api/v1/contributions/{id}/reversal",
                                        contributions.remove(random.nextInt(contributions.size())))
                                .then().statusCode(200);
                    }
                }
            }
        }
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Every page of a list, as the API answered it, following its cursors. */
    private static List<String> everyPage(String path) {
        List<String> pages = new ArrayList<>();
        String after = null;
        do {
            var request = api().queryParam("limit", 200);
            if (after != null) {
                request.queryParam("after", after);
            }
            String page = request.get(path).then().statusCode(200).extract().asString();
            pages.add(page);
            JsonPath parsed = JsonPath.from(page);
            after = parsed.getBoolean("hasMore") ? parsed.getString("nextCursor") : null;
        } while (after != null);
        return pages;
    }

    private static long journalEntries() throws SQLException {
        try (Connection connection = TestDatabase.asOwner();
                ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM journal_entry")) {
            count.next();
            return count.getLong(1);
        }
    }

    /**
     * Runs the first Python block of docs/concepts/ledger.md, unchanged, over the entries of
     * these pages (the API's JSON as it was answered), and answers its count of mismatches.
     */
    private static String runDocumentedScript(List<String> pages) throws IOException, InterruptedException {
        String doc = Files.readString(Path.of("docs/concepts/ledger.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("```python\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).as("the hash script in docs/concepts/ledger.md").isTrue();
        Path directory = Files.createTempDirectory("entry-hash");
        Files.writeString(directory.resolve("entry_hash.py"), block.group(1), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("check.py"), """
                import decimal, json, sys
                from entry_hash import entry_hash
                checked = mismatches = 0
                for line in sys.stdin:
                    for entry in json.loads(line, parse_float=decimal.Decimal)["items"]:
                        checked += 1
                        if entry_hash(entry) != entry["hash"]:
                            mismatches += 1
                            print("mismatch", entry["id"], entry["fundCode"], entry["sequence"], file=sys.stderr)
                print(f"checked {checked}, mismatches {mismatches}")
                """, StandardCharsets.UTF_8);
        Process python = new ProcessBuilder("python3", "check.py").directory(directory.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var input = python.getOutputStream()) {
            for (String page : pages) {
                input.write(page.replace('\n', ' ').getBytes(StandardCharsets.UTF_8));
                input.write('\n');
            }
        }
        String verdict = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(verdict).isZero();
        return verdict;
    }
}
