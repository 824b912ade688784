package org.solidarityfunds.ledger.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.function.Supplier;
import org.solidarityfunds.ledger.problem.ProblemException;

/** Turns the database's refusal of a duplicate into a named answer, race or no race. */
public final class Constraints {

    private Constraints() {
    }

    /**
     * Inserts the entity now; if the unique constraint refuses it (someone got there first,
     * perhaps a moment ago in another transaction), throws the given problem instead.
     */
    public static void insertUnique(EntityManager em, Object entity, String constraintName,
            Supplier<ProblemException> refusal) {
        try {
            em.persist(entity);
            em.flush();
        } catch (PersistenceException e) {
            if (violated(e, constraintName)) {
                throw refusal.get();
            }
            throw e;
        }
    }

    private static boolean violated(Throwable failure, String constraintName) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && constraintName.equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
