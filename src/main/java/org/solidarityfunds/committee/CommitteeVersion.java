package org.solidarityfunds.committee;

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
import org.hibernate.annotations.Immutable;

/** One version of a fund's committee: its rules, as set by an administrator, never changed afterwards. */
@Entity
@Immutable
@IdClass(CommitteeVersion.Key.class)
@Table(name = "committee_version")
public class CommitteeVersion extends PanacheEntityBase {

    @Id
    @Column(name = "fund_id")
    public long fundId;

    @Id
    public int version;

    @Column(nullable = false)
    public short quorum;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public MajorityRule majority;

    @Column(name = "delegate_subject", length = 200)
    public String delegateSubject;

    @Column(name = "delegate_limit_minor")
    public Long delegateLimitMinor;

    @Column(nullable = false, length = 400)
    public String reason;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, length = 200)
    public String recordedBy;

    public record Key(long fundId, int version) implements Serializable {
        public Key() {
            this(0, 0);
        }
    }
}
