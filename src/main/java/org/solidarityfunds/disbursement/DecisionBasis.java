package org.solidarityfunds.disbursement;

/** Why a decision came out as it did (docs/concepts/committees-and-disbursements.md). */
public enum DecisionBasis {
    /** The quorum is met and the votes cast carry the committee's majority rule: APPROVED. */
    MAJORITY_REACHED,
    /** Even if every member yet to vote voted FOR, the majority could not be reached: REJECTED. */
    MAJORITY_UNREACHABLE,
    /** Too few members are left to vote (recusals, say) for the quorum ever to be met: REJECTED. */
    QUORUM_UNREACHABLE,
    /** The delegated member decided alone, FOR or AGAINST, on a request below the delegation limit. */
    DELEGATE
}
