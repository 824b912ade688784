package org.solidarityfunds.contribution;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.money.MoneyView;

@Schema(name = "Contribution")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContributionView(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "LIBAN-2020") String fundCode,
        @Schema(required = true) UUID donorId,
        @Schema(required = true, description = "In the fund's currency.") MoneyView amount,
        @Schema(description = "As received, when it came in another currency.") MoneyView originalAmount,
        @Schema(description = "Fund currency per unit of the original currency.") BigDecimal exchangeRate,
        @Schema(required = true) LocalDate receivedOn,
        @Schema(required = true) String bankReference,
        @Schema(required = true) List<AllocationView> allocations,
        @Schema(required = true, description = "The part allocated to no pledge.") MoneyView unallocated,
        @Schema(required = true, description = "RECEIVED, or REVERSED once bounced.") Status status,
        @Schema(required = true, description = "The CONTRIBUTION_RECEIVED entry.") UUID entryId,
        UUID reversalEntryId,
        Instant reversedAt,
        String reversedBy,
        String reversalReason,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) String createdBy) {

    public enum Status { RECEIVED, REVERSED }

    @Schema(name = "Allocation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AllocationView(
            @Schema(required = true) UUID pledgeId,
            Short instalmentNumber,
            @Schema(required = true) MoneyView amount) {
    }

    /** As received, when it came in another currency; else null. */
    static MoneyView originalOf(Contribution c) {
        return c.originalAmountMinor == null ? null : new MoneyView(c.originalAmountMinor, c.originalCurrency);
    }

    static BigDecimal rateOf(Contribution c) {
        return c.exchangeRate == null ? null : c.exchangeRate.stripTrailingZeros();
    }

    static Status statusOf(Contribution c) {
        return c.reversalEntryId == null ? Status.RECEIVED : Status.REVERSED;
    }

    static ContributionView from(Contribution c, String fundCode, List<Allocation> allocations) {
        long allocated = allocations.stream().mapToLong(a -> a.amountMinor).sum();
        return new ContributionView(c.id, fundCode, c.donorId, new MoneyView(c.amountMinor, c.currency),
                originalOf(c), rateOf(c), c.receivedOn, c.bankReference,
                allocations.stream().map(a -> new AllocationView(a.pledgeId, a.instalmentNumber,
                        new MoneyView(a.amountMinor, c.currency))).toList(),
                new MoneyView(c.amountMinor - allocated, c.currency),
                statusOf(c), c.entryId, c.reversalEntryId,
                c.reversedAt, c.reversedBy, c.reversalReason, c.createdAt, c.createdBy);
    }
}
