package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/** What each status of a fund allows, alone: no application, no database. */
class FundStatusTest {

    private static ProblemType refusalOf(FundStatus status, EntryKind kind) {
        try {
            status.refuseUnlessItTakes(kind, "LIBAN-2020");
            return null;
        } catch (ProblemException refused) {
            return refused.type();
        }
    }

    @Test
    void an_open_fund_takes_every_entry_and_request() {
        for (EntryKind kind : EntryKind.values()) {
            assertThat(refusalOf(FundStatus.OPEN, kind)).as(kind.name()).isNull();
        }
        assertThatCode(() -> FundStatus.OPEN.refuseUnlessItTakesRequests("LIBAN-2020")).doesNotThrowAnyException();
    }

    @Test
    void a_fund_closed_to_pledges_refuses_only_new_pledges() {
        for (EntryKind kind : EntryKind.values()) {
            assertThat(refusalOf(FundStatus.CLOSED_TO_PLEDGES, kind)).as(kind.name())
                    .isEqualTo(kind == EntryKind.PLEDGE_RECORDED ? ProblemType.FUND_CLOSED_TO_PLEDGES : null);
        }
        assertThatCode(() -> FundStatus.CLOSED_TO_PLEDGES.refuseUnlessItTakesRequests("LIBAN-2020"))
                .doesNotThrowAnyException();
    }

    @Test
    void a_closed_fund_refuses_everything() {
        for (EntryKind kind : EntryKind.values()) {
            assertThat(refusalOf(FundStatus.CLOSED, kind)).as(kind.name()).isEqualTo(ProblemType.FUND_CLOSED);
        }
        assertThatThrownBy(() -> FundStatus.CLOSED.refuseUnlessItTakesRequests("LIBAN-2020"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("pays out nothing more");
    }

    @Test
    void a_status_only_moves_forward() {
        assertThat(FundStatus.OPEN.canMoveTo(FundStatus.CLOSED_TO_PLEDGES)).isTrue();
        assertThat(FundStatus.OPEN.canMoveTo(FundStatus.CLOSED)).isTrue();
        assertThat(FundStatus.CLOSED_TO_PLEDGES.canMoveTo(FundStatus.CLOSED)).isTrue();
        assertThat(FundStatus.CLOSED.canMoveTo(FundStatus.OPEN)).isFalse();
        assertThat(FundStatus.CLOSED_TO_PLEDGES.canMoveTo(FundStatus.OPEN)).isFalse();
        assertThat(FundStatus.OPEN.canMoveTo(FundStatus.OPEN)).isFalse();
    }
}
