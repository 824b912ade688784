package org.solidarityfunds.disbursement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.solidarityfunds.committee.Committee;

/**
 * When the votes on a request decide it, and how (docs/concepts/committees-and-disbursements.md).
 * After each vote:
 * <ol>
 * <li>the delegate's FOR or AGAINST on a request below the delegation limit decides alone;</li>
 * <li>APPROVED as soon as the votes cast meet the quorum and carry the majority rule;</li>
 * <li>REJECTED as soon as approval has become impossible: too few members are left to vote
 * for the quorum ever to be met, or even if all of them voted FOR the majority would fail;</li>
 * <li>otherwise the request stays open.</li>
 * </ol>
 * The members who may still vote are those holding a seat that day, less the requester and
 * those who have voted. Pure: the service brings the committee and the votes.
 */
final class DecisionRule {

    private DecisionRule() {
    }

    record Ballot(String voter, VoteChoice choice) {
    }

    record Tally(int votesFor, int votesAgainst, int abstentions, int recusals) {

        static Tally of(List<Ballot> ballots) {
            int[] counts = new int[VoteChoice.values().length];
            ballots.forEach(ballot -> counts[ballot.choice().ordinal()]++);
            return new Tally(counts[VoteChoice.FOR.ordinal()], counts[VoteChoice.AGAINST.ordinal()],
                    counts[VoteChoice.ABSTAIN.ordinal()], counts[VoteChoice.RECUSED.ordinal()]);
        }

        /** Votes cast: FOR, AGAINST and ABSTAIN. A recusal is not a vote. */
        int cast() {
            return votesFor + votesAgainst + abstentions;
        }
    }

    record Verdict(DisbursementStatus outcome, DecisionBasis basis, Tally tally, int eligibleVoters, boolean quorumMet) {
    }

    /**
     * The decision the ballots make, the last one being the vote just cast, if they make one.
     *
     * @param day the business day of the vote, which says who holds a seat
     */
    static Optional<Verdict> decide(Committee committee, LocalDate day, String requester, long amountMinor,
            List<Ballot> ballots) {
        if (ballots.isEmpty()) {
            throw new IllegalArgumentException("a decision follows a vote");
        }
        Ballot last = ballots.get(ballots.size() - 1);
        Tally tally = Tally.of(ballots);
        Set<String> voters = committee.votersOn(day, requester);
        boolean quorumMet = tally.cast() >= committee.quorum();
        if (committee.delegates(last.voter(), amountMinor)
                && (last.choice() == VoteChoice.FOR || last.choice() == VoteChoice.AGAINST)) {
            return Optional.of(new Verdict(last.choice() == VoteChoice.FOR ? DisbursementStatus.APPROVED
                    : DisbursementStatus.REJECTED, DecisionBasis.DELEGATE, tally, voters.size(), quorumMet));
        }
        if (quorumMet && committee.majority().approves(tally.votesFor(), tally.votesAgainst())) {
            return Optional.of(new Verdict(DisbursementStatus.APPROVED, DecisionBasis.MAJORITY_REACHED, tally,
                    voters.size(), true));
        }
        Set<String> voted = ballots.stream().map(Ballot::voter).collect(Collectors.toSet());
        int yetToVote = (int) voters.stream().filter(voter -> !voted.contains(voter)).count();
        if (tally.cast() + yetToVote < committee.quorum()) {
            return Optional.of(new Verdict(DisbursementStatus.REJECTED, DecisionBasis.QUORUM_UNREACHABLE, tally,
                    voters.size(), quorumMet));
        }
        if (!committee.majority().approves(tally.votesFor() + yetToVote, tally.votesAgainst())) {
            return Optional.of(new Verdict(DisbursementStatus.REJECTED, DecisionBasis.MAJORITY_UNREACHABLE, tally,
                    voters.size(), quorumMet));
        }
        return Optional.empty();
    }
}
