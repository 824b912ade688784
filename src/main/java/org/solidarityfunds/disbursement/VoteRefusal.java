package org.solidarityfunds.disbursement;

import java.util.Collection;
import java.util.Optional;

/**
 * Who may vote on a disbursement request, and why not: the one rule a vote is checked
 * against, which the console also reads to show a vote button only to those who may press it.
 * In the order the service answers them.
 */
public enum VoteRefusal {

    /** The request was decided, or cancelled: it takes no more votes. */
    ALREADY_DECIDED,
    /** The member made the request; the other members decide it. */
    REQUESTER,
    /** The member holds no seat on the fund's committee today. */
    NOT_SEATED,
    /** The member has voted; a vote is never changed. */
    ALREADY_VOTED;

    /** Why this voter may not vote on this request now; empty when they may. */
    public static Optional<VoteRefusal> of(DisbursementStatus status, String requestedBy, String voter, boolean seated,
            Collection<String> votersSoFar) {
        if (status != DisbursementStatus.REQUESTED) {
            return Optional.of(ALREADY_DECIDED);
        }
        if (voter.equals(requestedBy)) {
            return Optional.of(REQUESTER);
        }
        if (!seated) {
            return Optional.of(NOT_SEATED);
        }
        if (votersSoFar.contains(voter)) {
            return Optional.of(ALREADY_VOTED);
        }
        return Optional.empty();
    }
}
