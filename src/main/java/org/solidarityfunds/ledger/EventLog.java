package org.solidarityfunds.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.solidarityfunds.money.Money;

/**
 * The outbox of the change feed, which belongs to the ledger: writes its events, each in the
 * transaction of the fact it tells, so that an event is in the feed exactly when its fact is
 * committed. The ledger writes one per entry; the services write those of facts without an
 * entry (a disbursement requested, rejected or withdrawn). The feed only reads the table.
 */
@ApplicationScoped
public class EventLog {

    /** Types of the events that come with no entry; the others are named by their entry's kind. */
    public static final String DISBURSEMENT_REQUESTED = "DISBURSEMENT_REQUESTED";
    public static final String DISBURSEMENT_REJECTED = "DISBURSEMENT_REJECTED";
    public static final String DISBURSEMENT_WITHDRAWN = "DISBURSEMENT_WITHDRAWN";

    private final EntityManager em;

    EventLog(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long fundId, String type, Money amount, UUID entryId, Reference about, Instant occurredAt) {
        LedgerEvent event = new LedgerEvent();
        event.fundId = fundId;
        event.type = type;
        if (amount != null) {
            event.amountMinor = amount.amountMinor();
            event.currency = amount.currency().getCurrencyCode();
        }
        event.entryId = entryId;
        if (about != null) {
            event.referenceType = about.type();
            event.referenceId = about.id();
        }
        event.occurredAt = occurredAt;
        em.persist(event);
    }

    /** What the event of an entry was about, if anything: a reversal's event is about the same record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Reference> referenceOf(UUID entryId) {
        return LedgerEvent.<LedgerEvent>find("entryId", entryId).firstResultOptional()
                .filter(event -> event.referenceType != null)
                .map(event -> new Reference(event.referenceType, event.referenceId));
    }
}
