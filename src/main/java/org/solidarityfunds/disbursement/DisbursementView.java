package org.solidarityfunds.disbursement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.committee.MajorityRule;
import org.solidarityfunds.money.MoneyView;
import org.solidarityfunds.money.SignedMoneyView;

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
        @Schema(description = "Its payments in the order recorded, once approved (empty until the first).",
                maxItems = DisbursementService.PAYMENTS_MAX)
        List<PaymentView> payments,
        @Schema(description = "What is left of the commitment to pay, once approved: what was approved less what the "
                + "payments settled and any remainder released.")
        MoneyView leftToPay,
        @Schema(description = "Once the rest of a partly paid disbursement was released.")
        RemainderReleaseView remainderRelease,
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

    @Schema(name = "Payment", description = "One payment of the disbursement, as the bank's advice gave it.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentView(
            @Schema(required = true) UUID id,
            @Schema(required = true, description = "1 for the first payment of the disbursement, and so on.")
            int number,
            @Schema(required = true) LocalDate paidOn,
            @Schema(required = true, description = "The bank's reference of the transfer.") String reference,
            @Schema(description = "Where the money went, when recorded; not shown to partners.")
            AccountView beneficiaryAccount,
            @Schema(required = true, description = "What the bank debited for the transfer, charges apart.")
            MoneyView amount,
            @Schema(required = true, description = "The part of the commitment it settled.") MoneyView commitmentSettled,
            @Schema(description = "The transfer in the beneficiary's currency.") MoneyView foreignAmount,
            @Schema(description = "The bank's rate, fund currency per unit of the foreign amount's.")
            BigDecimal exchangeRate,
            @Schema(required = true, description = "The amount debited less the commitment settled: positive a loss "
                    + "(EXCHANGE_LOSS entry, out of available money), negative a gain (EXCHANGE_GAIN, back to it).")
            SignedMoneyView exchangeDifference,
            @Schema(required = true, description = "The bank's charges (BANK_CHARGES entry, out of available money).")
            MoneyView charges,
            @Schema(required = true, description = "The DISBURSEMENT_PAID entry.") UUID entryId,
            @Schema(description = "The EXCHANGE_LOSS or EXCHANGE_GAIN entry.") UUID exchangeDifferenceEntryId,
            @Schema(description = "The BANK_CHARGES entry.") UUID chargesEntryId,
            @Schema(required = true) Instant recordedAt,
            @Schema(required = true) String recordedBy) {

        /** @param withAccount whether the caller sees the beneficiary's bank account (partners do not) */
        static PaymentView from(Payment p, boolean withAccount) {
            return new PaymentView(p.id, p.number, p.paidOn, p.reference,
                    !withAccount || (p.beneficiaryIban == null && p.beneficiaryAccount == null) ? null
                            : new AccountView(p.beneficiaryIban, p.beneficiaryAccount, p.beneficiaryBic),
                    new MoneyView(p.amountMinor, p.currency), new MoneyView(p.settledMinor, p.currency),
                    p.foreignAmountMinor == null ? null : new MoneyView(p.foreignAmountMinor, p.foreignCurrency),
                    p.exchangeRate == null ? null : p.exchangeRate.stripTrailingZeros(),
                    new SignedMoneyView(Math.subtractExact(p.amountMinor, p.settledMinor), p.currency),
                    new MoneyView(p.chargesMinor, p.currency), p.paymentEntryId, p.differenceEntryId,
                    p.chargesEntryId, p.recordedAt, p.recordedBy);
        }
    }

    @Schema(name = "BeneficiaryAccountView")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccountView(
            @Schema(description = "The IBAN, in its compact form.") String iban,
            @Schema(description = "The account's number, where it has no IBAN.") String accountNumber,
            @Schema(description = "The bank's BIC.") String bic) {
    }

    @Schema(name = "RemainderRelease")
    public record RemainderReleaseView(
            @Schema(required = true, description = "What was released back to available money.") MoneyView amount,
            @Schema(required = true) String reason,
            @Schema(required = true) Instant releasedAt,
            @Schema(required = true) String releasedBy,
            @Schema(required = true, description = "The COMMITMENT_RELEASED entry.") UUID entryId) {
    }

    @Schema(name = "Cancellation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CancellationView(
            @Schema(required = true) String reason,
            @Schema(required = true) Instant cancelledAt,
            @Schema(required = true) String cancelledBy,
            @Schema(description = "The COMMITMENT_RELEASED entry, when an approval was cancelled.") UUID releaseEntryId) {
    }

    /**
     * @param votes    the votes, or null for a caller who sees the decision only
     * @param payments its payments in order, or null when the caller's list does not show them
     */
    static DisbursementView from(Disbursement d, String fundCode, List<Vote> votes, Decision decision,
            List<Payment> payments) {
        boolean approved = decision != null && decision.outcome == DisbursementStatus.APPROVED;
        long settled = payments == null ? 0 : payments.stream().mapToLong(p -> p.settledMinor).sum();
        MoneyView left = !approved || payments == null ? null : new MoneyView(
                d.status == DisbursementStatus.CANCELLED || d.remainderReleasedAt != null ? 0
                        : Math.subtractExact(d.amountMinor, settled), d.currency);
        return new DisbursementView(d.id, fundCode, new RequestDisbursement.Beneficiary(d.beneficiaryName,
                d.beneficiaryCountry), d.purpose, new MoneyView(d.amountMinor, d.currency), d.status, d.requestedAt,
                d.requestedBy,
                votes == null ? null : votes.stream().map(v -> new VoteView(v.voter, v.choice, v.comment,
                        v.minutesReference, v.castAt)).toList(),
                decision == null ? null : new DecisionView(decision.outcome, decision.basis, decision.committeeVersion,
                        decision.votesFor, decision.votesAgainst, decision.abstentions, decision.recusals,
                        decision.eligibleVoters, decision.quorum, decision.quorumMet, decision.majority,
                        decision.minutesReference, decision.commitmentEntryId, decision.decidedAt),
                // Who sees the votes sees the beneficiary's account; a partner sees neither.
                approved && payments != null ? payments.stream().map(p -> PaymentView.from(p, votes != null)).toList()
                        : null, left,
                d.remainderReleasedAt == null ? null : new RemainderReleaseView(new MoneyView(
                        Math.subtractExact(d.amountMinor, settled), d.currency), d.remainderReleaseReason,
                        d.remainderReleasedAt, d.remainderReleasedBy, d.remainderReleaseEntryId),
                d.cancelledAt == null ? null : new CancellationView(d.cancellationReason, d.cancelledAt, d.cancelledBy,
                        d.releaseEntryId));
    }
}
