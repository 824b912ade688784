package org.solidarityfunds.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A journal entry as stored. Immutable: Hibernate never updates it and the database refuses to. */
@Entity
@Immutable
@Table(name = "journal_entry")
public class JournalEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "fund_id", nullable = false)
    public long fundId;

    @Column(nullable = false)
    public long sequence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    public EntryKind kind;

    @Column(nullable = false, length = Posting.MEMO_LENGTH_MAX)
    public String memo;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, length = 200)
    public String recordedBy;

    @Column(name = "reverses_entry_id")
    public UUID reversesEntryId;

    @Column(name = "previous_hash", nullable = false)
    public byte[] previousHash;

    @Column(nullable = false)
    public byte[] hash;
}
