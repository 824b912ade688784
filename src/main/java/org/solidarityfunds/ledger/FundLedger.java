package org.solidarityfunds.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityResult;
import jakarta.persistence.Id;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.NaturalId;

/** The head of one fund's hash chain; locking this row serialises the fund's postings. */
@Entity
@Table(name = "fund_ledger")
@SqlResultSetMapping(name = FundLedger.LOCKED, entities = @EntityResult(entityClass = FundLedger.class),
        columns = {@ColumnResult(name = "first_write", type = Boolean.class),
                @ColumnResult(name = "fund_status", type = String.class)})
public class FundLedger extends PanacheEntityBase {

    /** The row as {@link LedgerService#lock} reads it: the ledger, whether the lock is the transaction's first write, the fund's status. */
    static final String LOCKED = "FundLedger.locked";

    /** The hash before the first entry of every fund: 32 zero bytes. */
    public static final byte[] GENESIS_HASH = new byte[32];

    @Id
    @Column(name = "fund_id")
    public long fundId;

    /** Read by this natural id: one query per transaction, however many services of a page ask for it. */
    @NaturalId
    @Column(name = "fund_code", nullable = false, length = 32, updatable = false)
    public String fundCode;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "entry_count", nullable = false)
    public long entryCount;

    @Column(name = "head_hash", nullable = false)
    public byte[] headHash;

    /** How many supporting documents the fund's documents chain holds (ADR 0018). */
    @Column(name = "document_count", nullable = false)
    public long documentCount;

    /** The hash of the fund's last supporting document, or the genesis hash. */
    @Column(name = "document_head_hash", nullable = false)
    public byte[] documentHeadHash;

    /** When the fund's last entry was recorded; the next is never recorded before it. */
    @Column(name = "head_recorded_at")
    public Instant headRecordedAt;
}
