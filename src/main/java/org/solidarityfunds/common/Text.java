package org.solidarityfunds.common;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What text the service accepts, wherever it comes from (a body's field, a path or query
 * parameter, a token's claim): the one definition, which the contract states as the
 * {@link #VISIBLE} pattern of every free-text field (OpenApiConventions) and
 * docs/reference/limits.md describes.
 *
 * <ul>
 *   <li>Only characters PostgreSQL stores as they were sent: no NUL (it cannot store one),
 *       no other control character but tab, line feed and carriage return, and no half of a
 *       surrogate pair (the driver would store a '?' in its place).</li>
 *   <li>At least one visible character: whitespace as ECMAScript's {@code \s} knows it
 *       (no-break spaces and the byte-order mark included), control characters and invisible
 *       format characters (zero-width spaces and joiners, bidirectional marks) are not.</li>
 *   <li>Lengths in Unicode code points, as JSON Schema counts {@code maxLength}.</li>
 * </ul>
 */
public final class Text {

    /**
     * A visible character, as a regular expression that reads the same in Java and in
     * ECMAScript (only {@code \\uXXXX} escapes, no {@code \s}, whose meanings differ): anything
     * but whitespace, control and invisible format characters. A text matches when it
     * contains one ({@code find}, unanchored, as JSON Schema applies a pattern).
     */
    public static final String VISIBLE = "[^\\u0000-\\u0020\\u007f-\\u00a0\\u00ad\\u034f\\u061c\\u115f\\u1160"
            + "\\u1680\\u17b4\\u17b5\\u180b-\\u180f\\u2000-\\u200f\\u2028-\\u202f\\u205f-\\u206f\\u3000\\u3164"
            + "\\ufe00-\\ufe0f\\ufeff\\uffa0\\ufff0-\\ufff8]";

    private static final Pattern VISIBLE_CHARACTER = Pattern.compile(VISIBLE);

    private Text() {
    }

    /** Why the text cannot be accepted as it is, or nothing when it can. */
    public static Optional<String> refusal(String text, int lengthMax) {
        Optional<String> unstorable = unstorable(text);
        if (unstorable.isPresent()) {
            return unstorable;
        }
        if (!VISIBLE_CHARACTER.matcher(text).find()) {
            return Optional.of("must contain a visible character");
        }
        if (text.codePointCount(0, text.length()) > lengthMax) {
            return Optional.of("must be at most " + lengthMax + " characters long");
        }
        return Optional.empty();
    }

    /**
     * Why PostgreSQL would not store the text exactly as it is (a NUL, another control
     * character, half a surrogate pair), or nothing. Linear in the text's length, and the
     * answer never quotes the text.
     */
    public static Optional<String> unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains half of a surrogate pair at position " + i);
            } else if (c == '\u0000') {
                return Optional.of("contains a NUL character at position " + i);
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return Optional.of("contains a control character at position " + i);
            }
        }
        return Optional.empty();
    }
}
