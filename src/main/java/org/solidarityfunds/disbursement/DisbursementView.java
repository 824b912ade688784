package org.solidarityfunds.disbursement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.committee.MajorityRule;
import org.solidarityfunds.money.MoneyView;

@Schema(name = "Disbursement")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisbursementView(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "MOZAMBIQUE-DONDO") String fundCode,
        @Schema(required = true) RequestDisbursement.Beneficiary beneficiary,
        @Schema(required = true) String purpose,
        @Schema(required = true) MoneyView amount,
        @Schema(required = true) DisbursementStatus status,
        @Schema(required = true) Instant requestedAt,
        @Schema(required = true) String requestedBy,
        @Schema(description = "The votes in the order cast. Not shown to partners, who see the decision only.")
        List<VoteView> votes,
        @Schema(description = "Once the committee has decided.") DecisionView decision,
        @Schema(description = "Once paid.") PaymentView payment,
        @Schema(description = "Once cancelled.") CancellationView cancellation) {

    @Schema(name = "Vote")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VoteView(
            @Schema(required = true) String voter,
            @Schema(required = true) VoteChoice vote,
            String comment,
            String minutesReference,
            @Schema(required = true) Instant castAt) {
    }

    @Schema(name = "Decision")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionView(
            @Schema(required = true, enumeration = {"APPROVED", "REJECTED"}) DisbursementStatus outcome,
            @Schema(required = true) DecisionBasis basis,
            @Schema(required = true, description = "The version of the committee whose rules decided.")
            int committeeVersion,
            @Schema(required = true) int votesFor,
            @Schema(required = true) int votesAgainst,
            @Schema(required = true) int abstentions,
            @Schema(required = true) int recusals,
            @Schema(required = true, description = "Members holding a seat that day, less the requester.")
            int eligibleVoters,
            @Schema(required = true) int quorum,
            @Schema(required = true) boolean quorumMet,
            @Schema(required = true) MajorityRule majority,
            String minutesReference,
            @Schema(description = "The DISBURSEMENT_COMMITTED entry of an approval.") UUID commitmentEntryId,
            @Schema(required = true) Instant decidedAt) {
    }

    @Schema(name = "Payment")
    public record PaymentView(
            @Schema(required = true) String paymentReference,
            @Schema(required = true) LocalDate paidOn,
            @Schema(required = true, description = "The DISBURSEMENT_PAID entry.") UUID entryId,
            @Schema(required = true) Instant paidAt,
            @Schema(required = true) String paidBy) {
    }

    @Schema(name = "Cancellation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CancellationView(
            @Schema(required = true) String reason,
            @Schema(required = true) Instant cancelledAt,
            @Schema(required = true) String cancelledBy,
            @Schema(description = "The COMMITMENT_RELEASED entry, when an approval was cancelled.") UUID releaseEntryId) {
    }

    /** @param votes the votes, or null for a caller who sees the decision only */
    static DisbursementView from(Disbursement d, String fundCode, List<Vote> votes, Decision decision) {
        return new DisbursementView(d.id, fundCode, new RequestDisbursement.Beneficiary(d.beneficiaryName,
                d.beneficiaryCountry), d.purpose, new MoneyView(d.amountMinor, d.currency), d.status, d.requestedAt,
                d.requestedBy,
                votes == null ? null : votes.stream().map(v -> new VoteView(v.voter, v.choice, v.comment,
                        v.minutesReference, v.castAt)).toList(),
                decision == null ? null : new DecisionView(decision.outcome, decision.basis, decision.committeeVersion,
                        decision.votesFor, decision.votesAgainst, decision.abstentions, decision.recusals,
                        decision.eligibleVoters, decision.quorum, decision.quorumMet, decision.majority,
                        decision.minutesReference, decision.commitmentEntryId, decision.decidedAt),
                d.paymentEntryId == null ? null : new PaymentView(d.paymentReference, d.paidOn, d.paymentEntryId,
                        d.paidAt, d.paidBy),
                d.cancelledAt == null ? null : new CancellationView(d.cancellationReason, d.cancelledAt, d.cancelledBy,
                        d.releaseEntryId));
    }
}
