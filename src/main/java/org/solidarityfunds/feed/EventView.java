package org.solidarityfunds.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.money.MoneyView;

@Schema(name = "LedgerEvent", description = "One fact of the ledger, as the change feed tells it.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(
        @Schema(required = true, description = "Resume the feed after this event by passing this as after.")
        String cursor,
        @Schema(required = true, description = "The entry's kind for an event with an entry (PLEDGE_RECORDED, "
                + "PLEDGE_CANCELLED, CONTRIBUTION_RECEIVED, DISBURSEMENT_COMMITTED, COMMITMENT_RELEASED, "
                + "DISBURSEMENT_PAID, EXCHANGE_LOSS, EXCHANGE_GAIN, BANK_CHARGES, REVERSAL); otherwise DISBURSEMENT_REQUESTED, DISBURSEMENT_REJECTED or "
                + "DISBURSEMENT_WITHDRAWN. New types may appear: skip those you do not know.",
                example = "CONTRIBUTION_RECEIVED")
        String type,
        @Schema(required = true, example = "LIBAN-2020") String fundCode,
        @Schema(description = "The fact's amount: money pledged, received, committed, released or paid (an entry's "
                + "first line), or the amount a disbursement request asks for.") MoneyView amount,
        @Schema(required = true) Instant occurredAt,
        @Schema(description = "The journal entry, for an event with an entry.") UUID entryId,
        @Schema(description = "The pledge, contribution or disbursement the event is about.") ReferenceView about) {

    @Schema(name = "EventReference")
    public record ReferenceView(
            @Schema(required = true, enumeration = {"pledge", "contribution", "disbursement"}) String type,
            @Schema(required = true) UUID id) {
    }

    @Schema(name = "EventPage", description = "One page of the change feed.")
    public record Page(
            @Schema(required = true) List<EventView> items,
            @Schema(required = true, description = "Pass as after to read on. Present even when there is nothing "
                    + "more yet: the feed grows, and this is where to resume.") String nextCursor,
            @Schema(required = true, description = "Whether more events are ready now.") boolean hasMore) {
    }
}
