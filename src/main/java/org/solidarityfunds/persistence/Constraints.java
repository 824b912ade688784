package org.solidarityfunds.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.Map;
import java.util.function.Supplier;
import org.solidarityfunds.problem.ProblemException;

/** Turns the database's refusal of a row into a named answer, race or no race. */
public final class Constraints {

    private Constraints() {
    }

    /**
     * Inserts the entity now; if one of the named constraints refuses it (a unique one, when
     * someone got there first, perhaps a moment ago in another transaction), throws that
     * constraint's problem instead.
     */
    public static void insert(EntityManager em, Object entity, Map<String, Supplier<ProblemException>> refusals) {
        try {
            em.persist(entity);
            em.flush();
        } catch (PersistenceException e) {
            for (Map.Entry<String, Supplier<ProblemException>> refusal : refusals.entrySet()) {
                if (violated(e, refusal.getKey())) {
                    throw refusal.getValue().get();
                }
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
