package org.solidarityfunds.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a verification of every fund's chain found. */
@Schema(name = "LedgerVerification")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationReport(
        @Schema(required = true, description = "INTACT when every chain holds.") Status status,
        @Schema(required = true) Instant verifiedAt,
        @Schema(required = true, description = "Entries checked, over all funds (a chain is not followed past its first break).") long entriesChecked,
        @Schema(description = "The earliest recorded break over all funds; absent when all hold.") Break firstBreak,
        @Schema(required = true) List<FundChain> funds) {

    public enum Status { INTACT, BROKEN }

    /** Why a chain does not hold. */
    public enum Reason {
        /** An entry's sequence is not the one after its predecessor's: an entry was removed or inserted. */
        SEQUENCE_GAP,
        /** An entry does not name its predecessor's hash as its previous hash. */
        PREVIOUS_HASH_MISMATCH,
        /** Recomputing an entry's hash from its fields and lines does not give the stored hash: it was altered. */
        HASH_MISMATCH,
        /** The fund's recorded head (entry count, last hash) is not its last entry. */
        HEAD_MISMATCH,
        /** A maintained balance is not the sum of the journal lines behind it. */
        BALANCE_MISMATCH,
        /** The totals kept after an entry, which balances at a past instant are read from, are not the sums of the lines up to it. */
        TOTALS_MISMATCH,
        /**
         * The lines, all hashed and balanced, break an identity of the chart: bank = available +
         * commitments, or pledges receivable = pledges to receive. Only an entry that no event
         * writes, forged with a consistent chain, can do that.
         */
        IDENTITY_BROKEN,
        /**
         * A supporting document's bytes no longer have the SHA-256 (or the size) recorded when it was
         * attached: a byte was changed (ADR 0018).
         */
        DOCUMENT_ALTERED
    }

    @Schema(name = "LedgerFundChain")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FundChain(
            @Schema(required = true, example = "LIBAN-2020") String fundCode,
            @Schema(required = true) Status status,
            @Schema(required = true, example = "12") long entryCount,
            @Schema(required = true, description = "Hex SHA-256 of the fund's last entry as recomputed.") String headHash,
            @Schema(required = true, description = "Supporting documents in the fund's documents chain, each with its "
                    + "bytes' SHA-256 recomputed.", example = "3") long documentCount,
            @Schema(required = true, description = "Hex SHA-256 of the fund's last supporting document as recomputed "
                    + "(64 zeros when it has none).") String documentHeadHash,
            @Schema(description = "Where the chain first breaks; absent when it holds.") Break firstBreak) {
    }

    @Schema(name = "LedgerBreak")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Break(
            @Schema(required = true, example = "LIBAN-2020") String fundCode,
            @Schema(description = "The first entry that does not hold; absent for head and balance mismatches.")
            UUID entryId,
            @Schema(description = "The first supporting document that does not hold, when the journal does.")
            UUID documentId,
            @Schema(description = "Its sequence in the fund's journal, or for a document in the fund's documents "
                    + "chain.") Long sequence,
            @Schema(description = "When it claims to have been recorded.") Instant recordedAt,
            @Schema(required = true) Reason reason,
            @Schema(required = true) String detail) {
    }
}
