package org.solidarityfunds.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Direct connections to the test database, as each role, for tests that go behind the service. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** The role the service runs as: no UPDATE, DELETE or TRUNCATE on the journal. */
    public static Connection asApplication() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(url(), config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** The role that owns the tables and runs the migrations. */
    public static Connection asOwner() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(url(), config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
    }

    /** A superuser, who alone can switch triggers off: the tamperer of the tamper-evidence tests. */
    public static Connection asSuperuser() throws SQLException {
        return DriverManager.getConnection(ConfigProvider.getConfig().getValue("test.superuser-jdbc-url", String.class));
    }

    /**
     * The tables of the application's schema, the one Flyway migrates (where its history
     * table is), read from the catalog at each snapshot rather than listed by hand, so that a
     * table a migration adds is in every snapshot without anyone remembering to add it. Flyway's
     * own history is left out: no request writes it. Sequences are left out too: {@code nextval}
     * is never rolled back, so a refused request may move one (Hibernate draws feed positions
     * from {@code ledger_event_position_seq} in blocks) while it changes no row. Each row is
     * the table's name and its name quoted and qualified by its schema, for the count.
     */
    private static final String TABLES_QUERY = """
            SELECT c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
               AND n.oid = (SELECT h.relnamespace FROM pg_class h
                             WHERE h.relname = 'flyway_schema_history' AND h.relkind = 'r')
               AND c.relname <> 'flyway_schema_history'
             ORDER BY c.relname
            """;

    /** One connection for every snapshot (opening one costs more than the snapshot itself), and where it goes. */
    private static Connection snapshots;
    private static String snapshotsUrl;

    /**
     * A fingerprint of the whole database: the row count of every table of the schema and the
     * sums that move with money, in a stable order (tables by name, then the sums). Equal
     * snapshots before and after a refused request show it changed nothing.
     */
    public static synchronized Map<String, Long> snapshot() {
        try {
            return measure();
        } catch (SQLException e) {
            // the connection may have been closed under us (the database restarted): once more, on a new one
            try {
                snapshotsUrl = null;
                return measure();
            } catch (SQLException again) {
                throw new IllegalStateException(again);
            }
        }
    }

    private static Map<String, Long> measure() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("test.superuser-jdbc-url", String.class);
        if (!url.equals(snapshotsUrl) || snapshots.isClosed()) {
            if (snapshots != null) {
                try {
                    snapshots.close();
                } catch (SQLException alreadyGone) {
                    // nothing to release
                }
            }
            snapshots = asSuperuser();
            snapshotsUrl = url;
        }
        // The fingerprint's measures, each a query answering one number, and the query that answers them all.
        Map<String, String> measures = measures(tables(snapshots));
        String fingerprint = "SELECT " + String.join(", ", measures.values().stream().map(measure -> "(" + measure + ")").toList());
        Map<String, Long> snapshot = new LinkedHashMap<>();
        try (Statement sql = snapshots.createStatement(); ResultSet rs = sql.executeQuery(fingerprint)) {
            rs.next();
            int column = 1;
            for (String name : measures.keySet()) {
                snapshot.put(name, rs.getLong(column++));
            }
        }
        return snapshot;
    }

    /** The tables of the application's schema: each name, with its qualified and quoted name. */
    private static Map<String, String> tables(Connection connection) throws SQLException {
        Map<String, String> tables = new LinkedHashMap<>();
        try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(TABLES_QUERY)) {
            while (rs.next()) {
                tables.put(rs.getString(1), rs.getString(2));
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no table found beside flyway_schema_history: has the schema been migrated?");
        }
        return tables;
    }

    private static Map<String, String> measures(Map<String, String> tables) {
        Map<String, String> measures = new LinkedHashMap<>();
        tables.forEach((table, qualified) -> measures.put(table, "SELECT count(*) FROM " + qualified));
        // Sums of amounts, each modulo the largest long: a suite that records many amounts near the
        // limit (10^15 minor units each) takes them past what a long holds, and a fingerprint only
        // needs to change when they do.
        measures.put("journal_line.amount", modulo("sum(amount_minor::numeric)", "journal_line"));
        measures.put("balances", modulo("sum(debit_total_minor::numeric + credit_total_minor)", "ledger_account_balance"));
        measures.put("pledge.received", modulo("sum(received_minor::numeric + cancelled_minor)", "pledge"));
        measures.put("instalment.received", modulo("sum(received_minor::numeric)", "pledge_instalment"));
        measures.put("fund.statuses", "SELECT count(*) FROM fund WHERE status <> 'OPEN'");
        measures.put("disbursement.statuses",
                "SELECT coalesce(sum(hashtext(id::text || status)), 0) FROM disbursement");
        return measures;
    }

    private static String modulo(String sum, String table) {
        return "SELECT (coalesce(" + sum + ", 0) % 9223372036854775807)::bigint FROM " + table;
    }

    /**
     * The funds whose pledge, contribution and disbursement records disagree with their
     * journal: what pledges still expect must be the pledges receivable balance, what
     * contributions not reversed brought must be the money received, what approved
     * disbursements await must be the commitments, and what paid ones took must be the money
     * paid out. Only funds whose every record went through the API are compared (some tests
     * post raw entries).
     */
    public static java.util.List<String> fundsWhoseRecordsDisagreeWithTheLedger() {
        java.util.List<String> funds = fundsWhere("""
                SELECT f.code
                  FROM fund f
                  JOIN ledger_account_balance r ON r.fund_id = f.id AND r.account = 'PLEDGES_RECEIVABLE'
                  JOIN ledger_account_balance b ON b.fund_id = f.id AND b.account = 'BANK'
                 WHERE (EXISTS (SELECT 1 FROM pledge p WHERE p.fund_id = f.id)
                        OR EXISTS (SELECT 1 FROM contribution c WHERE c.fund_id = f.id))
                   AND NOT EXISTS (SELECT 1 FROM journal_entry e WHERE e.fund_id = f.id AND e.recorded_by = 'test' AND e.kind <> 'DISBURSEMENT_COMMITTED')
                 GROUP BY f.code, r.debit_total_minor, r.credit_total_minor, b.debit_total_minor
                HAVING r.debit_total_minor - r.credit_total_minor <> coalesce((SELECT sum(p.amount_minor
                           - p.received_minor - p.cancelled_minor) FROM pledge p WHERE p.fund_id = min(f.id)), 0)
                    OR b.debit_total_minor <> coalesce((SELECT sum(c.amount_minor) FROM contribution c
                           WHERE c.fund_id = min(f.id) AND c.reversal_entry_id IS NULL), 0)
                """);
        funds.addAll(fundsWhere("""
                SELECT f.code
                  FROM fund f
                  JOIN ledger_account_balance m ON m.fund_id = f.id AND m.account = 'COMMITMENTS'
                  JOIN ledger_account_balance b ON b.fund_id = f.id AND b.account = 'BANK'
                 WHERE EXISTS (SELECT 1 FROM disbursement d WHERE d.fund_id = f.id)
                   AND NOT EXISTS (SELECT 1 FROM journal_entry e WHERE e.fund_id = f.id AND e.recorded_by = 'test')
                   AND (m.credit_total_minor - m.debit_total_minor <> coalesce((SELECT sum(d.amount_minor
                           - coalesce((SELECT sum(p.settled_minor) FROM disbursement_payment p
                                        WHERE p.disbursement_id = d.id), 0))
                           FROM disbursement d WHERE d.fund_id = f.id AND d.status IN ('APPROVED', 'PARTLY_PAID')), 0)
                     OR b.credit_total_minor <> coalesce((SELECT sum(p.amount_minor + p.charges_minor)
                           FROM disbursement_payment p WHERE p.fund_id = f.id), 0))
                """));
        return funds;
    }

    private static java.util.List<String> fundsWhere(String query) {
        java.util.List<String> funds = new java.util.ArrayList<>();
        try (Connection connection = asSuperuser(); Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                funds.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return funds;
    }

    public static long single(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }
}
