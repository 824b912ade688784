package org.solidarityfunds.contribution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** What one contribution brought to one pledge (and instalment). Never changed: a reversal releases it. */
@Entity
@Immutable
@IdClass(Allocation.Key.class)
@Table(name = "allocation")
public class Allocation extends PanacheEntityBase {

    @Id
    @Column(name = "contribution_id")
    public UUID contributionId;

    @Id
    public short number;

    @Column(name = "pledge_id", nullable = false)
    public UUID pledgeId;

    @Column(name = "instalment_number")
    public Short instalmentNumber;

    @Column(name = "amount_minor", nullable = false)
    public long amountMinor;

    public record Key(UUID contributionId, short number) implements Serializable {
        public Key() {
            this(null, (short) 0);
        }
    }
}
