package org.solidarityfunds.pledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@IdClass(PledgeInstalment.Key.class)
@Table(name = "pledge_instalment")
public class PledgeInstalment extends PanacheEntityBase {

    @Id
    @Column(name = "pledge_id")
    public UUID pledgeId;

    @Id
    public short number;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    public long amountMinor;

    @Column(name = "due_on", nullable = false, updatable = false)
    public LocalDate dueOn;

    @Column(name = "received_minor", nullable = false)
    public long receivedMinor;

    public record Key(UUID pledgeId, short number) implements Serializable {
        public Key() {
            this(null, (short) 0);
        }
    }
}
