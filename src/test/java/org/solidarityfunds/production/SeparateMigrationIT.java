package org.solidarityfunds.production;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.dev.EmbeddedDatabase;
import org.solidarityfunds.support.TestTokens;

/**
 * The deployment that keeps the owner's password out of the running service: migrations run
 * once as the owner (QUARKUS_INIT_AND_EXIT), then the service runs with the application
 * role's credentials only (docs/operating/database-roles.md).
 */
class SeparateMigrationIT {

    @Test
    void migrations_run_once_as_the_owner_then_the_service_runs_without_the_owners_credentials() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(null, 0)) {
            Map<String, String> config = database.quarkusConfig();
            Map<String, String> app = Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", config.get("quarkus.datasource.jdbc.url"),
                    "QUARKUS_DATASOURCE_USERNAME", config.get("quarkus.datasource.username"),
                    "QUARKUS_DATASOURCE_PASSWORD", config.get("quarkus.datasource.password"),
                    "MP_JWT_VERIFY_PUBLICKEY", TestTokens.KEYS.quarkusConfig().get("mp.jwt.verify.publickey"),
                    "MP_JWT_VERIFY_ISSUER", TestTokens.KEYS.quarkusConfig().get("mp.jwt.verify.issuer"),
                    // Neither run serves the console (k8s' migrate container does the same).
                    "QUARKUS_OIDC_STAFF_TENANT_ENABLED", "false");

            Map<String, String> migration = new java.util.HashMap<>(app);
            migration.put("QUARKUS_FLYWAY_USERNAME", config.get("quarkus.flyway.username"));
            migration.put("QUARKUS_FLYWAY_PASSWORD", config.get("quarkus.flyway.password"));
            migration.put("QUARKUS_INIT_AND_EXIT", "true");
            try (PackagedService migrate = PackagedService.start(migration)) {
                assertThat(migrate.waitForExit(90)).as("the migration run stops by itself").isTrue();
                assertThat(migrate.exitValue()).isZero();
                assertThat(migrate.output()).containsPattern("Successfully applied \\d+ migrations? to schema");
            }

            Map<String, String> service = new java.util.HashMap<>(app);
            service.put("QUARKUS_FLYWAY_MIGRATE_AT_START", "false");
            try (PackagedService running = PackagedService.start(service)) {
                PackagedService.awaitReady(running);
                given().port(running.port).auth().oauth2(TestTokens.admin()).contentType("application/json")
                        .body(Map.of("code", "LIBAN-2020", "name", "Fonds de solidarité Liban"))
                        .post("/api/v1/funds").then().statusCode(201);
                given().port(running.port).auth().oauth2(TestTokens.admin()).get("/api/v1/funds/LIBAN-2020/balance").then().statusCode(200)
                        .body("entryCount", equalTo(0));
            }
        }
    }
}
