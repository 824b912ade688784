package org.solidarityfunds.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When PoolRecovery opens a connection for the requests waiting, from the pool's counts. */
class PoolRecoveryTest {

    private static final int MAX = 20;

    @Test
    void requests_waiting_while_the_pool_lost_connections_get_a_new_one() {
        assertThat(PoolRecovery.databaseSeemsAway(1, 0, 0, MAX)).isTrue();
        assertThat(PoolRecovery.databaseSeemsAway(5, 12, 0, MAX)).isTrue();
    }

    @Test
    void a_pool_full_of_busy_connections_opens_none() {
        assertThat(PoolRecovery.databaseSeemsAway(12, MAX, 0, MAX)).isFalse();
    }

    @Test
    void a_connection_being_handed_to_the_next_request_is_not_a_lost_one() {
        assertThat(PoolRecovery.databaseSeemsAway(12, MAX - 1, 1, MAX)).isFalse();
    }

    @Test
    void nobody_waiting_opens_none() {
        assertThat(PoolRecovery.databaseSeemsAway(0, 0, 0, MAX)).isFalse();
    }
}
