package org.solidarityfunds.tools.bench;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Pages through the whole change feed (GET /api/v1/events) from its start with one client, as a
 * partner catching up would: each request passes the previous page's nextCursor.
 *
 *   BENCH_FEED_TOKEN=... FeedWalk BASE_URL [LIMIT] [TIMEOUT_SECONDS]     (run by bench/run)
 *
 * It stops at the end of the feed: a page with hasMore = false, then one more request with its
 * nextCursor that must bring nothing new (if it does bring events, it walks on). Prints one line
 * "FEED_JSON {...}": pages, events seen, bytes, total seconds, events/s and the latency of a page
 * (p50/p90/p99/max, ms). Events are the pages' items. Exits 1 on any answer but 200, or a page
 * without its nextCursor and hasMore.
 */
public final class FeedWalk {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String base;
    private final int limit;
    private final Duration timeout;
    private final String token = System.getenv("BENCH_FEED_TOKEN");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private long[] pageNanos = new long[1024];
    private int pages;
    private long events;
    private long bytes;
    private int emptyPages;
    private boolean endConfirmed;

    private FeedWalk(String base, int limit, Duration timeout) {
        this.base = base;
        this.limit = limit;
        this.timeout = timeout;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Duration timeout = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 60);
        FeedWalk walk = new FeedWalk(args[0], limit, timeout);
        long started = System.nanoTime();
        walk.walk(started);
        System.out.println("FEED_JSON " + MAPPER.writeValueAsString(walk.summary((System.nanoTime() - started) / 1e9)));
    }

    private void walk(long started) throws IOException, InterruptedException {
        String after = null;
        while (!endConfirmed) {
            JsonNode page = page(after);
            int items = page.path("items").size();
            events += items;
            after = page.get("nextCursor").asText();
            if (items == 0) {
                emptyPages++;
                // The cursor after the last event brings nothing new.
                endConfirmed = !page.get("hasMore").booleanValue();
            }
            if (!endConfirmed && pages % 1000 == 0) {
                System.err.printf(Locale.ROOT, "%d pages, %d events, %.1f s%n", pages, events,
                        (System.nanoTime() - started) / 1e9);
            }
        }
    }

    /** The page after this cursor (from the start when null), timed; exits 1 on anything but a page. */
    private JsonNode page(String after) throws IOException, InterruptedException {
        String uri = base + "/api/v1/events?limit=" + limit
                + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        long t0 = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - t0;
        String body = response.body();
        if (response.statusCode() != 200) {
            exit("GET " + uri + " answered " + response.statusCode() + ": " + body.substring(0, Math.min(400, body.length())));
        }
        if (pages == pageNanos.length) {
            pageNanos = Arrays.copyOf(pageNanos, 2 * pages);
        }
        pageNanos[pages++] = elapsed;
        bytes += body.length();
        JsonNode page = null;
        try {
            page = MAPPER.readTree(body);
        } catch (JacksonException notJson) {
            // reported below, as a page without its fields
        }
        if (page == null || !page.path("nextCursor").isTextual() || !page.path("hasMore").isBoolean()) {
            exit("page " + pages + " has no nextCursor or hasMore: " + body.substring(0, Math.min(400, body.length())));
        }
        return page;
    }

    private ObjectNode summary(double seconds) {
        long[] sorted = Arrays.copyOf(pageNanos, pages);
        Arrays.sort(sorted);
        ObjectNode summary = MAPPER.createObjectNode().put("limit", limit).put("pages", pages)
                .put("empty_pages", emptyPages).put("events", events).put("bytes", bytes)
                .put("seconds", round(seconds, 3)).put("events_per_s", round(events / seconds, 1))
                .put("end_confirmed", endConfirmed);
        summary.putObject("page_ms").put("mean", round(Arrays.stream(sorted).average().orElse(0) / 1e6, 3))
                .put("p50", percentile(sorted, 50)).put("p90", percentile(sorted, 90))
                .put("p99", percentile(sorted, 99)).put("max", round(sorted[pages - 1] / 1e6, 3));
        return summary;
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    private static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6, 3);
    }

    /** As the figures were printed before (%.3f, %.1f): the report shows them as they are. */
    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static void exit(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
