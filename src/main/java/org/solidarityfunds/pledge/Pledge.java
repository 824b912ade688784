package org.solidarityfunds.pledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

@Entity
@Table(name = "pledge")
public class Pledge extends PanacheEntityBase {

    @Id
    public UUID id;

    @Generated(event = EventType.INSERT)
    @Column(insertable = false, updatable = false)
    public Long number;

    @Column(name = "fund_id", nullable = false, updatable = false)
    public long fundId;

    @Column(name = "donor_id", nullable = false, updatable = false)
    public UUID donorId;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    public long amountMinor;

    @Column(nullable = false, length = 3, updatable = false)
    public String currency;

    @Column(name = "pledged_on", nullable = false, updatable = false)
    public LocalDate pledgedOn;

    @Column(name = "deliberation_ref", length = 200, updatable = false)
    public String deliberationRef;

    @Column(name = "received_minor", nullable = false)
    public long receivedMinor;

    @Column(name = "cancelled_minor", nullable = false)
    public long cancelledMinor;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancelled_by", length = 200)
    public String cancelledBy;

    @Column(name = "cancellation_reason", length = 500)
    public String cancellationReason;

    @Column(name = "entry_id", nullable = false, updatable = false)
    public UUID entryId;

    @Column(name = "cancellation_entry_id")
    public UUID cancellationEntryId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200, updatable = false)
    public String createdBy;

    /** What is still to come: neither received nor cancelled. */
    long outstandingMinor() {
        return amountMinor - receivedMinor - cancelledMinor;
    }
}
