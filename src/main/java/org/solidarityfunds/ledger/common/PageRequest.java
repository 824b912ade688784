package org.solidarityfunds.ledger.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.solidarityfunds.ledger.problem.ProblemException;
import org.solidarityfunds.ledger.problem.ProblemType;

/**
 * {@code ?limit=&after=} as received: the limit is 1 to {@value #LIMIT_MAX} (default
 * {@value #LIMIT_DEFAULT}); the cursor is opaque to clients (base64url of a position
 * that only this service reads). Both arrive as text so that a bad value gets a 400
 * problem rather than JAX-RS' 404 for unconvertible parameters.
 */
public record PageRequest(int limit, Optional<String> after) {

    public static final int LIMIT_DEFAULT = 50;
    public static final int LIMIT_MAX = 200;
    private static final int CURSOR_LENGTH_MAX = 200;

    public static PageRequest of(String limit, String after) {
        return new PageRequest(parseLimit(limit), parseCursor(after));
    }

    public static String cursor(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor's position as a number, for lists ordered by a numeric key. */
    public Optional<Long> afterNumber() {
        return after.map(position -> {
            try {
                return Long.parseLong(position);
            } catch (NumberFormatException e) {
                throw invalidCursor();
            }
        });
    }

    private static int parseLimit(String limit) {
        if (limit == null) {
            return LIMIT_DEFAULT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= LIMIT_MAX) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as an out-of-range number
        }
        throw ProblemException.invalid("limit", "must be a whole number from 1 to " + LIMIT_MAX);
    }

    private static Optional<String> parseCursor(String after) {
        if (after == null) {
            return Optional.empty();
        }
        if (after.isEmpty() || after.length() > CURSOR_LENGTH_MAX) {
            throw invalidCursor();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
    }

    public static ProblemException invalidCursor() {
        return new ProblemException(ProblemType.INVALID_CURSOR,
                "Use the nextCursor of a previous page of the same list, unchanged.");
    }
}
