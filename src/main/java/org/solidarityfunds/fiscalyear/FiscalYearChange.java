package org.solidarityfunds.fiscalyear;

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
import org.hibernate.annotations.Immutable;

/** One move of a fiscal year's lifecycle, kept forever: who, when, from what, to what and why. */
@Entity
@Immutable
@Table(name = "fiscal_year_change")
public class FiscalYearChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "fiscal_year_id", nullable = false)
    public long fiscalYearId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false, length = 10)
    public FiscalYearStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 10)
    public FiscalYearStatus toStatus;

    @Column(nullable = false, length = 500)
    public String reason;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false, length = 200)
    public String changedBy;
}
