package org.solidarityfunds.disbursement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.solidarityfunds.committee.MajorityRule;

/** The committee's decision on a disbursement, with the tally and rules behind it: written once, never changed. */
@Entity
@Immutable
@Table(name = "disbursement_decision")
public class Decision extends PanacheEntityBase {

    @Id
    @Column(name = "disbursement_id")
    public UUID disbursementId;

    @Column(name = "fund_id", nullable = false)
    public long fundId;

    @Column(name = "committee_version", nullable = false)
    public int committeeVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public DisbursementStatus outcome;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public DecisionBasis basis;

    @Column(name = "votes_for", nullable = false)
    public short votesFor;

    @Column(name = "votes_against", nullable = false)
    public short votesAgainst;

    @Column(nullable = false)
    public short abstentions;

    @Column(nullable = false)
    public short recusals;

    @Column(name = "eligible_voters", nullable = false)
    public short eligibleVoters;

    @Column(nullable = false)
    public short quorum;

    @Column(name = "quorum_met", nullable = false)
    public boolean quorumMet;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public MajorityRule majority;

    @Column(name = "minutes_reference", length = 200)
    public String minutesReference;

    @Column(name = "commitment_entry_id")
    public UUID commitmentEntryId;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
}
