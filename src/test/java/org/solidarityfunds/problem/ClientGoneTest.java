package org.solidarityfunds.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A client that hangs up is told apart from the service's own failures in both shapes Vert.x
 * gives it, whichever wins the race between the close and the read (both seen in the suite).
 */
class ClientGoneTest {

    @Test
    void a_connection_closed_under_the_read_is_the_client_gone() {
        assertThat(ProblemMappers.isClientGone(new IllegalStateException(new HttpClosedException("closed")))).isTrue();
        assertThat(ProblemMappers.isClientGone(new IllegalStateException(new IOException(new ClosedChannelException()))))
                .isTrue();
    }

    @Test
    void the_services_own_failures_are_not() {
        assertThat(ProblemMappers.isClientGone(new IllegalStateException("a defect"))).isFalse();
        assertThat(ProblemMappers.isClientGone(new SQLException("terminating connection", "57P01"))).isFalse();
        assertThat(ProblemMappers.isClientGone(new RuntimeException(new SocketException("Connection reset")))).isFalse();
    }
}
