package org.solidarityfunds.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list. Pass {@code nextCursor} as {@code after} to read the next page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(
        @Schema(required = true) List<T> items,
        @Schema(description = "Opaque cursor of the next page; absent on the last page.") String nextCursor,
        @Schema(required = true) boolean hasMore) {

    /**
     * Builds a page from up to {@code limit + 1} rows read in cursor order: the extra row,
     * when present, only tells that there is more.
     */
    public static <R, T> Page<T> of(List<R> rowsPlusOne, int limit, Function<R, String> cursorOf,
            Function<R, T> view) {
        boolean hasMore = rowsPlusOne.size() > limit;
        List<R> rows = hasMore ? rowsPlusOne.subList(0, limit) : rowsPlusOne;
        String next = hasMore ? cursorOf.apply(rows.get(rows.size() - 1)) : null;
        return new Page<>(rows.stream().map(view).toList(), next, hasMore);
    }

    /** A list the reader may not see, or that has nothing yet. */
    public static <T> Page<T> empty() {
        return new Page<>(List.of(), null, false);
    }
}
