package org.solidarityfunds.committee;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** A seat on one version of a fund's committee, held by a token subject between two dates. */
@Entity
@Immutable
@IdClass(CommitteeMember.Key.class)
@Table(name = "committee_member")
public class CommitteeMember extends PanacheEntityBase {

    @Id
    @Column(name = "fund_id")
    public long fundId;

    @Id
    public int version;

    @Id
    @Column(length = 200)
    public String subject;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    public record Key(long fundId, int version, String subject) implements Serializable {
        public Key() {
            this(0, 0, null);
        }
    }
}
