import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pages through the whole change feed (GET /api/v1/events) from its start with one client, as a
 * partner catching up would: each request passes the previous page's nextCursor. JDK only:
 *
 *   BENCH_FEED_TOKEN=... java bench/feed/FeedWalk.java BASE_URL [LIMIT] [TIMEOUT_SECONDS]
 *
 * It stops at the end of the feed: a page with hasMore = false, then one more request with its
 * nextCursor that must bring nothing new (if it does bring events, it walks on). Prints one line
 * "FEED_JSON {...}": pages, events seen, bytes, total seconds, events/s and the latency of a page
 * (p50/p90/p99/max, ms). Events are counted by their "cursor" field (one per item; the page's own
 * field is "nextCursor"). Exits 1 on any answer but 200.
 */
public class FeedWalk {

    private static final Pattern NEXT = Pattern.compile("\"nextCursor\":\"([^\"]*)\"");
    private static final Pattern HAS_MORE = Pattern.compile("\"hasMore\":(true|false)");
    private static final String ITEM = "\"cursor\":\"";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Duration timeout = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 60);
        String token = System.getenv("BENCH_FEED_TOKEN");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        long[] pageNanos = new long[1024];
        int pages = 0;
        long events = 0;
        long bytes = 0;
        int emptyPages = 0;
        String after = null;
        boolean endConfirmed = false;
        long started = System.nanoTime();
        while (true) {
            String uri = base + "/api/v1/events?limit=" + limit
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(timeout)
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - t0;
            if (response.statusCode() != 200) {
                System.err.println("GET " + uri + " answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(400, response.body().length())));
                System.exit(1);
            }
            String body = response.body();
            if (pages == pageNanos.length) {
                pageNanos = Arrays.copyOf(pageNanos, 2 * pages);
            }
            pageNanos[pages++] = elapsed;
            bytes += body.length();
            int items = count(body, ITEM);
            events += items;
            Matcher next = NEXT.matcher(body);
            Matcher more = HAS_MORE.matcher(body);
            if (!next.find() || !more.find()) {
                System.err.println("page " + pages + " has no nextCursor or hasMore: "
                        + body.substring(0, Math.min(400, body.length())));
                System.exit(1);
            }
            after = next.group(1);
            if (items == 0) {
                emptyPages++;
                if (more.group(1).equals("false")) {
                    endConfirmed = true; // the cursor after the last event brings nothing new
                    break;
                }
            }
            if (pages % 1000 == 0) {
                System.err.printf(Locale.ROOT, "%d pages, %d events, %.1f s%n", pages, events,
                        (System.nanoTime() - started) / 1e9);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] sorted = Arrays.copyOf(pageNanos, pages);
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "FEED_JSON {\"limit\":%d,\"pages\":%d,\"empty_pages\":%d,\"events\":%d,"
                        + "\"bytes\":%d,\"seconds\":%.3f,\"events_per_s\":%.1f,\"end_confirmed\":%s,"
                        + "\"page_ms\":{\"mean\":%.3f,\"p50\":%.3f,\"p90\":%.3f,\"p99\":%.3f,\"max\":%.3f}}%n",
                limit, pages, emptyPages, events, bytes, seconds, events / seconds, endConfirmed, mean,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted[pages - 1] / 1e6);
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    private static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
