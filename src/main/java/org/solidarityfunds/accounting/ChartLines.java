package org.solidarityfunds.accounting;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.solidarityfunds.donor.DonorKind;
import org.solidarityfunds.donor.DonorView;
import org.solidarityfunds.ledger.Account;
import org.solidarityfunds.ledger.EntryKind;
import org.solidarityfunds.ledger.Side;

/**
 * The journal's lines read in the chart: each line of the entries dated in a period, with the
 * general account it goes to, in the order of the entries' dates (then as they were recorded).
 * One read-only REPEATABLE READ snapshot, fetched {@value #FETCH_SIZE} rows at a time: memory
 * does not grow with the period. The donor whose money a line moves is the one of the pledge or
 * the contribution its entry's event is about (a reversal's event is about the same record).
 */
@ApplicationScoped
public class ChartLines {

    static final int FETCH_SIZE = 1_000;

    /**
     * Each line with what the chart reads it by: the event of its entry (a reversal's, the
     * reversed entry's, alias o) and the donor (alias d) of the record the entry's one event is about.
     */
    static final String LINES_WITH_DONORS = """
              JOIN journal_line l ON l.entry_id = e.id
              LEFT JOIN journal_entry o ON o.id = e.reverses_entry_id
              LEFT JOIN ledger_event ev ON ev.entry_id = e.id
              LEFT JOIN pledge p ON ev.reference_type = 'pledge' AND p.id = ev.reference_id
              LEFT JOIN contribution c ON ev.reference_type = 'contribution' AND c.id = ev.reference_id
              LEFT JOIN donor d ON d.id = coalesce(p.donor_id, c.donor_id)
            """;

    private static final String LINES = """
            SELECT e.id, f.fund_code, e.sequence, e.kind, coalesce(o.kind, e.kind), e.memo, e.effective_date,
                   e.recorded_at, e.hash, e.reverses_entry_id, l.line_no, l.account, l.side, l.amount_minor,
                   l.currency, l.original_amount_minor, l.original_currency, d.kind, d.number
              FROM journal_entry e
              JOIN fund_ledger f ON f.fund_id = e.fund_id
            """ + LINES_WITH_DONORS + """
             WHERE e.effective_date BETWEEN ? AND ? AND (? OR e.fund_id = ?)
             ORDER BY e.effective_date, e.recorded_at, e.fund_id, e.sequence, l.line_no
            """;

    /** The same lines, summed in the database by what decides their general account and their year. */
    private static final String SUMS = """
            SELECT l.account, l.side, coalesce(o.kind, e.kind), d.kind, l.currency, e.effective_date < ?,
                   sum(l.amount_minor)
              FROM journal_entry e
            """ + LINES_WITH_DONORS + """
             WHERE e.effective_date <= ? AND (? OR e.fund_id = ?)
             GROUP BY 1, 2, 3, 4, 5, 6
            """;
    /** The closings' fonds dédiés entries, already in the chart: their lines, or their sums as above. */
    private static final String YEAR_END_LINES = """
            SELECT y.id, f.fund_code, y.effective_date, l.line_no, l.account, l.side, l.amount_minor, l.currency
              FROM year_end_entry y
              JOIN fund_ledger f ON f.fund_id = y.fund_id
              JOIN year_end_line l ON l.entry_id = y.id
             WHERE y.kind = 'DEDICATED_FUNDS' AND y.effective_date BETWEEN ? AND ? AND (? OR y.fund_id = ?)
             ORDER BY y.effective_date, f.fund_code, l.line_no
            """;
    private static final String YEAR_END_SUMS = """
            SELECT l.account, l.side, l.currency, y.effective_date < ?, sum(l.amount_minor)
              FROM year_end_entry y
              JOIN year_end_line l ON l.entry_id = y.id
             WHERE y.kind = 'DEDICATED_FUNDS' AND y.effective_date <= ? AND (? OR y.fund_id = ?)
             GROUP BY 1, 2, 3, 4
            """;
    private static final String FUNDS = "SELECT fund_code, currency FROM fund_ledger WHERE ? OR fund_id = ? ORDER BY fund_code";

    private final AgroalDataSource dataSource;
    private final Chart chart;

    ChartLines(AgroalDataSource dataSource, Chart chart) {
        this.dataSource = dataSource;
        this.chart = chart;
    }

    /** One line of an entry, with the general account it goes to. */
    public record Line(String entryId, String fundCode, long sequence, EntryKind kind, String memo,
            LocalDate effectiveDate, OffsetDateTime recordedAt, String hash, String reversesEntryId, int lineNo,
            Account fundAccount, String account, Side side, long amountMinor, String currency,
            Long originalAmountMinor, String originalCurrency, String donorAccount) {
    }

    /** A line of a closing's fonds dédiés entry (YearEndClosing), dated the last day of its year. */
    public record YearEndLine(String entryId, String fundCode, LocalDate effectiveDate, int lineNo, String account,
            Side side, long amountMinor, String currency) {
    }

    /** Receives the funds the lines may be of, then the lines in order, then the closings' fonds dédiés. */
    public interface Sink {
        default void funds(List<Fund> funds) {
        }

        void line(Line line);

        default void yearEndLine(YearEndLine line) {
        }
    }

    /** What the lines of one general account, side and currency add up to, dated before a day or not. */
    public record Sum(String account, Side side, String currency, boolean beforeDay, BigInteger amountMinor) {
    }

    /**
     * The lines dated up to {@code to}, the closings' fonds dédiés with them, summed by general
     * account, side and currency, apart for those dated before {@code day}: aggregates in the
     * database, whatever the journal's size. A closed year's lines no longer change: the two
     * reads agree whenever a closing commits between them.
     */
    public List<Sum> sums(LocalDate day, LocalDate to, OptionalLong fundId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(SUMS);
                PreparedStatement yearEnd = connection.prepareStatement(YEAR_END_SUMS)) {
            List<Sum> sums = new ArrayList<>();
            try (ResultSet rs = period(query, day, to, fundId).executeQuery()) {
                while (rs.next()) {
                    Account fundAccount = Account.valueOf(rs.getString(1));
                    String donorKind = rs.getString(4);
                    sums.add(new Sum(chart.accountOf(fundAccount, EntryKind.valueOf(rs.getString(3)),
                            donorKind == null ? null : DonorKind.valueOf(donorKind)), Side.ofCode(rs.getString(2)),
                            rs.getString(5), rs.getBoolean(6), rs.getBigDecimal(7).toBigIntegerExact()));
                }
            }
            try (ResultSet rs = period(yearEnd, day, to, fundId).executeQuery()) {
                while (rs.next()) {
                    sums.add(new Sum(rs.getString(1), Side.ofCode(rs.getString(2)), rs.getString(3), rs.getBoolean(4),
                            rs.getBigDecimal(5).toBigIntegerExact()));
                }
            }
            return sums;
        } catch (SQLException e) {
            throw new IllegalStateException("the journal's sums could not be read", e);
        }
    }

    /** A fund as its ledger keeps it: its code and its currency. */
    public record Fund(String code, String currency) {
    }

    /** The funds (of one fund, or all), then every line of the entries dated from {@code from} to {@code to}. */
    public void read(LocalDate from, LocalDate to, OptionalLong fundId, Sink sink) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try (PreparedStatement query = connection.prepareStatement(FUNDS)) {
                query.setBoolean(1, fundId.isEmpty());
                query.setLong(2, fundId.orElse(0));
                List<Fund> funds = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        funds.add(new Fund(rs.getString(1), rs.getString(2)));
                    }
                }
                sink.funds(funds);
            }
            try (PreparedStatement query = connection.prepareStatement(LINES);
                    PreparedStatement yearEnd = connection.prepareStatement(YEAR_END_LINES)) {
                query.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = period(query, from, to, fundId).executeQuery()) {
                    while (rs.next()) {
                        sink.line(lineOf(rs));
                    }
                }
                try (ResultSet rs = period(yearEnd, from, to, fundId).executeQuery()) {
                    while (rs.next()) {
                        sink.yearEndLine(new YearEndLine(rs.getString(1), rs.getString(2),
                                rs.getObject(3, LocalDate.class), rs.getInt(4), rs.getString(5),
                                Side.ofCode(rs.getString(6)), rs.getLong(7), rs.getString(8)));
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the journal's lines could not be read", e);
        }
    }

    /** The four parameters every query here takes: two days, and one fund or all. */
    private static PreparedStatement period(PreparedStatement query, LocalDate first, LocalDate last,
            OptionalLong fundId) throws SQLException {
        query.setObject(1, first);
        query.setObject(2, last);
        query.setBoolean(3, fundId.isEmpty());
        query.setLong(4, fundId.orElse(0));
        return query;
    }

    private Line lineOf(ResultSet rs) throws SQLException {
        Account fundAccount = Account.valueOf(rs.getString(12));
        EntryKind event = EntryKind.valueOf(rs.getString(5));
        String donorKind = rs.getString(18);
        long donorNumber = rs.getLong(19);
        boolean hasDonor = !rs.wasNull();
        long original = rs.getLong(16);
        boolean hasOriginal = !rs.wasNull();
        return new Line(rs.getString(1), rs.getString(2), rs.getLong(3), EntryKind.valueOf(rs.getString(4)),
                rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, OffsetDateTime.class),
                HexFormat.of().formatHex(rs.getBytes(9)), rs.getString(10), rs.getInt(11), fundAccount,
                chart.accountOf(fundAccount, event, donorKind == null ? null : DonorKind.valueOf(donorKind)),
                Side.ofCode(rs.getString(13)), rs.getLong(14), rs.getString(15), hasOriginal ? original : null,
                rs.getString(17), hasDonor ? DonorView.auxiliaryAccountOf(donorNumber) : null);
    }
}
