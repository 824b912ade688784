package org.solidarityfunds.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.solidarityfunds.observability.LedgerMetrics;
import org.solidarityfunds.ledger.VerificationReport.Break;
import org.solidarityfunds.ledger.VerificationReport.FundChain;
import org.solidarityfunds.ledger.VerificationReport.Reason;
import org.solidarityfunds.ledger.VerificationReport.Status;

/**
 * Recomputes every fund's chain and balances from the journal, on one read-only
 * REPEATABLE READ snapshot (so that entries posted meanwhile never look like breaks) and
 * streaming the journal, so that memory does not grow with its size.
 */
@ApplicationScoped
public class VerificationService {

    private static final int FETCH_SIZE = 2_000;
    private static final String JOURNAL = """
            SELECT e.fund_id, e.id, e.sequence, e.kind, e.memo, e.effective_date, e.recorded_at, e.recorded_by,
                   e.reverses_entry_id, e.previous_hash, e.hash,
                   l.line_no, l.account, l.side, l.amount_minor, l.currency,
                   l.original_amount_minor, l.original_currency, l.exchange_rate,
                   %s
              FROM journal_entry e
              LEFT JOIN journal_line l ON l.entry_id = e.id
              LEFT JOIN ledger_totals t ON t.fund_id = e.fund_id AND t.sequence = e.sequence
             ORDER BY e.fund_id, e.sequence, l.line_no
            """.formatted(LedgerTotals.columns("t"));
    /**
     * Every fund's supporting documents in chain order, each with the SHA-256 and length of its
     * bytes as the database computes them: the bytes never leave it.
     */
    private static final String DOCUMENTS = """
            SELECT d.fund_id, d.id, d.sequence, d.about_type, d.about_id, d.kind, d.file_name, d.media_type,
                   d.size_bytes, d.sha256, sha256(d.content), octet_length(d.content), d.attached_at, d.attached_by,
                   d.ledger_head, d.previous_hash, d.hash
              FROM supporting_document d
             ORDER BY d.fund_id, d.sequence
            """;
    /** The first column of the totals kept after the entry, in JOURNAL. */
    private static final int TOTALS_COLUMN = 20;

    private final DataSource dataSource;
    private final Clock clock;
    private final LedgerMetrics metrics;

    VerificationService(DataSource dataSource, Clock clock, LedgerMetrics metrics) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Verifies every fund, and reports the result and its duration to the metrics (docs/operating/monitoring.md). */
    public VerificationReport verify() {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                VerificationReport report = verify(connection);
                metrics.verified(report.status() == Status.INTACT, report.entriesChecked(),
                        Duration.ofNanos(System.nanoTime() - started));
                return report;
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("ledger verification could not read the journal", e);
        }
    }

    private VerificationReport verify(Connection connection) throws SQLException {
        Map<Long, ChainCheck> checks = new LinkedHashMap<>();
        try (PreparedStatement heads = connection.prepareStatement(
                "SELECT fund_id, fund_code, entry_count, head_hash, document_count, document_head_hash FROM fund_ledger "
                        + "ORDER BY fund_code");
                ResultSet rs = heads.executeQuery()) {
            while (rs.next()) {
                checks.put(rs.getLong(1), new ChainCheck(rs.getString(2), rs.getLong(3), rs.getBytes(4), rs.getLong(5),
                        rs.getBytes(6)));
            }
        }
        try (PreparedStatement totals = connection.prepareStatement(
                "SELECT fund_id, account, debit_total_minor, credit_total_minor FROM ledger_account_balance");
                ResultSet rs = totals.executeQuery()) {
            while (rs.next()) {
                ChainCheck check = checks.get(rs.getLong(1));
                check.maintained.put(Account.valueOf(rs.getString(2)), new long[] {rs.getLong(3), rs.getLong(4)});
            }
        }
        long entriesChecked = 0;
        try (PreparedStatement journal = connection.prepareStatement(JOURNAL)) {
            journal.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = journal.executeQuery()) {
                JournalEntry entry = null;
                Totals totals = null;
                List<JournalLine> lines = new ArrayList<>();
                while (rs.next()) {
                    UUID id = rs.getObject(2, UUID.class);
                    if (entry != null && !entry.id.equals(id)) {
                        entriesChecked += checks.get(entry.fundId).check(entry, lines, totals) ? 1 : 0;
                        lines = new ArrayList<>();
                    }
                    if (entry == null || !entry.id.equals(id)) {
                        entry = entryOf(rs, id);
                        totals = totalsOf(rs);
                    }
                    if (rs.getObject(12) != null) {
                        lines.add(lineOf(rs, id));
                    }
                }
                if (entry != null) {
                    entriesChecked += checks.get(entry.fundId).check(entry, lines, totals) ? 1 : 0;
                }
            }
        }
        try (PreparedStatement documents = connection.prepareStatement(DOCUMENTS)) {
            // One row at a time: a row holds no bytes of the document, only their hash.
            documents.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = documents.executeQuery()) {
                while (rs.next()) {
                    checks.get(rs.getLong(1)).checkDocument(rs);
                }
            }
        }
        List<FundChain> funds = checks.values().stream().map(ChainCheck::finish).toList();
        Break first = funds.stream().map(FundChain::firstBreak).filter(Objects::nonNull)
                .min(Comparator.comparing((Break b) -> b.recordedAt() == null ? OffsetDateTime.MAX.toInstant()
                        : b.recordedAt()).thenComparing(Break::fundCode))
                .orElse(null);
        return new VerificationReport(first == null ? Status.INTACT : Status.BROKEN, clock.instant(),
                entriesChecked, first, funds);
    }

    /** The totals kept after the entry (ledger_totals); null if none were. */
    private static Totals totalsOf(ResultSet rs) throws SQLException {
        return LedgerTotals.read(rs, TOTALS_COLUMN).orElse(null);
    }

    private static JournalEntry entryOf(ResultSet rs, UUID id) throws SQLException {
        JournalEntry entry = new JournalEntry();
        entry.id = id;
        entry.fundId = rs.getLong(1);
        entry.sequence = rs.getLong(3);
        entry.kind = EntryKind.valueOf(rs.getString(4));
        entry.memo = rs.getString(5);
        entry.effectiveDate = rs.getObject(6, LocalDate.class);
        entry.recordedAt = rs.getObject(7, OffsetDateTime.class).toInstant();
        entry.recordedBy = rs.getString(8);
        entry.reversesEntryId = rs.getObject(9, UUID.class);
        entry.previousHash = rs.getBytes(10);
        entry.hash = rs.getBytes(11);
        return entry;
    }

    private static JournalLine lineOf(ResultSet rs, UUID entryId) throws SQLException {
        JournalLine line = new JournalLine();
        line.entryId = entryId;
        line.lineNo = rs.getShort(12);
        line.account = Account.valueOf(rs.getString(13));
        line.side = Side.ofCode(rs.getString(14));
        line.amountMinor = rs.getLong(15);
        line.currency = rs.getString(16);
        line.originalAmountMinor = rs.getObject(17) == null ? null : rs.getLong(17);
        line.originalCurrency = rs.getString(18);
        line.exchangeRate = rs.getBigDecimal(19);
        return line;
    }

    /** The walk along one fund's chain, stopping at its first break. */
    private static final class ChainCheck {
        private final String fundCode;
        private final long recordedEntryCount;
        private final byte[] recordedHeadHash;
        private final long recordedDocumentCount;
        private final byte[] recordedDocumentHead;
        private final Map<Account, long[]> maintained = new EnumMap<>(Account.class);
        private byte[] documentHash = FundLedger.GENESIS_HASH;
        private long lastDocument;
        private Totals recomputed = Totals.zero();
        private byte[] runningHash = FundLedger.GENESIS_HASH;
        private long lastSequence;
        private Break firstBreak;

        ChainCheck(String fundCode, long recordedEntryCount, byte[] recordedHeadHash, long recordedDocumentCount,
                byte[] recordedDocumentHead) {
            this.fundCode = fundCode;
            this.recordedEntryCount = recordedEntryCount;
            this.recordedHeadHash = recordedHeadHash;
            this.recordedDocumentCount = recordedDocumentCount;
            this.recordedDocumentHead = recordedDocumentHead;
        }

        /** Checks the fund's next supporting document: its place in the chain, its hash, its bytes' SHA-256. */
        void checkDocument(ResultSet rs) throws SQLException {
            if (firstBreak != null) {
                return;
            }
            UUID id = rs.getObject(2, UUID.class);
            long sequence = rs.getLong(3);
            Instant attachedAt = rs.getObject(13, OffsetDateTime.class).toInstant();
            byte[] recordedSha256 = rs.getBytes(10);
            if (sequence != lastDocument + 1) {
                firstBreak = documentBreak(id, sequence, attachedAt, Reason.SEQUENCE_GAP,
                        "expected document " + (lastDocument + 1) + ", found " + sequence);
            } else if (!Arrays.equals(rs.getBytes(16), documentHash)) {
                firstBreak = documentBreak(id, sequence, attachedAt, Reason.PREVIOUS_HASH_MISMATCH,
                        "the document does not chain to the fund's previous document");
            } else {
                byte[] hash = DocumentHash.compute(documentHash, new DocumentHash.Content(id, fundCode, sequence,
                        rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getInt(9), recordedSha256, attachedAt, rs.getString(14), rs.getBytes(15)));
                if (!Arrays.equals(hash, rs.getBytes(17))) {
                    firstBreak = documentBreak(id, sequence, attachedAt, Reason.HASH_MISMATCH,
                            "the document's record differs from what was hashed when it was attached");
                } else if (!Arrays.equals(rs.getBytes(11), recordedSha256) || rs.getLong(12) != rs.getInt(9)) {
                    firstBreak = documentBreak(id, sequence, attachedAt, Reason.DOCUMENT_ALTERED,
                            "the document's bytes have the SHA-256 " + EntryHash.hex(rs.getBytes(11)) + ", not the "
                                    + EntryHash.hex(recordedSha256) + " recorded when it was attached");
                } else {
                    documentHash = hash;
                    lastDocument = sequence;
                }
            }
        }

        private Break documentBreak(UUID id, long sequence, Instant attachedAt, Reason reason, String detail) {
            return new Break(fundCode, null, id, sequence, attachedAt, reason, detail);
        }

        /** Checks the next entry of the chain; false when it was not checked, the chain having broken before. */
        boolean check(JournalEntry entry, List<JournalLine> lines, Totals totals) {
            if (firstBreak != null) {
                return false;
            }
            if (entry.sequence != lastSequence + 1) {
                breakAt(entry, Reason.SEQUENCE_GAP,
                        "expected sequence " + (lastSequence + 1) + ", found " + entry.sequence);
            } else if (!Arrays.equals(entry.previousHash, runningHash)) {
                breakAt(entry, Reason.PREVIOUS_HASH_MISMATCH, "the entry does not chain to the fund's previous entry");
            } else {
                byte[] hash = EntryHash.compute(runningHash, LedgerService.contentOf(entry, fundCode, lines));
                if (!Arrays.equals(hash, entry.hash)) {
                    breakAt(entry, Reason.HASH_MISMATCH,
                            "the entry or its lines differ from what was hashed when it was recorded");
                } else {
                    recomputed = recomputed.afterStored(lines, entry.reversesEntryId != null);
                    runningHash = hash;
                    lastSequence = entry.sequence;
                    checkTotals(entry, totals);
                }
            }
            return true;
        }

        FundChain finish() {
            if (firstBreak == null && (lastSequence != recordedEntryCount || !Arrays.equals(runningHash, recordedHeadHash))) {
                firstBreak = new Break(fundCode, null, null, null, null, Reason.HEAD_MISMATCH,
                        "the journal has " + lastSequence + " entries but the fund's head records " + recordedEntryCount
                                + " and hash " + EntryHash.hex(recordedHeadHash));
            }
            if (firstBreak == null && (lastDocument != recordedDocumentCount
                    || !Arrays.equals(documentHash, recordedDocumentHead))) {
                firstBreak = new Break(fundCode, null, null, null, null, Reason.HEAD_MISMATCH,
                        "the fund has " + lastDocument + " supporting documents but its head records "
                                + recordedDocumentCount + " and hash " + EntryHash.hex(recordedDocumentHead));
            }
            if (firstBreak == null) {
                for (Account account : Account.values()) {
                    long[] kept = maintained.getOrDefault(account, new long[2]);
                    if (kept[0] != recomputed.debitMinor(account) || kept[1] != recomputed.creditMinor(account)) {
                        firstBreak = new Break(fundCode, null, null, null, null, Reason.BALANCE_MISMATCH,
                                "account " + account + " keeps debits " + kept[0] + " and credits " + kept[1]
                                        + " but its lines sum to " + recomputed.debitMinor(account) + " and "
                                        + recomputed.creditMinor(account));
                        break;
                    }
                }
            }
            if (firstBreak == null) {
                long bank = recomputed.balanceMinor(Account.BANK);
                long available = recomputed.balanceMinor(Account.AVAILABLE);
                long committed = recomputed.balanceMinor(Account.COMMITMENTS);
                long receivable = recomputed.balanceMinor(Account.PLEDGES_RECEIVABLE);
                long toReceive = recomputed.balanceMinor(Account.PLEDGES_TO_RECEIVE);
                if (bank != available + committed || receivable != toReceive) {
                    firstBreak = new Break(fundCode, null, null, null, null, Reason.IDENTITY_BROKEN,
                            "bank " + bank + " should be available " + available + " + committed " + committed
                                    + ", and pledges receivable " + receivable + " should be pledges to receive "
                                    + toReceive);
                }
            }
            return new FundChain(fundCode, firstBreak == null ? Status.INTACT : Status.BROKEN, lastSequence,
                    EntryHash.hex(runningHash), lastDocument, EntryHash.hex(documentHash), firstBreak);
        }

        /** The totals kept after the entry, which point-in-time balances read, are the lines' sums up to it. */
        private void checkTotals(JournalEntry entry, Totals totals) {
            if (totals == null) {
                breakAt(entry, Reason.TOTALS_MISMATCH, "no totals were kept after this entry");
                return;
            }
            for (Account account : Account.values()) {
                if (totals.debitMinor(account) != recomputed.debitMinor(account)
                        || totals.creditMinor(account) != recomputed.creditMinor(account)) {
                    breakAt(entry, Reason.TOTALS_MISMATCH, "the totals kept after this entry say " + account
                            + " debits " + totals.debitMinor(account) + " and credits " + totals.creditMinor(account)
                            + " but the lines up to it sum to " + recomputed.debitMinor(account) + " and "
                            + recomputed.creditMinor(account));
                    return;
                }
            }
        }

        private void breakAt(JournalEntry entry, Reason reason, String detail) {
            firstBreak = new Break(fundCode, entry.id, null, entry.sequence, entry.recordedAt, reason, detail);
        }
    }
}
