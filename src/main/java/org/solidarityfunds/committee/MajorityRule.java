package org.solidarityfunds.committee;

/**
 * How the votes cast decide, once the quorum is met. Abstentions count towards the quorum
 * but not towards the majority; recusals count towards neither.
 */
public enum MajorityRule {
    /** More votes FOR than AGAINST. */
    SIMPLE,
    /** At least two thirds of the FOR and AGAINST votes are FOR, and at least one is. */
    TWO_THIRDS;

    /** Whether these votes carry an approval. Never weaker with more FOR votes or fewer AGAINST. */
    public boolean approves(int votesFor, int votesAgainst) {
        return switch (this) {
            case SIMPLE -> votesFor > votesAgainst;
            case TWO_THIRDS -> votesFor > 0 && votesFor >= 2 * votesAgainst;
        };
    }
}
