package org.solidarityfunds.bankstatement;

import java.util.Objects;
import java.util.UUID;

/**
 * What the service proposes for one line of a statement, and why: the donor and the pledge (or
 * instalment) a credit pays, or the payment a debit is. Finance accepts, changes or rejects it;
 * nothing is recorded on a proposal alone.
 *
 * @param fundCode       the fund the money is for, when the line says it (its pledge's, its
 *                       payment's, or its account's own fund); null when finance must choose
 * @param instalment     the instalment of the pledge, when it has instalments
 * @param payment        for a debit: the payment (a disbursement's, or one tranche of it) it is
 * @param contributionId for a credit: the contribution it already is (recorded by hand before the statement came)
 * @param reason         in words, for the person who decides: what was matched on what
 */
public record Proposal(UUID donorId, UUID pledgeId, Short instalment, String fundCode, Proposals.Payment payment,
        UUID contributionId, Confidence confidence, String reason) {

    /** How sure the match is: HIGH on a unique identifier, MEDIUM on a name or an amount, LOW on a guess. */
    public enum Confidence {
        HIGH, MEDIUM, LOW, NONE
    }

    /** Limit: the reason's length, as stored. */
    static final int REASON_LENGTH_MAX = 400;

    public Proposal {
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(reason, "reason");
        if ((confidence == Confidence.NONE) != (donorId == null && payment == null && contributionId == null)) {
            throw new IllegalArgumentException("a proposal names a donor, a payment or a contribution exactly when it is one");
        }
        if (pledgeId == null && instalment != null) {
            throw new IllegalArgumentException("an instalment is of a pledge");
        }
        reason = reason.length() > REASON_LENGTH_MAX ? reason.substring(0, REASON_LENGTH_MAX - 1) + "…" : reason;
    }

    static Proposal none(String reason) {
        return new Proposal(null, null, null, null, null, null, Confidence.NONE, reason);
    }
}
