package org.solidarityfunds.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Production never makes do with a database of its own: without one named, it refuses to start. */
class ProductionWithoutDatabaseIT {

    @Test
    void without_a_datasource_url_the_packaged_service_stops_with_a_clear_message() throws Exception {
        // Nothing else either, but for the console (ProductionWithoutIdentityProviderIT tries that).
        try (PackagedService service = PackagedService.start(Map.of("QUARKUS_OIDC_STAFF_TENANT_ENABLED", "false"))) {
            assertThat(service.waitForExit(90)).as("the service stops by itself").isTrue();
            assertThat(service.exitValue()).isNotZero();
            assertThat(service.output()).contains("quarkus.datasource.jdbc.url")
                    .doesNotContain("EmbeddedPostgres", "postmaster");
        }
    }
}
