package org.solidarityfunds.fiscalyear;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One fiscal year of the organisation. The database makes them (with the first entry dated in
 * them, V9__fiscal_years.sql) and keeps them twelve months long, without gap or overlap; the
 * service moves them through their lifecycle.
 */
@Entity
@Table(name = "fiscal_year")
public class FiscalYear extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "first_day", nullable = false, updatable = false)
    public LocalDate firstDay;

    @Column(name = "last_day", nullable = false, updatable = false)
    public LocalDate lastDay;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public FiscalYearStatus status;

    @Column(name = "closing_requested_by", length = 200)
    public String closingRequestedBy;

    @Column(name = "closing_requested_at")
    public Instant closingRequestedAt;

    @Column(name = "closed_by", length = 200)
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "entry_count")
    public Long entryCount;

    /** How people name it: "2020" for a calendar year, "2020-2021" for one that straddles two. */
    public String code() {
        return FiscalYearCode.of(firstDay, lastDay);
    }
}
