package org.solidarityfunds;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.solidarityfunds.dev.EmbeddedDatabase;

/**
 * Gives the tests a real PostgreSQL: an embedded one (fresh, in a temporary directory)
 * unless QUARKUS_DATASOURCE_JDBC_URL names an external server, in which case the suite runs
 * against that one with the QUARKUS_DATASOURCE_* and QUARKUS_FLYWAY_* credentials, and
 * TEST_SUPERUSER_JDBC_URL for the tests that tamper with the journal behind the service.
 *
 * <p>A test profile (DemoDataProfile) restarts the application for a state of its own: the
 * embedded server starts afresh with it; on an external server it gets a database of its own,
 * made anew, so that neither the other tests nor the packaged service's tests after them see
 * what it loaded.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;
    private String profile;

    @Override
    public void setContext(Context context) {
        profile = context.testProfile();
    }

    @Override
    public Map<String, String> start() {
        String external = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (external != null) {
            String superuser = System.getenv("TEST_SUPERUSER_JDBC_URL");
            if (profile == null) {
                return Map.of("test.superuser-jdbc-url", superuser);
            }
            // A profile may be a nested class (Outer$Profile): the name keeps letters, digits and _.
            String name = "ledger_" + profile.substring(profile.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9_]", "_");
            try (Connection connection = DriverManager.getConnection(superuser);
                    Statement sql = connection.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                sql.execute("CREATE DATABASE " + name + " OWNER \"" + System.getenv("QUARKUS_FLYWAY_USERNAME") + "\"");
            } catch (SQLException e) {
                throw new IllegalStateException("could not make the database of profile " + profile, e);
            }
            return Map.of("test.superuser-jdbc-url", superuser.replace("/ledger?", "/" + name + "?"),
                    "quarkus.datasource.jdbc.url", external.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
        }
        try {
            database = EmbeddedDatabase.start(null, 0);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL", e);
        }
        Map<String, String> config = new HashMap<>(database.quarkusConfig());
        config.put("test.superuser-jdbc-url", database.superuserJdbcUrl());
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            try {
                database.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
