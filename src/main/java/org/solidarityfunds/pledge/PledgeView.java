package org.solidarityfunds.pledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.money.MoneyView;

@Schema(name = "Pledge")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PledgeView(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "LIBAN-2020") String fundCode,
        @Schema(required = true) UUID donorId,
        @Schema(required = true) MoneyView amount,
        @Schema(required = true) LocalDate pledgedOn,
        String deliberationRef,
        @Schema(required = true, description = "Derived from the amounts.") PledgeStatus status,
        @Schema(required = true, description = "Whether an instalment is past due and not fully received.")
        boolean overdue,
        @Schema(required = true) MoneyView received,
        @Schema(required = true) MoneyView cancelled,
        @Schema(required = true, description = "Neither received nor cancelled.") MoneyView outstanding,
        @Schema(required = true) List<InstalmentView> instalments,
        @Schema(required = true, description = "The PLEDGE_RECORDED entry.") UUID entryId,
        @Schema(description = "The PLEDGE_CANCELLED entry, once cancelled.") UUID cancellationEntryId,
        Instant cancelledAt,
        String cancelledBy,
        String cancellationReason,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) String createdBy) {

    @Schema(name = "PledgeInstalment")
    public record InstalmentView(
            @Schema(required = true, example = "1") int number,
            @Schema(required = true) MoneyView amount,
            @Schema(required = true) LocalDate dueOn,
            @Schema(required = true) MoneyView received,
            @Schema(required = true) boolean overdue) {
    }

    static PledgeView from(Pledge pledge, String fundCode, List<PledgeInstalment> instalments, LocalDate today) {
        List<InstalmentView> views = instalments.stream().map(i -> new InstalmentView(i.number,
                new MoneyView(i.amountMinor, pledge.currency), i.dueOn, new MoneyView(i.receivedMinor, pledge.currency),
                isOverdue(pledge, i, today))).toList();
        return new PledgeView(pledge.id, fundCode, pledge.donorId, new MoneyView(pledge.amountMinor, pledge.currency),
                pledge.pledgedOn, pledge.deliberationRef, PledgeStatus.of(pledge),
                views.stream().anyMatch(InstalmentView::overdue),
                new MoneyView(pledge.receivedMinor, pledge.currency), new MoneyView(pledge.cancelledMinor, pledge.currency),
                new MoneyView(pledge.outstandingMinor(), pledge.currency), views, pledge.entryId,
                pledge.cancellationEntryId, pledge.cancelledAt, pledge.cancelledBy, pledge.cancellationReason,
                pledge.createdAt, pledge.createdBy);
    }

    /** Past its due date and not fully received, on a pledge that still expects money. */
    private static boolean isOverdue(Pledge pledge, PledgeInstalment instalment, LocalDate today) {
        return pledge.cancelledAt == null && instalment.dueOn.isBefore(today)
                && instalment.receivedMinor < instalment.amountMinor;
    }
}
