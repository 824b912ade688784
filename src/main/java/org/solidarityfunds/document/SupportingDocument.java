package org.solidarityfunds.document;

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
import org.hibernate.annotations.Immutable;

/** A supporting document as stored: written once with its place in its fund's chain, never changed. */
@Entity
@Immutable
@Table(name = "supporting_document")
public class SupportingDocument extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "fund_id", nullable = false)
    public long fundId;

    @Column(nullable = false)
    public long sequence;

    @Enumerated(EnumType.STRING)
    @Column(name = "about_type", nullable = false, length = 20)
    public DocumentKind.Supports aboutType;

    @Column(name = "about_id", nullable = false)
    public UUID aboutId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public DocumentKind kind;

    @Column(name = "file_name", nullable = false, length = 255)
    public String fileName;

    @Column(name = "media_type", nullable = false, length = 100)
    public String mediaType;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Column(nullable = false)
    public byte[] sha256;

    /** Read only to be downloaded: a list never loads up to 10 MiB per row. */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;

    @Column(name = "attached_at", nullable = false)
    public Instant attachedAt;

    @Column(name = "attached_by", nullable = false, length = 200)
    public String attachedBy;

    @Column(name = "ledger_head", nullable = false)
    public byte[] ledgerHead;

    @Column(name = "previous_hash", nullable = false)
    public byte[] previousHash;

    @Column(nullable = false)
    public byte[] hash;
}
