package org.solidarityfunds.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A condition {@code property in (?k, ?k+1, ...)} with one scalar parameter per value (or
 * {@code property = ?k} for one value, which Hibernate would take for a list otherwise), for the
 * queries that read every row matching a list (the allocations of the contributions on a page,
 * say). Hibernate translates a query with a list parameter to SQL again on every call, as its
 * SQL depends on the list's length: on a fund's console page that was a fifth of the service's
 * time. A query with a fixed set of scalar parameters is translated once and kept. So the
 * values are padded, by repeating the last one, to one of a few lengths ({@link #LENGTHS}); a
 * longer list is read in chunks of the longest. Not for a query that pages or sorts across
 * the whole list: each chunk is a query of its own.
 *
 * @param condition  the condition, its parameters numbered after the leading ones
 * @param parameters the leading parameters, then the chunk's values, padded
 */
public record InList(String condition, Object[] parameters) {

    /** The lengths a list is padded to: few query shapes, little padding. */
    static final int[] LENGTHS = {1, 4, 16, 64, 256};
    static final int CHUNK_MAX = LENGTHS[LENGTHS.length - 1];

    /**
     * The chunks of {@code values} as conditions on {@code property}, each numbering its
     * parameters after the {@code leading} ones it repeats first; none for no values.
     */
    public static List<InList> chunks(String property, Collection<?> values, Object... leading) {
        if (!property.matches("[a-z][A-Za-z0-9.]*")) {
            throw new IllegalArgumentException("not a property path: " + property);
        }
        List<?> all = List.copyOf(values);
        List<InList> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK_MAX) {
            chunks.add(of(property, all.subList(from, Math.min(all.size(), from + CHUNK_MAX)), leading));
        }
        return chunks;
    }

    private static InList of(String property, List<?> values, Object[] leading) {
        int length = paddedLength(values.size());
        Object[] parameters = new Object[leading.length + length];
        System.arraycopy(leading, 0, parameters, 0, leading.length);
        for (int i = 0; i < length; i++) {
            parameters[leading.length + i] = values.get(Math.min(i, values.size() - 1));
        }
        if (length == 1) {
            // "in (?1)" would be taken for a list parameter, translated again on every call.
            return new InList(property + " = ?" + parameters.length, parameters);
        }
        StringBuilder condition = new StringBuilder(property).append(" in (");
        for (int i = 0; i < length; i++) {
            condition.append(i == 0 ? "?" : ", ?").append(leading.length + i + 1);
        }
        return new InList(condition.append(')').toString(), parameters);
    }

    static int paddedLength(int size) {
        for (int length : LENGTHS) {
            if (size <= length) {
                return length;
            }
        }
        throw new IllegalArgumentException(size + " values in one chunk; at most " + CHUNK_MAX);
    }
}
