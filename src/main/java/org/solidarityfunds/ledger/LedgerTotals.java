package org.solidarityfunds.ledger;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.Session;

/**
 * The table ledger_totals: the totals of every account of a fund as they stood right after
 * each of its entries, written with the entry, which a balance at a past instant is read from
 * in one index probe (docs/concepts/ledger.md). Its columns are derived from the chart
 * ({@link Account#column}), here only.
 */
public final class LedgerTotals {

    private static final Account[] CHART = Account.values();
    private static final String INSERT = "INSERT INTO ledger_totals (fund_id, sequence, recorded_at, " + columns("")
            + ") VALUES (?, ?, ?" + ", ?".repeat(2 * CHART.length) + ")";
    /**
     * A fund's totals at an instant (its currency, the sequence and hash of the last entry
     * recorded at or before it, then {@link #columns}; nulls before its first entry), found by
     * its code: one statement, so one snapshot, one probe of the (fund, recorded at) index.
     */
    static final String AS_OF = "SELECT l.currency, k.sequence, k.hash, " + columns("k")
            + " FROM fund_ledger l LEFT JOIN LATERAL (SELECT t.sequence, e.hash, " + columns("t")
            + " FROM ledger_totals t JOIN journal_entry e ON e.fund_id = t.fund_id AND e.sequence = t.sequence"
            + " WHERE t.fund_id = l.fund_id AND t.recorded_at <= ? ORDER BY t.recorded_at DESC, t.sequence DESC"
            + " LIMIT 1) k ON true WHERE l.fund_code = ?";
    // One probe of the (fund, recorded at) index per cutoff, with the hash of the entry found.
    private static final String LAST_AT_OR_BEFORE_EACH = "SELECT c.n, k.* FROM unnest(?::timestamptz[]) WITH ORDINALITY"
            + " AS c(cutoff, n) CROSS JOIN LATERAL (SELECT t.sequence, e.hash, " + columns("t")
            + " FROM ledger_totals t JOIN journal_entry e ON e.fund_id = t.fund_id AND e.sequence = t.sequence"
            + " WHERE t.fund_id = ? AND t.recorded_at <= c.cutoff ORDER BY t.recorded_at DESC, t.sequence DESC"
            + " LIMIT 1) k ORDER BY c.n";

    private LedgerTotals() {
    }

    /** The totals kept after one entry. */
    record Row(long fundId, long sequence, Instant recordedAt, Totals totals) {
    }

    /** The totals kept after an entry, with that entry's hash. */
    record KeptWithHash(long sequence, byte[] hash, Totals totals) {
    }

    /** The totals columns, debit then credit of each account in the chart's order, each prefixed by {@code alias.} if given. */
    public static String columns(String alias) {
        String prefix = alias.isEmpty() ? "" : alias + ".";
        return Arrays.stream(CHART)
                .flatMap(account -> Stream.of(account.column(Side.DEBIT), account.column(Side.CREDIT)))
                .map(column -> prefix + column)
                .collect(Collectors.joining(", "));
    }

    /** The totals read from {@link #columns} starting at that (1-based) column; empty if the first is null (no row). */
    public static Optional<Totals> read(ResultSet rs, int firstColumn) throws SQLException {
        if (rs.getObject(firstColumn) == null) {
            return Optional.empty();
        }
        long[] debit = new long[CHART.length];
        long[] credit = new long[CHART.length];
        for (int i = 0; i < CHART.length; i++) {
            debit[i] = rs.getLong(firstColumn + 2 * i);
            credit[i] = rs.getLong(firstColumn + 2 * i + 1);
        }
        return Optional.of(Totals.of(debit, credit));
    }

    /**
     * Writes the rows in one JDBC batch. The entries they follow must have reached the database
     * (the rows reference them): the caller flushes first.
     */
    static void insert(EntityManager em, List<Row> rows) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Row row : rows) {
                    insert.setLong(1, row.fundId());
                    insert.setLong(2, row.sequence());
                    insert.setObject(3, row.recordedAt().atOffset(ZoneOffset.UTC));
                    int column = 4;
                    for (Account account : CHART) {
                        insert.setLong(column++, row.totals().debitMinor(account));
                        insert.setLong(column++, row.totals().creditMinor(account));
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * For each instant, the totals after the last entry recorded at or before it; empty where
     * no entry was recorded yet.
     */
    static List<Optional<KeptWithHash>> lastAtOrBeforeEach(EntityManager em, long fundId, List<Instant> instants) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<Optional<KeptWithHash>> kept = new ArrayList<>(Collections.nCopies(instants.size(), Optional.empty()));
            try (PreparedStatement query = connection.prepareStatement(LAST_AT_OR_BEFORE_EACH)) {
                query.setArray(1, connection.createArrayOf("timestamptz",
                        instants.stream().map(instant -> instant.atOffset(ZoneOffset.UTC)).toArray()));
                query.setLong(2, fundId);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        kept.set(rs.getInt(1) - 1, Optional.of(
                                new KeptWithHash(rs.getLong(2), rs.getBytes(3), read(rs, 4).orElseThrow())));
                    }
                }
            }
            return kept;
        });
    }
}
