package org.solidarityfunds.ledger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import org.solidarityfunds.ledger.dev.EmbeddedDatabase;

/**
 * Gives the tests a real PostgreSQL: an embedded one (fresh, in a temporary directory)
 * unless QUARKUS_DATASOURCE_JDBC_URL names an external server, in which case the suite runs
 * against that one with the QUARKUS_DATASOURCE_* and QUARKUS_FLYWAY_* credentials, and
 * TEST_SUPERUSER_JDBC_URL for the tests that tamper with the journal behind the service.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return Map.of("test.superuser-jdbc-url", System.getenv("TEST_SUPERUSER_JDBC_URL"));
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
