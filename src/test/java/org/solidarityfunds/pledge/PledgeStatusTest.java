package org.solidarityfunds.pledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A pledge's status from its amounts, without the application. */
class PledgeStatusTest {

    @Test
    void a_pledge_not_cancelled_is_pending_then_in_progress_then_fulfilled() {
        assertThat(PledgeStatus.of(false, 0, 100)).isEqualTo(PledgeStatus.PENDING);
        assertThat(PledgeStatus.of(false, 1, 100)).isEqualTo(PledgeStatus.IN_PROGRESS);
        assertThat(PledgeStatus.of(false, 99, 100)).isEqualTo(PledgeStatus.IN_PROGRESS);
        assertThat(PledgeStatus.of(false, 100, 100)).isEqualTo(PledgeStatus.FULFILLED);
    }

    @Test
    void a_cancelled_pledge_is_cancelled_whatever_it_received() {
        assertThat(PledgeStatus.of(true, 0, 100)).isEqualTo(PledgeStatus.CANCELLED);
        assertThat(PledgeStatus.of(true, 40, 100)).isEqualTo(PledgeStatus.CANCELLED);
    }

    @Test
    void more_received_than_pledged_is_no_status_at_all() {
        // The allocations never exceed what a pledge expects (and the database checks it too).
        assertThatThrownBy(() -> PledgeStatus.of(false, 101, 100)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_list_filter_reads_the_same_table() {
        assertThat(PledgeStatus.PENDING.condition()).isEqualTo("cancelledAt is null and receivedMinor = 0");
        assertThat(PledgeStatus.IN_PROGRESS.condition())
                .isEqualTo("cancelledAt is null and receivedMinor > 0 and receivedMinor < amountMinor");
        assertThat(PledgeStatus.FULFILLED.condition()).isEqualTo("cancelledAt is null and receivedMinor = amountMinor");
        assertThat(PledgeStatus.CANCELLED.condition()).isEqualTo("cancelledAt is not null");
    }
}
