package org.solidarityfunds.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "A refused request changes nothing" is only as strong as the snapshot it compares: these
 * check that the snapshot measures every table of the schema, a table added later included.
 */
@QuarkusTest
class TestDatabaseTest {

    @Test
    void the_snapshot_counts_the_rows_of_every_table_of_the_schema() throws SQLException {
        // Read from information_schema, another view of the catalog than the snapshot's own query.
        List<String> tables = new ArrayList<>();
        try (Connection db = TestDatabase.asSuperuser(); Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery("""
                        SELECT t.table_name FROM information_schema.tables t
                         WHERE t.table_type = 'BASE TABLE' AND t.table_name <> 'flyway_schema_history'
                           AND t.table_schema = (SELECT h.table_schema FROM information_schema.tables h
                                                  WHERE h.table_name = 'flyway_schema_history')
                        """)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertThat(tables).contains("journal_entry", "ledger_event", "currency");
        assertThat(TestDatabase.snapshot()).containsKeys(tables.toArray(String[]::new));
    }

    @Test
    void a_table_added_to_the_schema_is_in_the_next_snapshot_and_a_row_in_it_changes_it() throws SQLException {
        // As a migration would: by the owner, in the schema Flyway migrates.
        try (Connection owner = TestDatabase.asOwner(); Statement sql = owner.createStatement()) {
            String schema;
            try (ResultSet rs = sql.executeQuery("SELECT relnamespace::regnamespace::text FROM pg_class "
                    + "WHERE relname = 'flyway_schema_history' AND relkind = 'r'")) {
                rs.next();
                schema = rs.getString(1);
            }
            String probe = schema + ".snapshot_probe";
            sql.execute("CREATE TABLE " + probe + " (id integer PRIMARY KEY)");
            try {
                Map<String, Long> before = TestDatabase.snapshot();
                assertThat(before).containsEntry("snapshot_probe", 0L);
                sql.execute("INSERT INTO " + probe + " VALUES (1)");
                assertThat(TestDatabase.snapshot()).isNotEqualTo(before).containsEntry("snapshot_probe", 1L);
            } finally {
                sql.execute("DROP TABLE " + probe);
            }
        }
    }
}
