package org.solidarityfunds.pledge;

import java.util.Arrays;

/**
 * Derived from the amounts, never set by hand (DOMAIN.md): whether the pledge was cancelled,
 * and how much of it was received. This table is the one definition; a pledge's status in Java
 * ({@link #of}) and the list filter in the database ({@link #condition}) are both read from it.
 */
public enum PledgeStatus {
    /** Nothing received yet. */
    PENDING(false, Received.NOTHING),
    /** Partly received. */
    IN_PROGRESS(false, Received.PART),
    /** All received. */
    FULFILLED(false, Received.ALL),
    /** The part not received was cancelled; final, whatever was received. */
    CANCELLED(true, Received.ANY);

    /** How much of the pledge was received, as a rule on its amounts and as the same rule in HQL. */
    private enum Received {
        NOTHING("receivedMinor = 0"),
        PART("receivedMinor > 0 and receivedMinor < amountMinor"),
        ALL("receivedMinor = amountMinor"),
        ANY(null);

        private final String hql;

        Received(String hql) {
            this.hql = hql;
        }

        boolean matches(long receivedMinor, long amountMinor) {
            return switch (this) {
                case NOTHING -> receivedMinor == 0;
                case PART -> receivedMinor > 0 && receivedMinor < amountMinor;
                case ALL -> receivedMinor == amountMinor;
                case ANY -> true;
            };
        }
    }

    private final boolean cancelled;
    private final Received received;

    PledgeStatus(boolean cancelled, Received received) {
        this.cancelled = cancelled;
        this.received = received;
    }

    static PledgeStatus of(Pledge pledge) {
        return of(pledge.cancelledAt != null, pledge.receivedMinor, pledge.amountMinor);
    }

    static PledgeStatus of(boolean cancelled, long receivedMinor, long amountMinor) {
        return Arrays.stream(values())
                .filter(status -> status.cancelled == cancelled && status.received.matches(receivedMinor, amountMinor))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("a pledge of " + amountMinor + " that received "
                        + receivedMinor + " has no status"));
    }

    /** The same rule as an HQL condition on a {@link Pledge}, for the list filter. */
    String condition() {
        String cancellation = cancelled ? "cancelledAt is not null" : "cancelledAt is null";
        return received.hql == null ? cancellation : cancellation + " and " + received.hql;
    }
}
