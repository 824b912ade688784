package org.solidarityfunds.web;

import java.util.Optional;
import java.util.UUID;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/** Public ids are UUIDs in their canonical 36-character form; anything else names nothing. */
public final class Ids {

    private Ids() {
    }

    /** The id, or the given "not found" problem: an id that is not a UUID names nothing, like an unknown one. */
    public static UUID require(String id, ProblemType notFound, String what) {
        return parse(id).orElseThrow(() -> new ProblemException(notFound, "No " + what + " has the id " + id + "."));
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
