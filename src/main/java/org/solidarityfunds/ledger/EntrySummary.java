package org.solidarityfunds.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * A journal entry as a list shows it, without its lines, and with the first {@value #HASH_PREFIX}
 * hex digits of its hash, enough to tell entries apart: {@link EntryView} is the whole entry.
 */
public record EntrySummary(UUID id, long sequence, EntryKind kind, String memo, Instant recordedAt,
        String hashPrefix) {

    static final int HASH_PREFIX = 12;

    static EntrySummary from(JournalEntry entry) {
        return new EntrySummary(entry.id, entry.sequence, entry.kind, entry.memo, entry.recordedAt,
                EntryHash.hex(entry.hash).substring(0, HASH_PREFIX));
    }
}
