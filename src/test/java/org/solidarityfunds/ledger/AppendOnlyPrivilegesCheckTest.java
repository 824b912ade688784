package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.solidarityfunds.support.Api.api;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.support.TestDatabase;

@QuarkusTest
class AppendOnlyPrivilegesCheckTest {

    @Test
    void the_service_is_ready_when_it_runs_as_the_application_role() throws SQLException {
        api().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(AppendOnlyPrivilegesCheck.NAME));
        try (Connection app = TestDatabase.asApplication()) {
            assertThat(AppendOnlyPrivilegesCheck.check(app).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        }
    }

    @Test
    void a_service_running_as_the_owner_would_not_be_ready() throws SQLException {
        try (Connection owner = TestDatabase.asOwner()) {
            HealthCheckResponse response = AppendOnlyPrivilegesCheck.check(owner);
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(response.getData()).get().extracting(d -> d.get("canRewriteJournal")).isEqualTo(true);
        }
    }
}
