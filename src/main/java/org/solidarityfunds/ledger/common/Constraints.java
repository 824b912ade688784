package org.solidarityfunds.ledger.common;

/** Recognises which database constraint refused a write, so that a race becomes a named answer. */
public final class Constraints {

    private Constraints() {
    }

    public static boolean violated(Throwable failure, String constraintName) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && constraintName.equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
