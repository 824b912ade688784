package org.solidarityfunds.bankstatement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.contribution.RecordContribution;

/**
 * Finance's decisions on a statement's lines, confirmed together: all or nothing. A line not
 * named (nor accepted by {@code acceptProposals}) stays open.
 */
@Schema(name = "Reconcile", example = """
        {"acceptProposals": "HIGH",
         "lines": [{"lineId": "0b4e3f0c-6a1d-4f43-9d57-2c1e5b7a9f10", "action": "ACCEPT",
                    "donorId": "6f1c2b7e-2a4d-4c1e-9b3a-8d5e7f9a0b1c"},
                   {"lineId": "5d0f8a2b-3c4e-4f6a-8b9c-0d1e2f3a4b5c", "action": "DISMISS",
                    "reason": "Frais de tenue de compte"}]}
        """)
public record Reconcile(
        @Schema(description = "Also accept, as proposed, every open line whose proposal is at least this sure "
                + "(HIGH, or HIGH and MEDIUM...), besides the lines named.")
        Proposal.Confidence acceptProposals,
        @Schema(description = "One decision per line, at most one per line.", maxItems = LINES_MAX)
        @Size(max = LINES_MAX) List<@NotNull @Valid Decision> lines) {

    /** Limit: decisions in one request (the body is held to 2 MiB as well). */
    public static final int LINES_MAX = 10_000;
    /** Limit: a decision's reason, as kept with the line's outcome. */
    static final int REASON_LENGTH_MAX = 400;
    /** Limit: a fund's code. */
    static final int FUND_LENGTH_MAX = 40;

    /** What to do with a line. */
    public enum Action {
        /** A credit becomes a contribution; a debit is the bank's side of a payment. */
        ACCEPT,
        /** Not the funds' money: kept as handled, with the reason. */
        DISMISS
    }

    @Schema(name = "ReconcileLine")
    public record Decision(
            @Schema(required = true) @NotNull UUID lineId,
            @Schema(required = true) @NotNull Action action,
            @Schema(description = "For a credit: the donor, instead of the one proposed.") UUID donorId,
            @Schema(description = "For a credit on a shared account with no proposed fund: the fund it is for.",
                    example = "LIBAN-2020", maxLength = FUND_LENGTH_MAX)
            @Size(max = FUND_LENGTH_MAX) String fund,
            @Schema(description = "For a credit: the allocations, instead of the proposed one (an empty list: "
                    + "received unallocated).", maxItems = RecordContribution.ALLOCATIONS_MAX)
            @Size(max = RecordContribution.ALLOCATIONS_MAX)
            List<RecordContribution.@NotNull @Valid AllocationInput> allocations,
            @Schema(description = "For an accepted debit: the disbursement paid, instead of the one proposed, when "
                    + "exactly one of its payments not yet matched is of the line's amount (the transfer, or the "
                    + "transfer with its charges); else paymentId.")
            UUID disbursementId,
            @Schema(description = "For an accepted debit: the payment (one tranche of a disbursement) it is, instead "
                    + "of the one proposed.")
            UUID paymentId,
            @Schema(description = "For an accepted credit: the contribution already recorded (by hand) that it is, "
                    + "instead of a new one; without donorId, allocations or fund.")
            UUID contributionId,
            @Schema(description = "Why the line is dismissed (required to dismiss); for an accepted line, a note "
                    + "kept with it.", maxLength = REASON_LENGTH_MAX)
            @Size(max = REASON_LENGTH_MAX) String reason) {
    }
}
