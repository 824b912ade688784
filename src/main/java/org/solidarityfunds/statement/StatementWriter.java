package org.solidarityfunds.statement;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;
import org.solidarityfunds.common.CsvCells;
import org.solidarityfunds.ledger.Account;
import org.solidarityfunds.ledger.LedgerTotals;
import org.solidarityfunds.ledger.Totals;
import org.solidarityfunds.ledger.Side;

/**
 * Writes a statement as it reads it: one REPEATABLE READ snapshot, the opening balances from
 * the totals kept with the last entry before the period (one index probe), then the journal
 * lines of the period in posting order, fetched {@value #FETCH_SIZE} at a time and written at
 * once, each with the running balance of its account. Memory does not grow with the period.
 *
 * <p>The output is closed (the JSON object ended, the buffers flushed) only once the statement
 * is whole. When reading fails, the database gone mid-statement say, what is still buffered is
 * dropped and the failure goes up: before the first bytes have left it is answered as any
 * other failure, after them StatementResource cuts the response, so that a statement cut short
 * never reads as a complete one (a closed JSON object, a CSV that just ends).
 */
@ApplicationScoped
class StatementWriter {

    static final int FETCH_SIZE = 1_000;

    private static final String LAST_BEFORE = """
            SELECT sequence FROM ledger_totals WHERE fund_id = ? AND recorded_at < ?
             ORDER BY recorded_at DESC, sequence DESC LIMIT 1
            """;
    private static final String TOTALS = "SELECT " + LedgerTotals.columns("")
            + " FROM ledger_totals WHERE fund_id = ? AND sequence = ?";
    private static final String LINES = """
            SELECT e.sequence, e.id, e.kind, e.recorded_at, e.effective_date, e.memo,
                   l.line_no, l.account, l.side, l.amount_minor
              FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id
             WHERE e.fund_id = ? AND e.sequence > ? AND e.sequence <= ?
             ORDER BY e.sequence, l.line_no
            """;
    /** The CSV columns, in order. */
    static final String CSV_HEADER = "sequence,entry_id,kind,recorded_at,effective_date,memo,line,account,side,"
            + "amount,currency,balance_after";

    private final DataSource dataSource;
    private final JsonFactory json = new JsonFactory();

    StatementWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One journal line of the statement, and its account's balance after it. */
    private record Row(long sequence, String entryId, String kind, OffsetDateTime recordedAt, LocalDate effectiveDate,
            String memo, int line, Account account, Side side, long amountMinor, long balanceAfterMinor) {
    }

    /** Receives the statement's parts in order: a JSON or a CSV rendering. */
    private interface Sink {
        void opening(Map<Account, Long> balances) throws IOException;

        void row(Row row) throws IOException;

        void closing(Map<Account, Long> balances) throws IOException;
    }

    void writeJson(Period period, OutputStream out) {
        try {
            JsonGenerator generator = json.createGenerator(out, JsonEncoding.UTF8);
            generator.writeStartObject();
            generator.writeStringField("fundCode", period.fundCode());
            generator.writeStringField("currency", period.currency().getCurrencyCode());
            generator.writeStringField("from", period.from().toString());
            generator.writeStringField("to", period.to().toString());
            write(period, new Sink() {
                @Override
                public void opening(Map<Account, Long> balances) throws IOException {
                    balances(generator, "opening", balances, period);
                    generator.writeArrayFieldStart("movements");
                }

                @Override
                public void row(Row row) throws IOException {
                    generator.writeStartObject();
                    generator.writeNumberField("sequence", row.sequence());
                    generator.writeStringField("entryId", row.entryId());
                    generator.writeStringField("kind", row.kind());
                    generator.writeStringField("recordedAt", row.recordedAt().toInstant().toString());
                    generator.writeStringField("effectiveDate", row.effectiveDate().toString());
                    generator.writeStringField("memo", row.memo());
                    generator.writeNumberField("line", row.line());
                    generator.writeStringField("account", row.account().name());
                    generator.writeStringField("side", row.side().name());
                    money(generator, "amount", row.amountMinor(), period);
                    money(generator, "balanceAfter", row.balanceAfterMinor(), period);
                    generator.writeEndObject();
                }

                @Override
                public void closing(Map<Account, Long> balances) throws IOException {
                    generator.writeEndArray();
                    balances(generator, "closing", balances, period);
                }
            });
            generator.writeEndObject();
            generator.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CSV for spreadsheets: UTF-8 with a byte order mark (so that Excel reads it as UTF-8),
     * RFC 4180 quoting, CRLF line ends, a header row, one row per journal line, amounts as
     * decimals with a dot. A text cell that a spreadsheet would take for a formula (starting
     * with =, +, -, @, tab or carriage return) is written with a leading apostrophe.
     */
    void writeCsv(Period period, OutputStream out) {
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            writer.write('\uFEFF');
            writer.write(CSV_HEADER);
            writer.write("\r\n");
            String currency = period.currency().getCurrencyCode();
            write(period, new Sink() {
                @Override
                public void opening(Map<Account, Long> balances) {
                }

                @Override
                public void row(Row row) throws IOException {
                    writer.write(row.sequence() + "," + row.entryId() + "," + row.kind() + ","
                            + row.recordedAt().toInstant() + "," + row.effectiveDate() + ","
                            + CsvCells.text(row.memo()) + ","
                            + row.line() + "," + row.account() + "," + row.side() + ","
                            + decimal(row.amountMinor(), period) + "," + currency + ","
                            + decimal(row.balanceAfterMinor(), period) + "\r\n");
                }

                @Override
                public void closing(Map<Account, Long> balances) {
                }
            });
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Period period, Sink sink) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                long openingSequence = lastSequenceBefore(connection, period, period.from());
                long closingSequence = lastSequenceBefore(connection, period, period.to());
                Map<Account, Long> balances = totalsAfter(connection, period.fundId(), openingSequence);
                sink.opening(balances);
                if (closingSequence > openingSequence) {
                    try (PreparedStatement lines = connection.prepareStatement(LINES)) {
                        lines.setFetchSize(FETCH_SIZE);
                        lines.setLong(1, period.fundId());
                        lines.setLong(2, openingSequence);
                        lines.setLong(3, closingSequence);
                        try (ResultSet rs = lines.executeQuery()) {
                            while (rs.next()) {
                                Account account = Account.valueOf(rs.getString(8));
                                Side side = "D".equals(rs.getString(9)) ? Side.DEBIT : Side.CREDIT;
                                long amount = rs.getLong(10);
                                long after = Math.addExact(balances.get(account), side == Side.DEBIT
                                        ? account.balanceOf(amount, 0) : account.balanceOf(0, amount));
                                balances.put(account, after);
                                sink.row(new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, LocalDate.class),
                                        rs.getString(6), rs.getInt(7), account, side, amount, after));
                            }
                        }
                    }
                }
                sink.closing(balances);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the statement could not be read", e);
        }
    }

    /** The sequence of the fund's last entry recorded before the instant; 0 when there is none. */
    private static long lastSequenceBefore(Connection connection, Period period, Instant instant)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(LAST_BEFORE)) {
            query.setLong(1, period.fundId());
            query.setObject(2, instant.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Each account's balance on its normal side after an entry; all zero after "entry 0". */
    private static Map<Account, Long> totalsAfter(Connection connection, long fundId, long sequence)
            throws SQLException {
        Map<Account, Long> balances = new EnumMap<>(Account.class);
        for (Account account : Account.values()) {
            balances.put(account, 0L);
        }
        if (sequence == 0) {
            return balances;
        }
        try (PreparedStatement query = connection.prepareStatement(TOTALS)) {
            query.setLong(1, fundId);
            query.setLong(2, sequence);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                Totals totals = LedgerTotals.read(rs, 1).orElseThrow();
                for (Account account : Account.values()) {
                    balances.put(account, totals.balanceMinor(account));
                }
            }
        }
        return balances;
    }

    private static void balances(JsonGenerator generator, String field, Map<Account, Long> balances, Period period)
            throws IOException {
        generator.writeObjectFieldStart(field);
        for (Account account : Account.values()) {
            money(generator, account.field(), balances.get(account), period);
        }
        generator.writeEndObject();
    }

    private static void money(JsonGenerator generator, String field, long amountMinor, Period period)
            throws IOException {
        generator.writeObjectFieldStart(field);
        generator.writeNumberField("amountMinor", amountMinor);
        generator.writeStringField("currency", period.currency().getCurrencyCode());
        generator.writeEndObject();
    }

    private static String decimal(long amountMinor, Period period) {
        return BigDecimal.valueOf(amountMinor, period.currency().getDefaultFractionDigits()).toPlainString();
    }
}
