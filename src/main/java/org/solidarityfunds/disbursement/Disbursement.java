package org.solidarityfunds.disbursement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/**
 * A request for money to go out to a project, and where it stands. What was requested never
 * changes; the status only moves forward (the database refuses anything else).
 */
@Entity
@Table(name = "disbursement")
public class Disbursement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Generated(event = EventType.INSERT)
    @Column(insertable = false, updatable = false)
    public Long number;

    @Column(name = "fund_id", nullable = false, updatable = false)
    public long fundId;

    @Column(name = "beneficiary_name", nullable = false, length = 200, updatable = false)
    public String beneficiaryName;

    @Column(name = "beneficiary_country", nullable = false, length = 2, updatable = false)
    public String beneficiaryCountry;

    @Column(nullable = false, length = 1000, updatable = false)
    public String purpose;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    public long amountMinor;

    @Column(nullable = false, length = 3, updatable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public DisbursementStatus status;

    @Column(name = "requested_at", nullable = false, updatable = false)
    public Instant requestedAt;

    @Column(name = "requested_by", nullable = false, length = 200, updatable = false)
    public String requestedBy;

    @Column(name = "release_entry_id")
    public UUID releaseEntryId;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancelled_by", length = 200)
    public String cancelledBy;

    @Column(name = "cancellation_reason", length = 400)
    public String cancellationReason;

    @Column(name = "remainder_released_at")
    public Instant remainderReleasedAt;

    @Column(name = "remainder_released_by", length = 200)
    public String remainderReleasedBy;

    @Column(name = "remainder_release_reason", length = 400)
    public String remainderReleaseReason;

    @Column(name = "remainder_release_entry_id")
    public UUID remainderReleaseEntryId;
}
