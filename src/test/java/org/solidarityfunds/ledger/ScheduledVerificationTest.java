package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.support.ErrorLog;

/**
 * The hourly verification when the database is away (a restart, a failover): skipped with a
 * warning, not logged as an error; LedgerVerificationStale fires if it stays away.
 */
class ScheduledVerificationTest {

    @Test
    void a_verification_the_database_cannot_serve_is_skipped_with_a_warning_not_an_error() {
        ScheduledVerification scheduled = new ScheduledVerification(failingWith(new IllegalStateException(
                new SQLException("terminating connection due to administrator command", "57P01"))));
        try (ErrorLog errors = ErrorLog.listen()) {
            assertThatCode(scheduled::run).doesNotThrowAnyException();
            assertThat(errors.lines()).isEmpty();
        }
    }

    @Test
    void any_other_failure_of_the_verification_still_goes_up() {
        ScheduledVerification scheduled = new ScheduledVerification(failingWith(new ArithmeticException("overflow")));
        assertThatThrownBy(scheduled::run).isInstanceOf(ArithmeticException.class);
    }

    private static VerificationService failingWith(RuntimeException failure) {
        return new VerificationService(null, null, null) {
            @Override
            public VerificationReport verify() {
                throw failure;
            }
        };
    }
}
