package org.solidarityfunds.committee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.Set;
import org.solidarityfunds.access.CommitteeSeats;

/** The funds whose current committee lists a subject, whatever the dates of its seat. */
@ApplicationScoped
class CommitteeSeatsDirectory implements CommitteeSeats {

    private final EntityManager em;

    CommitteeSeatsDirectory(EntityManager em) {
        this.em = em;
    }

    /**
     * A query in JPQL, not SQL: Hibernate 7 keeps a native query's result mapping in a plan cache
     * whose keys for this query collided, and each call then compared them one by one (the
     * console's benchmark spent 40 % of its CPU there, bench/README.md "The console").
     */
    @Override
    @Transactional
    public Set<String> fundsOf(String subject) {
        return new HashSet<>(em.createQuery("""
                SELECT f.code FROM CommitteeMember m, Fund f
                WHERE f.id = m.fundId AND m.subject = ?1
                  AND m.version = (SELECT max(v.version) FROM CommitteeVersion v WHERE v.fundId = m.fundId)
                """, String.class).setParameter(1, subject).getResultList());
    }
}
