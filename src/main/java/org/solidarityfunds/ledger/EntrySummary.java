package org.solidarityfunds.ledger;

import java.time.Instant;
import java.util.UUID;

/** A journal entry as a list shows it, without its lines: {@link EntryView} is the whole entry. */
public record EntrySummary(UUID id, long sequence, EntryKind kind, String memo, Instant recordedAt, String hash) {

    static EntrySummary from(JournalEntry entry) {
        return new EntrySummary(entry.id, entry.sequence, entry.kind, entry.memo, entry.recordedAt,
                EntryHash.hex(entry.hash));
    }
}
