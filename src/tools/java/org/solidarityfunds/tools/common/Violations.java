// What a CI driver found wrong: collected from every thread, the first ones printed at once
// (so that a failing run shows them while it goes on), all of them in the final report, whose
// result is the driver's exit status.

package org.solidarityfunds.tools.common;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

public final class Violations {

    private static final int PRINTED_AT_ONCE = 20;
    private static final int LISTED_MAX = 50;

    private final Queue<String> found = new ConcurrentLinkedQueue<>();
    private final AtomicInteger printed = new AtomicInteger();

    public void add(String message) {
        found.add(message);
        if (printed.incrementAndGet() <= PRINTED_AT_ONCE) {
            System.err.println("VIOLATION: " + message);
        }
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Prints the verdict; 0 when nothing was found, 1 otherwise. */
    public int report(String driver) {
        if (found.isEmpty()) {
            System.out.println(driver + ": every check held.");
            return 0;
        }
        System.out.println();
        System.out.println("VIOLATIONS (" + found.size() + "):");
        found.stream().limit(LISTED_MAX).forEach(v -> System.out.println("  - " + v));
        if (found.size() > LISTED_MAX) {
            System.out.println("  ... and " + (found.size() - LISTED_MAX) + " more");
        }
        return 1;
    }
}
