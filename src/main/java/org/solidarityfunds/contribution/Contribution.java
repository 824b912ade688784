package org.solidarityfunds.contribution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "contribution")
public class Contribution extends PanacheEntityBase {

    @Id
    public UUID id;

    /**
     * Recording order, for paging; set by the database and read only by the list query. Not
     * read back after an insert (null until then): fetching it would cost a round trip per
     * contribution and keep an import's inserts out of JDBC batches.
     */
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

    @Column(name = "original_amount_minor", updatable = false)
    public Long originalAmountMinor;

    @Column(name = "original_currency", length = 3, updatable = false)
    public String originalCurrency;

    @Column(name = "exchange_rate", precision = 24, scale = 12, updatable = false)
    public BigDecimal exchangeRate;

    @Column(name = "received_on", nullable = false, updatable = false)
    public LocalDate receivedOn;

    @Column(name = "bank_reference", nullable = false, length = 140, updatable = false)
    public String bankReference;

    @Column(name = "entry_id", nullable = false, updatable = false)
    public UUID entryId;

    @Column(name = "reversal_entry_id")
    public UUID reversalEntryId;

    @Column(name = "reversed_at")
    public Instant reversedAt;

    @Column(name = "reversed_by", length = 200)
    public String reversedBy;

    @Column(name = "reversal_reason", length = 400)
    public String reversalReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200, updatable = false)
    public String createdBy;
}
