// Driver of .ci/database-failure-test: loads two instances of the service that share one
// PostgreSQL 15 while it breaks the database under them (sessions terminated mid-request, a fast
// shutdown, an immediate one and its crash recovery, and restarts while the instances are idle),
// then checks that every answer was a success or a proper 503, that nothing acknowledged was lost,
// and that each instance served again within a second of the database's return.
//
// Compiled by the Maven build with the classes it shares with the other drivers (tools.common:
// JsonBodies, Tokens, Violations); .ci/lib/ci-java.sh gives the class path (CP below). Its key
// pair comes from `java -cp CP org.solidarityfunds.tools.common.Tokens keygen DIR`.
//
//   java -cp CP org.solidarityfunds.tools.databasefailure.Drive run --a URL --b URL --private-key DIR/private.der --issuer ISS
//       --pg-bin DIR --pg-data DIR --pg-log FILE --pg-port N [--pg-os-user postgres]
//       [--pg-superuser postgres] [--app-role ledger_app] [--database ledger]
//       [--phase-seconds 5] [--pause-seconds 2] [--terminations 3] [--threads 6] [--funds 2]
//       [--first-success-max-ms 1000] [--request-timeout-seconds 15] [--retry-pause-ms 50]
//       [--seed N] [--log-a FILE --log-b FILE]
//       sets up a donor and the funds, drives the load and the failures, prints a timeline and a
//       summary, exits 0 only if every check held (1 on a violation, 2 on a usage error). It
//       stops and starts PostgreSQL itself, as --pg-os-user with --pg-bin/pg_ctl on --pg-data
//       (whose postgresql.auto.conf must hold the port and socket directory: a plain
//       `pg_ctl start` must bring the same server back), and terminates sessions with psql as
//       --pg-superuser (password in PGPASSWORD). With the instances' logs, it shows what they
//       logged about the incident of a first answer after an idle restart that is not a 201.
//   java -cp CP org.solidarityfunds.tools.databasefailure.Drive log-summary LEVEL MAX-LINES FILE...
//       prints the lines of this level (ERROR, WARN) of the service's logs (JSON lines in
//       production, text otherwise), up to MAX-LINES of them one per line and readable (time,
//       logger, message, request id and the chain of causes, PostgreSQL's message included),
//       then their distinct kinds with counts. Exits 1 if there is any.
//
// The sequence, each failure while `threads` workers record contributions (60 %) and read
// balances (25 %), pages of the change feed (5 %, each worker following its cursor) and the funds'
// statements (5 % as JSON, 5 % as CSV) on both instances, one more runs the ledger verification
// every second, and another probes readiness (200 or 503 expected) as Kubernetes does:
//   warm-up; pg_terminate_backend of every session of the application role, `terminations`
//   times, a second apart; pg_ctl stop -m fast, `pause-seconds` down, start; pg_ctl stop -m
//   immediate, down, start (crash recovery); then the load pauses (idle instances, their pools
//   full of connections) across a fast stop and start, and one contribution is sent to each
//   instance as soon as PostgreSQL accepts connections again; again across an immediate stop.
// A contribution answered 503 (or not answered) is sent again, with the same Idempotency-Key
// and body, every `retry-pause-ms` (not after Retry-After: this measures how soon the service
// recovers), alternately on each instance, until it gets a definite answer: 201, first or
// replayed ("acknowledged").
//
// What a run fails on: any 5xx but a 503 application/problem+json service-unavailable with a
// Retry-After header; any other status than the operation's success (and, on a retry, 409
// idempotency-key-in-use); any network error or timeout (the service itself never goes down), and
// any body that breaks off after its status but a statement's while PostgreSQL fails (a statement
// streams: once its 200 has left, a failure can only cut the transfer); a contribution never
// acknowledged; a 201 that is not the contribution sent; a balance read or a statement answered 200
// that misses an acknowledged contribution (a statement cut short that ends as if whole, a CSV that
// is not header and whole rows, a JSON one without its closing balances); a readiness probe
// answered other than 200 or 503, or not at all; after the run, an acknowledged contribution that
// cannot be read back as it was sent, a fund's received or entry count other than the acknowledged
// contributions', a verification that is not INTACT; a restart after which an instance's first
// success comes more than `first-success-max-ms` after PostgreSQL accepts connections again; and,
// across an idle restart, a first request that is not answered 201 at once (a dead pooled
// connection handed out).

package org.solidarityfunds.tools.databasefailure;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.solidarityfunds.tools.common.JsonBodies;
import org.solidarityfunds.tools.common.Options;
import org.solidarityfunds.tools.common.Tokens;
import org.solidarityfunds.tools.common.Violations;

public class Drive {

    static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Paris");
    /** A contribution not acknowledged this long after its first attempt is given up (and is a violation). */
    static final long GIVE_UP_AFTER_MS = 60_000;
    /** How long, after PostgreSQL's return, the load may take to show a success on each instance before the run stops waiting. */
    static final long RECOVERY_WAIT_MAX_MS = 15_000;
    /** How long PostgreSQL may take to accept connections once started (crash recovery included). */
    static final long START_WAIT_MAX_MS = 60_000;
    /** Between two probes of PostgreSQL: the precision of "the moment it accepts connections again". */
    static final long PROBE_EVERY_MS = 2;
    static final long VERIFY_EVERY_MS = 1_000;
    /** Between two readiness probes, each on the other instance. */
    static final long READINESS_EVERY_MS = 250;
    /** Idle before an idle restart: the load has stopped, the pools keep their connections. */
    static final long IDLE_BEFORE_RESTART_MS = 1_000;
    /**
     * Shares of the workers' operations, in percent: recording a contribution; reading a
     * balance, a page of the change feed, a statement as JSON, one as CSV.
     */
    static final int WRITE_PERCENT = 60;
    static final int BALANCE_PERCENT = 25;
    static final int FEED_PERCENT = 5;
    static final int STATEMENT_JSON_PERCENT = 5;
    /** The final reads of every acknowledged contribution: how many at once, how many tries each. */
    static final int FINAL_READERS = 4;
    static final int FINAL_TRIES = 5;

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("run")) {
            System.exit(new Drive(options(args)).run());
        }
        if (args.length >= 4 && args[0].equals("log-summary")) {
            System.exit(logSummary(args[1], Integer.parseInt(args[2]), List.of(args).subList(3, args.length)));
        }
        System.err.println("usage: Drive run --a URL --b URL --private-key FILE --issuer ISS "
                + "--pg-bin DIR --pg-data DIR --pg-log FILE --pg-port N [--pg-os-user U] [--pg-superuser U] "
                + "[--app-role R] [--database D] [--phase-seconds N] [--pause-seconds N] [--terminations N] "
                + "[--threads N] [--funds N] [--first-success-max-ms N] [--request-timeout-seconds N] "
                + "[--retry-pause-ms N] [--seed N] [--log-a FILE --log-b FILE]\n"
                + "       Drive log-summary LEVEL MAX-LINES FILE...");
        System.exit(2);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> defaults = new LinkedHashMap<>(Map.of("pg-os-user", "postgres", "pg-superuser", "postgres",
                "app-role", "ledger_app", "database", "ledger", "phase-seconds", "5", "pause-seconds", "2",
                "terminations", "3", "threads", "6", "funds", "2", "first-success-max-ms", "1000"));
        defaults.putAll(Map.of("request-timeout-seconds", "15", "retry-pause-ms", "50",
                "seed", Long.toString(System.nanoTime())));
        return Options.parse(args, defaults,
                List.of("a", "b", "private-key", "issuer", "pg-bin", "pg-data", "pg-log", "pg-port"));
    }

    // ---------------------------------------------------------------------------------------
    // State

    final String[] instances;
    final String issuer;
    final PrivateKey signingKey;
    final String pgBin;
    final String pgData;
    final String pgLog;
    final int pgPort;
    final String pgOsUser;
    final String pgSuperuser;
    final String appRole;
    final String database;
    final long phaseMs;
    final long pauseMs;
    final int terminations;
    final int threads;
    final int fundCount;
    final long firstSuccessMaxMs;
    final Duration requestTimeout;
    final long retryPauseMs;
    final long seed;
    final Path[] logs;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final Map<String, String> tokens = new ConcurrentHashMap<>();
    final String runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
    final LocalDate today = LocalDate.now(BUSINESS_ZONE);
    final long origin = System.nanoTime();
    final Violations violations = new Violations();

    /** What is going on, as the label of every answer counted and every violation. */
    volatile String phase = "setup";
    volatile boolean paused;
    volatile boolean stopped;
    final AtomicInteger parked = new AtomicInteger();

    final List<Fund> funds = new ArrayList<>();
    String donorId;

    /** Every answer, for the timeline: when it came, from which instance, whether it was the success expected. */
    final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    /** The latest success of each instance, in System.nanoTime(). */
    final AtomicLongArray lastSuccess = new AtomicLongArray(new long[] {Long.MIN_VALUE, Long.MIN_VALUE});
    /** Answers counted by "phase operation status type". */
    final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    /** Violations counted by "phase operation what", with the first one of each kind. */
    final Map<String, Kind> kinds = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Ack> acknowledged = new ConcurrentLinkedQueue<>();
    final List<Failure> failures = new ArrayList<>();

    /** Statements whose body broke off after their 200: acceptable only while the database was failing. */
    final ConcurrentLinkedQueue<Cut> cuts = new ConcurrentLinkedQueue<>();
    /** Statements answered 200 and read whole, by operation. */
    final Map<String, LongAdder> statementsWhole = new ConcurrentHashMap<>();
    final LongAdder feedPages = new LongAdder();

    final LongAdder contributionsSent = new LongAdder();
    final LongAdder retried = new LongAdder();
    final LongAdder replayedAfterRetry = new LongAdder();
    final LongAdder givenUp = new LongAdder();
    final LongAdder balanceReads = new LongAdder();
    final LongAdder verifications = new LongAdder();

    record Event(int instance, long sentNanos, long doneNanos, int status, boolean success) {
    }

    record Ack(String id, Fund fund, String key, long amount, String bankReference, int attempts, boolean replayed) {
    }

    record Cut(int instance, String what, String phase, long sentNanos, long doneNanos, String brief) {
    }

    static final class Kind {
        final AtomicInteger count = new AtomicInteger();
        final String first;
        /** The instance that answered the first one, or -1. */
        final int instance;

        Kind(String first, int instance) {
            this.first = first;
            this.instance = instance;
        }
    }

    static final class Fund {
        final String code;
        /** Sum and count of the contributions answered 201. */
        final AtomicLong acknowledgedMinor = new AtomicLong();
        final AtomicLong acknowledgedCount = new AtomicLong();
        /** Sum of every contribution sent at least once, acknowledged or not. */
        final AtomicLong attemptedMinor = new AtomicLong();

        Fund(String code) {
            this.code = code;
        }
    }

    /** One failure injected, and what was seen around it. */
    final class Failure {
        final String name;
        final String what;
        final boolean underLoad;
        long injected;
        /** The database stopped (pg_ctl stop returned); 0 for a termination. */
        long down;
        long startIssued;
        /** The database accepts connections again (for a termination: psql has returned). */
        long back;
        /** When the next failure began: the end of this one's window. */
        long windowEnd = Long.MAX_VALUE;
        String note = "";
        final String[] idleFirstAnswer = new String[2];

        Failure(String name, String what, boolean underLoad) {
            this.name = name;
            this.what = what;
            this.underLoad = underLoad;
        }

        boolean isRestart() {
            return down != 0;
        }
    }

    Drive(Map<String, String> options) throws Exception {
        this.instances = new String[] {strip(options.get("a")), strip(options.get("b"))};
        this.issuer = options.get("issuer");
        this.signingKey = Tokens.readPrivateKey(Path.of(options.get("private-key")));
        this.pgBin = options.get("pg-bin");
        this.pgData = options.get("pg-data");
        this.pgLog = options.get("pg-log");
        this.pgPort = Integer.parseInt(options.get("pg-port"));
        this.pgOsUser = options.get("pg-os-user");
        this.pgSuperuser = options.get("pg-superuser");
        this.appRole = options.get("app-role");
        this.database = options.get("database");
        this.phaseMs = (long) (Double.parseDouble(options.get("phase-seconds")) * 1000);
        this.pauseMs = (long) (Double.parseDouble(options.get("pause-seconds")) * 1000);
        this.terminations = Integer.parseInt(options.get("terminations"));
        this.threads = Integer.parseInt(options.get("threads"));
        this.fundCount = Integer.parseInt(options.get("funds"));
        this.firstSuccessMaxMs = Long.parseLong(options.get("first-success-max-ms"));
        this.requestTimeout = Duration.ofSeconds(Long.parseLong(options.get("request-timeout-seconds")));
        this.retryPauseMs = Long.parseLong(options.get("retry-pause-ms"));
        this.seed = Long.parseLong(options.get("seed"));
        this.logs = new Path[] {options.containsKey("log-a") ? Path.of(options.get("log-a")) : null,
                options.containsKey("log-b") ? Path.of(options.get("log-b")) : null};
        if (!appRole.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("--app-role must be a plain role name: " + appRole);
        }
    }

    static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    // ---------------------------------------------------------------------------------------
    // The run

    int run() throws Exception {
        System.out.printf("Driver: instances A=%s B=%s, PostgreSQL on port %d; %d threads, %d funds, %.1f s per phase, "
                + "%.1f s down per restart, first success within %d ms, seed %d%n", instances[0], instances[1], pgPort,
                threads, fundCount, phaseMs / 1000.0, pauseMs / 1000.0, firstSuccessMaxMs, seed);
        if (!accepting()) {
            System.out.println("PostgreSQL does not accept connections on port " + pgPort + " at the start");
            return 2;
        }
        // Stopped by a signal (the script's trap), it ends its pg_ctl and psql first, and waits for
        // them: a pg_ctl start left running could bring PostgreSQL up after the script stopped it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
            children.forEach(ProcessHandle::destroy);
            for (ProcessHandle child : children) {
                try {
                    child.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    child.destroyForcibly();
                }
            }
        }));
        setUp();
        if (!violations.isEmpty()) {
            return report();
        }
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            workers.add(thread("worker-" + t, () -> work(index)));
        }
        workers.add(thread("verifier", this::verifyNowAndThen));
        workers.add(thread("readiness", this::probeReadinessNowAndThen));
        long started = System.nanoTime();
        try {
            inject();
        } catch (Abort abort) {
            violation("setup", "failure injection", abort.getMessage());
        }
        stopped = true;
        paused = false;
        for (Thread worker : workers) {
            worker.join(GIVE_UP_AFTER_MS + requestTimeout.toMillis() + 10_000);
            if (worker.isAlive()) {
                violation("end", "load", worker.getName() + " still busy long after the load stopped (a hung request?)");
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf("%nLoad and failures: %.1f s, %d answers%n", elapsed, events.size());
        phase = "final";
        if (accepting()) {
            finalChecks();
        } else {
            violation("final", "database", "PostgreSQL does not accept connections after the run: no final checks");
        }
        return report();
    }

    Thread thread(String name, Runnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                violation(phase, name, "died: " + e);
                e.printStackTrace();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abort(String message) {
            super(message);
        }
    }

    /** The failures, in sequence, while the load runs (or is paused). */
    void inject() throws Exception {
        startPhase("warm-up", null);
        sleep(Math.min(phaseMs, 3_000));

        for (int n = 1; n <= terminations; n++) {
            Failure f = startPhase("terminate-" + n, new Failure("terminate-" + n, "pg_terminate_backend", true));
            f.injected = System.nanoTime();
            String out = command(List.of("psql", "-X", "-q", "-At", "-F", " ", "-v", "ON_ERROR_STOP=1", "-h", "localhost",
                    "-p", Integer.toString(pgPort), "-U", pgSuperuser, "-d", database, "-c",
                    "SELECT count(*) FILTER (WHERE state <> 'idle'), count(pg_terminate_backend(pid)) "
                            + "FROM pg_stat_activity WHERE usename = '" + appRole + "'"), 30_000);
            f.back = System.nanoTime();
            String[] counts = out.trim().split(" ");
            f.note = counts.length == 2 ? "terminated " + counts[1] + " sessions of " + appRole + ", " + counts[0]
                    + " of them not idle" : "psql said: " + out.trim();
            timeline(f.name + ": " + f.note);
            sleep(1_000);
        }
        sleep(Math.max(0, phaseMs - 1_000));

        restart("restart-fast", "fast", true);
        sleep(phaseMs);
        restart("restart-immediate", "immediate", true);
        sleep(phaseMs);

        pause();
        restart("idle-restart-fast", "fast", false);
        resume("after-idle-fast");
        sleep(Math.max(2_000, phaseMs / 2));
        pause();
        restart("idle-restart-immediate", "immediate", false);
        resume("after-idle-immediate");
        sleep(Math.max(2_000, phaseMs / 2));
        startPhase("end", null);
    }

    Failure startPhase(String name, Failure failure) {
        long now = System.nanoTime();
        if (!failures.isEmpty()) {
            Failure previous = failures.get(failures.size() - 1);
            previous.windowEnd = Math.min(previous.windowEnd, now);
        }
        if (failure != null) {
            failures.add(failure);
        }
        phase = name;
        return failure;
    }

    /** Stops the database (-m mode), leaves it down for a while, starts it, and measures the recovery. */
    void restart(String name, String mode, boolean underLoad) throws Exception {
        Failure f = startPhase(name, new Failure(name, "pg_ctl stop -m " + mode + ", " + pauseMs + " ms down, start",
                underLoad));
        if (!underLoad) {
            sleep(IDLE_BEFORE_RESTART_MS);
        }
        f.injected = System.nanoTime();
        pgCtl("-m", mode, "stop");
        f.down = System.nanoTime();
        timeline(name + ": pg_ctl stop -m " + mode + " returned after " + ms(f.down - f.injected) + " ms");
        sleep(pauseMs);
        f.startIssued = System.nanoTime();
        CompletableFuture<String> start = CompletableFuture.supplyAsync(() -> pgCtl("start"));
        while (!accepting()) {
            if (start.isDone() && start.isCompletedExceptionally()) {
                start.join(); // throws what pg_ctl said
            }
            if (System.nanoTime() - f.startIssued > TimeUnit.MILLISECONDS.toNanos(START_WAIT_MAX_MS)) {
                throw new Abort(name + ": PostgreSQL did not accept connections within " + START_WAIT_MAX_MS
                        + " ms of pg_ctl start");
            }
            Thread.sleep(PROBE_EVERY_MS);
        }
        f.back = System.nanoTime();
        if (!underLoad) {
            // The first request to each instance since the database left: it must succeed at once.
            List<CompletableFuture<Void>> firsts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int instance = i;
                firsts.add(CompletableFuture.runAsync(() -> {
                    Fund fund = funds.get(instance % funds.size());
                    contribute(fund, instance, 7_00 + instance, token("dbfail-finance-idle-" + instance, "finance"),
                            false, f, new Random(seed + instance));
                }));
            }
            for (CompletableFuture<Void> first : firsts) {
                first.get(GIVE_UP_AFTER_MS + 30_000, TimeUnit.MILLISECONDS);
            }
        }
        start.get(START_WAIT_MAX_MS, TimeUnit.MILLISECONDS);
        timeline(name + ": PostgreSQL accepts connections again " + ms(f.back - f.startIssued)
                + " ms after pg_ctl start (" + ms(f.back - f.down) + " ms after it was down)");
        long waitUntil = f.back + TimeUnit.MILLISECONDS.toNanos(RECOVERY_WAIT_MAX_MS);
        while (System.nanoTime() < waitUntil && (lastSuccess.get(0) < f.back || lastSuccess.get(1) < f.back)) {
            Thread.sleep(5);
        }
    }

    void pause() throws InterruptedException {
        paused = true;
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GIVE_UP_AFTER_MS + 30_000);
        while (parked.get() < threads + 2) {
            if (System.nanoTime() > until) {
                throw new Abort("the load did not pause: a request still running");
            }
            Thread.sleep(5);
        }
        timeline("load paused: the instances are idle");
    }

    void resume(String name) {
        startPhase(name, null);
        paused = false;
        timeline("load resumed");
    }

    /** Blocks here while the load is paused. */
    void parkIfPaused() {
        if (!paused) {
            return;
        }
        parked.incrementAndGet();
        try {
            while (paused && !stopped) {
                sleep(5);
            }
        } finally {
            parked.decrementAndGet();
        }
    }

    // ---------------------------------------------------------------------------------------
    // PostgreSQL

    String pgCtl(String... args) {
        List<String> command = new ArrayList<>(List.of("runuser", "-u", pgOsUser, "--", pgBin + "/pg_ctl", "-D", pgData,
                "-l", pgLog, "-w", "-t", Long.toString(START_WAIT_MAX_MS / 1000)));
        command.addAll(List.of(args));
        return command(command, START_WAIT_MAX_MS + 10_000);
    }

    /** Runs a command (from the database's directory, which its OS user can read); its output, or an Abort. */
    String command(List<String> command, long timeoutMs) {
        try {
            Process process = new ProcessBuilder(command).directory(new File(pgData).getParentFile())
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "(output unreadable: " + e + ")";
                }
            });
            if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new Abort(String.join(" ", command) + ": still running after " + timeoutMs + " ms");
            }
            String out = output.get(5, TimeUnit.SECONDS);
            if (process.exitValue() != 0) {
                throw new Abort(String.join(" ", command) + ": exit " + process.exitValue() + ": " + out.trim());
            }
            return out;
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new Abort(String.join(" ", command) + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abort("interrupted");
        }
    }

    /**
     * Whether PostgreSQL accepts connections, as pg_isready tells: a startup message for the
     * application role is answered with an authentication request ('R'), not an error
     * (57P03 starting up or shutting down) nor a refused connection. Cheaper than starting
     * pg_isready, so that it can be polled every few milliseconds.
     */
    boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", pgPort), 500);
            socket.setSoTimeout(1_000);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream message = new DataOutputStream(body);
            message.writeInt(196608); // protocol 3.0
            for (String s : new String[] {"user", appRole, "database", database}) {
                message.write(s.getBytes(StandardCharsets.UTF_8));
                message.write(0);
            }
            message.write(0);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(body.size() + 4);
            out.write(body.toByteArray());
            out.flush();
            int type = new DataInputStream(socket.getInputStream()).read();
            return type == 'R';
        } catch (IOException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------
    // Set-up and load

    void setUp() {
        String admin = token("dbfail-admin", "admin");
        Answer created = call(0, "POST", "/api/v1/donors", admin,
                Map.of("kind", "COMMUNE", "name", "Ville de Panne " + runId), null);
        if (!setupAnswer(created, 201)) {
            return;
        }
        donorId = (String) created.field("id");
        for (int f = 0; f < fundCount; f++) {
            Fund fund = new Fund("DBFAIL-" + runId + "-" + (f + 1));
            Answer answer = call(f % 2, "POST", "/api/v1/funds", admin,
                    Map.of("code", fund.code, "name", "Fonds de panne " + (f + 1), "currency", "EUR"), null);
            if (!setupAnswer(answer, 201)) {
                return;
            }
            funds.add(fund);
        }
        System.out.printf("Set up a donor and %d funds (%s)%n", funds.size(),
                String.join(", ", funds.stream().map(f -> f.code).toList()));
    }

    boolean setupAnswer(Answer answer, int expected) {
        if (answer.status == expected && answer.json != null) {
            return true;
        }
        violation("setup", answer.method + " " + answer.path, "answered " + answer.brief() + " on a healthy database");
        return false;
    }

    void work(int index) {
        Random random = new Random(seed * 31 + index);
        String finance = token("dbfail-finance-" + index, "finance");
        String auditor = token("dbfail-auditor", "auditor");
        String[] feedCursor = {null};
        onEachInstanceInTurn(index % 2, instance -> {
            Fund fund = funds.get(random.nextInt(funds.size()));
            int dice = random.nextInt(100);
            if (dice < WRITE_PERCENT) {
                contribute(fund, instance, 1_00 + random.nextInt(999_00), finance, true, null, random);
            } else if ((dice -= WRITE_PERCENT) < BALANCE_PERCENT) {
                readBalance(fund, instance, auditor);
            } else if ((dice -= BALANCE_PERCENT) < FEED_PERCENT) {
                readFeed(instance, auditor, feedCursor);
            } else {
                readStatement(fund, instance, auditor, dice - FEED_PERCENT >= STATEMENT_JSON_PERCENT);
            }
        });
    }

    /**
     * Runs the step on each instance in turn, first on the other one than this, until the run
     * stops; waits while the load is paused.
     */
    void onEachInstanceInTurn(int instance, IntConsumer step) {
        int next = instance;
        while (!stopped) {
            parkIfPaused();
            if (stopped) {
                return;
            }
            next = 1 - next;
            step.accept(next);
        }
    }

    /** The next page of the change feed, as a partner system follows it (its cursor kept between pages). */
    void readFeed(int instance, String auditor, String[] cursor) {
        String path = "/api/v1/events?limit=100" + (cursor[0] == null ? "" : "&after=" + cursor[0]);
        Answer answer = call(instance, "GET", path, auditor, null, null);
        if (judge("feed", answer, 200, false) != Verdict.SUCCESS) {
            return;
        }
        if (!(answer.field("items") instanceof List<?>) || !(answer.field("hasMore") instanceof Boolean)) {
            violation(phase, "feed", "200 is not a page of events: " + answer.brief());
            return;
        }
        feedPages.increment();
        if (answer.field("nextCursor") instanceof String next) {
            cursor[0] = next;
        }
    }

    /**
     * A fund's statement, as JSON or CSV, read to its end. Answered 200 and read whole, it must
     * be whole: its money received (the bank account's closing balance, as every movement of these
     * funds is a contribution) counts every contribution acknowledged before it was asked for, and
     * no more than was ever sent. Its body may break off after the 200 only while PostgreSQL fails
     * (judged in the report); a statement that ends cleanly but short is what must never be.
     */
    void readStatement(Fund fund, int instance, String auditor, boolean csv) {
        long acknowledgedBefore = fund.acknowledgedMinor.get();
        String operation = csv ? "statement-csv" : "statement-json";
        String path = "/api/v1/funds/" + fund.code + "/statement";
        Answer answer = call(instance, "GET", path, auditor, null, null,
                csv ? "text/csv, application/problem+json" : "application/json, application/problem+json");
        if (answer.cut()) {
            count(phase + " " + operation + " " + answer.status + " cut mid-body");
            cuts.add(new Cut(instance, "GET " + path + " (" + operation + ")", phase, answer.sentNanos,
                    answer.doneNanos, answer.brief()));
            return;
        }
        if (csv && answer.status == 200 && answer.failure == null) {
            count(phase + " " + operation + " 200");
            checkStatement(fund, instance, operation, csvBankClosing(answer.body), acknowledgedBefore, answer);
            return;
        }
        if (judge(operation, answer, 200, false) != Verdict.SUCCESS) {
            return;
        }
        Object bank = answer.field("closing", "bank", "amountMinor");
        checkStatement(fund, instance, operation, bank instanceof Long minor ? minor : null, acknowledgedBefore, answer);
    }

    void checkStatement(Fund fund, int instance, String operation, Long bankMinor, long acknowledgedBefore,
            Answer answer) {
        long attempted = fund.attemptedMinor.get();
        if (bankMinor == null) {
            violation(phase, operation, fund.code + " on " + name(instance) + ": a 200 that is not a whole statement "
                    + "(no closing balance, or a CSV row that is not one): " + cut(answer.body, 300), instance);
        } else if (bankMinor < acknowledgedBefore) {
            violation(phase, operation, fund.code + " on " + name(instance) + ": a 200 statement whose bank account "
                    + "closes at " + eur(bankMinor) + ", less than the " + eur(acknowledgedBefore) + " acknowledged "
                    + "before it was asked for: a statement cut short that reads as a whole one?", instance);
        } else if (bankMinor > attempted) {
            violation(phase, operation, fund.code + " on " + name(instance) + ": a statement whose bank account closes at "
                    + eur(bankMinor) + ", more than every contribution sent (" + eur(attempted) + ")", instance);
        } else {
            statementsWhole.computeIfAbsent(operation, k -> new LongAdder()).increment();
        }
    }

    /**
     * The bank account's balance after the CSV statement's last line on it (0 without one: a
     * fund without entries yet has the header alone), in minor units; null if the text is not a
     * whole CSV statement: the byte order mark and header, rows of at least 12 cells (the memo,
     * quoted, may hold commas) ending with CRLF.
     */
    static Long csvBankClosing(String body) {
        String header = "\uFEFFsequence,entry_id,kind,recorded_at,effective_date,memo,line,account,side,amount,currency,"
                + "balance_after\r\n";
        if (!body.startsWith(header) || !body.endsWith("\r\n")) {
            return null;
        }
        long bank = 0;
        String rows = body.substring(header.length());
        for (String row : rows.isEmpty() ? new String[0] : rows.split("\r\n")) {
            String[] cells = row.split(",", -1);
            if (cells.length < 12) {
                return null;
            }
            int last = cells.length - 1;
            if (cells[last - 4].equals("BANK")) {
                try {
                    bank = new java.math.BigDecimal(cells[last]).movePointRight(2).longValueExact();
                } catch (ArithmeticException | NumberFormatException notAnAmount) {
                    return null;
                }
            }
        }
        return bank;
    }

    void verifyNowAndThen() {
        String auditor = token("dbfail-auditor", "auditor");
        onEachInstanceInTurn(0, instance -> {
            Answer answer = call(instance, "GET", "/api/v1/ledger/verification", auditor, null, null);
            if (judge("verification", answer, 200, false) == Verdict.SUCCESS) {
                verifications.increment();
                if (!"INTACT".equals(answer.field("status"))) {
                    violation(phase, "verification", "on " + name(instance) + " is not INTACT: " + answer.brief());
                }
            }
            sleep(VERIFY_EVERY_MS);
        });
    }

    void probeReadinessNowAndThen() {
        onEachInstanceInTurn(0, instance -> {
            probeReadiness(instance);
            sleep(READINESS_EVERY_MS);
        });
    }

    /**
     * Readiness, as Kubernetes probes it: 200 UP, or 503 DOWN while PostgreSQL is away (its
     * database checks fail), and nothing logged at ERROR. A probe slower than 5 s is counted,
     * not held against the run: Kubernetes gives up after 2 s (k8s/base/deployment.yaml) and
     * counts a failure, which it is anyway while the database is away. Not an answer of the
     * API: it says nothing of when requests are served again.
     */
    void probeReadiness(int instance) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(instances[instance] + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        String outcome;
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            outcome = Integer.toString(status);
            if (status != 200 && status != 503) {
                violation(phase, "readiness " + status, "GET /q/health/ready on " + name(instance) + " answered " + status,
                        instance);
            }
        } catch (HttpTimeoutException e) {
            outcome = "slower than 5 s";
        } catch (IOException e) {
            outcome = "no answer";
            violation(phase, "readiness no answer", "GET /q/health/ready on " + name(instance) + ": " + e, instance);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        count(phase + " readiness " + outcome);
    }

    /**
     * Records one contribution and sends it again, same key and body, until it is acknowledged
     * (or refused for good, a violation). Alternates instances between tries when asked to; an
     * idle restart's first request (idle != null) must be acknowledged at the first try.
     */
    void contribute(Fund fund, int instance, long amount, String finance, boolean alternate, Failure idle,
            Random random) {
        String key = UUID.randomUUID().toString();
        String bankReference = "VIR-PANNE-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = Map.of("donorId", donorId,
                "amount", Map.of("amountMinor", amount, "currency", "EUR"),
                "receivedOn", today.minusDays(1).toString(),
                "bankReference", bankReference);
        String path = "/api/v1/funds/" + fund.code + "/contributions";
        fund.attemptedMinor.addAndGet(amount);
        contributionsSent.increment();
        long first = System.nanoTime();
        boolean unanswered = false;
        for (int attempt = 1; ; attempt++) {
            Answer answer = call(instance, "POST", path, finance, body, key);
            Verdict verdict = judge("contribution", answer, 201, attempt > 1);
            if (idle != null && attempt == 1) {
                idleFirstAnswer(idle, instance, path, answer, verdict);
            }
            if (verdict == Verdict.SUCCESS) {
                acknowledge(fund, answer, new Ack(null, fund, key, amount, bankReference, attempt, false), unanswered);
                return;
            }
            if (verdict == Verdict.REFUSED) {
                return; // a violation already; nothing more to learn from this key
            }
            unanswered = true;
            if (attempt == 1) {
                retried.increment();
            }
            if (System.nanoTime() - first > TimeUnit.MILLISECONDS.toNanos(GIVE_UP_AFTER_MS)) {
                givenUp.increment();
                violation(phase, "contribution", "key " + key + " on " + fund.code + " still not acknowledged after "
                        + attempt + " tries over " + GIVE_UP_AFTER_MS / 1000 + " s; last answer " + answer.brief());
                return;
            }
            sleep(retryPauseMs);
            if (alternate) {
                instance = 1 - instance;
            }
        }
    }

    /** An idle restart's first request: recorded for the report, and a violation unless acknowledged at once. */
    void idleFirstAnswer(Failure idle, int instance, String path, Answer answer, Verdict verdict) {
        idle.idleFirstAnswer[instance] = answer.brief();
        if (verdict != Verdict.SUCCESS) {
            violation(idle.name, "first request after the database's return", "POST " + path + " on "
                    + name(instance) + " answered " + answer.brief() + ", not 201 at once: the pool handed out a "
                    + "connection that died with the database?", instance);
        }
    }

    /**
     * A 201 for the contribution sent (its id not known yet in sent): counted as acknowledged if
     * it is that contribution; replayed only if an earlier try went unanswered.
     */
    void acknowledge(Fund fund, Answer answer, Ack sent, boolean unanswered) {
        boolean replayed = "true".equals(answer.header("Idempotency-Replayed"));
        if (replayed && !unanswered) {
            violation(phase, "contribution", "a key never answered before was replayed: " + answer.brief());
        }
        if (!(answer.field("id") instanceof String id) || !Long.valueOf(sent.amount()).equals(
                answer.field("amount", "amountMinor")) || !fund.code.equals(answer.field("fundCode"))) {
            violation(phase, "contribution", "201 is not the contribution sent (" + fund.code + ", " + sent.amount
                    + "): " + answer.brief());
            return;
        }
        if (sent.attempts() > 1 && replayed) {
            replayedAfterRetry.increment();
        }
        acknowledged.add(new Ack(id, fund, sent.key(), sent.amount(), sent.bankReference(), sent.attempts(), replayed));
        fund.acknowledgedCount.incrementAndGet();
        fund.acknowledgedMinor.addAndGet(sent.amount());
    }

    /** A balance read: what was acknowledged before it was sent is in it; nothing never sent is. */
    void readBalance(Fund fund, int instance, String auditor) {
        long acknowledgedBefore = fund.acknowledgedMinor.get();
        Answer answer = call(instance, "GET", "/api/v1/funds/" + fund.code + "/balance", auditor, null, null);
        if (judge("balance", answer, 200, false) != Verdict.SUCCESS) {
            return;
        }
        balanceReads.increment();
        long attempted = fund.attemptedMinor.get();
        Object received = answer.field("received", "amountMinor");
        if (!(received instanceof Long minor)) {
            violation(phase, "balance", "no received.amountMinor: " + answer.brief());
        } else if (minor < acknowledgedBefore) {
            violation(phase, "balance", fund.code + " on " + name(instance) + " received " + eur(minor)
                    + ", less than the " + eur(acknowledgedBefore) + " acknowledged before the read: an acknowledged "
                    + "contribution is missing");
        } else if (minor > attempted) {
            violation(phase, "balance", fund.code + " on " + name(instance) + " received " + eur(minor)
                    + ", more than every contribution sent (" + eur(attempted) + ")");
        }
    }

    // ---------------------------------------------------------------------------------------
    // Judging answers

    enum Verdict { SUCCESS, RETRY, REFUSED }

    /**
     * Counts the answer and judges it: the success expected; a 503 as the contract has it (or,
     * on a retry, 409 idempotency-key-in-use), to be tried again; anything else a violation,
     * tried again if it may have been a failure of the server (5xx, no answer), or else refused.
     */
    Verdict judge(String operation, Answer answer, int success, boolean retry) {
        String slug = answer.slug();
        String outcome = answer.cut() ? answer.status + " cut mid-body"
                : answer.failure != null ? "no-answer (" + answer.failureKind() + ")"
                : answer.status + (slug.isEmpty() ? "" : " " + slug);
        count(phase + " " + operation + " " + outcome);
        if (answer.failure != null) {
            violation(phase, operation + " " + outcome, answer.method + " " + answer.path + " on " + name(answer.instance)
                    + ": " + answer.brief(), answer.instance);
            return Verdict.RETRY;
        }
        if (answer.status == success) {
            if (answer.json == null) {
                violation(phase, operation + " " + success + " without JSON", answer.method + " " + answer.path
                        + " on " + name(answer.instance) + ": " + answer.brief());
                return Verdict.RETRY;
            }
            return Verdict.SUCCESS;
        }
        if (answer.status == 503) {
            List<String> wrong = new ArrayList<>();
            String type = answer.header("Content-Type");
            if (type == null || !type.toLowerCase().startsWith("application/problem+json")) {
                wrong.add("Content-Type " + type);
            }
            String retryAfter = answer.header("Retry-After");
            if (retryAfter == null || !retryAfter.trim().matches("\\d+")) {
                wrong.add(retryAfter == null ? "no Retry-After" : "Retry-After '" + retryAfter + "'");
            }
            if (!slug.equals("service-unavailable")) {
                wrong.add("type '" + slug + "'");
            }
            if (!wrong.isEmpty()) {
                violation(phase, operation + " 503 " + String.join(", ", wrong), answer.method + " " + answer.path
                        + " on " + name(answer.instance) + ": " + answer.brief(), answer.instance);
            }
            return Verdict.RETRY;
        }
        if (retry && answer.status == 409 && slug.equals("idempotency-key-in-use")) {
            return Verdict.RETRY;
        }
        violation(phase, operation + " " + outcome, answer.method + " " + answer.path + " on " + name(answer.instance)
                + " answered " + answer.brief(), answer.instance);
        return answer.status >= 500 ? Verdict.RETRY : Verdict.REFUSED;
    }

    void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    void violation(String when, String what, String detail) {
        violation(when, what, detail, -1);
    }

    /** A violation about an answer of this instance (whose log may tell more about its incident). */
    void violation(String when, String what, String detail, int instance) {
        String message = "[" + when + "] " + what + ": " + detail;
        kinds.computeIfAbsent(when + " | " + what, k -> new Kind(message, instance)).count.incrementAndGet();
        violations.add(message);
    }

    // ---------------------------------------------------------------------------------------
    // After the run

    String verification = "not run";
    final Map<String, String> finalBalances = new LinkedHashMap<>();

    void finalChecks() throws Exception {
        String auditor = token("dbfail-auditor", "auditor");
        readBackAcknowledged(auditor);
        long entries = 0;
        for (Fund fund : funds) {
            entries += checkFinalBalance(fund, auditor);
        }
        for (int instance = 0; instance < 2; instance++) {
            checkVerification(instance, auditor, entries);
        }
    }

    /** Every acknowledged contribution, read back on both instances in turn: as it was sent. */
    void readBackAcknowledged(String auditor) throws Exception {
        List<Ack> acks = new ArrayList<>(acknowledged);
        ExecutorService readers = Executors.newFixedThreadPool(FINAL_READERS);
        List<Future<Boolean>> reads = new ArrayList<>();
        for (int n = 0; n < acks.size(); n++) {
            Ack ack = acks.get(n);
            int instance = n % 2;
            reads.add(readers.submit(() -> readBack(ack, instance, auditor)));
        }
        int readBack = 0;
        for (Future<Boolean> read : reads) {
            readBack += read.get() ? 1 : 0;
        }
        readers.shutdown();
        System.out.printf("acknowledged contributions read back as sent: %d of %d%n", readBack, acks.size());
    }

    boolean readBack(Ack ack, int instance, String auditor) {
        Answer answer = finalCall(instance, "/api/v1/contributions/" + ack.id, auditor);
        if (answer == null) {
            return false;
        }
        if (!ack.fund.code.equals(answer.field("fundCode"))
                || !Long.valueOf(ack.amount).equals(answer.field("amount", "amountMinor"))
                || !ack.bankReference.equals(answer.field("bankReference"))
                || !"RECEIVED".equals(answer.field("status"))) {
            violation("final", "acknowledged contribution", ack.id + " (" + ack.fund.code + ", " + ack.amount
                    + ", " + ack.bankReference + ") reads back as " + answer.brief());
            return false;
        }
        return true;
    }

    /**
     * The fund's balance on both instances: received = the acknowledged contributions, one entry
     * each. Its entry count as instance B answers it (0 when it did not).
     */
    long checkFinalBalance(Fund fund, String auditor) {
        long entries = 0;
        for (int instance = 0; instance < 2; instance++) {
            Answer answer = finalCall(instance, "/api/v1/funds/" + fund.code + "/balance", auditor);
            if (answer == null) {
                continue;
            }
            Object received = answer.field("received", "amountMinor");
            Object entryCount = answer.field("entryCount");
            finalBalances.put(fund.code, "received " + (received instanceof Long r ? eur(r) : received)
                    + ", " + entryCount + " entries; acknowledged " + eur(fund.acknowledgedMinor.get()) + " in "
                    + fund.acknowledgedCount.get() + " contributions");
            if (!Long.valueOf(fund.acknowledgedMinor.get()).equals(received)) {
                violation("final", "balance", fund.code + " on " + name(instance) + " received "
                        + (received instanceof Long r ? eur(r) : received) + ", but the acknowledged contributions add up to "
                        + eur(fund.acknowledgedMinor.get()) + " (all contributions sent: "
                        + eur(fund.attemptedMinor.get()) + ")");
            }
            if (!Long.valueOf(fund.acknowledgedCount.get()).equals(entryCount)) {
                violation("final", "balance", fund.code + " on " + name(instance) + " has " + entryCount
                        + " entries, but " + fund.acknowledgedCount.get() + " contributions were acknowledged");
            }
            if (instance == 1 && entryCount instanceof Long count) {
                entries = count;
            }
        }
        return entries;
    }

    /** The ledger verification on this instance: INTACT, over every entry the balances count. */
    void checkVerification(int instance, String auditor, long entries) {
        Answer answer = finalCall(instance, "/api/v1/ledger/verification", auditor);
        if (answer == null) {
            return;
        }
        verification = answer.field("status") + ", " + answer.field("entriesChecked") + " entries checked";
        if (!"INTACT".equals(answer.field("status")) || answer.field("firstBreak") != null) {
            violation("final", "verification", "on " + name(instance) + " is not INTACT: " + answer.brief());
        }
        if (!Long.valueOf(entries).equals(answer.field("entriesChecked"))) {
            violation("final", "verification", "on " + name(instance) + " checked " + answer.field("entriesChecked")
                    + " entries; the funds' balances count " + entries);
        }
    }

    /** A read after the run, on a database that is up: a few tries, and a violation if none is answered 200. */
    Answer finalCall(int instance, String path, String token) {
        Answer answer = null;
        for (int attempt = 1; attempt <= FINAL_TRIES; attempt++) {
            answer = call(instance, "GET", path, token, null, null);
            String operation = path.startsWith("/api/v1/contributions/") ? "contribution-read" : path.endsWith("/balance")
                    ? "balance" : "verification";
            Verdict verdict = judge(operation, answer, 200, false);
            if (verdict == Verdict.SUCCESS) {
                return answer;
            }
            if (verdict == Verdict.REFUSED) {
                return null;
            }
            sleep(200);
        }
        violation("final", "GET " + path, "not answered 200 in " + FINAL_TRIES + " tries on " + name(instance)
                + ", the database up; last " + answer.brief());
        return null;
    }

    // ---------------------------------------------------------------------------------------
    // Report

    int report() {
        System.out.println();
        System.out.println("== Failures and recoveries (ms; 'back' = PostgreSQL accepts connections again)");
        boolean slow = false;
        for (Failure f : failures) {
            slow |= reportRecovery(f);
        }
        if (!slow) {
            System.out.println("every instance served again within " + firstSuccessMaxMs + " ms of each restart");
        }
        int cutsWhileFailing = checkCuts();
        System.out.println();
        System.out.println("== Summary");
        System.out.printf("contributions: %d sent, %d acknowledged, %d needed more than one try (%d of those acknowledged "
                + "as replays: committed by an earlier try that got no 201), %d given up%n", contributionsSent.sum(),
                acknowledged.size(), retried.sum(), replayedAfterRetry.sum(), givenUp.sum());
        System.out.printf("balance reads answered 200: %d; verifications answered 200: %d; change feed pages "
                + "answered 200: %d%n", balanceReads.sum(), verifications.sum(), feedPages.sum());
        System.out.printf("statements answered 200 and whole: %d JSON, %d CSV; cut mid-body: %d (%d of them while "
                + "PostgreSQL was failing)%n", statementsWhole.getOrDefault("statement-json", new LongAdder()).sum(),
                statementsWhole.getOrDefault("statement-csv", new LongAdder()).sum(), cuts.size(), cutsWhileFailing);
        System.out.println("answers by phase, operation, status and problem type:");
        new TreeMap<>(outcomes).forEach((k, v) -> System.out.printf("  %-72s %7d%n", k, v.sum()));
        if (!finalBalances.isEmpty()) {
            System.out.println("final balances:");
            finalBalances.forEach((code, b) -> System.out.printf("  %-20s %s%n", code, b));
        }
        System.out.println("ledger verification: " + verification);
        reportKinds();
        return violations.report("Driver");
    }

    /** What each instance answered around one failure, from the events in its window (nanos; -1: none). */
    static final class Recovery {
        final long[] firstSuccess = {-1, -1};
        final int[] downAnswers = new int[2];
        final int[] after503 = new int[2];
        final long[] last503 = {-1, -1};

        Recovery(Failure f, Iterable<Event> events) {
            for (Event e : events) {
                if (e.doneNanos < f.injected || e.doneNanos >= f.windowEnd) {
                    continue;
                }
                if (e.doneNanos < f.back) {
                    if (e.status == 503) {
                        downAnswers[e.instance]++;
                    }
                    continue;
                }
                if (e.success && (firstSuccess[e.instance] < 0 || e.doneNanos < firstSuccess[e.instance])) {
                    firstSuccess[e.instance] = e.doneNanos;
                }
                if (e.status == 503) {
                    after503[e.instance]++;
                    last503[e.instance] = Math.max(last503[e.instance], e.doneNanos);
                }
            }
        }
    }

    /** Prints how each instance came through this failure; true (and a violation) if one came back too late. */
    boolean reportRecovery(Failure f) {
        Recovery r = new Recovery(f, events);
        boolean slow = false;
        StringBuilder line = new StringBuilder(String.format("%-24s %s%s", f.name, f.what,
                f.underLoad ? ", under load" : ", instances idle"));
        if (f.isRestart()) {
            line.append(String.format("%n%24s stop took %d, down %d, back %d after pg_ctl start", "",
                    ms(f.down - f.injected), ms(f.startIssued - f.down), ms(f.back - f.startIssued)));
        } else {
            line.append(String.format("%n%24s %s; psql took %d", "", f.note, ms(f.back - f.injected)));
        }
        String since = f.isRestart() ? "after it was back" : "after psql returned";
        for (int i = 0; i < 2; i++) {
            String first = r.firstSuccess[i] < 0 ? "none" : "+" + ms(r.firstSuccess[i] - f.back);
            line.append(String.format("%n%24s %s: first success %s %s", "", name(i), first, since));
            if (f.isRestart()) {
                line.append(String.format("; 503 while down %d", r.downAnswers[i]));
            }
            line.append(String.format("; 503 %s %d%s", since, r.after503[i],
                    r.last503[i] < 0 ? "" : " (last +" + ms(r.last503[i] - f.back) + ")"));
            appendIdleFirstAnswer(line, f, i);
            if (f.isRestart() && (r.firstSuccess[i] < 0 || ms(r.firstSuccess[i] - f.back) > firstSuccessMaxMs)) {
                slow = true;
                violation(f.name, "recovery", "instance " + name(i) + "'s first success came "
                        + (r.firstSuccess[i] < 0 ? "never (within " + ms(f.windowEnd == Long.MAX_VALUE ? 0
                                : f.windowEnd - f.back) + " ms)" : ms(r.firstSuccess[i] - f.back) + " ms")
                        + " after PostgreSQL accepted connections again (limit " + firstSuccessMaxMs + " ms)");
            }
        }
        System.out.println(line);
        return slow;
    }

    void appendIdleFirstAnswer(StringBuilder line, Failure f, int instance) {
        if (f.idleFirstAnswer[instance] == null) {
            return;
        }
        line.append(String.format("%n%24s    its first request since: %s", "", cut(f.idleFirstAnswer[instance], 160)));
        String cause = f.idleFirstAnswer[instance].startsWith("201") ? null
                : incidentCause(instance, f.idleFirstAnswer[instance]);
        if (cause != null) {
            line.append(String.format("%n%24s    logged: %s", "", cut(cause, 200)));
        }
    }

    /**
     * A statement may break off after its 200 only if PostgreSQL failed while it was read: sent
     * before the database was back, answered after the failure began. Any other cut is a
     * violation; returns how many were cut while it failed.
     */
    int checkCuts() {
        int cutsWhileFailing = 0;
        for (Cut c : cuts) {
            boolean whileFailing = failures.stream().anyMatch(f -> f.injected != 0 && f.injected <= c.doneNanos()
                    && c.sentNanos() <= f.back);
            if (whileFailing) {
                cutsWhileFailing++;
            } else {
                violation(c.phase(), "statement cut mid-body", c.what() + " on " + name(c.instance())
                        + ": its body broke off while PostgreSQL was up: " + c.brief(), c.instance());
            }
        }
        return cutsWhileFailing;
    }

    void reportKinds() {
        if (kinds.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("VIOLATIONS BY KIND ([phase] operation and answer: count, first one):");
        new TreeMap<>(kinds).forEach((k, v) -> {
            System.out.printf("  %5d x %s%n", v.count.get(), cut(v.first, 700));
            String cause = v.instance < 0 ? null : incidentCause(v.instance, v.first);
            if (cause != null) {
                System.out.printf("          %s logged for its incident: %s%n", name(v.instance), cut(cause, 300));
            }
        });
    }

    void timeline(String message) {
        System.out.printf("%8.3f s  %s%n", (System.nanoTime() - origin) / 1e9, message);
    }

    static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    static String eur(long minor) {
        return String.format("%d.%02d EUR", minor / 100, Math.abs(minor % 100));
    }

    static String name(int instance) {
        return instance == 0 ? "A" : "B";
    }

    static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "..." : text;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---------------------------------------------------------------------------------------
    // HTTP and tokens

    final class Answer {
        final int instance;
        final String method;
        final String path;
        /** The status, or -1 when none came. */
        final int status;
        final HttpHeaders headers;
        final String body;
        final Object json;
        /** No answer; or, with a status, the body broke off after it (cut). */
        final Throwable failure;
        /** When it was sent and when it was answered (or given up), in System.nanoTime(). */
        long sentNanos;
        long doneNanos;

        Answer(int instance, String method, String path, int status, HttpHeaders headers, String body,
                Throwable failure) {
            this.instance = instance;
            this.method = method;
            this.path = path;
            this.status = status;
            this.headers = headers;
            this.body = body;
            this.failure = failure;
            this.json = failure == null ? JsonBodies.parseOrNull(body) : null;
        }

        /** The status and headers came, then the body broke off before its end. */
        boolean cut() {
            return failure != null && status > 0;
        }

        Object field(String... path) {
            return JsonBodies.field(json, path);
        }

        /** The problem type's slug (after '#'), or "" for an answer that is not a problem. */
        String slug() {
            return status >= 400 ? JsonBodies.problemSlug(json) : "";
        }

        String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }

        String failureKind() {
            if (failure instanceof HttpConnectTimeoutException) {
                return "connect timeout";
            }
            if (failure instanceof HttpTimeoutException) {
                return "timeout after " + requestTimeout.toSeconds() + " s";
            }
            if (failure instanceof ConnectException) {
                return "connection refused";
            }
            return failure.getClass().getSimpleName();
        }

        /** Status, problem type and detail (or the body's start); for no answer, the failure. */
        String brief() {
            if (cut()) {
                return status + " then the body broke off (" + failureKind() + ": " + failure.getMessage() + ")";
            }
            if (failure != null) {
                return "no answer (" + failureKind() + ": " + failure.getMessage() + ")";
            }
            if (json != null && status >= 400 && field("detail") != null) {
                return status + " " + slug() + " \"" + field("detail") + "\"" + (status == 503
                        ? " [Content-Type " + header("Content-Type") + ", Retry-After " + header("Retry-After") + "]" : "");
            }
            String text = body.length() > 400 ? body.substring(0, 400) + "..." : body;
            return status + " " + text.replace('\n', ' ');
        }
    }

    Answer call(int instance, String method, String path, String token, Object body, String idempotencyKey) {
        return call(instance, method, path, token, body, idempotencyKey, "application/json, application/problem+json");
    }

    /** Sends the request and reads its answer to the end, telling a body that breaks off after its status (cut). */
    Answer call(int instance, String method, String path, String token, Object body, String idempotencyKey,
            String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instances[instance] + path))
                .timeout(requestTimeout).header("Authorization", "Bearer " + token).header("Accept", accept);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JsonBodies.write(body), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long sent = System.nanoTime();
        Answer answer;
        try {
            HttpResponse<InputStream> head = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = head.body()) {
                answer = new Answer(instance, method, path, head.statusCode(), head.headers(),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
            } catch (IOException cut) {
                answer = new Answer(instance, method, path, head.statusCode(), head.headers(), "", cut);
            }
        } catch (IOException e) {
            answer = new Answer(instance, method, path, -1, null, "", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = new Answer(instance, method, path, -1, null, "", e);
        }
        long done = System.nanoTime();
        answer.sentNanos = sent;
        answer.doneNanos = done;
        boolean success = answer.failure == null && answer.status == (method.equals("POST") ? 201 : 200);
        events.add(new Event(instance, sent, done, answer.status, success));
        if (success) {
            lastSuccess.accumulateAndGet(instance, done, Math::max);
        }
        return answer;
    }

    String token(String subject, String role) {
        return tokens.computeIfAbsent(subject + "\u0000" + role, k -> Tokens.sign(signingKey, issuer, subject, role));
    }

    // ---------------------------------------------------------------------------------------
    // The service's log lines, readable

    static final Pattern TEXT_LINE = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d+) +([A-Z]+) +\\[([^]]*)\\] (.*)$");
    static final Pattern IDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern NUMBERS = Pattern.compile("\\b[0-9a-f]*[0-9][0-9a-f]*\\b");

    /**
     * The lines of this level of the service's logs: each one readable (when maxLines > 0, up
     * to that many), then the distinct kinds (message and root cause, without ids and
     * numbers) with their counts. Exits 1 if there is any.
     */
    static int logSummary(String level, int maxLines, List<String> files) throws IOException {
        Map<String, Integer> distinct = new TreeMap<>();
        int total = 0;
        for (String file : files) {
            String label = Path.of(file).getFileName().toString();
            for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                LogLine parsed = LogLine.parse(line);
                if (parsed == null || !parsed.level.equals(level)) {
                    continue;
                }
                total++;
                if (total <= maxLines) {
                    System.out.println("  " + label + " " + cut(parsed.readable(), 1200));
                }
                String kind = parsed.logger + ": " + parsed.message
                        + (parsed.causes.isEmpty() ? "" : " <- " + parsed.causes.get(parsed.causes.size() - 1));
                kind = IDS.matcher(kind).replaceAll("<id>").replaceAll("< formatId=[^>]*>", "<xid>")
                        .replaceAll("@[0-9a-f]+", "@<n>");
                kind = NUMBERS.matcher(kind).replaceAll("<n>");
                distinct.merge(cut(kind, 400), 1, Integer::sum);
            }
        }
        if (maxLines > 0 && total > maxLines) {
            System.out.println("  ... and " + (total - maxLines) + " more");
        }
        if (total > 0) {
            System.out.println(level + " lines by kind (logger: message <- root cause):");
            distinct.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue())
                    .forEach(e -> System.out.printf("  %5d x %s%n", e.getValue(), e.getKey()));
        }
        return total == 0 ? 0 : 1;
    }

    /** One line of the service's log: JSON in production (docs/operating/monitoring.md), text otherwise. */
    record LogLine(String time, String level, String logger, String message, String requestId, List<String> causes) {

        /** "time [logger] message (request id) <- exception: message <- its cause: message ...". */
        String readable() {
            StringBuilder out = new StringBuilder(time + " [" + logger + "] " + message);
            if (requestId != null) {
                out.append(" (request ").append(requestId).append(')');
            }
            causes.forEach(c -> out.append(" <- ").append(c));
            return out.toString().replace('\n', ' ');
        }

        @SuppressWarnings("unchecked")
        static LogLine parse(String line) {
            Matcher text = TEXT_LINE.matcher(line);
            if (text.matches()) {
                return new LogLine(text.group(1), text.group(2), text.group(3), text.group(4), null, List.of());
            }
            if (!line.startsWith("{")) {
                return null;
            }
            Map<String, Object> entry;
            try {
                entry = (Map<String, Object>) JsonBodies.parse(line);
            } catch (RuntimeException notJson) {
                return null;
            }
            List<String> causes = new ArrayList<>();
            Object exception = entry.get("exception");
            for (int depth = 0; exception instanceof Map<?, ?> e && depth < 12; depth++) {
                causes.add(e.get("exceptionType") + ": " + e.get("message"));
                Object caused = e.get("causedBy");
                exception = caused instanceof Map<?, ?> c ? c.get("exception") : null;
            }
            Object request = entry.get("mdc") instanceof Map<?, ?> mdc ? mdc.get("requestId") : null;
            return new LogLine(String.valueOf(entry.get("timestamp")), String.valueOf(entry.get("level")),
                    String.valueOf(entry.get("loggerName")), String.valueOf(entry.get("message")),
                    request == null ? null : request.toString(), causes);
        }
    }

    /** What the instance's log says about this incident (the id a problem's detail repeats): its root cause. */
    String incidentCause(int instance, String answer) {
        Matcher id = IDS.matcher(answer);
        if (logs[instance] == null || !id.find()) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(logs[instance], StandardCharsets.UTF_8)) {
                if (line.contains(id.group())) {
                    LogLine parsed = LogLine.parse(line);
                    if (parsed != null && !parsed.causes.isEmpty()) {
                        return parsed.level + " " + parsed.causes.get(parsed.causes.size() - 1);
                    }
                }
            }
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
        return null;
    }
}
