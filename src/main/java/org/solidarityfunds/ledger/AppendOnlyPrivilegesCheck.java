package org.solidarityfunds.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the service's own database role could rewrite the journal or the decision
 * trail (committees, votes, decisions): that means
 * it was deployed with the owner's credentials instead of the application role's
 * (docs/operating/database-roles.md). The triggers would still refuse, but an operator
 * must hear of it before money moves.
 */
@Readiness
@ApplicationScoped
public class AppendOnlyPrivilegesCheck implements HealthCheck {

    static final String NAME = "ledger-append-only-privileges";

    private static final String QUERY = """
            SELECT bool_or(has_table_privilege(current_user, t, p))
              FROM unnest(ARRAY['journal_entry', 'journal_line', 'committee_version', 'committee_member',
                                  'disbursement_vote', 'disbursement_decision', 'fiscal_year_entry',
                                  'fiscal_year_change', 'year_end_entry', 'year_end_line',
                                  'dedicated_funds_movement', 'year_end_closing', 'bank_account',
                                  'donor_bank_account', 'bank_statement_file', 'bank_statement', 'bank_line',
                                  'bank_line_outcome', 'disbursement_payment', 'supporting_document']) AS t,
                   unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE']) AS p
            """;

    private final DataSource dataSource;

    AppendOnlyPrivilegesCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            return check(connection);
        } catch (SQLException e) {
            return HealthCheckResponse.named(NAME).down().withData("error", "cannot read the role's privileges").build();
        }
    }

    static HealthCheckResponse check(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(QUERY)) {
            rs.next();
            boolean canRewrite = rs.getBoolean(1);
            return HealthCheckResponse.named(NAME).status(!canRewrite)
                    .withData("role", connection.getMetaData().getUserName())
                    .withData("canRewriteJournal", canRewrite)
                    .build();
        }
    }
}
