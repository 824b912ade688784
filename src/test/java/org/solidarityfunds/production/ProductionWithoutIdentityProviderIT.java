package org.solidarityfunds.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.dev.EmbeddedDatabase;

/**
 * A service that could verify no token would answer 401 to everyone while looking healthy,
 * and one whose console could sign nobody in would be as useless to its users: each refuses
 * to start, saying what is missing.
 */
class ProductionWithoutIdentityProviderIT {

    @Test
    void without_an_issuer_and_keys_the_packaged_service_stops_with_a_clear_message() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(null, 0)) {
            Map<String, String> environment = PackagedService.environmentFor(database);
            environment.remove("MP_JWT_VERIFY_PUBLICKEY");
            environment.remove("MP_JWT_VERIFY_ISSUER");
            assertThat(outputOfAFailedStart(environment)).contains("Token verification is not configured")
                    .contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        }
    }

    @Test
    void without_the_provider_console_users_sign_in_at_the_packaged_service_stops_with_a_clear_message() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(null, 0)) {
            Map<String, String> environment = PackagedService.environmentFor(database);
            environment.remove("QUARKUS_OIDC_STAFF_TENANT_ENABLED");
            assertThat(outputOfAFailedStart(environment)).contains("'quarkus.oidc.staff.auth-server-url' property must be configured");
        }
    }

    private static String outputOfAFailedStart(Map<String, String> environment) throws Exception {
        try (PackagedService service = PackagedService.start(environment)) {
            assertThat(service.waitForExit(90)).as("the service stops by itself").isTrue();
            assertThat(service.exitValue()).isNotZero();
            return service.output();
        }
    }
}
