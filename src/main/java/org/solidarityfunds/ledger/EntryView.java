package org.solidarityfunds.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.money.MoneyView;

/** A journal entry with its lines, as stored; {@code hash} lets anyone check the chain. */
@Schema(name = "JournalEntry")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntryView(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "LIBAN-2020") String fundCode,
        @Schema(required = true, description = "Position in the fund's journal, from 1, without gaps.", example = "1")
        long sequence,
        @Schema(required = true) EntryKind kind,
        @Schema(required = true, description = "Why the entry was written.") String memo,
        @Schema(required = true, description = "The business date of the event (Europe/Paris).") LocalDate effectiveDate,
        @Schema(required = true) Instant recordedAt,
        @Schema(required = true, description = "Who wrote it: the authenticated subject.") String recordedBy,
        @Schema(description = "The entry this one reverses.") UUID reversesEntryId,
        @Schema(description = "The entry that reversed this one, if any.") UUID reversedByEntryId,
        @Schema(required = true, description = "Hex SHA-256 of the fund's previous entry.") String previousHash,
        @Schema(required = true, description = "Hex SHA-256 of the previous hash and this entry's canonical bytes.")
        String hash,
        @Schema(required = true) List<LineView> lines) {

    /** An entry never changes; only its reversal, once, adds to what is shown of it. */
    public String etag() {
        return reversedByEntryId == null ? hash : hash + "-" + reversedByEntryId;
    }


    @Schema(name = "JournalLine")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineView(
            @Schema(required = true, example = "1") int lineNo,
            @Schema(required = true) Account account,
            @Schema(required = true) Side side,
            @Schema(required = true) MoneyView amount,
            @Schema(description = "The amount as received, when it arrived in another currency.") MoneyView originalAmount,
            @Schema(description = "Fund currency per unit of the original currency.", example = "0.9132")
            BigDecimal exchangeRate) {

        static LineView from(JournalLine line) {
            return new LineView(line.lineNo, line.account, line.side,
                    new MoneyView(line.amountMinor, line.currency),
                    line.originalAmountMinor == null ? null
                            : new MoneyView(line.originalAmountMinor, line.originalCurrency),
                    line.exchangeRate == null ? null : line.exchangeRate.stripTrailingZeros());
        }
    }

    static EntryView from(JournalEntry entry, String fundCode, List<JournalLine> lines, UUID reversedBy) {
        return new EntryView(entry.id, fundCode, entry.sequence, entry.kind, entry.memo, entry.effectiveDate,
                entry.recordedAt, entry.recordedBy, entry.reversesEntryId, reversedBy,
                EntryHash.hex(entry.previousHash), EntryHash.hex(entry.hash),
                lines.stream().map(LineView::from).toList());
    }
}
