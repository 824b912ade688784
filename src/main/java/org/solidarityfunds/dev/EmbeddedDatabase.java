package org.solidarityfunds.dev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real PostgreSQL from Maven (io.zonky embedded binaries) with the two roles the service
 * runs with in production: an owner that runs the migrations and an application role
 * that only gets what the migrations grant it. Used by dev mode and by the tests; never
 * by the production profile.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "ledger";
    public static final String OWNER_ROLE = "ledger_owner";
    public static final String APP_ROLE = "ledger_app";
    /** Dev and test only: the embedded server trusts local connections anyway. */
    static final String DEV_ONLY_PASSWORD = "dev-only-not-a-secret";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server. With a data directory, its data is kept across restarts; without,
     * it lives in a temporary directory removed on close.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException, SQLException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "100");
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(builder.start());
        database.provision();
        return database;
    }

    /** Quarkus configuration for a service on this database: the app role connects, the owner migrates. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl());
        config.put("quarkus.datasource.username", APP_ROLE);
        config.put("quarkus.datasource.password", DEV_ONLY_PASSWORD);
        config.put("quarkus.flyway.username", OWNER_ROLE);
        config.put("quarkus.flyway.password", DEV_ONLY_PASSWORD);
        return config;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    /** The superuser, for tests that must bypass the service and even the triggers. */
    public String superuserJdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    private void provision() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            for (String role : new String[] {OWNER_ROLE, APP_ROLE}) {
                if (!exists(sql, "SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
                    sql.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + DEV_ONLY_PASSWORD + "'");
                }
            }
            if (!exists(sql, "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE);
            }
        }
        try (Connection connection = postgres.getDatabase("postgres", DATABASE).getConnection();
                Statement sql = connection.createStatement()) {
            // The owner owns the schema; nobody else may create objects in it.
            sql.execute("ALTER SCHEMA public OWNER TO " + OWNER_ROLE);
            sql.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        }
    }

    private static boolean exists(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            return rs.next();
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
