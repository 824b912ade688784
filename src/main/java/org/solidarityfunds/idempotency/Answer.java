package org.solidarityfunds.idempotency;

import java.util.Objects;
import java.util.Optional;

/**
 * What a command answers, once its transaction has committed: the status and the body as
 * stored (the same bytes for every retry), where the record can be read, and whether this is
 * a replay of the first answer.
 *
 * @param location relative to the service's base URI (absolute in answers stored before it was); null if none
 * @param view     the view the work built, for a caller inside the service; empty for a replay, which has only the JSON
 */
public record Answer<T>(int status, String json, String location, boolean replayed, Optional<T> view) {

    public Answer {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(view, "view");
        if (replayed == view.isPresent()) {
            throw new IllegalArgumentException("a fresh answer carries its view, a replay only its JSON");
        }
    }

    static <T> Answer<T> fresh(Result<T> result, String json) {
        return new Answer<>(result.status(), json, result.location(), false, Optional.of(result.view()));
    }

    static <T> Answer<T> replayed(int status, String json, String location) {
        return new Answer<>(status, json, location, true, Optional.empty());
    }
}
