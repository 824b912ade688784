package org.solidarityfunds.bankstatement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** One account's statement in a file, with its balances. */
@Entity
@Table(name = "bank_statement")
class BankStatement extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "file_id", nullable = false)
    UUID fileId;

    @Column(nullable = false)
    short position;

    @Column(name = "bank_account_id", nullable = false)
    UUID bankAccountId;

    @Column(name = "bank_id", length = 35)
    String bankId;

    @Column(name = "source_line", nullable = false)
    int sourceLine;

    @Column(nullable = false, length = 3)
    String currency;

    @Column(name = "opening_on", nullable = false)
    LocalDate openingOn;

    @Column(name = "opening_minor", nullable = false)
    long openingMinor;

    @Column(name = "closing_on", nullable = false)
    LocalDate closingOn;

    @Column(name = "closing_minor", nullable = false)
    long closingMinor;
}
