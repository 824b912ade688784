package org.solidarityfunds.bankstatement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** A statement file as the bank sent it, byte for byte, with its digest. */
@Entity
@Table(name = "bank_statement_file")
class StatementFile extends PanacheEntityBase {

    @Id
    UUID id;

    @Generated(event = EventType.INSERT)
    @Column(insertable = false, updatable = false)
    Long number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    BankFile.Format format;

    @Column(nullable = false, length = 32)
    String version;

    @Column(name = "file_name", length = 255)
    String fileName;

    @Column(nullable = false, length = 64)
    String sha256;

    @Column(name = "size_bytes", nullable = false)
    int sizeBytes;

    /** Read only when the file is downloaded again: a statement's page never loads it. */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    byte[] content;

    @Column(name = "staged_at", nullable = false)
    Instant stagedAt;

    @Column(name = "staged_by", nullable = false, length = 200)
    String stagedBy;
}
