package org.solidarityfunds.accounting;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** What the closings wrote, read back: the chart and FEC each kept, the fonds dédiés each booked. */
@ApplicationScoped
class ClosedYears {

    private final AgroalDataSource dataSource;
    private final FecFile fec;

    ClosedYears(AgroalDataSource dataSource, FecFile fec) {
        this.dataSource = dataSource;
        this.fec = fec;
    }

    /** A year's closing: the chart it read the year in, and its FEC by name, digest, size and separator. */
    record Closing(Chart chart, String fecFileName, String fecSha256, long fecLines, long fecBytes,
            FecFile.Separator fecSeparator) {
    }

    Optional<Closing> closing(long yearId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT chart, fec_file_name, fec_sha256, fec_lines, fec_bytes, fec_separator FROM year_end_closing "
                        + "WHERE fiscal_year_id = ?")) {
            query.setLong(1, yearId);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String separator = rs.getString(6);
                return Optional.of(new Closing(Charts.read(rs.getString(1)), rs.getString(2),
                        HexFormat.of().formatHex(rs.getBytes(3)), rs.getLong(4), rs.getLong(5),
                        FecFile.Separator.ofCode(separator).orElseThrow(() -> new IllegalStateException(
                                "a closing kept the FEC separator \"" + separator + "\", which is not one"))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the year's closing could not be read", e);
        }
    }

    /**
     * Writes a closed year's FEC again, on a snapshot of its own, with the separator its closing
     * kept (not the one configured now): the same bytes as its closing's, checked against the
     * digest it kept as they go. Should they differ (the rows it is made of were changed behind
     * the service), the download fails at its end rather than pass a file its ETag and
     * description do not describe.
     */
    void writeFec(FecFile.Year year, Chart chart, FecFile.Separator separator, String sha256, OutputStream out) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                FecFile.givenMemory(connection);
                fec.write(connection, year, chart, separator, new DigestOutputStream(out, digest));
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the FEC could not be read", e);
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
            throw new IllegalStateException("the FEC of fiscal year " + year.code() + " no longer matches the SHA-256 "
                    + "its closing kept: its rows were changed behind the service");
        }
    }

    /** The funds kept in another currency than the FEC's with entries dated up to that day: not in the FEC. */
    List<String> fundsOutOfTheFec(LocalDate lastDay) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement("""
                SELECT f.fund_code FROM fund_ledger f
                 WHERE f.currency <> ? AND EXISTS (SELECT 1 FROM journal_entry e
                                                    WHERE e.fund_id = f.fund_id AND e.effective_date <= ?)
                 ORDER BY f.fund_code""")) {
            query.setString(1, FecFile.CURRENCY);
            query.setObject(2, lastDay);
            List<String> codes = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            return codes;
        } catch (SQLException e) {
            throw new IllegalStateException("the funds could not be read", e);
        }
    }

    /** A fund as the ledger keeps it. */
    record Fund(String code, String currency) {
    }

    /** Every fund, by id. */
    Map<Long, Fund> funds() {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT fund_id, fund_code, currency FROM fund_ledger ORDER BY fund_code")) {
            Map<Long, Fund> funds = new LinkedHashMap<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    funds.put(rs.getLong(1), new Fund(rs.getString(2), rs.getString(3)));
                }
            }
            return funds;
        } catch (SQLException e) {
            throw new IllegalStateException("the funds could not be read", e);
        }
    }

    /** The fonds dédiés a closing booked, by fund then family in the chart's order. */
    List<DedicatedFundsReport.Row> movements(long yearId, OptionalLong fundId, Chart chart) {
        List<String> order = chart.resources().stream().map(Chart.ResourceFamily::family).toList();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement("""
                SELECT f.fund_code, m.currency, m.family, m.opening_minor, m.resources_minor, m.charges_minor,
                       m.used_minor, m.carried_minor, m.closing_minor
                  FROM dedicated_funds_movement m
                  JOIN fund_ledger f ON f.fund_id = m.fund_id
                 WHERE m.fiscal_year_id = ? AND (? OR m.fund_id = ?)
                 ORDER BY f.fund_code""")) {
            query.setLong(1, yearId);
            query.setBoolean(2, fundId.isEmpty());
            query.setLong(3, fundId.orElse(0));
            List<DedicatedFundsReport.Row> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String family = rs.getString(3);
                    rows.add(new DedicatedFundsReport.Row(rs.getString(1), rs.getString(2), family,
                            chart.resources().get(order.indexOf(family)).dedicatedFunds(), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)));
                }
            }
            // By fund (the query's order), then family in the chart's order.
            rows.sort(Comparator.comparing(DedicatedFundsReport.Row::fund)
                    .thenComparingInt(row -> order.indexOf(row.family())));
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("the year's fonds dédiés could not be read", e);
        }
    }
}
