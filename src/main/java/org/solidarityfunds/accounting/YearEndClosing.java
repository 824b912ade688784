package org.solidarityfunds.accounting;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.solidarityfunds.donor.DonorKind;
import org.solidarityfunds.fiscalyear.YearEndBookkeeping;
import org.solidarityfunds.ledger.Account;
import org.solidarityfunds.ledger.EntryKind;
import org.solidarityfunds.ledger.Side;

/**
 * The closing of a year in the general chart (docs/concepts/accounting.md), in the confirmation's
 * transaction and on its connection, the year taking no more postings. Per fund: the fonds
 * dédiés of the year (DedicatedFunds) and their entry, dated the year's last day; the opening
 * balances of the next year, dated its first day: every balance-sheet account's balance at the
 * end of the year (receivables per donor), and the result of the years so far in 110 or 119.
 * Then one numbering of the year's entries for its FEC, and the FEC's digest, with the chart the
 * year was read in.
 */
@ApplicationScoped
class YearEndClosing implements YearEndBookkeeping {

    private static final Logger LOG = Logger.getLogger(YearEndClosing.class);

    /** Each fund's lines up to the year's last day, summed by what decides their general account. */
    private static final String JOURNAL_SUMS = """
            SELECT e.fund_id, l.account, l.side, coalesce(o.kind, e.kind), d.kind, d.id, d.number,
                   e.effective_date >= ?, sum(l.amount_minor)
              FROM journal_entry e
            """ + ChartLines.LINES_WITH_DONORS + """
             WHERE e.effective_date <= ?
             GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
            """;
    /** The fonds dédiés entries of the earlier years. */
    private static final String EARLIER_YEAR_END_SUMS = """
            SELECT y.fund_id, l.account, l.side, sum(l.amount_minor)
              FROM year_end_entry y
              JOIN year_end_line l ON l.entry_id = y.id
             WHERE y.kind = 'DEDICATED_FUNDS' AND y.effective_date < ?
             GROUP BY 1, 2, 3
            """;
    private static final String OPENING_FONDS = """
            SELECT m.fund_id, m.family, m.closing_minor
              FROM dedicated_funds_movement m
              JOIN fiscal_year y ON y.id = m.fiscal_year_id
             WHERE y.last_day = ?
            """;
    /**
     * The year's entries of the funds kept in euros (the FEC's), numbered 1, 2, 3...: its opening
     * balances (by fund), the journal's entries as they were recorded, its fonds dédiés (by fund).
     */
    private static final String NUMBERING = """
            INSERT INTO fiscal_year_entry (fiscal_year_id, number, entry_id, year_end_entry_id)
            SELECT ?, row_number() OVER (ORDER BY part, at NULLS FIRST, fund_id, sequence, fund_code), entry_id, year_end_id
              FROM (SELECT CASE y.kind WHEN 'OPENING' THEN 0 ELSE 2 END AS part, NULL::timestamptz AS at,
                           NULL::bigint AS fund_id, NULL::bigint AS sequence, f.fund_code, NULL::uuid AS entry_id,
                           y.id AS year_end_id
                      FROM year_end_entry y
                      JOIN fund_ledger f ON f.fund_id = y.fund_id
                     WHERE y.fiscal_year_id = ? AND f.currency = ?
                    UNION ALL
                    SELECT 1, e.recorded_at, e.fund_id, e.sequence, NULL, e.id, NULL
                      FROM journal_entry e
                      JOIN fund_ledger f ON f.fund_id = e.fund_id
                     WHERE e.effective_date BETWEEN ? AND ? AND f.currency = ?) AS year_entries
            """;

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final Chart chart;
    private final FecFile fec;

    YearEndClosing(EntityManager em, AgroalDataSource dataSource, Chart chart, FecFile fec) {
        this.em = em;
        this.dataSource = dataSource;
        this.chart = chart;
        this.fec = fec;
    }

    @Override
    public long close(ClosingYear year, Instant at) {
        return em.unwrap(Session.class).doReturningWork(connection -> close(connection, year, at));
    }

    /** Each fund's fonds dédiés as the year's closing would book them now (none written), by fund id. */
    Map<Long, List<DedicatedFunds.Movement>> foresee(ClosingYear year) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                Map<Long, List<DedicatedFunds.Movement>> movements = new TreeMap<>();
                for (Map.Entry<Long, FundYear> fund : read(connection, year).entrySet()) {
                    movements.put(fund.getKey(), fund.getValue().movements());
                }
                return movements;
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the year's fonds dédiés could not be read", e);
        }
    }

    /** The books of every fund up to the year's last day, and their fonds dédiés at its start. */
    private Map<Long, FundYear> read(Connection connection, ClosingYear year) throws SQLException {
        Map<Long, FundYear> funds = new TreeMap<>();
        readJournal(connection, year, funds);
        readEarlierYearEnds(connection, year, funds);
        readOpeningFonds(connection, year, funds);
        return funds;
    }

    private long close(Connection connection, ClosingYear year, Instant at) throws SQLException {
        long started = System.nanoTime();
        FecFile.givenMemory(connection);
        Map<Long, FundYear> funds = read(connection, year);
        Map<Long, String> currencies = currencies(connection);
        long nextYearId = nextYear(connection, year);
        try (Lines lines = new Lines(connection, at)) {
            for (Map.Entry<Long, FundYear> fund : funds.entrySet()) {
                fund.getValue().close(fund.getKey(), currencies.get(fund.getKey()), year, nextYearId, lines);
            }
        }
        long booked = System.nanoTime();
        long numbered;
        try (PreparedStatement numbering = connection.prepareStatement(NUMBERING)) {
            numbering.setLong(1, year.id());
            numbering.setLong(2, year.id());
            numbering.setString(3, FecFile.CURRENCY);
            numbering.setObject(4, year.firstDay());
            numbering.setObject(5, year.lastDay());
            numbering.setString(6, FecFile.CURRENCY);
            numbered = numbering.executeLargeUpdate();
        }
        long counted = System.nanoTime();
        long fecLines = keepTheFec(connection, year);
        LOG.infof("Closed fiscal year %s: %d funds' fonds dédiés and opening balances in %d ms, %d entries numbered "
                + "in %d ms, its FEC of %d records written in %d ms", year.code(), funds.size(),
                (booked - started) / 1_000_000, numbered, (counted - booked) / 1_000_000, fecLines,
                (System.nanoTime() - counted) / 1_000_000);
        return numbered;
    }

    private void readJournal(Connection connection, ClosingYear year, Map<Long, FundYear> funds) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(JOURNAL_SUMS)) {
            query.setObject(1, year.firstDay());
            query.setObject(2, year.lastDay());
            query.setFetchSize(ChartLines.FETCH_SIZE);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String donorKindName = rs.getString(5);
                    DonorKind donorKind = donorKindName == null ? null : DonorKind.valueOf(donorKindName);
                    Account fundAccount = Account.valueOf(rs.getString(2));
                    String account = chart.accountOf(fundAccount, EntryKind.valueOf(rs.getString(4)), donorKind);
                    UUID donor = rs.getObject(6, UUID.class);
                    long donorNumber = rs.getLong(7);
                    long debit = signedDebit(rs.getString(3), rs.getBigDecimal(9).longValueExact());
                    FundYear fund = funds.computeIfAbsent(rs.getLong(1), id -> new FundYear());
                    fund.add(account, Chart.perDonor(account) && donor != null ? new Donor(donor, donorNumber) : null,
                            debit);
                    if (rs.getBoolean(8)) {
                        if (account.equals(chart.moneyOf(donorKind).resource())) {
                            fund.resources.merge(chart.moneyOf(donorKind).family(), -debit, Math::addExact);
                        } else if (Chart.inClass(account, "67")) {
                            // The fund's own charges and income: grants awarded, a payment's bank charges and
                            // exchange differences (a gain, a credit, lessens them).
                            fund.charges = Math.addExact(fund.charges, debit);
                        }
                    }
                }
            }
        }
    }

    private void readEarlierYearEnds(Connection connection, ClosingYear year, Map<Long, FundYear> funds)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(EARLIER_YEAR_END_SUMS)) {
            query.setObject(1, year.firstDay());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    funds.computeIfAbsent(rs.getLong(1), id -> new FundYear()).add(rs.getString(2), null,
                            signedDebit(rs.getString(3), rs.getBigDecimal(4).longValueExact()));
                }
            }
        }
    }

    private void readOpeningFonds(Connection connection, ClosingYear year, Map<Long, FundYear> funds)
            throws SQLException {
        Set<String> families = chart.resources().stream().map(Chart.ResourceFamily::family).collect(Collectors.toSet());
        try (PreparedStatement query = connection.prepareStatement(OPENING_FONDS)) {
            query.setObject(1, year.firstDay().minusDays(1));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String family = rs.getString(2);
                    if (!families.contains(family)) {
                        throw new IllegalStateException("the fonds dédiés of " + family + " were carried into " + year.code()
                                + ", and the chart has no such family any more");
                    }
                    funds.computeIfAbsent(rs.getLong(1), id -> new FundYear()).openings.put(family, rs.getLong(3));
                }
            }
        }
    }

    /** The next year, made if no entry has made it yet: its opening balances are dated in it. */
    private static long nextYear(Connection connection, ClosingYear year) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT (fiscal_year_of(?)).id")) {
            query.setObject(1, year.lastDay().plusDays(1));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Writes the year's FEC, with the separator configured now, to keep its name, separator, digest
     * and size; answers how many records it has.
     */
    private long keepTheFec(Connection connection, ClosingYear year) throws SQLException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        CountingSink bytes = new CountingSink();
        FecFile.Separator separator = fec.separator();
        FecFile.Written written = fec.write(connection, new FecFile.Year(year.id(), year.code()), chart, separator,
                new DigestOutputStream(bytes, sha256));
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO year_end_closing (fiscal_year_id, chart, fec_file_name, fec_sha256, fec_lines, fec_bytes,
                                              fec_separator)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, year.id());
            insert.setString(2, Charts.write(chart));
            insert.setString(3, fec.fileName(year.lastDay()));
            insert.setBytes(4, sha256.digest());
            insert.setLong(5, written.lines());
            insert.setLong(6, bytes.count);
            insert.setString(7, separator.code);
            insert.executeUpdate();
        }
        return written.lines();
    }

    private static long signedDebit(String side, long amount) {
        return Side.ofCode(side) == Side.DEBIT ? amount : -amount;
    }

    /** A donor whose receivable is carried forward. */
    private record Donor(UUID id, long number) {
    }

    /** A balance-sheet account's balance, per donor on the receivables. */
    private record Balance(String account, Donor donor) {
    }

    /** What one fund brings to the closing, then writes. */
    private final class FundYear {

        /** The balance-sheet accounts' balances at the end of the year, debit positive. */
        private final Map<Balance, Long> balances = new HashMap<>();
        /** The year's resources by family, credit positive. */
        private final Map<String, Long> resources = new HashMap<>();
        /** The fonds dédiés at the start of the year, by family. */
        private final Map<String, Long> openings = new HashMap<>();
        /** The year's grants awarded less those released. */
        private long charges;
        /** The result of every year so far, the closing's fonds dédiés included, credit positive. */
        private long result;

        void add(String account, Donor donor, long debit) {
            if (Chart.inClass(account, "67")) {
                result = Math.subtractExact(result, debit);
            } else {
                balances.merge(new Balance(account, donor), debit, Math::addExact);
            }
        }

        /** The year's fonds dédiés, a row per family of the chart, in its order. */
        List<DedicatedFunds.Movement> movements() {
            List<DedicatedFunds.Family> families = new ArrayList<>();
            for (Chart.ResourceFamily family : chart.resources()) {
                families.add(new DedicatedFunds.Family(family.family(), openings.getOrDefault(family.family(), 0L),
                        resources.getOrDefault(family.family(), 0L)));
            }
            return DedicatedFunds.of(families, charges, chart.unattributedResources());
        }

        void close(long fundId, String currency, ClosingYear year, long nextYearId, Lines lines)
                throws SQLException {
            List<DedicatedFunds.Movement> movements = movements();
            List<Lines.Line> dedicated = new ArrayList<>();
            for (int i = 0; i < movements.size(); i++) {
                DedicatedFunds.Movement movement = movements.get(i);
                Chart.ResourceFamily family = chart.resources().get(i);
                if (!movement.isEmpty()) {
                    lines.movement(year.id(), fundId, currency, movement);
                }
                if (movement.carried() > 0) {
                    dedicated.add(new Lines.Line(family.carriedToDedicatedFunds(), null, movement.carried()));
                    dedicated.add(new Lines.Line(family.dedicatedFunds(), null, -movement.carried()));
                }
                if (movement.used() > 0) {
                    dedicated.add(new Lines.Line(family.dedicatedFunds(), null, movement.used()));
                    dedicated.add(new Lines.Line(family.usedFromDedicatedFunds(), null, -movement.used()));
                }
            }
            dedicated.forEach(line -> add(line.account(), null, line.debit()));
            lines.entry(year.id(), year.id(), fundId, "DEDICATED_FUNDS", year.lastDay(), currency, dedicated);

            List<Lines.Line> opening = new ArrayList<>();
            balances.entrySet().stream().filter(balance -> balance.getValue() != 0)
                    .sorted(Map.Entry.comparingByKey((a, b) -> a.account().equals(b.account())
                            ? Long.compare(a.donor() == null ? 0 : a.donor().number(), b.donor() == null ? 0
                            : b.donor().number()) : a.account().compareTo(b.account())))
                    .forEach(balance -> opening.add(new Lines.Line(balance.getKey().account(),
                            balance.getKey().donor() == null ? null : balance.getKey().donor().id(), balance.getValue())));
            if (result > 0) {
                opening.add(new Lines.Line(chart.resultCarriedForwardCredit(), null, -result));
            } else if (result < 0) {
                opening.add(new Lines.Line(chart.resultCarriedForwardDebit(), null, -result));
            }
            lines.entry(nextYearId, year.id(), fundId, "OPENING", year.lastDay().plusDays(1), currency, opening);
        }
    }

    /** Every fund's currency, in one read: the closing writes each fund's entries in it. */
    private static Map<Long, String> currencies(Connection connection) throws SQLException {
        Map<Long, String> currencies = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT fund_id, currency FROM fund_ledger");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                currencies.put(rs.getLong(1), rs.getString(2));
            }
        }
        return currencies;
    }

    /** The closing's inserts, batched. */
    private static final class Lines implements AutoCloseable {

        /** A line to write, debit positive. */
        record Line(String account, UUID donorId, long debit) {
        }

        private final Connection connection;
        private final Timestamp at;
        private final PreparedStatement entries;
        private final PreparedStatement lines;
        private final PreparedStatement movements;

        Lines(Connection connection, Instant at) throws SQLException {
            this.connection = connection;
            this.at = Timestamp.from(at);
            this.entries = connection.prepareStatement("""
                    INSERT INTO year_end_entry (id, fiscal_year_id, closing_of, fund_id, kind, effective_date, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""");
            this.lines = connection.prepareStatement("""
                    INSERT INTO year_end_line (entry_id, line_no, account, donor_id, side, amount_minor, currency)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""");
            this.movements = connection.prepareStatement("""
                    INSERT INTO dedicated_funds_movement (fiscal_year_id, fund_id, family, currency, opening_minor,
                        resources_minor, charges_minor, used_minor, carried_minor, closing_minor)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        }

        void movement(long yearId, long fundId, String currency, DedicatedFunds.Movement movement) throws SQLException {
            movements.setLong(1, yearId);
            movements.setLong(2, fundId);
            movements.setString(3, movement.family());
            movements.setString(4, currency);
            movements.setLong(5, movement.opening());
            movements.setLong(6, movement.resources());
            movements.setLong(7, movement.charges());
            movements.setLong(8, movement.used());
            movements.setLong(9, movement.carried());
            movements.setLong(10, movement.closing());
            movements.addBatch();
        }

        /** An entry with its lines; none when it has no line. */
        void entry(long yearId, long closingOf, long fundId, String kind, LocalDate day, String currency,
                List<Line> entryLines) throws SQLException {
            if (entryLines.isEmpty()) {
                return;
            }
            UUID id = UUID.randomUUID();
            entries.setObject(1, id);
            entries.setLong(2, yearId);
            entries.setLong(3, closingOf);
            entries.setLong(4, fundId);
            entries.setString(5, kind);
            entries.setObject(6, day);
            entries.setTimestamp(7, at);
            entries.addBatch();
            int lineNo = 0;
            for (Line line : entryLines) {
                lines.setObject(1, id);
                lines.setInt(2, ++lineNo);
                lines.setString(3, line.account());
                lines.setObject(4, line.donorId());
                lines.setString(5, line.debit() > 0 ? Side.DEBIT.code() : Side.CREDIT.code());
                lines.setLong(6, Math.absExact(line.debit()));
                lines.setString(7, currency);
                lines.addBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            try (entries; lines; movements) {
                // The entries before their lines and the movements: the lines refer to them.
                entries.executeBatch();
                lines.executeBatch();
                movements.executeBatch();
            }
        }
    }

    /** Counts what the FEC would weigh, keeping nothing. */
    private static final class CountingSink extends OutputStream {

        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
