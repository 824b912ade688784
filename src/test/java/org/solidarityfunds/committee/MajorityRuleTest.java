package org.solidarityfunds.committee;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How FOR and AGAINST votes decide, on every tally of a committee of up to 40 members. */
class MajorityRuleTest {

    private static final int VOTES_MAX = 40;

    @Test
    void a_simple_majority_needs_more_votes_for_than_against() {
        assertThat(MajorityRule.SIMPLE.approves(1, 0)).isTrue();
        assertThat(MajorityRule.SIMPLE.approves(3, 2)).isTrue();
        assertThat(MajorityRule.SIMPLE.approves(2, 2)).as("a tie does not approve").isFalse();
        assertThat(MajorityRule.SIMPLE.approves(0, 0)).as("abstentions alone do not approve").isFalse();
    }

    @Test
    void two_thirds_needs_twice_as_many_for_as_against_and_at_least_one_for() {
        assertThat(MajorityRule.TWO_THIRDS.approves(2, 1)).as("exactly two thirds").isTrue();
        assertThat(MajorityRule.TWO_THIRDS.approves(3, 2)).as("three fifths").isFalse();
        assertThat(MajorityRule.TWO_THIRDS.approves(1, 0)).isTrue();
        assertThat(MajorityRule.TWO_THIRDS.approves(0, 0)).as("no vote for, nothing approved").isFalse();
        for (int votesFor = 0; votesFor <= VOTES_MAX; votesFor++) {
            for (int against = 0; votesFor + against <= VOTES_MAX; against++) {
                boolean atLeastTwoThirds = votesFor > 0 && 3 * votesFor >= 2 * (votesFor + against);
                assertThat(MajorityRule.TWO_THIRDS.approves(votesFor, against)).as("%d for, %d against", votesFor, against)
                        .isEqualTo(atLeastTwoThirds);
            }
        }
    }

    @Test
    void no_rule_is_weaker_with_one_more_vote_for_or_one_fewer_against() {
        for (MajorityRule rule : MajorityRule.values()) {
            for (int votesFor = 0; votesFor < VOTES_MAX; votesFor++) {
                for (int against = 0; votesFor + against < VOTES_MAX; against++) {
                    if (rule.approves(votesFor, against)) {
                        assertThat(rule.approves(votesFor + 1, against)).as("%s %d+1 for, %d against", rule, votesFor, against).isTrue();
                        assertThat(against == 0 || rule.approves(votesFor, against - 1))
                                .as("%s %d for, %d-1 against", rule, votesFor, against).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void two_thirds_never_approves_what_a_simple_majority_refuses() {
        for (int votesFor = 0; votesFor <= VOTES_MAX; votesFor++) {
            for (int against = 0; votesFor + against <= VOTES_MAX; against++) {
                if (MajorityRule.TWO_THIRDS.approves(votesFor, against)) {
                    assertThat(MajorityRule.SIMPLE.approves(votesFor, against)).as("%d for, %d against", votesFor, against).isTrue();
                }
            }
        }
    }
}
