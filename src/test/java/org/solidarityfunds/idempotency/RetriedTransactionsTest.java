package org.solidarityfunds.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/** A deadlock victim or a serialization failure is run again, a bounded number of times; nothing else is. */
@QuarkusTest
class RetriedTransactionsTest {

    private final RetriedTransactions transactions;
    private final EntityManager em;

    RetriedTransactionsTest(RetriedTransactions transactions, EntityManager em) {
        this.transactions = transactions;
        this.em = em;
    }

    @Test
    void the_victim_of_a_real_deadlock_is_run_again_and_both_transactions_succeed() throws Exception {
        // Two transactions take two advisory locks in opposite orders: PostgreSQL detects the
        // deadlock and aborts one of them (40P01), which is retried after the other commits.
        long a = System.nanoTime();
        long b = a + 1;
        CountDownLatch bothHoldTheirFirstLock = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> one = pool.submit(() -> transactions.run(() -> lockBoth(a, b, attempts, bothHoldTheirFirstLock, "one")));
            Future<String> other = pool.submit(() -> transactions.run(() -> lockBoth(b, a, attempts, bothHoldTheirFirstLock, "other")));
            assertThat(one.get(60, TimeUnit.SECONDS)).isEqualTo("one");
            assertThat(other.get(60, TimeUnit.SECONDS)).isEqualTo("other");
        } finally {
            pool.shutdownNow();
        }
        assertThat(attempts.get()).as("two first attempts, one of them retried once").isEqualTo(3);
    }

    private String lockBoth(long first, long second, AtomicInteger attempts, CountDownLatch rendezvous, String result) {
        attempts.incrementAndGet();
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, first).getSingleResult();
        if (rendezvous.getCount() > 0) {
            rendezvous.countDown();
            try {
                rendezvous.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, second).getSingleResult();
        return result;
    }

    @Test
    void a_serialization_failure_that_keeps_coming_back_is_given_up_after_the_last_attempt() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> transactions.run(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException(new SQLException("could not serialize access", "40001"));
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts.get()).isEqualTo(RetriedTransactions.ATTEMPTS_MAX);
    }

    @Test
    void a_deadlock_reported_only_when_the_transaction_commits_is_run_again() {
        // The flush before a commit can be the deadlock victim: the transaction manager then
        // throws a RollbackException of its own, with PostgreSQL's exception suppressed in it.
        AtomicInteger attempts = new AtomicInteger();
        String result = transactions.run(() -> {
            if (attempts.incrementAndGet() == 1) {
                jakarta.transaction.RollbackException commit = new jakarta.transaction.RollbackException(
                        "ARJUNA016053: Could not commit transaction.");
                commit.addSuppressed(new SQLException("deadlock detected", "40P01"));
                throw new IllegalStateException(commit);
            }
            return "committed";
        });
        assertThat(result).isEqualTo("committed");
        assertThat(attempts.get()).isEqualTo(2);
    }

    @Test
    void a_refusal_is_not_retried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> transactions.run(() -> {
            attempts.incrementAndGet();
            throw new ProblemException(ProblemType.FUND_CLOSED, "closed");
        })).isInstanceOf(ProblemException.class);
        assertThat(attempts.get()).isEqualTo(1);
    }
}
