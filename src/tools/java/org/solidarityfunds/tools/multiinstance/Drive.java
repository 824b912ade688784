// Load driver of .ci/multi-instance-test: races disbursement approvals, payments, cancellations
// and contributions through two instances of the service that share one database, then checks
// through the API that no fund was overspent and that every answer was one the contract allows.
//
// Compiled by the Maven build with the classes it shares with the other drivers (tools.common:
// JsonBodies, Tokens, Violations); .ci/lib/ci-java.sh gives the class path (CP below). Its key
// pair comes from `java -cp CP org.solidarityfunds.tools.common.Tokens keygen DIR`.
//
//   java -cp CP org.solidarityfunds.tools.multiinstance.Drive run --a URL --b URL --private-key DIR/private.der
//       --issuer ISS [--seconds 30] [--threads 12] [--funds 3] [--seed N]
//       sets up funds, committees and a donor, drives the load, prints a summary and exits
//       0 only if every check held (1 on a violation, 2 on a usage error)
//
// What a run fails on: any 5xx, any status or problem type outside the set the operation may
// answer under these races, any network error or timeout, a disbursement approved or paid twice,
// a replayed answer that differs from the first, a balance below zero or off the identity
// bank = available + committed, a balance that differs from what the accepted answers add up to,
// a ledger verification that is not INTACT, or a run in which no approval or no
// disbursement-exceeds-available refusal happened (it would have proved nothing).

package org.solidarityfunds.tools.multiinstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.solidarityfunds.tools.common.JsonBodies;
import org.solidarityfunds.tools.common.Options;
import org.solidarityfunds.tools.common.Tokens;
import org.solidarityfunds.tools.common.Violations;

public class Drive {

    static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Paris");
    static final long INITIAL_RECEIVED_MINOR = 1_000_00;
    static final int OPEN_REQUESTS_PER_FUND = 6;
    static final int REFUSALS_BEFORE_CANCEL = 4;
    /** A hard bound on the requests of one run, whatever the duration. */
    static final long REQUESTS_MAX = 200_000;

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("run")) {
            Map<String, String> options = options(args);
            Drive drive = new Drive(options);
            int rc = drive.run();
            System.exit(rc);
        }
        System.err.println("usage: Drive run --a URL --b URL --private-key FILE --issuer ISS "
                + "[--seconds N] [--threads N] [--funds N] [--seed N]");
        System.exit(2);
    }

    static Map<String, String> options(String[] args) {
        return Options.parse(args, Map.of("seconds", "30", "threads", "12", "funds", "3",
                "seed", Long.toString(System.nanoTime())), List.of("a", "b", "private-key", "issuer"));
    }

    // ---------------------------------------------------------------------------------------
    // State

    final String[] instances;
    final String issuer;
    final PrivateKey signingKey;
    final int seconds;
    final int threads;
    final int fundCount;
    final long seed;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final Map<String, String> tokens = new ConcurrentHashMap<>();
    final String runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
    final LocalDate today = LocalDate.now(BUSINESS_ZONE);

    final List<Fund> funds = new ArrayList<>();
    String donorId;

    /** Answers counted by "operation status type". */
    final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    final LongAdder[] perInstance = {new LongAdder(), new LongAdder()};
    final LongAdder requestsSent = new LongAdder();
    final Violations violations = new Violations();
    final ConcurrentLinkedQueue<Long> writeLatenciesMicros = new ConcurrentLinkedQueue<>();

    final LongAdder approvals = new LongAdder();
    final LongAdder refusedExceeds = new LongAdder();
    final LongAdder refusedDecided = new LongAdder();
    final LongAdder refusedVoteCast = new LongAdder();
    final LongAdder racesWithSeveralVoters = new LongAdder();
    final LongAdder payments = new LongAdder();
    final LongAdder doublePayments = new LongAdder();
    final LongAdder refusedPaid = new LongAdder();
    final LongAdder refusedNotApproved = new LongAdder();
    final LongAdder cancellations = new LongAdder();
    final LongAdder releases = new LongAdder();
    final LongAdder contributions = new LongAdder();
    final LongAdder replays = new LongAdder();
    final LongAdder requests = new LongAdder();
    final LongAdder balanceReads = new LongAdder();

    final class Fund {
        final String code;
        final List<String> members = new ArrayList<>();
        final Set<String> open = ConcurrentHashMap.newKeySet();
        final ConcurrentLinkedQueue<Disbursement> toPay = new ConcurrentLinkedQueue<>();
        final AtomicLong received = new AtomicLong();
        final AtomicLong approved = new AtomicLong();
        final AtomicLong paid = new AtomicLong();
        final AtomicLong released = new AtomicLong();

        Fund(String code) {
            this.code = code;
        }
    }

    final class Disbursement {
        final String id;
        final Fund fund;
        final long amount;
        final AtomicInteger refusals = new AtomicInteger();
        final AtomicInteger approvedAnswers = new AtomicInteger();
        final AtomicInteger paidAnswers = new AtomicInteger();
        final AtomicInteger releasedAnswers = new AtomicInteger();

        Disbursement(String id, Fund fund, long amount) {
            this.id = id;
            this.fund = fund;
            this.amount = amount;
        }
    }

    final Map<String, Disbursement> disbursements = new ConcurrentHashMap<>();

    Drive(Map<String, String> options) throws Exception {
        this.instances = new String[] {strip(options.get("a")), strip(options.get("b"))};
        this.issuer = options.get("issuer");
        this.signingKey = Tokens.readPrivateKey(Path.of(options.get("private-key")));
        this.seconds = Integer.parseInt(options.get("seconds"));
        this.threads = Integer.parseInt(options.get("threads"));
        this.fundCount = Integer.parseInt(options.get("funds"));
        this.seed = Long.parseLong(options.get("seed"));
    }

    static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    // ---------------------------------------------------------------------------------------
    // The run

    int run() throws Exception {
        System.out.printf("Driver: instances A=%s B=%s, %d funds, %d threads, %d s of load, seed %d%n",
                instances[0], instances[1], fundCount, threads, seconds, seed);
        setUp();
        if (!violations.isEmpty()) {
            return report(0, 0);
        }
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> {
                try {
                    work(index, deadline);
                } catch (Throwable e) {
                    violation("worker " + index + " died: " + e);
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            }, "worker-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        if (!done.await(seconds + 120L, TimeUnit.SECONDS)) {
            violation("the workers did not finish within " + (seconds + 120) + " s of the start (a hung request?)");
        }
        long loadRequests = requestsSent.sum();
        double elapsed = (System.nanoTime() - start) / 1e9;
        finalChecks();
        return report(loadRequests, elapsed);
    }

    void setUp() {
        String admin = token("multi-admin", "admin");
        String finance = token("multi-finance", "finance");
        Map<String, Object> donor = Map.of("kind", "COMMUNE", "name", "Ville de Charge " + runId);
        Answer created = call(0, "POST", "/api/v1/donors", admin, donor, null);
        if (!expect("setup-donor", created, Set.of(201), Set.of())) {
            return;
        }
        donorId = (String) created.field("id");
        for (int f = 0; f < fundCount; f++) {
            Fund fund = new Fund("MULTI-" + runId + "-" + (f + 1));
            // Set up through one instance, funded through the other: both see the same database.
            int instance = f % 2;
            Answer answer = call(instance, "POST", "/api/v1/funds", admin,
                    Map.of("code", fund.code, "name", "Fonds de charge " + (f + 1), "currency", "EUR"), null);
            if (!expect("setup-fund", answer, Set.of(201), Set.of())) {
                return;
            }
            List<Object> members = new ArrayList<>();
            for (int m = 1; m <= 3; m++) {
                String subject = "committee-" + fund.code.toLowerCase() + "-" + m;
                fund.members.add(subject);
                members.add(Map.of("subject", subject, "name", "Membre " + m,
                        "validFrom", today.minusDays(30).toString()));
            }
            answer = call(1 - instance, "PUT", "/api/v1/funds/" + fund.code + "/committee", admin,
                    Map.of("members", members, "quorum", 1, "majority", "SIMPLE",
                            "reason", "Charge multi-instance: quorum 1, chaque vote POUR décide"), null);
            if (!expect("setup-committee", answer, Set.of(200), Set.of())) {
                return;
            }
            if (!contribute(fund, 1 - instance, INITIAL_RECEIVED_MINOR, finance, false)) {
                return;
            }
            funds.add(fund);
        }
        System.out.printf("Set up %d funds (%s), each with 3 committee members, quorum 1, and %s received%n",
                funds.size(), String.join(", ", funds.stream().map(f -> f.code).toList()), eur(INITIAL_RECEIVED_MINOR));
    }

    void work(int index, long deadline) {
        Random random = new Random(seed * 31 + index);
        String finance = token("multi-finance-" + (index % 3), "finance");
        int instance = index % 2;
        while (System.nanoTime() < deadline && requestsSent.sum() < REQUESTS_MAX) {
            instance = 1 - instance;
            Fund fund = funds.get(random.nextInt(funds.size()));
            int dice = random.nextInt(100);
            Disbursement approved = fund.toPay.poll();
            if (approved != null) {
                if (dice < 8) {
                    cancel(approved, instance, finance);
                } else {
                    pay(approved, instance, finance, random);
                }
            } else if (fund.open.size() < OPEN_REQUESTS_PER_FUND || dice < 6) {
                request(fund, instance, finance, random);
            } else if (dice < 13) {
                contribute(fund, instance, 150_00 + random.nextInt(450_01), finance, random.nextInt(10) == 0);
            } else if (dice < 17) {
                cancelStale(fund, instance, finance);
            } else if (dice < 20) {
                readBalance(fund, instance, random);
            } else {
                voteRace(fund, instance, random, finance);
            }
        }
    }

    void request(Fund fund, int instance, String finance, Random random) {
        long amount = 50_00 + random.nextInt(250_01);
        Map<String, Object> body = Map.of(
                "beneficiary", Map.of("name", "Commune partenaire " + random.nextInt(1000), "country", "LB"),
                "purpose", "Projet de charge " + UUID.randomUUID(),
                "amount", Map.of("amountMinor", amount, "currency", "EUR"));
        Answer answer = call(instance, "POST", "/api/v1/funds/" + fund.code + "/disbursements", finance, body, key());
        if (expect("request", answer, Set.of(201), Set.of())) {
            requests.increment();
            String id = (String) answer.field("id");
            if (!"REQUESTED".equals(answer.field("status"))) {
                violation("a new request answered status " + answer.field("status") + ": " + answer.brief());
            }
            Disbursement disbursement = new Disbursement(id, fund, amount);
            disbursements.put(id, disbursement);
            fund.open.add(id);
        }
    }

    /** Several members vote FOR one open request at once, on both instances; sometimes a payment races them. */
    void voteRace(Fund fund, int instance, Random random, String finance) {
        List<String> open = new ArrayList<>(fund.open);
        if (open.isEmpty()) {
            return;
        }
        Disbursement d = disbursements.get(open.get(random.nextInt(open.size())));
        List<String> voters = new ArrayList<>(fund.members);
        Collections.shuffle(voters, random);
        int count = 1 + random.nextInt(3);
        if (count > 1) {
            racesWithSeveralVoters.increment();
        }
        List<CompletableFuture<Answer>> votes = new ArrayList<>();
        List<Integer> on = new ArrayList<>();
        for (int v = 0; v < count; v++) {
            int target = (instance + v) % 2;
            on.add(target);
            votes.add(callAsync(target, "POST", "/api/v1/disbursements/" + d.id + "/votes",
                    token(voters.get(v), "committee"), Map.of("vote", "FOR",
                            "minutesReference", "PV-CHARGE-" + runId), key()));
        }
        CompletableFuture<Answer> earlyPayment = null;
        if (random.nextInt(12) == 0) {
            earlyPayment = callAsync(1 - instance, "POST", "/api/v1/disbursements/" + d.id + "/payment", finance,
                    paymentBody(), key());
        }
        for (int v = 0; v < count; v++) {
            voteAnswer(fund, d, votes.get(v).join(), on.get(v));
        }
        if (earlyPayment != null) {
            paymentAnswer(d, earlyPayment.join());
        }
    }

    /** One FOR vote's answer: an approval (one at most per disbursement) or a refusal the race allows. */
    void voteAnswer(Fund fund, Disbursement d, Answer answer, int instance) {
        if (!expect("vote", answer, Set.of(200, 409), Set.of("disbursement-exceeds-available",
                "disbursement-already-decided", "vote-already-cast"))) {
            return;
        }
        if (answer.status == 200) {
            if (!"APPROVED".equals(answer.field("status"))
                    || !"APPROVED".equals(answer.field("decision", "outcome"))) {
                violation("a quorum-1 FOR vote answered 200 without approving: " + answer.brief());
                return;
            }
            approvals.increment();
            if (d.approvedAnswers.incrementAndGet() > 1) {
                violation("disbursement " + d.id + " approved twice (second approval on instance "
                        + name(instance) + ")");
            }
            fund.open.remove(d.id);
            fund.approved.addAndGet(d.amount);
            fund.toPay.add(d);
        } else {
            switch (answer.slug()) {
                case "disbursement-exceeds-available" -> {
                    refusedExceeds.increment();
                    d.refusals.incrementAndGet();
                }
                case "disbursement-already-decided" -> refusedDecided.increment();
                default -> refusedVoteCast.increment();
            }
        }
    }

    /** Pays an approved disbursement; sometimes twice at once (one per instance), sometimes replays the answer. */
    void pay(Disbursement d, int instance, String finance, Random random) {
        boolean twice = random.nextInt(4) == 0;
        String key = key();
        Map<String, Object> body = paymentBody();
        CompletableFuture<Answer> first = callAsync(instance, "POST", "/api/v1/disbursements/" + d.id + "/payment",
                finance, body, key);
        CompletableFuture<Answer> second = twice ? callAsync(1 - instance, "POST",
                "/api/v1/disbursements/" + d.id + "/payment", finance, paymentBody(), key()) : null;
        Answer answer = first.join();
        paymentAnswer(d, answer);
        if (second != null) {
            doublePayments.increment();
            paymentAnswer(d, second.join());
        }
        if (answer.status == 200 && random.nextInt(5) == 0) {
            // The same request again, on the other instance: the first answer, replayed.
            replay("payment", answer, call(1 - instance, "POST", "/api/v1/disbursements/" + d.id + "/payment",
                    finance, body, key));
        }
    }

    void paymentAnswer(Disbursement d, Answer answer) {
        if (!expect("payment", answer, Set.of(200, 409),
                Set.of("disbursement-already-paid", "disbursement-not-approved"))) {
            return;
        }
        if (answer.status == 200) {
            if (!"PAID".equals(answer.field("status"))) {
                violation("a payment answered 200 with status " + answer.field("status") + ": " + answer.brief());
                return;
            }
            payments.increment();
            if (d.paidAnswers.incrementAndGet() > 1) {
                violation("disbursement " + d.id + " paid twice");
            }
            // That an approval answered for it too is checked at the end: the vote that approved it
            // may still be on its way back to another thread.
            d.fund.paid.addAndGet(d.amount);
        } else if (answer.slug().equals("disbursement-already-paid")) {
            refusedPaid.increment();
        } else {
            refusedNotApproved.increment();
        }
    }

    /** Cancels a request that keeps being refused for want of money, racing the votes on it. */
    void cancelStale(Fund fund, int instance, String finance) {
        for (String id : fund.open) {
            Disbursement d = disbursements.get(id);
            if (d.refusals.get() >= REFUSALS_BEFORE_CANCEL) {
                fund.open.remove(id);
                cancel(d, instance, finance);
                return;
            }
        }
    }

    void cancel(Disbursement d, int instance, String finance) {
        Answer answer = call(instance, "POST", "/api/v1/disbursements/" + d.id + "/cancellation", finance,
                Map.of("reason", "Annulée par le test de charge"), key());
        if (!expect("cancel", answer, Set.of(200, 409),
                Set.of("disbursement-already-paid", "disbursement-not-cancellable"))) {
            return;
        }
        if (answer.status == 200) {
            if (!"CANCELLED".equals(answer.field("status"))) {
                violation("a cancellation answered 200 with status " + answer.field("status") + ": " + answer.brief());
                return;
            }
            cancellations.increment();
            d.fund.open.remove(d.id);
            if (answer.field("cancellation", "releaseEntryId") != null) {
                releases.increment();
                d.releasedAnswers.incrementAndGet();
                d.fund.released.addAndGet(d.amount);
            }
        }
    }

    boolean contribute(Fund fund, int instance, long amount, String finance, boolean replay) {
        String key = key();
        Map<String, Object> body = Map.of("donorId", donorId,
                "amount", Map.of("amountMinor", amount, "currency", "EUR"),
                "receivedOn", today.minusDays(1).toString(),
                "bankReference", "VIR-CHARGE-" + UUID.randomUUID().toString().substring(0, 8));
        Answer answer = call(instance, "POST", "/api/v1/funds/" + fund.code + "/contributions", finance, body, key);
        if (!expect("contribution", answer, Set.of(201), Set.of())) {
            return false;
        }
        contributions.increment();
        fund.received.addAndGet(amount);
        if (replay) {
            replay("contribution", answer, call(1 - instance, "POST", "/api/v1/funds/" + fund.code + "/contributions",
                    finance, body, key));
        }
        return true;
    }

    /** A retry with the same key and body must get the first answer again, marked replayed; or 409 while it runs. */
    void replay(String operation, Answer first, Answer again) {
        if (!expect(operation + "-replay", again, Set.of(first.status, 409), Set.of("idempotency-key-in-use"))) {
            return;
        }
        if (again.status == first.status) {
            replays.increment();
            if (!"true".equals(again.header("Idempotency-Replayed"))) {
                violation(operation + " retried with the same key was not marked Idempotency-Replayed: " + again.brief());
            }
            if (!Objects.equals(first.json, again.json)) {
                violation(operation + " retried with the same key answered another body:\n  first: " + first.brief()
                        + "\n  again: " + again.brief());
            }
        }
    }

    void readBalance(Fund fund, int instance, Random random) {
        String reader = random.nextBoolean() ? token(fund.members.get(random.nextInt(3)), "committee")
                : token("multi-auditor", "auditor");
        Answer answer = call(instance, "GET", "/api/v1/funds/" + fund.code + "/balance", reader, null, null);
        if (expect("balance", answer, Set.of(200), Set.of())) {
            balanceReads.increment();
            checkBalance(fund, answer, "during the run, on " + name(instance));
        }
    }

    /** Non-negative, and bank (received - disbursed) = available + committed. */
    long[] checkBalance(Fund fund, Answer answer, String when) {
        long received = minor(answer, "received");
        long disbursed = minor(answer, "disbursed");
        long committed = minor(answer, "committed");
        long available = minor(answer, "available");
        if (available < 0 || committed < 0 || received < 0 || disbursed < 0) {
            violation(fund.code + " " + when + ": a balance below zero: " + answer.brief());
        }
        if (received - disbursed != available + committed) {
            violation(fund.code + " " + when + ": bank (received " + received + " - disbursed " + disbursed
                    + ") is not available " + available + " + committed " + committed);
        }
        return new long[] {received, committed, disbursed, available, ((Number) answer.field("entryCount")).longValue()};
    }

    // ---------------------------------------------------------------------------------------
    // After the load

    final Map<String, long[]> finalBalances = new LinkedHashMap<>();
    String verification = "not run";

    void finalChecks() {
        String auditor = token("multi-auditor", "auditor");
        long entries = 0;
        for (Fund fund : funds) {
            entries += checkFinalBalance(fund, auditor);
        }
        checkDisbursementAnswers();
        for (int instance = 0; instance < 2; instance++) {
            checkVerification(instance, auditor, entries);
        }
        if (approvals.sum() == 0) {
            violation("no vote approved a disbursement: the run proved nothing");
        }
        if (refusedExceeds.sum() == 0) {
            violation("no vote was refused with disbursement-exceeds-available: the funds never ran short");
        }
        if (refusedDecided.sum() == 0) {
            violation("no vote lost a race to another approval (disbursement-already-decided): nothing raced");
        }
        if (payments.sum() == 0) {
            violation("no disbursement was paid");
        }
    }

    /**
     * The fund's balance, the same on both instances, against what the accepted answers add up
     * to; its entry count (0 when neither instance answered).
     */
    long checkFinalBalance(Fund fund, String auditor) {
        long[] seen = null;
        for (int instance = 0; instance < 2; instance++) {
            Answer answer = call(instance, "GET", "/api/v1/funds/" + fund.code + "/balance", auditor, null, null);
            if (!expect("final-balance", answer, Set.of(200), Set.of())) {
                continue;
            }
            long[] balance = checkBalance(fund, answer, "after the run, on " + name(instance));
            if (seen != null && !Arrays.equals(seen, balance)) {
                violation(fund.code + ": the two instances show different balances after the run: "
                        + Arrays.toString(seen) + " vs " + Arrays.toString(balance));
            }
            seen = balance;
        }
        if (seen == null) {
            return 0;
        }
        finalBalances.put(fund.code, seen);
        long expectedReceived = fund.received.get();
        long expectedDisbursed = fund.paid.get();
        long expectedCommitted = fund.approved.get() - fund.paid.get() - fund.released.get();
        if (seen[0] != expectedReceived) {
            violation(fund.code + ": received " + seen[0] + " but the accepted contributions add up to "
                    + expectedReceived);
        }
        if (seen[2] != expectedDisbursed) {
            violation(fund.code + ": disbursed " + seen[2] + " but the accepted payments add up to " + expectedDisbursed);
        }
        if (seen[1] != expectedCommitted) {
            violation(fund.code + ": committed " + seen[1] + " but approvals - payments - releases answered add up to "
                    + expectedCommitted);
        }
        return seen[4];
    }

    /** A payment only after exactly one approval; a release only of an approval never paid. */
    void checkDisbursementAnswers() {
        for (Disbursement d : disbursements.values()) {
            if (d.paidAnswers.get() > 0 && d.approvedAnswers.get() != 1) {
                violation("disbursement " + d.id + " was paid but " + d.approvedAnswers.get() + " votes approved it");
            }
            if (d.releasedAnswers.get() > 0 && (d.approvedAnswers.get() != 1 || d.paidAnswers.get() > 0)) {
                violation("disbursement " + d.id + " had its commitment released, yet approvals "
                        + d.approvedAnswers.get() + ", payments " + d.paidAnswers.get());
            }
        }
    }

    /** The ledger verification on this instance: INTACT, every fund's chain too, over every entry counted. */
    void checkVerification(int instance, String auditor, long entries) {
        Answer answer = call(instance, "GET", "/api/v1/ledger/verification", auditor, null, null);
        if (!expect("verification", answer, Set.of(200), Set.of())) {
            return;
        }
        verification = answer.field("status") + ", " + answer.field("entriesChecked") + " entries checked";
        if (!"INTACT".equals(answer.field("status")) || answer.field("firstBreak") != null) {
            violation("the ledger verification on " + name(instance) + " is not INTACT: " + answer.brief());
        }
        for (Object chain : (List<?>) answer.field("funds")) {
            Map<?, ?> c = (Map<?, ?>) chain;
            if (!"INTACT".equals(c.get("status"))) {
                violation("fund " + c.get("fundCode") + " is " + c.get("status") + ": " + JsonBodies.write(c));
            }
        }
        long checked = ((Number) answer.field("entriesChecked")).longValue();
        if (checked != entries) {
            violation("the verification checked " + checked + " entries, the funds' balances count " + entries);
        }
    }

    int report(long loadRequests, double elapsed) {
        System.out.println();
        System.out.println("== Summary");
        if (elapsed > 0) {
            System.out.printf("load: %d requests in %.1f s = %.0f requests/s (A %d, B %d), %d threads%n",
                    loadRequests, elapsed, loadRequests / elapsed, perInstance[0].sum(), perInstance[1].sum(), threads);
            List<Long> latencies = new ArrayList<>(writeLatenciesMicros);
            Collections.sort(latencies);
            if (!latencies.isEmpty()) {
                System.out.printf("write latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d writes)%n",
                        pct(latencies, 50), pct(latencies, 95), pct(latencies, 99),
                        latencies.get(latencies.size() - 1) / 1000.0, latencies.size());
            }
        }
        System.out.printf("disbursements requested: %d%n", requests.sum());
        System.out.printf("votes: %d approvals; refused: %d disbursement-exceeds-available, %d disbursement-already-decided, "
                + "%d vote-already-cast; %d races with 2-3 members voting at once%n", approvals.sum(), refusedExceeds.sum(),
                refusedDecided.sum(), refusedVoteCast.sum(), racesWithSeveralVoters.sum());
        System.out.printf("payments: %d paid (%d double payments raced); refused: %d disbursement-already-paid, "
                + "%d disbursement-not-approved%n", payments.sum(), doublePayments.sum(), refusedPaid.sum(),
                refusedNotApproved.sum());
        System.out.printf("cancellations: %d (%d released an approval's commitment)%n", cancellations.sum(), releases.sum());
        System.out.printf("contributions: %d; idempotent replays across instances: %d; balance reads: %d%n",
                contributions.sum(), replays.sum(), balanceReads.sum());
        System.out.println("answers by operation, status and problem type:");
        new TreeMap<>(outcomes).forEach((k, v) -> System.out.printf("  %-62s %7d%n", k, v.sum()));
        if (!finalBalances.isEmpty()) {
            System.out.println("final balances (EUR):");
            finalBalances.forEach((code, b) -> System.out.printf(
                    "  %-20s received %12s  committed %10s  disbursed %12s  available %10s  entries %d%n",
                    code, eur(b[0]), eur(b[1]), eur(b[2]), eur(b[3]), b[4]));
        }
        System.out.println("ledger verification: " + verification);
        return violations.report("Driver");
    }

    static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1000.0;
    }

    static String eur(long minor) {
        return String.format("%d.%02d", minor / 100, Math.abs(minor % 100));
    }

    // ---------------------------------------------------------------------------------------
    // Checks and counts

    void violation(String message) {
        violations.add(message);
    }

    /** Counts the answer; true if its status is allowed and, for a problem, its type too. Anything else is a violation. */
    boolean expect(String operation, Answer answer, Set<Integer> statuses, Set<String> problemTypes) {
        if (answer.failure != null) {
            count(operation + " network-error");
            violation(operation + " " + answer.method + " " + answer.url + ": no answer: " + answer.failure);
            return false;
        }
        String slug = answer.slug();
        count(operation + " " + answer.status + (slug.isEmpty() ? "" : " " + slug));
        if (answer.status >= 500) {
            violation(operation + " " + answer.method + " " + answer.url + " answered " + answer.status + ": "
                    + answer.brief());
            return false;
        }
        boolean problem = answer.status >= 400;
        if (!statuses.contains(answer.status) || (problem && !problemTypes.contains(slug))) {
            violation(operation + " " + answer.method + " " + answer.url + " answered an unexpected " + answer.status
                    + (slug.isEmpty() ? "" : " " + slug) + ": " + answer.brief());
            return false;
        }
        if (answer.json == null) {
            violation(operation + " " + answer.method + " " + answer.url + " answered " + answer.status
                    + " without a JSON body: " + answer.brief());
            return false;
        }
        return true;
    }

    void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    static long minor(Answer answer, String field) {
        Object value = answer.field(field, "amountMinor");
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("balance without " + field + ": " + answer.brief());
        }
        return number.longValue();
    }

    static String name(int instance) {
        return instance == 0 ? "A" : "B";
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    Map<String, Object> paymentBody() {
        return Map.of("paymentReference", "VIR-SORT-" + UUID.randomUUID().toString().substring(0, 13),
                "paidOn", today.minusDays(1).toString());
    }

    // ---------------------------------------------------------------------------------------
    // HTTP and tokens

    final class Answer {
        final String method;
        final String url;
        final int status;
        final String body;
        final Object json;
        final HttpResponse<String> response;
        final Throwable failure;

        Answer(String method, String url, HttpResponse<String> response, Throwable failure) {
            this.method = method;
            this.url = url;
            this.response = response;
            this.failure = failure;
            this.status = response == null ? -1 : response.statusCode();
            this.body = response == null ? "" : response.body();
            this.json = JsonBodies.parseOrNull(body);
        }

        Object field(String... path) {
            return JsonBodies.field(json, path);
        }

        /** The problem type's slug (after '#'), or "" for an answer that is not a problem. */
        String slug() {
            return status >= 400 ? JsonBodies.problemSlug(json) : "";
        }

        String header(String name) {
            return response == null ? null : response.headers().firstValue(name).orElse(null);
        }

        String brief() {
            String text = body.length() > 600 ? body.substring(0, 600) + "..." : body;
            return status + " " + text.replace('\n', ' ');
        }
    }

    Answer call(int instance, String method, String path, String token, Object body, String idempotencyKey) {
        return callAsync(instance, method, path, token, body, idempotencyKey).join();
    }

    CompletableFuture<Answer> callAsync(int instance, String method, String path, String token, Object body,
            String idempotencyKey) {
        String url = instances[instance] + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json, application/problem+json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JsonBodies.write(body), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        requestsSent.increment();
        perInstance[instance].increment();
        long started = System.nanoTime();
        boolean write = !method.equals("GET");
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    if (write) {
                        writeLatenciesMicros.add((System.nanoTime() - started) / 1000);
                    }
                    return new Answer(method, url, response, failure);
                });
    }

    String token(String subject, String role) {
        return tokens.computeIfAbsent(subject + "\u0000" + role, k -> sign(subject, role));
    }

    String sign(String subject, String role) {
        return Tokens.sign(signingKey, issuer, subject, role);
    }
}
