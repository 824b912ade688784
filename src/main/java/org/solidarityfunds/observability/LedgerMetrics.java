package org.solidarityfunds.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.solidarityfunds.money.Money;

/**
 * What operators watch, at /q/metrics (docs/operating/monitoring.md): the money that moves,
 * per fund, and whether the ledger holds. Money is counted when its transaction commits, never
 * before: a refused import, a rolled-back approval or a retried attempt counts nothing. The
 * sums are in major units of the fund's currency, for dashboards and alerts; the ledger, not
 * these floating-point sums, is the account.
 *
 * <p>Tags are bounded: a fund code (a few dozen funds), an outcome or an entry kind from a
 * closed set. Never a donor, a subject or an amount.
 */
@ApplicationScoped
public class LedgerMetrics {

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    private final Counter replays;
    private final Timer verificationTime;
    private final AtomicReference<Verification> lastVerification = new AtomicReference<>();

    /** The outcome of the last verification this instance ran, and when it finished. */
    private record Verification(boolean intact, long entriesChecked, Instant at) {
    }

    LedgerMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions, Clock clock) {
        this.registry = registry;
        this.transactions = transactions;
        this.clock = clock;
        this.replays = Counter.builder("ledger.idempotency.replays")
                .description("Requests answered with the stored answer of an earlier one with the same Idempotency-Key")
                .register(registry);
        this.verificationTime = Timer.builder("ledger.verification.duration")
                .description("How long a verification of every fund's chain and balances took")
                .register(registry);
        // NaN until this instance has verified once: "unknown", which an alert must not read as 0.
        Gauge.builder("ledger.verification.intact", lastVerification,
                        last -> last.get() == null ? Double.NaN : last.get().intact() ? 1 : 0)
                .description("1 when the last verification found every chain and balance intact, 0 when it found a break")
                .register(registry);
        Gauge.builder("ledger.verification.age", lastVerification,
                        last -> last.get() == null ? Double.NaN
                                : Duration.between(last.get().at(), clock.instant()).toMillis() / 1000.0)
                .baseUnit("seconds")
                .description("Time since the last verification finished on this instance")
                .register(registry);
        Gauge.builder("ledger.verification.entries", lastVerification,
                        last -> last.get() == null ? Double.NaN : last.get().entriesChecked())
                .description("Journal entries the last verification checked")
                .register(registry);
    }

    /** Contributions recorded on a fund (one per entry of an import), counted when the transaction commits. */
    public void contributionsRecorded(String fundCode, Iterable<Money> amounts) {
        afterCommit(() -> amounts.forEach(amount -> money("ledger.contributions.received",
                "Contributions recorded, and their amounts in the fund's currency", fundCode, amount)));
    }

    public void contributionReversed(String fundCode, Money amount) {
        afterCommit(() -> money("ledger.contributions.reversed",
                "Contributions reversed (bounced transfers), and their amounts", fundCode, amount));
    }

    public void disbursementRequested(String fundCode, Money amount) {
        afterCommit(() -> money("ledger.disbursements.requested",
                "Disbursements requested of the committee, and their amounts", fundCode, amount));
    }

    /** A committee's decision on a request: APPROVED or REJECTED. */
    public void disbursementDecided(String fundCode, String outcome) {
        afterCommit(() -> Counter.builder("ledger.disbursements.decisions")
                .description("Committee decisions on disbursement requests, by outcome")
                .tag("fund", fundCode).tag("outcome", outcome)
                .register(registry).increment());
    }

    public void disbursementPaid(String fundCode, Money amount) {
        afterCommit(() -> money("ledger.disbursements.paid",
                "Disbursements paid out of the fund's bank account, and their amounts", fundCode, amount));
    }

    public void disbursementCancelled(String fundCode, Money amount) {
        afterCommit(() -> money("ledger.disbursements.cancelled",
                "Disbursement requests withdrawn or approvals released before payment, and their amounts",
                fundCode, amount));
    }

    /** An answer replayed from the idempotency store. */
    public void replayed() {
        afterCommit(replays::increment);
    }

    /** A verification finished: its result and how long it took. */
    public void verified(boolean intact, long entriesChecked, Duration took) {
        verificationTime.record(took);
        lastVerification.set(new Verification(intact, entriesChecked, clock.instant()));
    }

    private void money(String name, String description, String fundCode, Money amount) {
        DistributionSummary.builder(name)
                .description(description)
                .tag("fund", fundCode)
                .tag("currency", amount.currency().getCurrencyCode())
                .register(registry)
                .record(amount.toDecimal().doubleValue());
    }

    /** Runs the update once the current transaction has committed; at once when there is none. */
    private void afterCommit(Runnable update) {
        if (transactions.getTransactionKey() == null) {
            update.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    update.run();
                }
            }
        });
    }
}
