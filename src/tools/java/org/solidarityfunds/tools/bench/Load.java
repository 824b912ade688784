package org.solidarityfunds.tools.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.solidarityfunds.ledger.Account;
import org.solidarityfunds.ledger.EntryHash;
import org.solidarityfunds.ledger.LedgerTotals;

/**
 * Bulk loader of a long, genuine contribution history into one fund (bench/README.md, "The
 * million-entry fund"). The service's own jar comes first on the class path, so that the hash
 * chain is computed by the service's EntryHash and cannot disagree with what its verification
 * recomputes (bench/run runs it so):
 *
 *   java -cp APP/app/fund-ledger-*.jar:TOOLS_CLASSPATH org.solidarityfunds.tools.bench.Load \
 *     --url=jdbc:postgresql://localhost:PORT/ledger --user=postgres --password=... \
 *     --fund=BENCH-1M --donor=UUID --entries=1000000 [--mode=fast|triggers] [--from=2015-01-01T00:00:00Z]
 *     [--to=2025-12-31T00:00:00Z] [--recorded-by=bench-loader] [--chunk=1000] [--seed=7]
 *
 * The fund and the donor are made through the API first; the fund's journal must be empty. Every
 * entry is what ContributionService.record writes for a contribution without allocation: a
 * CONTRIBUTION_RECEIVED entry (Dr BANK, Cr AVAILABLE) chained to the previous one, its 2 lines,
 * the totals after it (ledger_totals), its change-feed event (ledger_event) and its contribution
 * row; the fund's head (entry_count, head_hash, head_recorded_at) and maintained balances move
 * with them, under the lock of the fund's ledger row that every posting takes.
 *
 * One transaction per chunk of --chunk entries (1,000: as many as one bank-statement import
 * writes, so that the change feed holds ~1,000 events per transaction, as it would in service,
 * not a million in one), each written with COPY. Two modes:
 *
 * - triggers: as the application role (--user=ledger_app), every trigger on: the database checks
 *   each foreign key as each row arrives and, at each commit, that every entry balances (the
 *   deferred constraint trigger, once per entry; V17).
 * - fast (default): as the superuser, with session_replication_role = replica (SET LOCAL: this
 *   transaction only) for the COPYs, which skips those per-row triggers; primary keys, unique,
 *   NOT NULL and CHECK constraints still hold for every row, and the append-only triggers only
 *   concern UPDATE and DELETE. Then, triggers on again and before the commit, the same rules are
 *   checked once per chunk with a few indexed queries (checkChunk): any violation rolls the
 *   chunk back and the loader fails. Nothing is hidden: every rule a skipped trigger enforces is
 *   checked, once per chunk instead of once per row.
 *
 * recorded_at: strictly increasing instants spread evenly (with random jitter) over [from, to).
 * Prints one line "LOAD_JSON {...}" with what it loaded and how long it took.
 */
public class Load {

    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Paris"); // Clocks.BUSINESS_ZONE
    private static final String KIND = "CONTRIBUTION_RECEIVED";
    private static final String THIS_TX = "pg_current_xact_id()::xid";

    /**
     * The rule of journal_entry_balance_check() for each entry of the chunk (every line of the
     * entry counted: at least 2, debits = credits, all in the fund's currency), plus: the loader
     * writes no reversal; how many of the chunk's entries this transaction wrote; how many lines
     * of this transaction belong to them. (?: fund, first, last sequence)
     */
    private static final String CHECK_ENTRIES = """
            SELECT count(*) FILTER (WHERE e.xmin = %1$s),
                   count(*) FILTER (WHERE l.n < 2 OR l.debits IS DISTINCT FROM l.credits
                                       OR l.lowest <> fl.currency OR l.highest <> fl.currency
                                       OR e.reverses_entry_id IS NOT NULL),
                   coalesce(sum(l.written), 0)
              FROM journal_entry e JOIN fund_ledger fl ON fl.fund_id = e.fund_id
             CROSS JOIN LATERAL (
                   SELECT count(*) AS n, sum(amount_minor) FILTER (WHERE side = 'D') AS debits,
                          sum(amount_minor) FILTER (WHERE side = 'C') AS credits,
                          min(currency) AS lowest, max(currency) AS highest,
                          count(*) FILTER (WHERE xmin = %1$s) AS written
                     FROM journal_line WHERE entry_id = e.id) l
             WHERE e.fund_id = ? AND e.sequence BETWEEN ? AND ?""".formatted(THIS_TX);
    /** Totals of this transaction whose entry exists (foreign key). (?: fund, first, last sequence) */
    private static final String CHECK_TOTALS = """
            SELECT count(*) FROM ledger_totals t
              JOIN journal_entry e ON e.fund_id = t.fund_id AND e.sequence = t.sequence
             WHERE t.fund_id = ? AND t.sequence BETWEEN ? AND ? AND t.xmin = %s""".formatted(THIS_TX);
    /** Contributions of this transaction whose fund, donor, currency and entry exist. (?: fund, last number before) */
    private static final String CHECK_CONTRIBUTIONS = """
            SELECT count(*) FROM contribution c
              JOIN fund f ON f.id = c.fund_id JOIN donor d ON d.id = c.donor_id
              JOIN currency x ON x.code = c.currency JOIN journal_entry e ON e.id = c.entry_id
             WHERE c.fund_id = ? AND c.number > ? AND c.xmin = %s""".formatted(THIS_TX);
    /** Events of this transaction whose fund, currency and entry exist. (?: fund) */
    private static final String CHECK_EVENTS = """
            SELECT count(*) FROM ledger_event v
              JOIN fund f ON f.id = v.fund_id JOIN currency x ON x.code = v.currency
              JOIN journal_entry e ON e.id = v.entry_id
             WHERE v.fund_id = ? AND v.tx = pg_current_xact_id()""";

    /**
     * The rule of journal_entry_in_open_fiscal_year(): the chunk's entries are dated in fiscal
     * years made as the trigger makes them (fiscal_year_of), and open. (?: fund, first, last sequence)
     */
    private static final String CHECK_YEARS = """
            SELECT count(*) FROM (SELECT DISTINCT effective_date FROM journal_entry
                                   WHERE fund_id = ? AND sequence BETWEEN ? AND ?) d
             WHERE (fiscal_year_of(d.effective_date)).status <> 'OPEN'""";

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        String mode = opt.getOrDefault("mode", "fast");
        if (!mode.equals("fast") && !mode.equals("triggers")) {
            throw new IllegalArgumentException("--mode is fast or triggers");
        }
        boolean fast = mode.equals("fast");
        long entries = Long.parseLong(required(opt, "entries"));
        int chunk = Integer.parseInt(opt.getOrDefault("chunk", "1000"));

        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(required(opt, "url"), required(opt, "user"),
                required(opt, "password"))) {
            db.setAutoCommit(false);
            History history = new History(db, opt, entries);
            Timings timings = new Timings();
            // Generating a chunk (hashes, text) overlaps with writing the one before: one
            // generator thread, so the chain is still computed in order.
            ExecutorService generator = Executors.newSingleThreadExecutor();
            try {
                Future<Chunk> next = generator.submit(() -> history.generate(1, Math.min(entries, chunk)));
                long lastReport = 0;
                while (next != null) {
                    Chunk c = next.get();
                    long first = c.end() + 1;
                    next = first <= entries
                            ? generator.submit(() -> history.generate(first, Math.min(entries, first + chunk - 1)))
                            : null;
                    history.write(c, fast, timings);
                    if (c.end() == entries || System.nanoTime() - lastReport > 5_000_000_000L) {
                        progress(history.fundCode, c.end(), entries, started);
                        lastReport = System.nanoTime();
                    }
                }
            } finally {
                generator.shutdownNow();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.println("LOAD_JSON " + summary(history, mode, entries, chunk, seconds, timings));
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opt = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            opt.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return opt;
    }

    /** Where the time of the chunks' transactions went. */
    private static final class Timings {
        long copyNanos;
        long checkNanos;
        long commitNanos;
    }

    /** What was loaded and how long it took, as bench/run reads it. */
    private static String summary(History history, String mode, long entries, int chunk, double seconds,
            Timings timings) throws JsonProcessingException {
        ObjectNode json = new ObjectMapper().createObjectNode().put("fund", history.fundCode).put("mode", mode)
                .put("entries", entries).put("journal_lines", 2 * entries).put("seconds", round3(seconds))
                .put("entries_per_s", Math.round(entries / seconds)).put("copy_s", round3(timings.copyNanos / 1e9))
                .put("checks_s", round3(timings.checkNanos / 1e9)).put("commit_s", round3(timings.commitNanos / 1e9))
                .put("first_recorded_at", history.firstAt.toString()).put("last_recorded_at", history.lastAt.toString())
                .put("bank_minor", history.bankDebit).put("head_hash", hex(history.headHash)).put("chunk", chunk);
        return json.toString();
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** One chunk of the history, generated: the COPY text of each table, and the head after it. */
    private record Chunk(long first, long end, byte[] headBefore, byte[] headAfter, Instant lastAt, long bankDebit,
            long availableCredit, byte[] entries, byte[] lines, byte[] totals, byte[] contributions, byte[] events) {
    }

    /** The fund's history as it is generated: the chain's head and the running totals. */
    private static final class History {
        final Connection db;
        final CopyManager copy;
        final String fundCode;
        final UUID donorId;
        final String recordedBy;
        final long entries;
        final Instant from;
        final long slotMicros;
        final SplittableRandom random;
        final SplittableRandom ids = new SplittableRandom(new java.security.SecureRandom().nextLong());
        long fundId;
        String currency;
        String donorAccount;
        byte[] headHash;
        long bankDebit;
        long availableCredit;
        Instant firstAt;
        Instant lastAt;

        History(Connection db, Map<String, String> opt, long entries) throws SQLException {
            this.db = db;
            this.copy = db.unwrap(PGConnection.class).getCopyAPI();
            this.fundCode = required(opt, "fund");
            this.donorId = UUID.fromString(required(opt, "donor"));
            this.recordedBy = opt.getOrDefault("recorded-by", "bench-loader");
            this.entries = entries;
            this.from = Instant.parse(opt.getOrDefault("from", "2015-01-01T00:00:00Z"));
            Instant to = Instant.parse(opt.getOrDefault("to", "2025-12-31T00:00:00Z"));
            // Amounts, instants and dates repeat from run to run (--seed); ids are new every time.
            this.random = new SplittableRandom(Long.parseLong(opt.getOrDefault("seed", "7")));
            // Each entry gets its own slot of the period and a random instant inside it, so the
            // instants are strictly increasing (microseconds, as PostgreSQL and the service keep).
            this.slotMicros = entries < 1 ? 0 : ChronoUnit.MICROS.between(from, to) / entries;
            if (entries < 1 || slotMicros < 2) {
                throw new IllegalArgumentException("need at least 1 entry and 2 µs per entry in [from, to)");
            }
            try (PreparedStatement q = db.prepareStatement("""
                    SELECT l.fund_id, l.currency, l.entry_count, l.head_hash, f.status
                      FROM fund_ledger l JOIN fund f ON f.id = l.fund_id WHERE l.fund_code = ?""")) {
                q.setString(1, fundCode);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no fund " + fundCode + ": create it through the API first");
                    }
                    fundId = rs.getLong(1);
                    currency = rs.getString(2);
                    if (rs.getLong(3) != 0) {
                        throw new IllegalStateException("fund " + fundCode + " already has " + rs.getLong(3)
                                + " entries; the loader writes a whole history into an empty fund");
                    }
                    if (!"OPEN".equals(rs.getString(5))) {
                        throw new IllegalStateException("fund " + fundCode + " is " + rs.getString(5));
                    }
                    // The chain starts from the head the service wrote when it opened the ledger.
                    headHash = rs.getBytes(4);
                }
            }
            try (PreparedStatement q = db.prepareStatement("SELECT number FROM donor WHERE id = ?")) {
                q.setObject(1, donorId);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no donor " + donorId);
                    }
                    donorAccount = String.format("D%06d", rs.getLong(1)); // Donor.auxiliaryAccount()
                }
            }
            db.commit();
        }

        /**
         * One chunk in one transaction, its head checked under the fund's lock first; in the fast
         * mode, the per-row triggers off for the COPYs and their rules checked before the commit.
         */
        void write(Chunk c, boolean fast, Timings timings) throws Exception {
            lockAndCheckHead(c.first() - 1, c.headBefore());
            long numberBefore = fast ? lastContributionNumber() : 0;
            long t0 = System.nanoTime();
            if (fast) {
                sql("SET LOCAL session_replication_role = replica"); // superuser only; this transaction only
            }
            copy(c);
            if (fast) {
                sql("SET LOCAL session_replication_role = origin"); // triggers on again
            }
            moveHeadAndBalances(c);
            long t1 = System.nanoTime();
            if (fast) {
                checkChunk(c, numberBefore);
            }
            long t2 = System.nanoTime();
            db.commit(); // in the triggers mode, the deferred balance triggers run here
            timings.copyNanos += t1 - t0;
            timings.checkNanos += t2 - t1;
            timings.commitNanos += System.nanoTime() - t2;
        }

        /** Locks the fund's ledger row as a posting does, and checks that nobody moved its head meanwhile. */
        void lockAndCheckHead(long expectedCount, byte[] expectedHash) throws SQLException {
            try (PreparedStatement q = db.prepareStatement(
                    "SELECT entry_count, head_hash FROM fund_ledger WHERE fund_id = ? FOR NO KEY UPDATE")) {
                q.setLong(1, fundId);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) != expectedCount || !Arrays.equals(rs.getBytes(2), expectedHash)) {
                        throw new IllegalStateException("fund " + fundCode + " was posted to during the load");
                    }
                }
            }
        }

        /** Generates entries first..end: their rows, lines, totals, contributions and events as COPY text. */
        Chunk generate(long first, long end) {
            int n = (int) (end - first + 1);
            byte[] headBefore = headHash;
            StringBuilder entryRows = new StringBuilder(400 * n);
            StringBuilder lineRows = new StringBuilder(200 * n);
            StringBuilder totalsRows = new StringBuilder(120 * n);
            StringBuilder contributionRows = new StringBuilder(300 * n);
            StringBuilder eventRows = new StringBuilder(200 * n);
            for (long seq = first; seq <= end; seq++) {
                UUID entryId = uuid4(ids);
                UUID contributionId = uuid4(ids);
                Instant recordedAt = from.plus((seq - 1) * slotMicros + random.nextLong(slotMicros), ChronoUnit.MICROS);
                LocalDate receivedOn = LocalDate.ofInstant(recordedAt, BUSINESS_ZONE).minusDays(random.nextInt(4));
                long amount = 100 + random.nextLong(999_901); // 1.00 to 10,000.00
                String bankReference = fundCode + "-" + String.format("%09d", seq);
                // ContributionService.record's memo.
                String memo = "Contribution of donor " + donorAccount + ", bank reference " + bankReference;
                byte[] hash = EntryHash.compute(headHash, new EntryHash.Content(entryId.toString(), fundCode, seq,
                        KIND, memo, receivedOn.toString(), recordedAt, recordedBy, null, List.of(
                                new EntryHash.LineContent(1, "BANK", "D", amount, currency, null, null, null),
                                new EntryHash.LineContent(2, "AVAILABLE", "C", amount, currency, null, null, null))));
                bankDebit = Math.addExact(bankDebit, amount);
                availableCredit = Math.addExact(availableCredit, amount);
                String at = recordedAt.toString();
                // COPY text format: tab-separated, \N for NULL, bytea as \\x + hex.
                entryRows.append(entryId).append('\t').append(fundId).append('\t').append(seq).append('\t')
                        .append(KIND).append('\t').append(memo).append('\t').append(receivedOn).append('\t')
                        .append(at).append('\t').append(recordedBy).append("\t\\N\t\\\\x").append(hex(headHash))
                        .append("\t\\\\x").append(hex(hash)).append('\n');
                lineRows.append(entryId).append("\t1\tBANK\tD\t").append(amount).append('\t').append(currency)
                        .append('\n')
                        .append(entryId).append("\t2\tAVAILABLE\tC\t").append(amount).append('\t').append(currency)
                        .append('\n');
                // The totals after the entry, debit then credit of each account in the chart's order
                // (LedgerTotals.columns): a contribution moves BANK's debits and AVAILABLE's credits only.
                totalsRows.append(fundId).append('\t').append(seq).append('\t').append(at);
                for (Account account : Account.values()) {
                    totalsRows.append('\t').append(account == Account.BANK ? bankDebit : 0)
                            .append('\t').append(account == Account.AVAILABLE ? availableCredit : 0);
                }
                totalsRows.append('\n');
                contributionRows.append(contributionId).append('\t').append(fundId).append('\t').append(donorId)
                        .append('\t').append(amount).append('\t').append(currency).append('\t').append(receivedOn)
                        .append('\t').append(bankReference).append('\t').append(entryId).append('\t').append(at)
                        .append('\t').append(recordedBy).append('\n');
                // The event LedgerService.write records: the first line's amount, about the contribution.
                eventRows.append(fundId).append('\t').append(KIND).append('\t').append(amount).append('\t')
                        .append(currency).append('\t').append(entryId).append("\tcontribution\t")
                        .append(contributionId).append('\t').append(at).append('\n');
                headHash = hash;
                if (firstAt == null) {
                    firstAt = recordedAt;
                }
                lastAt = recordedAt;
            }
            return new Chunk(first, end, headBefore, headHash, lastAt, bankDebit, availableCredit, bytes(entryRows),
                    bytes(lineRows), bytes(totalsRows), bytes(contributionRows), bytes(eventRows));
        }

        /** Writes a chunk with COPY, table by table in the order of their foreign keys. */
        void copy(Chunk c) throws Exception {
            long n = c.end() - c.first() + 1;
            copyIn("journal_entry (id, fund_id, sequence, kind, memo, effective_date, recorded_at, recorded_by, "
                    + "reverses_entry_id, previous_hash, hash)", c.entries(), n);
            copyIn("journal_line (entry_id, line_no, account, side, amount_minor, currency)", c.lines(), 2 * n);
            copyIn("ledger_totals (fund_id, sequence, recorded_at, " + LedgerTotals.columns("") + ")", c.totals(), n);
            copyIn("contribution (id, fund_id, donor_id, amount_minor, currency, received_on, bank_reference, "
                    + "entry_id, created_at, created_by)", c.contributions(), n);
            copyIn("ledger_event (fund_id, type, amount_minor, currency, entry_id, reference_type, reference_id, "
                    + "occurred_at)", c.events(), n);
        }

        /** The head and the maintained balances, as LedgerService.write leaves them after the chunk's last entry. */
        void moveHeadAndBalances(Chunk c) throws SQLException {
            try (PreparedStatement u = db.prepareStatement(
                    "UPDATE fund_ledger SET entry_count = ?, head_hash = ?, head_recorded_at = ? WHERE fund_id = ?")) {
                u.setLong(1, c.end());
                u.setBytes(2, c.headAfter());
                u.setObject(3, OffsetDateTime.ofInstant(c.lastAt(), ZoneOffset.UTC));
                u.setLong(4, fundId);
                u.executeUpdate();
            }
            try (PreparedStatement u = db.prepareStatement("""
                    UPDATE ledger_account_balance
                       SET debit_total_minor = CASE account WHEN 'BANK' THEN ? ELSE debit_total_minor END,
                           credit_total_minor = CASE account WHEN 'AVAILABLE' THEN ? ELSE credit_total_minor END
                     WHERE fund_id = ? AND account IN ('BANK', 'AVAILABLE')""")) {
                u.setLong(1, c.bankDebit());
                u.setLong(2, c.availableCredit());
                u.setLong(3, fundId);
                if (u.executeUpdate() != 2) {
                    throw new IllegalStateException("fund " + fundCode + " lacks its BANK or AVAILABLE balance row");
                }
            }
        }

        /**
         * The fast mode's checks of a chunk, before its commit, triggers on: what the skipped
         * triggers would have refused. Each query finds the chunk's rows through an index and
         * counts those that hold; a row that breaks a foreign key or sits elsewhere than it should
         * is not counted, so every count must equal what COPY wrote.
         */
        void checkChunk(Chunk c, long numberBefore) throws SQLException {
            long n = c.end() - c.first() + 1;
            long[] entryCounts = query(CHECK_ENTRIES, fundId, c.first(), c.end());
            expect(entryCounts[0], n, "entries of the chunk written by this transaction");
            expect(entryCounts[1], 0, "entries with fewer than 2 lines, unbalanced, in another currency than the "
                    + "fund's, or reversing (journal_entry_balanced, journal_lines_balanced)");
            expect(entryCounts[2], 2 * n, "lines of this transaction that belong to the chunk's entries");
            expect(query(CHECK_TOTALS, fundId, c.first(), c.end())[0], n, "totals with their entry");
            expect(query(CHECK_CONTRIBUTIONS, fundId, numberBefore)[0], n,
                    "contributions with their fund, donor, currency and entry");
            expect(query(CHECK_EVENTS, fundId)[0], n, "events with their fund, currency and entry");
            expect(query(CHECK_YEARS, fundId, c.first(), c.end())[0], 0, "days in a fiscal year that is not open "
                    + "(journal_entry_fiscal_year)");
        }

        private void expect(long found, long expected, String what) throws SQLException {
            if (found != expected) {
                db.rollback();
                throw new IllegalStateException("fund " + fundCode + ": " + found + " " + what + ", expected "
                        + expected + "; this chunk was rolled back");
            }
        }

        private long[] query(String sql, long... parameters) throws SQLException {
            try (PreparedStatement q = db.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    q.setLong(i + 1, parameters[i]);
                }
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    long[] row = new long[rs.getMetaData().getColumnCount()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getLong(i + 1);
                    }
                    return row;
                }
            }
        }

        long lastContributionNumber() throws SQLException {
            return query("SELECT coalesce(max(number), 0) FROM contribution")[0];
        }

        void sql(String statement) throws SQLException {
            try (Statement s = db.createStatement()) {
                s.execute(statement);
            }
        }

        private void copyIn(String table, byte[] rows, long expected) throws Exception {
            long copied = copy.copyIn("COPY " + table + " FROM STDIN", new ByteArrayInputStream(rows));
            if (copied != expected) {
                throw new IllegalStateException("COPY " + table + " wrote " + copied + " rows, not " + expected);
            }
        }

        private static byte[] bytes(StringBuilder rows) {
            return rows.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void progress(String fundCode, long done, long entries, long started) {
        System.err.printf(Locale.ROOT, "%s: %d/%d entries (%.1f s)%n", fundCode, done, entries,
                (System.nanoTime() - started) / 1e9);
    }

    /** A random (version 4) UUID like UUID.randomUUID(), from a fast generator seeded once from SecureRandom. */
    private static UUID uuid4(SplittableRandom random) {
        long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String required(Map<String, String> opt, String name) {
        String value = opt.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("--" + name + "= is required");
        }
        return value;
    }
}
