package org.solidarityfunds.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

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
    private static final java.util.regex.Pattern CANONICAL_NUMBER = java.util.regex.Pattern.compile("0|[1-9][0-9]{0,18}");

    public static PageRequest of(String limit, String after) {
        return new PageRequest(parseLimit(limit), parseCursor(after));
    }

    public static String cursor(String position) {
        return cursorBytes(position.getBytes(StandardCharsets.US_ASCII));
    }

    private static String cursorBytes(byte[] position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position);
    }

    /** The cursor's position as a number, for lists ordered by a numeric key. */
    public Optional<Long> afterNumber() {
        return afterNumber(Long.MAX_VALUE);
    }

    /** The cursor's position as a number of at most {@code max}, for a key narrower than 64 bits. */
    public Optional<Long> afterNumber(long max) {
        return after.map(position -> number(position, max));
    }

    /**
     * A number in a cursor, read strictly: decimal digits only, no sign, no leading zero, at
     * most {@code max}; anything else, out of range included, is {@code invalid-cursor}, never
     * a number that wrapped around.
     */
    public static long number(String text, long max) {
        if (!CANONICAL_NUMBER.matcher(text).matches()) {
            throw invalidCursor();
        }
        try {
            long value = Long.parseLong(text);
            if (value > max) {
                throw invalidCursor();
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalidCursor();
        }
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
        byte[] position;
        try {
            position = Base64.getUrlDecoder().decode(after);
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
        // Only the cursors this service writes: padded or otherwise re-spelt ones are not.
        if (!cursorBytes(position).equals(after)) {
            throw invalidCursor();
        }
        return Optional.of(new String(position, StandardCharsets.US_ASCII));
    }

    public static ProblemException invalidCursor() {
        return new ProblemException(ProblemType.INVALID_CURSOR,
                "Use the nextCursor of a previous page of the same list, unchanged.");
    }
}
