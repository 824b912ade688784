package org.solidarityfunds.ledger.common;

import java.util.Optional;
import java.util.UUID;

/** Public ids are UUIDs in their canonical 36-character form; anything else names nothing. */
public final class Ids {

    private Ids() {
    }

    public static Optional<UUID> parse(String id) {
        if (id == null || id.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
