package org.solidarityfunds.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/** No interleaving of approvals and payments, however many at once, spends money a fund does not have. */
@QuarkusTest
class DisbursementConcurrencyTest {

    private static final String FINANCE = TestTokens.as("finance-race", Roles.FINANCE);

    private static Response vote(String id, String voter) {
        return json(TestTokens.as(voter, Roles.COMMITTEE), Map.of("vote", "FOR"))
                .post("/api/v1/disbursements/{id}/votes", id);
    }

    private static String problemSlug(Response response) {
        String type = response.path("type");
        return type == null ? "" : type.substring(type.indexOf('#') + 1);
    }

    @Test
    void of_two_concurrent_approvals_of_60_against_100_available_exactly_one_is_approved() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String fund = TestFunds.open("SKEW");
                TestFunds.contribution(fund, TestFunds.donor("Commune témoin"), 100_00, null);
                TestFunds.committee(fund, 2, fund + "-a", fund + "-b", fund + "-c");
                String first = TestFunds.disbursement(fund, 60_00);
                String second = TestFunds.disbursement(fund, 60_00);
                // One FOR each already: the next FOR on either approves it, if the money is there.
                assertThat(TestFunds.vote(first, fund + "-a", "FOR")).isEqualTo("REQUESTED");
                assertThat(TestFunds.vote(second, fund + "-a", "FOR")).isEqualTo("REQUESTED");

                CountDownLatch start = new CountDownLatch(1);
                Future<Response> one = pool.submit(() -> {
                    start.await();
                    return vote(first, fund + "-b");
                });
                Future<Response> other = pool.submit(() -> {
                    start.await();
                    return vote(second, fund + "-c");
                });
                start.countDown();
                List<Response> answers = List.of(one.get(30, TimeUnit.SECONDS), other.get(30, TimeUnit.SECONDS));

                assertThat(answers.stream().filter(r -> r.statusCode() == 200).count()).as("round " + round).isEqualTo(1);
                assertThat(answers.stream().filter(r -> r.statusCode() == 409)
                        .map(DisbursementConcurrencyTest::problemSlug)).containsExactly("disbursement-exceeds-available");
                List<String> statuses = List.of(
                        as(FINANCE).get("/api/v1/disbursements/{id}", first).path("status"),
                        as(FINANCE).get("/api/v1/disbursements/{id}", second).path("status"));
                assertThat(statuses).containsExactlyInAnyOrder("APPROVED", "REQUESTED");
                assertThat(as(FINANCE).get("/api/v1/funds/{code}/balance", fund).<Integer>path("available.amountMinor"))
                        .isEqualTo(40_00);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestDatabase.fundsWhoseRecordsDisagreeWithTheLedger()).isEmpty();
    }

    /** How many requests each client makes: a count, not a duration, so that a slow machine tests as much. */
    private static final int OPERATIONS_PER_CLIENT = 20;

    /**
     * Eight clients request, approve (quorum 1: each FOR tries to commit), pay and top up one
     * low fund, {@value #OPERATIONS_PER_CLIENT} operations each, while a watcher reads the
     * fund's available balance straight from the database. It never goes below zero, and
     * afterwards every record agrees with the journal and the journal verifies. Approvals
     * (45.00 on average, half the operations) outrun top-ups (35.00, a fifth): the 200.00 the
     * fund starts with is spent within the first few dozen operations, after which approvals
     * are refused while payments and top-ups go on. Each client's choices come from a seed of
     * its own, the same on every run; only their interleaving varies.
     */
    @Test
    void eight_clients_approving_and_paying_against_a_low_fund_never_take_it_below_zero() throws Exception {
        String fund = TestFunds.open("LOW");
        String donor = TestFunds.donor("Commune témoin");
        TestFunds.contribution(fund, donor, 200_00, null);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            members.add(fund + "-member-" + i);
        }
        TestFunds.committee(fund, 1, members.toArray(String[]::new));

        Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> approved = new ConcurrentLinkedQueue<>();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong lowestAvailable = new AtomicLong(Long.MAX_VALUE);

        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            Future<?> watcher = pool.submit(() -> {
                try (Connection db = TestDatabase.asSuperuser(); Statement sql = db.createStatement()) {
                    while (running.get()) {
                        long available = TestDatabase.single(sql, "SELECT b.credit_total_minor - b.debit_total_minor "
                                + "FROM ledger_account_balance b JOIN fund f ON f.id = b.fund_id "
                                + "WHERE f.code = '" + fund + "' AND b.account = 'AVAILABLE'");
                        lowestAvailable.accumulateAndGet(available, Math::min);
                    }
                }
                return null;
            });
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                String member = members.get(c);
                Random random = new Random(20201112L + c);
                clients.add(pool.submit(() -> {
                    int operations = 0;
                    while (operations < OPERATIONS_PER_CLIENT) {
                        int action = random.nextInt(10);
                        Response response;
                        String what;
                        if (action < 5) {
                            String id = TestFunds.disbursement(fund, random.nextLong(10_00, 80_00));
                            response = vote(id, member);
                            what = "approve";
                            if (response.statusCode() == 200) {
                                approved.add(id);
                            }
                        } else if (action < 8) {
                            String id = approved.poll();
                            if (id == null) {
                                continue;
                            }
                            response = json(FINANCE, Map.of("paymentReference", "VIR-" + id.substring(0, 8),
                                    "paidOn", "2020-11-12")).post("/api/v1/disbursements/{id}/payment", id);
                            what = "pay";
                        } else {
                            response = json(FINANCE, Map.of("donorId", donor,
                                    "amount", Map.of("amountMinor", random.nextLong(10_00, 60_00), "currency", "EUR"),
                                    "receivedOn", "2020-10-02", "bankReference", "VIR-" + random.nextLong()))
                                    .post("/api/v1/funds/{code}/contributions", fund);
                            what = "top up";
                        }
                        operations++;
                        String outcome = what + " " + response.statusCode() + " " + problemSlug(response);
                        outcomes.computeIfAbsent(outcome.strip(), k -> new AtomicLong()).incrementAndGet();
                        boolean expected = response.statusCode() == 200 || response.statusCode() == 201
                                || (what.equals("approve") && problemSlug(response).equals("disbursement-exceeds-available"));
                        if (!expected) {
                            unexpected.add(outcome);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get(120, TimeUnit.SECONDS);
            }
            running.set(false);
            watcher.get(10, TimeUnit.SECONDS);
        } finally {
            running.set(false);
            pool.shutdownNow();
        }

        assertThat(unexpected).as("outcomes " + outcomes).isEmpty();
        assertThat(outcomes.getOrDefault("approve 200", new AtomicLong()).get()).as("outcomes " + outcomes).isPositive();
        assertThat(outcomes.getOrDefault("approve 409 disbursement-exceeds-available", new AtomicLong()).get())
                .as("outcomes " + outcomes).isPositive();
        assertThat(outcomes.getOrDefault("pay 200", new AtomicLong()).get()).as("outcomes " + outcomes).isPositive();
        assertThat(lowestAvailable.get()).isGreaterThanOrEqualTo(0);
        assertThat(as(FINANCE).get("/api/v1/ledger/verification").<String>path("status")).isEqualTo("INTACT");
        assertThat(TestDatabase.fundsWhoseRecordsDisagreeWithTheLedger()).isEmpty();
    }
}
