package org.solidarityfunds.bankstatement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A line of a staged statement, as the bank wrote it, with its key and what was proposed for it. Never changed. */
@Entity
@Table(name = "bank_line")
class BankLine extends PanacheEntityBase {

    @Id
    UUID id;

    /**
     * Given by the database in staging order (the unreconciled lines' cursor). Not read back
     * after an insert: that would take a round trip per line, where the lines of a statement go
     * to the database in batches.
     */
    @Column(insertable = false, updatable = false)
    Long number;

    @Column(name = "statement_id", nullable = false)
    UUID statementId;

    @Column(nullable = false)
    int position;

    @Column(name = "bank_account_id", nullable = false)
    UUID bankAccountId;

    @Column(name = "line_key", nullable = false, length = 200)
    String lineKey;

    /** The line that first brought the same movement, when this one brings it again. */
    @Column(name = "duplicate_of")
    UUID duplicateOf;

    @Column(name = "source_line", nullable = false)
    int sourceLine;

    @Column(name = "booking_date", nullable = false)
    LocalDate bookingDate;

    @Column(name = "value_date")
    LocalDate valueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 6)
    BankFile.Direction direction;

    @Column(name = "amount_minor", nullable = false)
    long amountMinor;

    @Column(nullable = false, length = 3)
    String currency;

    @Column(nullable = false)
    boolean reversal;

    @Column(name = "counterparty_name", length = 140)
    String counterpartyName;

    @Column(name = "counterparty_iban", length = 34)
    String counterpartyIban;

    @Column(name = "counterparty_bic", length = 11)
    String counterpartyBic;

    @Column(length = 1000)
    String remittance;

    @Column(name = "bank_reference", length = 140)
    String bankReference;

    @Column(name = "entry_reference", length = 140)
    String entryReference;

    @Column(name = "end_to_end_id", length = 140)
    String endToEndId;

    @Column(name = "transaction_code", length = 40)
    String transactionCode;

    @Column(name = "original_amount_minor")
    Long originalAmountMinor;

    @Column(name = "original_currency", length = 3)
    String originalCurrency;

    @Column(name = "original_rate", precision = 24, scale = 12)
    BigDecimal originalRate;

    @Column(name = "proposed_donor_id")
    UUID proposedDonorId;

    @Column(name = "proposed_pledge_id")
    UUID proposedPledgeId;

    @Column(name = "proposed_instalment")
    Short proposedInstalment;

    @Column(name = "proposed_disbursement_id")
    UUID proposedDisbursementId;

    @Column(name = "proposed_payment_id")
    UUID proposedPaymentId;

    @Column(name = "proposed_contribution_id")
    UUID proposedContributionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposal_confidence", nullable = false, length = 6)
    Proposal.Confidence proposalConfidence;

    @Column(name = "proposal_reason", nullable = false, length = 400)
    String proposalReason;

    long signedMinor() {
        return direction == BankFile.Direction.CREDIT ? amountMinor : -amountMinor;
    }
}
