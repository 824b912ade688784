package org.solidarityfunds.donor;

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

@Entity
@Table(name = "donor")
public class Donor extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Given by the database in registration order. */
    @Generated(event = EventType.INSERT)
    @Column(insertable = false, updatable = false)
    public Long number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public DonorKind kind;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 9)
    public String siren;

    @Column(name = "contact_email", length = 254)
    public String contactEmail;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    /** The auxiliary account code (FEC CompAuxNum) under which the donor's movements are kept. */
    public String auxiliaryAccount() {
        return DonorView.auxiliaryAccountOf(number);
    }
}
