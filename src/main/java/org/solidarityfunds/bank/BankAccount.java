package org.solidarityfunds.bank;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** One of the organisation's bank accounts: a fund's own, or shared by the funds that have none. Never changed. */
@Entity
@Table(name = "bank_account")
public class BankAccount extends PanacheEntityBase {

    @Id
    public UUID id;

    @Generated(event = EventType.INSERT)
    @Column(insertable = false, updatable = false)
    public Long number;

    @Column(nullable = false, length = 34)
    public String iban;

    @Column(length = 11)
    public String bic;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(nullable = false, length = 140)
    public String name;

    /** The fund whose own account it is; null when shared. */
    @Column(name = "fund_id")
    public Long fundId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;
}
