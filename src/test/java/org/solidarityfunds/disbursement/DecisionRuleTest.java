package org.solidarityfunds.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.solidarityfunds.disbursement.VoteChoice.ABSTAIN;
import static org.solidarityfunds.disbursement.VoteChoice.AGAINST;
import static org.solidarityfunds.disbursement.VoteChoice.FOR;
import static org.solidarityfunds.disbursement.VoteChoice.RECUSED;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.committee.Committee;
import org.solidarityfunds.committee.MajorityRule;

/** The quorum and majority rules, edge by edge, on committees built in memory. */
class DecisionRuleTest {

    private static final LocalDate DAY = LocalDate.of(2020, 10, 5);
    private static final String REQUESTER = "requester";

    /** A committee of members m1..mN seated on DAY, with this quorum and rule. */
    private static Committee committee(int members, int quorum, MajorityRule rule) {
        List<Committee.Seat> seats = new ArrayList<>();
        for (int i = 1; i <= members; i++) {
            seats.add(new Committee.Seat("m" + i, "Member " + i, DAY.minusYears(1), null));
        }
        return new Committee(1L, 1, quorum, rule, Optional.empty(), seats);
    }

    private static Optional<DecisionRule.Verdict> decide(Committee committee, VoteChoice... votes) {
        return decide(committee, 1_000_00, votes);
    }

    private static Optional<DecisionRule.Verdict> decide(Committee committee, long amountMinor, VoteChoice... votes) {
        List<DecisionRule.Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < votes.length; i++) {
            ballots.add(new DecisionRule.Ballot("m" + (i + 1), votes[i]));
        }
        return DecisionRule.decide(committee, DAY, REQUESTER, amountMinor, ballots);
    }

    @Test
    void a_request_stays_open_until_the_quorum_is_met() {
        assertThat(decide(committee(5, 3, MajorityRule.SIMPLE), FOR, FOR)).isEmpty();
    }

    @Test
    void the_vote_that_meets_the_quorum_with_a_majority_approves() {
        DecisionRule.Verdict verdict = decide(committee(5, 3, MajorityRule.SIMPLE), FOR, AGAINST, FOR).orElseThrow();
        assertThat(verdict.outcome()).isEqualTo(DisbursementStatus.APPROVED);
        assertThat(verdict.basis()).isEqualTo(DecisionBasis.MAJORITY_REACHED);
        assertThat(verdict.tally()).isEqualTo(new DecisionRule.Tally(2, 1, 0, 0));
        assertThat(verdict.quorumMet()).isTrue();
        assertThat(verdict.eligibleVoters()).isEqualTo(5);
    }

    @Test
    void abstentions_count_towards_the_quorum_but_not_the_majority() {
        assertThat(decide(committee(5, 3, MajorityRule.SIMPLE), FOR, ABSTAIN, ABSTAIN).orElseThrow().outcome())
                .isEqualTo(DisbursementStatus.APPROVED);
        // Quorum met by abstentions, but no vote FOR yet: others may still vote.
        assertThat(decide(committee(5, 3, MajorityRule.SIMPLE), ABSTAIN, ABSTAIN, ABSTAIN)).isEmpty();
    }

    @Test
    void recusals_count_towards_neither_quorum_nor_majority() {
        assertThat(decide(committee(5, 3, MajorityRule.SIMPLE), FOR, RECUSED, FOR)).isEmpty();
        DecisionRule.Verdict verdict = decide(committee(5, 3, MajorityRule.SIMPLE), FOR, RECUSED, FOR, FOR)
                .orElseThrow();
        assertThat(verdict.outcome()).isEqualTo(DisbursementStatus.APPROVED);
        assertThat(verdict.tally()).isEqualTo(new DecisionRule.Tally(3, 0, 0, 1));
    }

    @Test
    void a_tie_at_quorum_stays_open_while_members_are_left_to_vote() {
        assertThat(decide(committee(5, 2, MajorityRule.SIMPLE), FOR, AGAINST)).isEmpty();
        assertThat(decide(committee(5, 2, MajorityRule.SIMPLE), FOR, AGAINST, FOR).orElseThrow().outcome())
                .isEqualTo(DisbursementStatus.APPROVED);
    }

    @Test
    void a_tie_when_everyone_has_voted_rejects() {
        DecisionRule.Verdict verdict = decide(committee(4, 2, MajorityRule.SIMPLE), FOR, AGAINST, FOR, AGAINST)
                .orElseThrow();
        assertThat(verdict.outcome()).isEqualTo(DisbursementStatus.REJECTED);
        assertThat(verdict.basis()).isEqualTo(DecisionBasis.MAJORITY_UNREACHABLE);
        assertThat(verdict.quorumMet()).isTrue();
    }

    @Test
    void rejection_comes_as_soon_as_no_remaining_votes_could_approve() {
        // 5 members, 3 AGAINST: even 2 more FOR would lose 2 to 3.
        DecisionRule.Verdict verdict = decide(committee(5, 3, MajorityRule.SIMPLE), AGAINST, AGAINST, AGAINST)
                .orElseThrow();
        assertThat(verdict.outcome()).isEqualTo(DisbursementStatus.REJECTED);
        assertThat(verdict.basis()).isEqualTo(DecisionBasis.MAJORITY_UNREACHABLE);
        // 2 AGAINST of 5: 3 FOR could still carry it.
        assertThat(decide(committee(5, 3, MajorityRule.SIMPLE), AGAINST, AGAINST)).isEmpty();
    }

    @Test
    void recusals_that_make_the_quorum_impossible_reject() {
        // 4 members, quorum 3: after two recusals only 2 can vote.
        DecisionRule.Verdict verdict = decide(committee(4, 3, MajorityRule.SIMPLE), RECUSED, RECUSED).orElseThrow();
        assertThat(verdict.outcome()).isEqualTo(DisbursementStatus.REJECTED);
        assertThat(verdict.basis()).isEqualTo(DecisionBasis.QUORUM_UNREACHABLE);
        assertThat(verdict.quorumMet()).isFalse();
        assertThat(verdict.tally().recusals()).isEqualTo(2);
        // One recusal leaves exactly enough members for the quorum: still open.
        assertThat(decide(committee(4, 3, MajorityRule.SIMPLE), RECUSED)).isEmpty();
    }

    @Test
    void the_requester_is_not_counted_among_those_who_may_vote() {
        // Members m1..m3 and the requester sits on the committee too: quorum 3 needs all three others.
        List<Committee.Seat> seats = new ArrayList<>(committee(3, 3, MajorityRule.SIMPLE).seats());
        seats.add(new Committee.Seat(REQUESTER, "Requester", DAY.minusYears(1), null));
        Committee withRequester = new Committee(1L, 1, 3, MajorityRule.SIMPLE, Optional.empty(), seats);
        DecisionRule.Verdict verdict = decide(withRequester, RECUSED).orElseThrow();
        assertThat(verdict.basis()).isEqualTo(DecisionBasis.QUORUM_UNREACHABLE);
        assertThat(verdict.eligibleVoters()).isEqualTo(3);
    }

    @Test
    void members_outside_the_dates_of_their_seat_are_not_waited_for() {
        List<Committee.Seat> seats = List.of(
                new Committee.Seat("m1", "Seated", DAY.minusYears(1), null),
                new Committee.Seat("m2", "Left yesterday", DAY.minusYears(1), DAY.minusDays(1)),
                new Committee.Seat("m3", "Starts tomorrow", DAY.plusDays(1), null));
        Committee committee = new Committee(1L, 1, 1, MajorityRule.SIMPLE, Optional.empty(), seats);
        assertThat(committee.votersOn(DAY, REQUESTER)).containsExactly("m1");
        assertThat(committee.seats("m2", DAY)).isFalse();
        assertThat(committee.seats("m2", DAY.minusDays(1))).isTrue();
        DecisionRule.Verdict verdict = decide(committee, AGAINST).orElseThrow();
        assertThat(verdict.outcome()).isEqualTo(DisbursementStatus.REJECTED);
        assertThat(verdict.eligibleVoters()).isEqualTo(1);
    }

    @Test
    void two_thirds_needs_twice_as_many_for_as_against() {
        assertThat(decide(committee(6, 3, MajorityRule.TWO_THIRDS), FOR, FOR, AGAINST).orElseThrow().outcome())
                .isEqualTo(DisbursementStatus.APPROVED);
        // 3 FOR, 2 AGAINST is a simple majority but not two thirds; one member is left.
        assertThat(decide(committee(6, 3, MajorityRule.TWO_THIRDS), FOR, AGAINST, FOR, AGAINST, FOR)).isEmpty();
        assertThat(decide(committee(6, 3, MajorityRule.TWO_THIRDS), FOR, AGAINST, FOR, AGAINST, FOR, FOR)
                .orElseThrow().outcome()).isEqualTo(DisbursementStatus.APPROVED);
        // 2 FOR and 3 AGAINST of 6: the last FOR would make 3 to 3.
        assertThat(decide(committee(6, 3, MajorityRule.TWO_THIRDS), AGAINST, FOR, AGAINST, FOR, AGAINST)
                .orElseThrow().basis()).isEqualTo(DecisionBasis.MAJORITY_UNREACHABLE);
    }

    @Test
    void the_majority_rules_never_approve_without_a_vote_for() {
        for (MajorityRule rule : MajorityRule.values()) {
            assertThat(rule.approves(0, 0)).as(rule.name()).isFalse();
            assertThat(rule.approves(1, 0)).as(rule.name()).isTrue();
        }
        assertThat(decide(committee(3, 3, MajorityRule.SIMPLE), ABSTAIN, ABSTAIN, ABSTAIN).orElseThrow().basis())
                .isEqualTo(DecisionBasis.MAJORITY_UNREACHABLE);
    }

    @Test
    void the_delegate_decides_alone_below_the_limit_only() {
        Committee base = committee(5, 3, MajorityRule.SIMPLE);
        Committee committee = new Committee(1L, 1, 3, MajorityRule.SIMPLE,
                Optional.of(new Committee.Delegate("m1", 500_00)), base.seats());
        DecisionRule.Verdict approved = decide(committee, 499_99, FOR).orElseThrow();
        assertThat(approved.outcome()).isEqualTo(DisbursementStatus.APPROVED);
        assertThat(approved.basis()).isEqualTo(DecisionBasis.DELEGATE);
        assertThat(approved.quorumMet()).isFalse();
        assertThat(decide(committee, 499_99, AGAINST).orElseThrow().outcome()).isEqualTo(DisbursementStatus.REJECTED);
        // At the limit the committee decides; an abstaining delegate leaves it to the committee too.
        assertThat(decide(committee, 500_00, FOR)).isEmpty();
        assertThat(decide(committee, 499_99, ABSTAIN)).isEmpty();
    }

    @Test
    void a_committee_refuses_a_quorum_it_could_never_meet() {
        assertThatThrownBy(() -> committee(2, 3, MajorityRule.SIMPLE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> committee(2, 0, MajorityRule.SIMPLE)).isInstanceOf(IllegalArgumentException.class);
    }
}
