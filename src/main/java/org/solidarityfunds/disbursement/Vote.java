package org.solidarityfunds.disbursement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A committee member's vote on a disbursement: one per member, never changed. */
@Entity
@Immutable
@IdClass(Vote.Key.class)
@Table(name = "disbursement_vote")
public class Vote extends PanacheEntityBase {

    @Id
    @Column(name = "disbursement_id")
    public UUID disbursementId;

    @Id
    @Column(length = 200)
    public String voter;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public VoteChoice choice;

    @Column(length = 1000)
    public String comment;

    @Column(name = "minutes_reference", length = 200)
    public String minutesReference;

    @Column(name = "cast_at", nullable = false)
    public Instant castAt;

    public record Key(UUID disbursementId, String voter) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
