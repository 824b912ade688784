package org.solidarityfunds.disbursement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One payment of an approved disbursement (a tranche, or the whole): written once with its
 * entries, never changed. The database holds that what the payments settle never exceeds the
 * commitment.
 */
@Entity
@Immutable
@Table(name = "disbursement_payment")
public class Payment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "disbursement_id", nullable = false)
    public UUID disbursementId;

    @Column(nullable = false)
    public short number;

    @Column(name = "fund_id", nullable = false)
    public long fundId;

    @Column(name = "paid_on", nullable = false)
    public LocalDate paidOn;

    @Column(nullable = false, length = 140)
    public String reference;

    @Column(name = "beneficiary_iban", length = 34)
    public String beneficiaryIban;

    @Column(name = "beneficiary_account", length = 34)
    public String beneficiaryAccount;

    @Column(name = "beneficiary_bic", length = 11)
    public String beneficiaryBic;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "amount_minor", nullable = false)
    public long amountMinor;

    @Column(name = "settled_minor", nullable = false)
    public long settledMinor;

    @Column(name = "foreign_amount_minor")
    public Long foreignAmountMinor;

    @Column(name = "foreign_currency", length = 3)
    public String foreignCurrency;

    @Column(name = "exchange_rate", precision = 24, scale = 12)
    public BigDecimal exchangeRate;

    @Column(name = "charges_minor", nullable = false)
    public long chargesMinor;

    @Column(name = "payment_entry_id", nullable = false)
    public UUID paymentEntryId;

    @Column(name = "difference_entry_id")
    public UUID differenceEntryId;

    @Column(name = "charges_entry_id")
    public UUID chargesEntryId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, length = 200)
    public String recordedBy;
}
