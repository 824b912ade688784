package org.solidarityfunds.disbursement;

/** A member's vote. ABSTAIN is a vote cast (it counts towards the quorum); RECUSED is not. */
public enum VoteChoice {
    FOR, AGAINST, ABSTAIN, RECUSED
}
