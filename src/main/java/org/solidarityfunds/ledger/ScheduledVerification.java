package org.solidarityfunds.ledger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.solidarityfunds.ledger.VerificationReport.Status;
import org.solidarityfunds.problem.DatabaseFailures;

/**
 * Verifies every fund's chain and balances on a schedule, so that the metrics always say
 * whether the ledger holds and since when (ledger.verification.*, docs/operating/monitoring.md),
 * without waiting for an auditor to ask. Each instance verifies on its own: the run reads one
 * snapshot and writes nothing. {@code ledger.verification.every} sets the period (1h; "off"
 * turns it off), {@code ledger.verification.first-after} the first run after start (1m).
 */
@ApplicationScoped
public class ScheduledVerification {

    private static final Logger LOG = Logger.getLogger(ScheduledVerification.class);

    private final VerificationService verification;

    ScheduledVerification(VerificationService verification) {
        this.verification = verification;
    }

    @Scheduled(identity = "ledger-verification", every = "${ledger.verification.every:1h}",
            delayed = "${ledger.verification.first-after:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        VerificationReport report;
        try {
            report = verification.verify();
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            // A database restart or failover is not a failure of the ledger: the next run
            // verifies it, and LedgerVerificationStale fires if the database stays away.
            LOG.warnf(e, "Ledger verification not run: the database is unavailable");
            return;
        }
        if (report.status() == Status.BROKEN) {
            VerificationReport.Break first = report.firstBreak();
            LOG.errorf("Ledger verification found a break: fund %s, %s %s (sequence %s), %s: %s", first.fundCode(),
                    first.documentId() != null ? "document" : "entry",
                    first.documentId() != null ? first.documentId() : first.entryId(), first.sequence(), first.reason(),
                    first.detail());
        } else {
            LOG.infof("Ledger verification: INTACT, %d entries checked", report.entriesChecked());
        }
    }
}
