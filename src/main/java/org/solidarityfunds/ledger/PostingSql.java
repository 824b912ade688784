package org.solidarityfunds.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The SQL of a posting, in plain JDBC and two round trips whatever the number of entries: the
 * fund's lock with the balances it guards, then every row the entries write (ADR 0020). Each
 * is one prepared query of several statements, which the driver sends together and PostgreSQL
 * runs one after the other, each a statement of its own: every trigger and constraint sees
 * what it saw when the rows went one by one, and the new rows of a table go in one statement,
 * from arrays, however many entries a batch import posts.
 */
final class PostingSql {

    /**
     * Locks the fund's ledger row (first: by it the transaction gets its id, and waits behind
     * another posting already with it, ADR 0006), then shares the fund's row, and reads whether
     * the transaction had an id before: in PostgreSQL's plan the uncorrelated sub-select is
     * evaluated as the row is produced, below the locking step. The row is the ledger as the lock
     * found it (the latest version, after waiting). The balances come from a second statement,
     * whose snapshot is taken once the lock is held: a sub-select of the first would read them as
     * they stood before the wait.
     */
    private static final String LOCK = """
            SELECT l.fund_code, l.currency, l.entry_count, l.head_hash, l.document_count, l.document_head_hash,
                   l.head_recorded_at, (SELECT pg_current_xact_id_if_assigned()) IS NULL AS first_write,
                   f.status AS fund_status
              FROM fund_ledger l JOIN fund f ON f.id = l.fund_id
             WHERE l.fund_id = ?
               FOR NO KEY UPDATE OF l FOR SHARE OF f;
            SELECT account, debit_total_minor, credit_total_minor FROM ledger_account_balance WHERE fund_id = ?""";

    private static final String ENTRIES = "INSERT INTO journal_entry (id, fund_id, sequence, kind, memo, effective_date,"
            + " recorded_at, recorded_by, reverses_entry_id, previous_hash, hash) SELECT * FROM unnest(?::uuid[],"
            + " ?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[], ?::date[], ?::timestamptz[], ?::varchar[],"
            + " ?::uuid[], ?::bytea[], ?::bytea[])";
    private static final String LINES = "INSERT INTO journal_line (entry_id, line_no, account, side, amount_minor,"
            + " currency, original_amount_minor, original_currency, exchange_rate) SELECT * FROM unnest(?::uuid[],"
            + " ?::smallint[], ?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[], ?::bigint[], ?::varchar[],"
            + " ?::numeric[])";
    private static final Account[] CHART = Account.values();
    private static final String TOTALS = "INSERT INTO ledger_totals (fund_id, sequence, recorded_at, "
            + LedgerTotals.columns("") + ") SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::timestamptz[]"
            + ", ?::bigint[]".repeat(2 * CHART.length) + ")";
    private static final String EVENTS = "INSERT INTO ledger_event (fund_id, type, amount_minor, currency, entry_id,"
            + " reference_type, reference_id, occurred_at) SELECT * FROM unnest(?::bigint[], ?::varchar[],"
            + " ?::bigint[], ?::varchar[], ?::uuid[], ?::varchar[], ?::uuid[], ?::timestamptz[])";
    private static final String BALANCES = "UPDATE ledger_account_balance b"
            + " SET debit_total_minor = v.debit, credit_total_minor = v.credit"
            + " FROM unnest(?::varchar[], ?::bigint[], ?::bigint[]) AS v (account, debit, credit)"
            + " WHERE b.fund_id = ? AND b.account = v.account";
    private static final String HEAD = "UPDATE fund_ledger SET entry_count = ?, head_hash = ?, head_recorded_at = ?"
            + " WHERE fund_id = ?";
    private static final String WRITE = String.join(";\n", ENTRIES, LINES, TOTALS, EVENTS, BALANCES, HEAD);
    private static final String DOCUMENT_HEAD = "UPDATE fund_ledger SET document_count = ?, document_head_hash = ?"
            + " WHERE fund_id = ?";

    private PostingSql() {
    }

    /** The fund's ledger as locked, its status, its balances, and whether the lock was the transaction's first write. */
    record Locked(FundLedger ledger, FundStatus status, Totals totals, boolean firstWrite) {
    }

    /** An entry to write, with its lines, the totals after it, and the record its event is about (null if none). */
    record Row(JournalEntry entry, List<JournalLine> lines, Totals totals, Reference about) {
    }

    /** Locks the fund and reads what the next posting starts from; empty if the fund has no ledger. */
    static Optional<Locked> lock(Connection connection, long fundId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setLong(1, fundId);
            lock.setLong(2, fundId);
            lock.execute();
            FundLedger ledger = new FundLedger();
            FundStatus status;
            boolean firstWrite;
            try (ResultSet rs = lock.getResultSet()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ledger.fundId = fundId;
                ledger.fundCode = rs.getString(1);
                ledger.currency = rs.getString(2);
                ledger.entryCount = rs.getLong(3);
                ledger.headHash = rs.getBytes(4);
                ledger.documentCount = rs.getLong(5);
                ledger.documentHeadHash = rs.getBytes(6);
                OffsetDateTime head = rs.getObject(7, OffsetDateTime.class);
                ledger.headRecordedAt = head == null ? null : head.toInstant();
                firstWrite = rs.getBoolean(8);
                status = FundStatus.valueOf(rs.getString(9));
            }
            if (!lock.getMoreResults()) {
                throw new IllegalStateException("the lock of fund " + fundId + " answered no balances");
            }
            long[] debit = new long[CHART.length];
            long[] credit = new long[CHART.length];
            try (ResultSet rs = lock.getResultSet()) {
                while (rs.next()) {
                    int account = Account.valueOf(rs.getString(1)).ordinal();
                    debit[account] = rs.getLong(2);
                    credit[account] = rs.getLong(3);
                }
            }
            return Optional.of(new Locked(ledger, status, Totals.of(debit, credit), firstWrite));
        }
    }

    /**
     * Writes the entries (in chain order), their lines, the totals after each, their events, the
     * fund's balances after the last ({@code moved}: the accounts that changed) and the chain's
     * new head, in one round trip. Refused as a whole if any row is (the transaction then ends).
     */
    static void write(Connection connection, FundLedger ledger, List<Row> rows, Totals after, List<Account> moved)
            throws SQLException {
        List<JournalLine> lines = rows.stream().flatMap(row -> row.lines().stream()).toList();
        try (PreparedStatement write = connection.prepareStatement(WRITE)) {
            Binder bind = new Binder(connection, write);
            bind.array("uuid", rows, row -> row.entry().id);
            bind.array("int8", rows, row -> row.entry().fundId);
            bind.array("int8", rows, row -> row.entry().sequence);
            bind.array("varchar", rows, row -> row.entry().kind.name());
            bind.array("varchar", rows, row -> row.entry().memo);
            bind.array("date", rows, row -> row.entry().effectiveDate);
            bind.array("timestamptz", rows, row -> utc(row.entry().recordedAt));
            bind.array("varchar", rows, row -> row.entry().recordedBy);
            bind.array("uuid", rows, row -> row.entry().reversesEntryId);
            bind.bytes(rows, row -> row.entry().previousHash);
            bind.bytes(rows, row -> row.entry().hash);

            bind.array("uuid", lines, line -> line.entryId);
            bind.array("int2", lines, line -> line.lineNo);
            bind.array("varchar", lines, line -> line.account.name());
            bind.array("varchar", lines, line -> line.side.code());
            bind.array("int8", lines, line -> line.amountMinor);
            bind.array("varchar", lines, line -> line.currency);
            bind.array("int8", lines, line -> line.originalAmountMinor);
            bind.array("varchar", lines, line -> line.originalCurrency);
            bind.array("numeric", lines, line -> line.exchangeRate == null ? null : line.exchangeRate.toPlainString());

            bind.array("int8", rows, row -> row.entry().fundId);
            bind.array("int8", rows, row -> row.entry().sequence);
            bind.array("timestamptz", rows, row -> utc(row.entry().recordedAt));
            for (Account account : CHART) {
                bind.array("int8", rows, row -> row.totals().debitMinor(account));
                bind.array("int8", rows, row -> row.totals().creditMinor(account));
            }

            // The first line carries the fact's amount (money received, committed, paid, pledged...);
            // a contribution's pledge lines come after it, and a reversal keeps the order it reverses.
            bind.array("int8", rows, row -> row.entry().fundId);
            bind.array("varchar", rows, row -> row.entry().kind.name());
            bind.array("int8", rows, row -> row.lines().get(0).amountMinor);
            bind.array("varchar", rows, row -> row.lines().get(0).currency);
            bind.array("uuid", rows, row -> row.entry().id);
            bind.array("varchar", rows, row -> row.about() == null ? null : row.about().type());
            bind.array("uuid", rows, row -> row.about() == null ? null : row.about().id());
            bind.array("timestamptz", rows, row -> utc(row.entry().recordedAt));

            bind.array("varchar", moved, Account::name);
            bind.array("int8", moved, after::debitMinor);
            bind.array("int8", moved, after::creditMinor);
            bind.value(ledger.fundId);

            bind.value(ledger.entryCount);
            write.setBytes(bind.next(), ledger.headHash);
            write.setObject(bind.next(), utc(ledger.headRecordedAt));
            bind.value(ledger.fundId);

            write.execute();
            int[] expected = {rows.size(), lines.size(), rows.size(), rows.size(), moved.size(), 1};
            for (int i = 0; i < expected.length; i++) {
                if (i > 0 && !(write.getMoreResults() || write.getUpdateCount() >= 0)) {
                    throw new IllegalStateException("a posting's write answered " + i + " of its 6 statements");
                }
                if (write.getUpdateCount() != expected[i]) {
                    throw new IllegalStateException("statement " + (i + 1) + " of a posting to fund " + ledger.fundCode
                            + " wrote " + write.getUpdateCount() + " rows, not " + expected[i]);
                }
            }
        }
    }

    /** Moves the head of the fund's documents chain (ADR 0018). */
    static void writeDocumentHead(Connection connection, FundLedger ledger) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(DOCUMENT_HEAD)) {
            update.setLong(1, ledger.documentCount);
            update.setBytes(2, ledger.documentHeadHash);
            update.setLong(3, ledger.fundId);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("fund " + ledger.fundCode + " has no ledger row to chain a document to");
            }
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Binds the parameters in order: arrays of one column of the rows, or single values. */
    private static final class Binder {
        private final Connection connection;
        private final PreparedStatement statement;
        private int index;

        Binder(Connection connection, PreparedStatement statement) {
            this.connection = connection;
            this.statement = statement;
        }

        int next() {
            return ++index;
        }

        /**
         * An array of that SQL type, sent as text: each value as its {@code toString()}, which
         * PostgreSQL reads back as the same value (ISO dates and instants, plain decimals); the
         * driver quotes and escapes every element.
         */
        <T> void array(String type, List<T> rows, Function<T, Object> column) throws SQLException {
            String[] values = new String[rows.size()];
            for (int i = 0; i < values.length; i++) {
                Object value = column.apply(rows.get(i));
                values[i] = value == null ? null : value.toString();
            }
            statement.setArray(next(), connection.createArrayOf(type, values));
        }

        <T> void bytes(List<T> rows, Function<T, byte[]> column) throws SQLException {
            byte[][] values = new byte[rows.size()][];
            for (int i = 0; i < values.length; i++) {
                values[i] = column.apply(rows.get(i));
            }
            statement.setArray(next(), connection.createArrayOf("bytea", values));
        }

        void value(long value) throws SQLException {
            statement.setLong(next(), value);
        }
    }
}
