package org.solidarityfunds.fiscalyear;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.solidarityfunds.problem.DatabaseFailures;

/**
 * The fiscal years' start month is chosen once: the migration that made the years wrote the
 * configured one into the database (fiscal_calendar). A service configured with another month
 * would name the years otherwise than the database cuts them, so it refuses to start, saying
 * which month the database has. A database out of reach at startup is not a reason to stay down
 * (the requests answer 503 until it is back): the check is then left to the next start.
 */
@ApplicationScoped
class FiscalCalendarCheck {

    private static final Logger LOG = Logger.getLogger(FiscalCalendarCheck.class);

    void check(@Observes StartupEvent started, AgroalDataSource dataSource,
            @ConfigProperty(name = "ledger.fiscal-year.start-month") int configured) {
        int stored;
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT start_month FROM fiscal_calendar")) {
            if (!row.next()) {
                throw new IllegalStateException("The database has no fiscal calendar: its migrations are incomplete.");
            }
            stored = row.getInt(1);
        } catch (SQLException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw new IllegalStateException("The fiscal calendar cannot be read (SQLSTATE " + e.getSQLState()
                        + "): are the database's migrations complete?", e);
            }
            LOG.warnf("The database is out of reach at startup (SQLSTATE %s): the fiscal calendar is not checked",
                    e.getSQLState());
            return;
        }
        if (stored != configured) {
            throw new IllegalStateException("ledger.fiscal-year.start-month is " + configured + ", but this database's "
                    + "fiscal years start in month " + stored + " (chosen once, when they were made). Configure "
                    + stored + ".");
        }
    }
}
