package org.solidarityfunds.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.dev.EmbeddedDatabase;

/** A service that could verify no token would answer 401 to everyone while looking healthy: it refuses to start. */
class ProductionWithoutIdentityProviderIT {

    @Test
    void without_an_issuer_and_keys_the_packaged_service_stops_with_a_clear_message() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(null, 0)) {
            Map<String, String> config = database.quarkusConfig();
            try (PackagedService service = PackagedService.start(Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", config.get("quarkus.datasource.jdbc.url"),
                    "QUARKUS_DATASOURCE_USERNAME", config.get("quarkus.datasource.username"),
                    "QUARKUS_DATASOURCE_PASSWORD", config.get("quarkus.datasource.password"),
                    "QUARKUS_FLYWAY_USERNAME", config.get("quarkus.flyway.username"),
                    "QUARKUS_FLYWAY_PASSWORD", config.get("quarkus.flyway.password")))) {
                assertThat(service.waitForExit(90)).as("the service stops by itself").isTrue();
                assertThat(service.exitValue()).isNotZero();
                assertThat(service.output()).contains("Token verification is not configured")
                        .contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
            }
        }
    }
}
