package org.solidarityfunds.support;

import java.util.function.Supplier;

/**
 * A test class's backdrop (a history, the funds and entries its tests read), made once for all
 * its tests by the first one that needs it. If making it fails, that test fails with the cause,
 * and every later one fails at once with the same cause: none of them runs on half a backdrop,
 * and none tries to make it again on top of the half already written.
 *
 * <p>Kept in a static field of the test class: Quarkus loads the class afresh for each test
 * profile, so a class with a profile of its own makes its backdrop on its own database.
 */
public final class MadeOnce<T> {

    private final String what;
    private boolean tried;
    private T made;
    private Throwable failure;

    /** @param what the backdrop's name in a failure, as "the history" */
    public MadeOnce(String what) {
        this.what = what;
    }

    /** The backdrop, made by {@code maker} on the first call only. */
    public synchronized T get(Supplier<T> maker) {
        if (failure != null) {
            throw new AssertionError(what + " could not be made", failure);
        }
        if (!tried) {
            tried = true;
            try {
                made = maker.get();
            } catch (RuntimeException | Error e) {
                failure = e;
                throw e;
            }
        }
        return made;
    }

    /** Makes a backdrop that is only written, not returned, on the first call only. */
    public void make(Runnable maker) {
        get(() -> {
            maker.run();
            return null;
        });
    }
}
