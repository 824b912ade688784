package org.solidarityfunds.fund;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.NaturalId;
import org.solidarityfunds.ledger.FundStatus;

@Entity
@Table(name = "fund")
public class Fund extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /**
     * The fund's natural id: a page reads its fund through several services, and Hibernate
     * resolves the code from the persistence context after the first read, without a query.
     */
    @NaturalId
    @Column(nullable = false, length = 32, updatable = false)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 2000)
    public String description;

    @Column(nullable = false, length = 3, updatable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public FundStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200, updatable = false)
    public String createdBy;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;
}
