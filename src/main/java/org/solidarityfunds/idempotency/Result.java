package org.solidarityfunds.idempotency;

import java.util.Objects;

/**
 * What a command's work produced: a new record (with where it can be read, if it has an
 * address of its own) or a changed one, and its view.
 *
 * @param location the record's path under the service's base URI, relative ({@code api/v1/pledges/…}); null if none
 */
public record Result<T>(int status, T view, String location) {

    public Result {
        Objects.requireNonNull(view, "a command answers the record it created or changed");
        if (status != 200 && status != 201) {
            throw new IllegalArgumentException("a command's work answers 200 or 201, not " + status);
        }
        if (location != null && (location.startsWith("/") || location.contains("://"))) {
            throw new IllegalArgumentException("a location is relative to the service's base URI: " + location);
        }
    }

    public static <T> Result<T> created(String location, T view) {
        return new Result<>(201, view, Objects.requireNonNull(location, "location"));
    }

    /** Created, with no address of its own (an import's records each have theirs). */
    public static <T> Result<T> created(T view) {
        return new Result<>(201, view, null);
    }

    public static <T> Result<T> ok(T view) {
        return new Result<>(200, view, null);
    }
}
