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

    @Override
    @Transactional
    public Set<String> fundsOf(String subject) {
        return new HashSet<>(em.createNativeQuery("""
                SELECT f.code FROM committee_member m JOIN fund f ON f.id = m.fund_id
                WHERE m.subject = ?1
                  AND m.version = (SELECT max(v.version) FROM committee_version v WHERE v.fund_id = m.fund_id)
                """, String.class).setParameter(1, subject).getResultList());
    }
}
