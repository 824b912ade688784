package org.solidarityfunds.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One event of the change feed, as written. Its transaction id ({@code tx}) is set by the
 * database and read only by the feed's query (see {@link FeedService}).
 */
@Entity
@Immutable
@Table(name = "ledger_event")
class LedgerEvent extends PanacheEntityBase {

    /** Taken in blocks of 50 (V7), so that many events of one transaction are inserted in batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ledger_event_position")
    @SequenceGenerator(name = "ledger_event_position", sequenceName = "ledger_event_position_seq", allocationSize = 50)
    Long position;

    @Column(name = "fund_id", nullable = false)
    long fundId;

    @Column(nullable = false, length = 40)
    String type;

    @Column(name = "amount_minor")
    Long amountMinor;

    @Column(length = 3)
    String currency;

    @Column(name = "entry_id")
    UUID entryId;

    @Column(name = "reference_type", length = 20)
    String referenceType;

    @Column(name = "reference_id")
    UUID referenceId;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;
}
