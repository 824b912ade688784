package org.solidarityfunds.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One line of a journal entry as stored. Immutable, like its entry. */
@Entity
@Immutable
@IdClass(JournalLine.Key.class)
@Table(name = "journal_line")
public class JournalLine extends PanacheEntityBase {

    @Id
    @Column(name = "entry_id")
    public UUID entryId;

    @Id
    @Column(name = "line_no")
    public short lineNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Account account;

    @Column(nullable = false, length = 1)
    public Side side;

    @Column(name = "amount_minor", nullable = false)
    public long amountMinor;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "original_amount_minor")
    public Long originalAmountMinor;

    @Column(name = "original_currency", length = 3)
    public String originalCurrency;

    @Column(name = "exchange_rate", precision = 24, scale = 12)
    public BigDecimal exchangeRate;

    public record Key(UUID entryId, short lineNo) implements Serializable {
        public Key() {
            this(null, (short) 0);
        }
    }
}
