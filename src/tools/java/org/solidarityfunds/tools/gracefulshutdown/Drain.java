// Driver of .ci/graceful-shutdown-test: sends SIGTERM to the packaged service while a large
// batch import and single contributions are in flight, watches readiness, liveness and the API
// through the shutdown, then, against the restarted service, proves that nothing acknowledged
// was lost and nothing was recorded twice.
//
// Compiled by the Maven build with the classes it shares with the other drivers (tools.common:
// JsonBodies, Tokens, Violations); .ci/lib/ci-java.sh gives the class path (CP below). Tokens are
// signed with the throwaway key of `java -cp CP org.solidarityfunds.tools.common.Tokens keygen DIR`.
//
//   java -cp CP org.solidarityfunds.tools.gracefulshutdown.Drain load --url URL --pid PID --private-key DIR/private.der
//       --issuer ISS --state FILE [--delay-seconds 5] [--timeout-seconds 25] [--threads 4]
//       [--batch-threads 2] [--batch-size 1000] [--lb-lag-ms 1500] [--seed N]
//       sets up a fund and a donor, loads the service, sends SIGTERM to PID (the service's JVM)
//       while a batch is in flight, follows the shutdown until the process has exited, and
//       writes every request it sent (key, body, answer or failure, timings) to FILE
//   java -cp CP org.solidarityfunds.tools.gracefulshutdown.Drain verify --url URL --private-key DIR/private.der
//       --issuer ISS --state FILE [--exit-ms N]
//       against the service restarted on the same database: replays every request of FILE with
//       its Idempotency-Key and body, then checks the fund's balance, its contributions and the
//       ledger verification
//   Both exit 0 only if every check held (1 on a violation, 2 on a usage error).
//
// What `load` fails on: readiness not UP before the signal, not DOWN (503) within 1 s of it, or
// UP again after; liveness not answering 200 during the delay; no API request answered 201
// after readiness was seen DOWN; no batch and no single contribution in flight across the
// signal (started before it, answered after it); any in-flight request not answered 201; any
// 5xx or other status than 201; any network failure before the delay has run out; a request
// that hangs; the process still alive after delay + timeout + 5 s, or still accepting
// connections once it has exited. (Until the requests in flight when the delay runs out have
// finished, Quarkus still accepts new connections; from the end of the delay the service answers
// new API requests 503 service-unavailable with Connection: close, having done nothing
// (web/ShutdownGate.java). The driver counts those as unacknowledged, like a refused
// connection: one before the end of the delay fails, and so does one found committed.)
// What `verify` fails on: an acknowledged request whose replay is not the same status and body
// marked Idempotency-Replayed; an unacknowledged one whose replay is not 201 (either replayed:
// it had been committed; or recorded now), or that is recorded again by a second replay; a
// refused connection whose request turns out committed; a balance other than the sum of every
// key's amount; contributions listed other than exactly the ones answered (none missing, none
// twice); a ledger verification that is not INTACT.

package org.solidarityfunds.tools.gracefulshutdown;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.solidarityfunds.tools.common.JsonBodies;
import org.solidarityfunds.tools.common.Options;
import org.solidarityfunds.tools.common.Tokens;
import org.solidarityfunds.tools.common.Violations;

public class Drain {

    static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Paris");
    static final String FINANCE = "drain-finance";
    static final String ADMIN = "drain-admin";
    static final String AUDITOR = "drain-auditor";
    /** How soon after SIGTERM readiness must answer DOWN. */
    static final long READY_DOWN_MAX_MS = 1000;
    /** A network failure this long before the end of the delay is the server closing too early. */
    static final long EARLY_MARGIN_MS = 250;
    /**
     * When the latecomer is sent, after the delay has run out: counted from readiness seen DOWN,
     * not from SIGTERM. The service's delay begins when its shutdown hook runs, which under load
     * is up to a few hundred milliseconds after the signal (readiness turns DOWN at the same
     * moment, and is seen DOWN only after that); counted from the signal, the latecomer could
     * arrive before the service's delay has run out, and be rightly served.
     */
    static final long LATECOMER_AFTER_DELAY_MS = 50;

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && (args[0].equals("load") || args[0].equals("verify"))) {
            Drain drain = new Drain(options(args));
            int rc = args[0].equals("load") ? drain.load() : drain.verify();
            System.exit(rc);
        }
        System.err.println("usage: Drain load --url URL --pid PID --private-key FILE --issuer ISS --state FILE "
                + "[--delay-seconds 5] [--timeout-seconds 25] [--threads 4] [--batch-threads 2] [--batch-size 1000] "
                + "[--lb-lag-ms 1500] [--seed N] | verify --url URL --private-key FILE --issuer ISS --state FILE");
        System.exit(2);
    }

    static Map<String, String> options(String[] args) {
        List<String> required = new ArrayList<>(List.of("url", "private-key", "issuer", "state"));
        if (args[0].equals("load")) {
            required.add("pid");
        }
        return Options.parse(args, Map.of("delay-seconds", "5", "timeout-seconds", "25", "threads", "4",
                "batch-threads", "2", "batch-size", "1000", "lb-lag-ms", "1500",
                "seed", Long.toString(System.nanoTime())), required);
    }

    // ---------------------------------------------------------------------------------------
    // State

    final String url;
    final String issuer;
    final PrivateKey signingKey;
    final Path state;
    final Map<String, String> options;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** For the health probes: their own connections, never queued behind the load. */
    final HttpClient probes = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    final Map<String, String> tokens = new ConcurrentHashMap<>();
    final String runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
    final LocalDate today = LocalDate.now(BUSINESS_ZONE);
    final Violations violations = new Violations();

    /** Origin of every timestamp (System.nanoTime); the signal's instant once sent. */
    final long origin = System.nanoTime();
    volatile long signalNanos = Long.MAX_VALUE;
    volatile long readyDownNanos = Long.MAX_VALUE;
    /**
     * When the last readiness probe answered UP after SIGTERM was sent (the signal itself if none
     * was): the service's delay began after it, so this is a lower bound of that moment, as
     * {@link #readyDownNanos} is an upper bound.
     */
    volatile long lastUpSentNanos = Long.MIN_VALUE;
    volatile Req late;
    volatile int inFlightWhenLate;
    volatile boolean stopLoad;

    String fundCode;
    String donorId;

    /** One request that moves money: what was sent, and what came back. */
    static final class Req {
        String kind; // single or batch
        String phase; // warm-up or load
        String key;
        String path;
        String body;
        long amount;
        int count;
        String thread;
        long startNanos;
        long endNanos;
        int status = -1;
        String answer = "";
        String failure; // refused, reset, timeout
        String failureDetail;

        Map<String, Object> toJson(long zero) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("kind", kind);
            out.put("phase", phase);
            out.put("key", key);
            out.put("path", path);
            out.put("body", body);
            out.put("amount", amount);
            out.put("count", (long) count);
            out.put("thread", thread);
            out.put("startMs", (startNanos - zero) / 1_000_000L);
            out.put("endMs", (endNanos - zero) / 1_000_000L);
            out.put("status", (long) status);
            out.put("answer", answer);
            if (failure != null) {
                out.put("failure", failure);
                out.put("failureDetail", failureDetail);
            }
            return out;
        }

        static Req fromJson(Map<?, ?> in) {
            Req r = new Req();
            r.kind = (String) in.get("kind");
            r.phase = (String) in.get("phase");
            r.key = (String) in.get("key");
            r.path = (String) in.get("path");
            r.body = (String) in.get("body");
            r.amount = ((Number) in.get("amount")).longValue();
            r.count = ((Number) in.get("count")).intValue();
            r.thread = (String) in.get("thread");
            r.startNanos = ((Number) in.get("startMs")).longValue();
            r.endNanos = ((Number) in.get("endMs")).longValue();
            r.status = ((Number) in.get("status")).intValue();
            r.answer = (String) in.get("answer");
            r.failure = (String) in.get("failure");
            r.failureDetail = (String) in.get("failureDetail");
            return r;
        }
    }

    final ConcurrentLinkedQueue<Req> sent = new ConcurrentLinkedQueue<>();
    final Set<Req> inFlight = ConcurrentHashMap.newKeySet();

    Drain(Map<String, String> options) throws Exception {
        this.options = options;
        this.url = options.get("url").replaceAll("/+$", "");
        this.issuer = options.get("issuer");
        this.signingKey = Tokens.readPrivateKey(Path.of(options.get("private-key")));
        this.state = Path.of(options.get("state"));
    }

    int option(String name) {
        return Integer.parseInt(options.get(name));
    }

    long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos - signalNanos);
    }

    // ---------------------------------------------------------------------------------------
    // load: the shutdown

    /** The load's knobs, from the options. */
    record Plan(long delayMs, long timeoutMs, int threads, int batchThreads, int batchSize, long lbLagMs, long seed) {
    }

    /** The health probes' samples from the signal to the exit: {sent ms, answered ms, status or -1}. */
    record Health(List<long[]> ready, List<long[]> live) {
    }

    int load() throws Exception {
        Plan plan = new Plan(option("delay-seconds") * 1000L, option("timeout-seconds") * 1000L, option("threads"),
                option("batch-threads"), option("batch-size"), Long.parseLong(options.get("lb-lag-ms")),
                Long.parseLong(options.get("seed")));
        long pid = Long.parseLong(options.get("pid"));
        ProcessHandle service = ProcessHandle.of(pid).orElse(null);
        if (service == null || !service.isAlive()) {
            System.out.println("no process " + pid);
            return 2;
        }
        System.out.printf("Driver: %s (pid %d), %d single-contribution threads, %d batch threads of %d, "
                + "delay %d s, timeout %d s, seed %d%n", url, pid, plan.threads(), plan.batchThreads(), plan.batchSize(),
                plan.delayMs() / 1000, plan.timeoutMs() / 1000, plan.seed());

        Probe ready = probe("/q/health/ready");
        if (ready.status != 200 || !"UP".equals(JsonBodies.field(ready.json, "status"))) {
            violation("readiness is not UP before the signal: " + ready.brief());
            return report(null);
        }
        if (!setUp()) {
            return report(null);
        }
        Random random = new Random(plan.seed());
        long batchMs = warmUp(plan, random);
        if (batchMs < 0) {
            return report(null);
        }
        List<Thread> workers = startLoad(plan);
        awaitBatchAndSingleInFlight(random, batchMs);
        int inFlightAtSignal = inFlight.size();
        long signalledNanos = signal(service, pid, inFlightAtSignal);
        Thread latecomer = startLatecomer(plan);
        Health health = watchHealth(service, plan);
        long exitSeenNanos = awaitExit(service, plan);
        stopLoad = true;
        for (Thread t : workers) {
            t.join(TimeUnit.SECONDS.toMillis(70));
            if (t.isAlive()) {
                violation("worker " + t.getName() + " still waits for an answer (a hung request)");
            }
        }
        // After the exit: a new connection is refused.
        Probe after = probe("/q/health/live");
        if (after.failure == null || !after.failure.equals("refused")) {
            violation("after the exit, a new connection was not refused: "
                    + (after.failure != null ? after.failure + " " + after.detail : after.brief()));
        }
        latecomer.join(TimeUnit.SECONDS.toMillis(5));
        check(plan.delayMs(), signalledNanos, health.ready(), health.live());
        printTimeline(health, exitSeenNanos);
        List<Object> samples = new ArrayList<>();
        health.ready().forEach(h -> samples.add(List.of("ready", h[0], h[1], h[2])));
        health.live().forEach(h -> samples.add(List.of("live", h[0], h[1], h[2])));
        writeState(plan.delayMs(), inFlightAtSignal, exitSeenNanos, samples);
        return report(plan.delayMs());
    }

    /** A few singles and one batch, which also tells how long a batch takes (ms; -1 when the warm-up failed). */
    long warmUp(Plan plan, Random random) throws InterruptedException {
        List<Thread> warm = new ArrayList<>();
        for (int t = 0; t < plan.threads(); t++) {
            Random r = new Random(plan.seed() * 31 + t);
            String name = "warm-" + t;
            warm.add(start(name, () -> {
                for (int i = 0; i < 5; i++) {
                    send(single(r, "warm-up", name));
                }
            }));
        }
        Req warmBatch = send(batch(random, plan.batchSize(), "warm-up", "warm-batch"));
        for (Thread t : warm) {
            t.join();
        }
        if (warmBatch.status != 201 || !violations.isEmpty()) {
            violation("the warm-up failed; the batch answered " + warmBatch.status);
            return -1;
        }
        long batchMs = TimeUnit.NANOSECONDS.toMillis(warmBatch.endNanos - warmBatch.startNanos);
        System.out.printf("Warm-up: %d contributions in %d requests answered 201; a batch of %d takes %d ms%n",
                sent.stream().mapToInt(r -> r.count).sum(), sent.size(), plan.batchSize(), batchMs);
        return batchMs;
    }

    /**
     * The load: singles and batches on the same fund, so that a single waits behind a batch for
     * the fund's lock (ADR 0002) and is in flight for as long as the batch is.
     */
    List<Thread> startLoad(Plan plan) {
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < plan.threads(); t++) {
            Random r = new Random(plan.seed() * 37 + t);
            String name = "single-" + t;
            workers.add(start(name, () -> singles(r, name, plan.lbLagMs())));
        }
        for (int t = 0; t < plan.batchThreads(); t++) {
            Random r = new Random(plan.seed() * 41 + t);
            String name = "batch-" + t;
            int thread = t;
            workers.add(start(name, () -> batches(r, name, plan.batchSize(), plan.lbLagMs(), plan.delayMs(), thread)));
        }
        return workers;
    }

    /**
     * Waits (20 s at most) until a batch has been in flight for a quarter of a batch's time (after
     * a second of load at least) while a single waits behind it: the moment for SIGTERM.
     */
    void awaitBatchAndSingleInFlight(Random random, long batchMs) throws InterruptedException {
        Thread.sleep(1000 + random.nextInt(300));
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long into = Math.max(30, Math.min(500, batchMs / 4));
        while (System.nanoTime() < waitUntil) {
            long now = System.nanoTime();
            boolean batchIn = inFlight.stream().anyMatch(r -> r.kind.equals("batch")
                    && now - r.startNanos >= TimeUnit.MILLISECONDS.toNanos(into));
            boolean singleIn = inFlight.stream().anyMatch(r -> r.kind.equals("single"));
            if (batchIn && singleIn) {
                break;
            }
            Thread.sleep(2);
        }
    }

    /** Sends SIGTERM; the instant it returned. */
    long signal(ProcessHandle service, long pid, int inFlightAtSignal) {
        signalNanos = System.nanoTime();
        boolean delivered = service.destroy(); // SIGTERM
        long signalledNanos = System.nanoTime();
        System.out.printf("SIGTERM sent to %d (%s) with %d requests in flight%n", pid,
                delivered ? "delivered" : "NOT delivered", inFlightAtSignal);
        if (!delivered) {
            violation("SIGTERM could not be sent to " + pid);
        }
        return signalledNanos;
    }

    /**
     * A latecomer, just after the delay (counted from readiness seen DOWN), while the last batch
     * is still in flight: the service must turn it away (503, nothing done), not serve it nor
     * start it. Never sent if readiness is never seen DOWN (a violation of its own).
     */
    Thread startLatecomer(Plan plan) {
        return start("latecomer", () -> {
            long giveUp = signalNanos + TimeUnit.MILLISECONDS.toNanos(plan.delayMs());
            while (readyDownNanos == Long.MAX_VALUE) {
                if (System.nanoTime() > giveUp) {
                    return;
                }
                sleep(1);
            }
            long at = readyDownNanos + TimeUnit.MILLISECONDS.toNanos(plan.delayMs() + LATECOMER_AFTER_DELAY_MS);
            while (System.nanoTime() < at) {
                sleep(1);
            }
            inFlightWhenLate = (int) inFlight.stream().filter(r -> r.phase.equals("load")).count();
            late = send(single(new Random(plan.seed() + 1), "late", "latecomer"));
        });
    }

    /** Readiness and liveness every 25 ms, until the process has gone (or delay + timeout + 5 s). */
    Health watchHealth(ProcessHandle service, Plan plan) throws InterruptedException {
        Health health = new Health(new ArrayList<>(), new ArrayList<>());
        long hardEnd = signalNanos + TimeUnit.MILLISECONDS.toNanos(plan.delayMs() + plan.timeoutMs() + 5000);
        while (service.isAlive() && System.nanoTime() < hardEnd) {
            Probe r = probe("/q/health/ready");
            health.ready().add(new long[] {ms(r.atNanos), ms(r.endNanos), r.code()});
            if (r.status == 200 && readyDownNanos == Long.MAX_VALUE) {
                lastUpSentNanos = r.atNanos;
            }
            if (r.status == 503 && "DOWN".equals(JsonBodies.field(r.json, "status")) && readyDownNanos == Long.MAX_VALUE) {
                readyDownNanos = r.endNanos;
            } else if (r.status == 200 && readyDownNanos != Long.MAX_VALUE) {
                violation("readiness answered 200 again at +" + ms(r.atNanos) + " ms, after DOWN");
            } else if (r.status >= 0 && r.status != 200 && r.status != 503) {
                violation("readiness answered " + r.brief() + " at +" + ms(r.atNanos) + " ms");
            }
            Probe l = probe("/q/health/live");
            health.live().add(new long[] {ms(l.atNanos), ms(l.endNanos), l.code()});
            if (l.status >= 0 && l.status != 200) {
                violation("liveness answered " + l.brief() + " at +" + ms(l.atNanos) + " ms");
            }
            if (r.failure != null && ms(r.atNanos) < plan.delayMs() - EARLY_MARGIN_MS) {
                violation("readiness probe failed at +" + ms(r.atNanos) + " ms, inside the delay: " + r.failure);
            }
            Thread.sleep(25);
        }
        return health;
    }

    /** The instant the process was seen gone, given 5 s more in case the probes stopped on their hard end. */
    long awaitExit(ProcessHandle service, Plan plan) throws Exception {
        boolean exited = service.onExit().isDone() || !service.isAlive();
        if (!exited) {
            try {
                service.onExit().get(5, TimeUnit.SECONDS);
                exited = true;
            } catch (TimeoutException e) {
                exited = false;
            }
        }
        long exitSeenNanos = System.nanoTime();
        if (!exited) {
            violation("the service was still running " + ms(exitSeenNanos) + " ms after SIGTERM (delay + timeout = "
                    + (plan.delayMs() + plan.timeoutMs()) + " ms)");
        }
        return exitSeenNanos;
    }

    void printTimeline(Health health, long exitSeenNanos) {
        List<long[]> readySamples = health.ready();
        List<long[]> liveSamples = health.live();
        System.out.println();
        System.out.println("== Shutdown timeline (ms after SIGTERM)");
        System.out.printf("readiness: last 200 after SIGTERM answered at %s, first 503 DOWN at %s; %d probes "
                + "answered DOWN, the last at %s; liveness: %d probes answered 200, the last at %s; "
                + "first health probe without an answer at %s; the process was seen gone at +%d ms%n",
                at(readySamples.stream().filter(s -> s[2] == 200).mapToLong(s -> s[1]).max()),
                readyDownNanos == Long.MAX_VALUE ? "never" : "+" + ms(readyDownNanos) + " ms",
                readySamples.stream().filter(s -> s[2] == 503).count(),
                at(readySamples.stream().filter(s -> s[2] == 503).mapToLong(s -> s[1]).max()),
                liveSamples.stream().filter(s -> s[2] == 200).count(),
                at(liveSamples.stream().filter(s -> s[2] == 200).mapToLong(s -> s[1]).max()),
                at(Stream.concat(readySamples.stream(), liveSamples.stream()).filter(s -> s[2] < 0)
                        .mapToLong(s -> s[1]).min()),
                ms(exitSeenNanos));
    }

    static String at(OptionalLong ms) {
        return ms.isPresent() ? "+" + ms.getAsLong() + " ms" : "none";
    }

    Thread start(String name, Runnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                violation("worker " + name + " died: " + e);
                e.printStackTrace();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Back to back until the load balancer would have noticed; then one every 200 ms, until refused. */
    void singles(Random random, String name, long lbLagMs) {
        while (!stopLoad) {
            Req r = send(single(random, "load", name));
            if (r.failure != null) {
                return;
            }
            if (readyDownNanos != Long.MAX_VALUE && System.nanoTime() > readyDownNanos + lbLagMs * 1_000_000L) {
                sleep(200);
            }
        }
    }

    /**
     * Back to back until the load balancer would have noticed; then the first batch thread sends
     * one more 300 ms before the delay runs out, counted from SIGTERM (so surely before the
     * service's own delay runs out: it begins later), and one every second after; a batch takes
     * longer than a single, so it is in flight when the server starts waiting for the requests
     * in flight. The second thread sends one more 150 ms before the delay runs out counted from
     * the last readiness probe answered UP (the service's delay began after it, so the batch
     * arrives before the service turns new requests away): the first thread's batch may end
     * before the latecomer is sent when the service's shutdown began late, this one hardly.
     */
    void batches(Random random, String name, int size, long lbLagMs, long delayMs, int thread) {
        while (!stopLoad) {
            if (readyDownNanos != Long.MAX_VALUE && System.nanoTime() > readyDownNanos + lbLagMs * 1_000_000L) {
                if (thread > 1) {
                    return;
                }
                long at = thread == 0 ? signalNanos + TimeUnit.MILLISECONDS.toNanos(delayMs - 300)
                        : Math.max(signalNanos, lastUpSentNanos) + TimeUnit.MILLISECONDS.toNanos(delayMs - 150);
                while (System.nanoTime() < at && !stopLoad) {
                    sleep(5);
                }
                if (thread == 1) {
                    send(batch(random, size, "load", name));
                    return;
                }
                while (!stopLoad) {
                    if (send(batch(random, size, "load", name)).failure != null) {
                        return;
                    }
                    sleep(1000);
                }
                return;
            }
            if (send(batch(random, size, "load", name)).failure != null) {
                return;
            }
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Map<String, Object> contribution(Random random, long amount) {
        return Map.of("donorId", donorId, "amount", Map.of("amountMinor", amount, "currency", "EUR"),
                "receivedOn", today.minusDays(1).toString(),
                "bankReference", "VIR-DRAIN-" + UUID.randomUUID().toString().substring(0, 18));
    }

    Req single(Random random, String phase, String thread) {
        Req r = new Req();
        r.kind = "single";
        r.phase = phase;
        r.thread = thread;
        r.key = UUID.randomUUID().toString();
        r.path = "/api/v1/funds/" + fundCode + "/contributions";
        r.amount = 1_00 + random.nextInt(999_00);
        r.count = 1;
        r.body = JsonBodies.write(contribution(random, r.amount));
        return r;
    }

    Req batch(Random random, int size, String phase, String thread) {
        Req r = new Req();
        r.kind = "batch";
        r.phase = phase;
        r.thread = thread;
        r.key = UUID.randomUUID().toString();
        r.path = "/api/v1/funds/" + fundCode + "/contributions/batch";
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            long amount = 1_00 + random.nextInt(999_00);
            r.amount += amount;
            items.add(contribution(random, amount));
        }
        r.count = size;
        r.body = JsonBodies.write(Map.of("contributions", items));
        return r;
    }

    /** Sends a money-moving request, recording its timings and outcome. */
    Req send(Req r) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + r.path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(FINANCE, "finance"))
                .header("Accept", "application/json, application/problem+json")
                .header("Idempotency-Key", r.key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(r.body, StandardCharsets.UTF_8)).build();
        sent.add(r);
        inFlight.add(r);
        r.startNanos = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            r.endNanos = System.nanoTime();
            r.status = response.statusCode();
            r.answer = response.body();
            if (r.status == 503 && String.valueOf(JsonBodies.field(JsonBodies.parseOrNull(r.answer), "type")).endsWith("#service-unavailable")
                    && response.headers().firstValue("Connection").orElse("").equals("close")) {
                // Turned away at the door once the delay has run out (web/ShutdownGate): not
                // acknowledged, like a refused connection, and held to the same rules.
                r.failure = "shutting-down";
                r.failureDetail = "503 " + r.answer;
            }
        } catch (InterruptedException e) {
            r.endNanos = System.nanoTime();
            r.failure = "interrupted";
            r.failureDetail = e.toString();
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            r.endNanos = System.nanoTime();
            r.failure = classify(e);
            r.failureDetail = e.toString();
        } finally {
            inFlight.remove(r);
        }
        return r;
    }

    static String classify(Throwable e) {
        if (e instanceof HttpTimeoutException) {
            return "timeout";
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ConnectException) {
                return "refused";
            }
        }
        return "reset";
    }

    boolean setUp() {
        Probe donor = call("POST", "/api/v1/donors", token(ADMIN, "admin"),
                JsonBodies.write(Map.of("kind", "COMMUNE", "name", "Ville d'arrêt " + runId)), null);
        if (donor.status != 201) {
            violation("setup: creating the donor answered " + donor.brief());
            return false;
        }
        donorId = (String) JsonBodies.field(donor.json, "id");
        fundCode = "DRAIN-" + runId;
        Probe fund = call("POST", "/api/v1/funds", token(ADMIN, "admin"),
                JsonBodies.write(Map.of("code", fundCode, "name", "Fonds d'arrêt gracieux", "currency", "EUR")), null);
        if (fund.status != 201) {
            violation("setup: creating the fund answered " + fund.brief());
            return false;
        }
        System.out.printf("Set up fund %s and donor %s%n", fundCode, donorId);
        return true;
    }

    /** The load's checks, on the requests' timings against the signal and the health samples. */
    void check(long delayMs, long signalledNanos, List<long[]> readySamples, List<long[]> liveSamples) {
        long delayEnd = signalNanos + TimeUnit.MILLISECONDS.toNanos(delayMs);
        checkReadinessDownFirst(delayMs, delayEnd, liveSamples);
        checkInFlightAcrossSignal(signalledNanos);
        checkLatecomer();
        checkAnswers(delayMs);
        checkSinglesKeptSending(delayEnd);
    }

    /** 1. Readiness goes down first, while liveness and the API still answer. */
    void checkReadinessDownFirst(long delayMs, long delayEnd, List<long[]> liveSamples) {
        if (readyDownNanos == Long.MAX_VALUE) {
            violation("readiness never answered 503 DOWN after SIGTERM");
        } else if (ms(readyDownNanos) > READY_DOWN_MAX_MS) {
            violation("readiness answered DOWN only " + ms(readyDownNanos) + " ms after SIGTERM (at most "
                    + READY_DOWN_MAX_MS + ")");
        }
        long down = readyDownNanos;
        boolean liveWhileDown = liveSamples.stream().anyMatch(s -> s[2] == 200 && s[0] >= ms(down) && s[1] < delayMs);
        if (!liveWhileDown) {
            violation("liveness never answered 200 while readiness was DOWN during the delay");
        }
        long servedWhileDown = sent.stream().filter(r -> r.status == 201 && r.startNanos > down && r.endNanos < delayEnd)
                .count();
        if (servedWhileDown == 0) {
            violation("no API request was sent and answered 201 between readiness DOWN and the end of the delay");
        }
    }

    /** 2. In flight across the signal: started before it, answered after it, with 201. */
    void checkInFlightAcrossSignal(long signalledNanos) {
        List<Req> across = sent.stream().filter(r -> r.startNanos < signalNanos && r.endNanos > signalledNanos).toList();
        long batchesAcross = across.stream().filter(r -> r.kind.equals("batch") && r.status == 201).count();
        long singlesAcross = across.stream().filter(r -> r.kind.equals("single") && r.status == 201).count();
        if (batchesAcross == 0) {
            violation("no batch import was in flight across SIGTERM (started before, answered 201 after): "
                    + "the run proved nothing about in-flight requests");
        }
        if (singlesAcross == 0) {
            violation("no single contribution was in flight across SIGTERM (started before, answered 201 after)");
        }
    }

    /** 2b. After the delay, a new request is turned away while the last ones finish. */
    void checkLatecomer() {
        if (late == null) {
            violation("the latecomer was never sent");
        } else if (inFlightWhenLate == 0) {
            violation("nothing was in flight when the latecomer was sent: the run proved nothing "
                    + "about requests arriving while the service waits for the last ones");
        } else if (!"shutting-down".equals(late.failure)) {
            violation("a request sent " + LATECOMER_AFTER_DELAY_MS + " ms after the delay (from readiness DOWN), while "
                    + inFlightWhenLate
                    + " were in flight, was not turned away with 503: "
                    + (late.failure != null ? late.failure + " " + late.failureDetail : late.status + " " + brief(late.answer)));
        }
    }

    /** 3. Every answer 201; network failures only once the delay has run out. */
    void checkAnswers(long delayMs) {
        for (Req r : sent) {
            String what = r.kind + " " + r.key + " (sent at +" + ms(r.startNanos) + " ms, ended at +" + ms(r.endNanos)
                    + " ms)";
            if (r.failure != null) {
                if (r.startNanos < signalNanos) {
                    violation("in flight at SIGTERM, got no answer: " + what + ": " + r.failureDetail);
                } else if (r.failure.equals("timeout") || r.failure.equals("interrupted")) {
                    violation(what + ": " + r.failureDetail);
                } else if (ms(r.endNanos) < delayMs - EARLY_MARGIN_MS) {
                    violation(what + " failed inside the delay (" + r.failure + "): " + r.failureDetail);
                }
            } else if (r.status != 201) {
                violation(what + " answered " + r.status + ": " + brief(r.answer));
            } else {
                Object json = JsonBodies.parseOrNull(r.answer);
                long total = r.kind.equals("batch") ? minor(JsonBodies.field(json, "total")) : minor(JsonBodies.field(json, "amount"));
                if (total != r.amount) {
                    violation(what + " answered 201 for " + total + " instead of " + r.amount);
                }
            }
        }
    }

    /**
     * 4. Each single-contribution thread (one request every 200 ms at least) kept sending until
     * its connection was refused or reset, or the service had gone: none stopped inside the delay.
     */
    void checkSinglesKeptSending(long delayEnd) {
        Map<String, Req> lastOf = new LinkedHashMap<>();
        for (Req r : sent) {
            if (r.phase.equals("load") && r.kind.equals("single")) {
                lastOf.merge(r.thread, r, (a, b) -> b.startNanos > a.startNanos ? b : a);
            }
        }
        // (That new connections are refused once the service has gone is checked by the probe after the exit.)
        lastOf.forEach((thread, r) -> {
            if (r.failure == null && r.endNanos < delayEnd) {
                violation(thread + " stopped before the end of the delay, on " + r.status);
            }
        });
    }

    void writeState(long delayMs, int inFlightAtSignal, long exitSeenNanos, List<Object> health) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fundCode", fundCode);
        out.put("donorId", donorId);
        out.put("signalEpochMs", System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalNanos));
        out.put("readyDownMs", readyDownNanos == Long.MAX_VALUE ? -1L : ms(readyDownNanos));
        out.put("inFlightAtSignal", (long) inFlightAtSignal);
        out.put("delayMs", delayMs);
        List<Object> requests = new ArrayList<>();
        for (Req r : sent) {
            requests.add(r.toJson(signalNanos));
        }
        out.put("requests", requests);
        out.put("health", health);
        Files.writeString(state, JsonBodies.write(out), StandardCharsets.UTF_8);
    }

    int report(Long delayMs) {
        if (delayMs != null) {
            long delayEnd = signalNanos + TimeUnit.MILLISECONDS.toNanos(delayMs);
            System.out.println("requests (money-moving POSTs) by when they were sent and how they ended:");
            String[] phases = {"before SIGTERM", "during the delay", "after the delay"};
            for (int p = 0; p < 3; p++) {
                int phase = p;
                List<Req> in = sent.stream().filter(r -> (r.startNanos < signalNanos ? 0
                        : r.startNanos < delayEnd ? 1 : 2) == phase).toList();
                Map<String, Integer> byOutcome = new java.util.TreeMap<>();
                for (Req r : in) {
                    byOutcome.merge(r.kind + " " + (r.failure != null ? r.failure : Integer.toString(r.status)), 1,
                            Integer::sum);
                }
                System.out.printf("  %-17s %5d  %s%n", phases[p], in.size(), byOutcome);
            }
            List<Req> across = sent.stream().filter(r -> r.startNanos < signalNanos && r.endNanos > signalNanos).toList();
            System.out.printf("in flight across SIGTERM: %d batches, %d singles; answered after readiness was seen DOWN: "
                    + "%d; the longest ended at +%d ms%n",
                    across.stream().filter(r -> r.kind.equals("batch")).count(),
                    across.stream().filter(r -> r.kind.equals("single")).count(),
                    across.stream().filter(r -> r.endNanos > readyDownNanos).count(),
                    across.stream().mapToLong(r -> ms(r.endNanos)).max().orElse(-1));
            List<Req> overEnd = sent.stream().filter(r -> r.startNanos < delayEnd && r.endNanos > delayEnd).toList();
            System.out.printf("in flight when the delay ran out (+%d ms): %d (%s)%n", delayMs, overEnd.size(),
                    String.join(", ", overEnd.stream().map(r -> r.kind + " +" + ms(r.startNanos) + "..+" + ms(r.endNanos)
                            + " " + (r.failure != null ? r.failure : r.status)).toList()));
            sent.stream().filter(r -> r.failure != null).min((a, b) -> Long.compare(a.endNanos, b.endNanos))
                    .ifPresent(r -> System.out.printf("first network failure: +%d ms, %s: %s%n", ms(r.endNanos),
                            r.failure, r.failureDetail));
        }
        return violations.report(delayMs != null ? "Driver (load)" : "Driver (verify)");
    }

    // ---------------------------------------------------------------------------------------
    // verify: after the restart

    /** What the replays after the restart found, request by request. */
    static final class Replays {
        long heldAmount;
        long heldContributions;
        long expectedReceived;
        long expectedContributions;
        int ackReplayed;
        int unackCommitted;
        int unackRecordedNow;
        final Set<String> ids = new HashSet<>();
        final Set<String> keys = new HashSet<>();
    }

    int verify() throws Exception {
        Map<?, ?> saved = (Map<?, ?>) JsonBodies.parse(Files.readString(state, StandardCharsets.UTF_8));
        fundCode = (String) saved.get("fundCode");
        List<Req> requests = new ArrayList<>();
        for (Object o : (List<?>) saved.get("requests")) {
            requests.add(Req.fromJson((Map<?, ?>) o));
        }
        String finance = token(FINANCE, "finance");
        String auditor = token(AUDITOR, "auditor");
        // What the restarted service holds before any replay: the acknowledged requests, plus
        // those of the unacknowledged that the replays below find committed.
        Probe before = call("GET", "/api/v1/funds/" + fundCode + "/balance", auditor, null, null);
        if (before.status != 200) {
            violation("reading the balance after the restart answered " + before.brief());
            return report(null);
        }
        long receivedBefore = minor(JsonBodies.field(before.json, "received"));
        long entriesBefore = ((Number) JsonBodies.field(before.json, "entryCount")).longValue();
        Replays t = new Replays();
        for (Req r : requests) {
            replay(r, finance, t);
        }
        System.out.printf("Replayed %d requests: %d acknowledged, each answered the same and marked replayed; "
                + "%d unacknowledged: %d had been committed, %d recorded now%n", requests.size(), t.ackReplayed,
                requests.size() - t.ackReplayed, t.unackCommitted, t.unackRecordedNow);

        if (receivedBefore != t.heldAmount || entriesBefore != t.heldContributions) {
            violation("after the restart, before the replays, the fund had received " + receivedBefore + " in "
                    + entriesBefore + " entries; the acknowledged requests and the unacknowledged found committed add up"
                    + " to " + t.heldAmount + " in " + t.heldContributions + " contributions");
        }
        System.out.printf("Before the replays the fund held %s EUR in %d entries = the acknowledged requests + the "
                + "unacknowledged found committed%n", eur(receivedBefore), entriesBefore);
        checkFundAfterReplays(requests.size(), t, auditor);
        return report(null);
    }

    /**
     * One request sent again with its key and body: an acknowledged one answers the same, marked
     * replayed; an unacknowledged one is replayed (it had been committed) or recorded now, once.
     */
    void replay(Req r, String finance, Replays t) {
        if (!t.keys.add(r.key)) {
            violation("the driver reused key " + r.key);
        }
        t.expectedReceived += r.amount;
        t.expectedContributions += r.count;
        Probe again = call("POST", r.path, finance, r.body, r.key);
        String what = r.kind + " " + r.key + " (first " + (r.failure != null ? r.failure : r.status) + " at +"
                + r.endNanos + " ms)";
        if (again.status != 201) {
            violation(what + ": the replay answered " + again.brief());
            return;
        }
        boolean replayed = "true".equals(again.header("Idempotency-Replayed"));
        if (r.failure == null) {
            if (!replayed) {
                violation(what + ": acknowledged, yet its replay was recorded anew (it had been lost): "
                        + again.brief());
            } else if (!Objects.equals(JsonBodies.parseOrNull(r.answer), again.json)) {
                violation(what + ": the replay answered another body:\n  first: " + brief(r.answer)
                        + "\n  again: " + again.brief());
            } else {
                t.ackReplayed++;
            }
            t.heldAmount += r.amount;
            t.heldContributions += r.count;
        } else if (replayed) {
            if (r.failure.equals("refused") || r.failure.equals("shutting-down")) {
                violation(what + ": it was " + r.failure + ", yet the replay says it had been recorded");
            }
            t.unackCommitted++;
            t.heldAmount += r.amount;
            t.heldContributions += r.count;
        } else {
            t.unackRecordedNow++;
            // A second replay must now find it: recorded once, never twice.
            Probe third = call("POST", r.path, finance, r.body, r.key);
            if (third.status != 201 || !"true".equals(third.header("Idempotency-Replayed"))
                    || !Objects.equals(again.json, third.json)) {
                violation(what + ": recorded by the replay, then not replayed the same again: " + third.brief());
            }
        }
        collectIds(again.json, r.kind, t.ids);
    }

    /** The fund: exactly the distinct keys' amounts, each contribution listed once; the ledger INTACT. */
    void checkFundAfterReplays(int requestCount, Replays t, String auditor) {
        Probe balance = call("GET", "/api/v1/funds/" + fundCode + "/balance", auditor, null, null);
        long received = minor(JsonBodies.field(balance.json, "received"));
        long entryCount = balance.json == null ? -1 : ((Number) JsonBodies.field(balance.json, "entryCount")).longValue();
        if (balance.status != 200 || received != t.expectedReceived) {
            violation("the fund received " + received + " but the distinct keys' amounts add up to " + t.expectedReceived
                    + ": " + balance.brief());
        }
        if (entryCount != t.expectedContributions) {
            violation("the fund's journal holds " + entryCount + " entries, for " + t.expectedContributions
                    + " contributions sent under distinct keys");
        }
        List<String> listed = listContributions(auditor);
        Set<String> listedSet = new HashSet<>(listed);
        long missing = t.ids.stream().filter(id -> !listedSet.contains(id)).count();
        if (listed.size() != t.expectedContributions || listedSet.size() != listed.size() || missing > 0
                || !listedSet.equals(t.ids)) {
            violation("contributions listed: " + listed.size() + " (" + listedSet.size() + " distinct), answered: "
                    + t.ids.size() + ", sent: " + t.expectedContributions + ", answered but not listed: " + missing);
        }
        Probe verification = call("GET", "/api/v1/ledger/verification", auditor, null, null);
        Object checked = JsonBodies.field(verification.json, "entriesChecked");
        if (verification.status != 200 || !"INTACT".equals(JsonBodies.field(verification.json, "status"))
                || JsonBodies.field(verification.json, "firstBreak") != null) {
            violation("the ledger verification is not INTACT: " + verification.brief());
        } else if (!(checked instanceof Number n) || n.longValue() != entryCount) {
            violation("the verification checked " + checked + " entries, the fund counts " + entryCount);
        }
        System.out.printf("Fund %s: received %s EUR = the sum of %d distinct keys' amounts; %d contributions listed, "
                + "each once; ledger verification %s, %s entries checked%n", fundCode, eur(received), requestCount,
                listed.size(), JsonBodies.field(verification.json, "status"), checked);
    }

    /** The fund's contributions' ids, page after page; a bank reference seen twice is a violation. */
    List<String> listContributions(String auditor) {
        List<String> listed = new ArrayList<>();
        Set<String> bankReferences = new HashSet<>();
        String after = null;
        for (int page = 0; page < 10_000; page++) {
            Probe list = call("GET", "/api/v1/funds/" + fundCode + "/contributions?limit=200"
                    + (after == null ? "" : "&after=" + after), auditor, null, null);
            if (list.status != 200) {
                violation("listing the contributions answered " + list.brief());
                break;
            }
            for (Object item : (List<?>) JsonBodies.field(list.json, "items")) {
                listed.add((String) JsonBodies.field(item, "id"));
                if (!bankReferences.add((String) JsonBodies.field(item, "bankReference"))) {
                    violation("bank reference " + JsonBodies.field(item, "bankReference") + " recorded twice");
                }
            }
            after = (String) JsonBodies.field(list.json, "nextCursor");
            if (!Boolean.TRUE.equals(JsonBodies.field(list.json, "hasMore")) || after == null) {
                break;
            }
        }
        return listed;
    }

    static void collectIds(Object json, String kind, Set<String> ids) {
        if (kind.equals("batch")) {
            Object items = JsonBodies.field(json, "contributions");
            if (items instanceof List<?> list) {
                for (Object item : list) {
                    ids.add((String) JsonBodies.field(item, "id"));
                }
            }
        } else if (JsonBodies.field(json, "id") instanceof String id) {
            ids.add(id);
        }
    }

    // ---------------------------------------------------------------------------------------
    // HTTP, JSON helpers and tokens

    final class Probe {
        final long atNanos = System.nanoTime();
        long endNanos;
        int status = -1;
        String body = "";
        Object json;
        HttpResponse<String> response;
        String failure;
        String detail;

        /** The status, or -1 for a refused connection, -2 for a reset one, -3 for another failure. */
        long code() {
            return failure == null ? status : failure.equals("refused") ? -1 : failure.equals("reset") ? -2 : -3;
        }

        String header(String name) {
            return response == null ? null : response.headers().firstValue(name).orElse(null);
        }

        String brief() {
            return failure != null ? failure + " " + detail : status + " " + Drain.brief(body);
        }
    }

    Probe probe(String path) {
        Probe p = new Probe();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(5))
                .header("Accept", "application/json").GET().build();
        exchange(probes, request, p);
        return p;
    }

    Probe call(String method, String path, String token, String body, String idempotencyKey) {
        Probe p = new Probe();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json, application/problem+json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        exchange(http, request.build(), p);
        return p;
    }

    void exchange(HttpClient client, HttpRequest request, Probe p) {
        try {
            exchange0(client, request, p);
        } finally {
            p.endNanos = System.nanoTime();
        }
    }

    void exchange0(HttpClient client, HttpRequest request, Probe p) {
        try {
            p.response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            p.status = p.response.statusCode();
            p.body = p.response.body();
            p.json = JsonBodies.parseOrNull(p.body);
        } catch (IOException e) {
            p.failure = classify(e);
            p.detail = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.failure = "interrupted";
            p.detail = e.toString();
        }
    }

    static long minor(Object money) {
        return JsonBodies.field(money, "amountMinor") instanceof Number n ? n.longValue() : -1;
    }

    static String brief(String body) {
        String text = body == null ? "" : body.length() > 400 ? body.substring(0, 400) + "..." : body;
        return text.replace('\n', ' ');
    }

    static String eur(long minor) {
        return String.format("%d.%02d", minor / 100, Math.abs(minor % 100));
    }

    void violation(String message) {
        violations.add(message);
    }

    String token(String subject, String role) {
        return tokens.computeIfAbsent(subject + "\u0000" + role, k -> sign(subject, role));
    }

    String sign(String subject, String role) {
        return Tokens.sign(signingKey, issuer, subject, role);
    }
}
