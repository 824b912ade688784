package org.solidarityfunds.persistence;

import java.util.Collection;
import java.util.UUID;

/**
 * Ids a query looks up together, as one array parameter: {@code array_contains(?1, x.id)},
 * which PostgreSQL runs as {@code x.id = any(?)} on the same index as {@code in}. Hibernate
 * translates a query with a list parameter ({@code x.id in ?1}) to SQL again on every call,
 * since its SQL depends on the list's length; with an array the query keeps one SQL and its
 * translation is cached (a fund's page in the console spent a sixth of its CPU translating).
 */
public final class AnyOf {

    private AnyOf() {
    }

    public static UUID[] uuids(Collection<UUID> ids) {
        return ids.toArray(UUID[]::new);
    }

    public static Long[] longs(Collection<Long> ids) {
        return ids.toArray(Long[]::new);
    }
}
