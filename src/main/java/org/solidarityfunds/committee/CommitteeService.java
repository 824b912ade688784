package org.solidarityfunds.committee;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.fund.FundService.FundRef;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.ledger.LedgerService;
import org.solidarityfunds.persistence.InList;
import org.solidarityfunds.persistence.Page;
import org.solidarityfunds.persistence.PageRequest;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;
/**
 * Funds' committees. A change writes the whole committee again as the next version, under
 * the fund's ledger lock: a vote, which takes the same lock, counts with the committee as it
 * was before the change or after it, never with half of it.
 */
@ApplicationScoped
public class CommitteeService {

    private final EntityManager em;
    private final FundService funds;
    private final LedgerService ledger;
    private final Clock clock;

    CommitteeService(EntityManager em, FundService funds, LedgerService ledger, Clock clock) {
        this.em = em;
        this.funds = funds;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public CommitteeView set(String fundCode, SetCommittee command, String recordedBy) {
        FundRef fund = funds.require(fundCode, FundScope.all());
        Long delegateBelowMinor = validate(command, fund);
        ledger.lock(fund.id());
        CommitteeVersion version = new CommitteeVersion();
        version.fundId = fund.id();
        version.version = latest(fund.id()).map(v -> v.version + 1).orElse(1);
        version.quorum = command.quorum().shortValue();
        version.majority = command.majority();
        version.delegateSubject = command.delegate() == null ? null : command.delegate().subject().strip();
        version.delegateLimitMinor = delegateBelowMinor;
        version.reason = command.reason().strip();
        version.recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        version.recordedBy = recordedBy;
        em.persist(version);
        List<CommitteeMember> members = new ArrayList<>();
        for (SetCommittee.MemberInput input : command.members()) {
            CommitteeMember member = new CommitteeMember();
            member.fundId = fund.id();
            member.version = version.version;
            member.subject = input.subject().strip();
            member.name = input.name().strip();
            member.validFrom = input.validFrom();
            member.validUntil = input.validUntil();
            em.persist(member);
            members.add(member);
        }
        em.flush();
        return CommitteeView.from(version, members, fund.code(), fund.currency());
    }

    /** The committee of a fund as its latest version sets it, if it has one. */
    @Transactional
    public Optional<Committee> current(long fundId) {
        return latest(fundId).map(version -> Committee.of(version, membersOf(version)));
    }

    /** The current committees in which this subject holds a seat on that day, whatever their funds. */
    @Transactional
    public List<Committee> seating(String subject, LocalDate day) {
        List<CommitteeVersion> versions = CommitteeVersion.list("""
                from CommitteeVersion c
                where c.version = (select max(v.version) from CommitteeVersion v where v.fundId = c.fundId)
                  and exists (select 1 from CommitteeMember m where m.fundId = c.fundId and m.version = c.version
                              and m.subject = ?1)""", subject);
        if (versions.isEmpty()) {
            return List.of();
        }
        Map<Long, List<CommitteeMember>> members = InList.chunks("fundId", versions.stream().map(v -> v.fundId).toList())
                .stream().flatMap(in -> CommitteeMember.<CommitteeMember>list(in.condition(), Sort.by("subject"),
                        in.parameters()).stream())
                .collect(Collectors.groupingBy(m -> m.fundId));
        return versions.stream()
                .map(v -> Committee.of(v, members.getOrDefault(v.fundId, List.of()).stream()
                        .filter(m -> m.version == v.version).toList()))
                .filter(committee -> committee.seats(subject, day)).toList();
    }

    /** The current committee of a fund in the caller's scope. */
    @Transactional
    public CommitteeView get(String fundCode, FundScope scope) {
        return find(fundCode, scope).orElseThrow(() -> new ProblemException(
                ProblemType.COMMITTEE_NOT_FOUND, "Fund " + fundCode + " has no committee yet."));
    }

    /** The current committee of a fund in the caller's scope; empty while it has none. */
    @Transactional
    public Optional<CommitteeView> find(String fundCode, FundScope scope) {
        FundRef fund = funds.require(fundCode, scope);
        return latest(fund.id()).map(version -> CommitteeView.from(version, membersOf(version), fund.code(),
                fund.currency()));
    }

    /** Every version of a fund's committee, oldest first, {@code after} being a version number. */
    @Transactional
    public Page<CommitteeView> history(String fundCode, PageRequest page, FundScope scope) {
        FundRef fund = funds.require(fundCode, scope);
        List<CommitteeVersion> versions = CommitteeVersion.<CommitteeVersion>find("fundId = ?1 and version > ?2",
                Sort.by("version"), fund.id(), (int) (long) page.afterNumber(Integer.MAX_VALUE).orElse(0L)).page(0, page.limit() + 1).list();
        Map<Integer, List<CommitteeMember>> members = InList.chunks("version",
                        versions.stream().map(v -> v.version).toList(), fund.id()).stream()
                .flatMap(in -> CommitteeMember.<CommitteeMember>list("fundId = ?1 and " + in.condition(),
                        Sort.by("subject"), in.parameters()).stream())
                .collect(Collectors.groupingBy(m -> m.version));
        return Page.of(versions, page.limit(), v -> PageRequest.cursor(Integer.toString(v.version)),
                v -> CommitteeView.from(v, members.getOrDefault(v.version, List.of()), fund.code(), fund.currency()));
    }

    private Optional<CommitteeVersion> latest(long fundId) {
        return CommitteeVersion.<CommitteeVersion>find("fundId", Sort.descending("version"), fundId)
                .firstResultOptional();
    }

    private List<CommitteeMember> membersOf(CommitteeVersion version) {
        return CommitteeMember.list("fundId = ?1 and version = ?2", Sort.by("subject"), version.fundId, version.version);
    }

    /** What bean validation cannot see; answers the delegate's limit in minor units, if there is a delegate. */
    private static Long validate(SetCommittee command, FundRef fund) {
        Set<String> subjects = new HashSet<>();
        for (int i = 0; i < command.members().size(); i++) {
            SetCommittee.MemberInput member = command.members().get(i);
            if (!subjects.add(member.subject().strip())) {
                throw ProblemException.invalid("members[" + i + "].subject", "names a member already listed");
            }
            if (member.validUntil() != null && member.validUntil().isBefore(member.validFrom())) {
                throw ProblemException.invalid("members[" + i + "].validUntil", "is before validFrom");
            }
        }
        if (command.quorum() > command.members().size()) {
            throw ProblemException.invalid("quorum", "is more than the " + command.members().size() + " members");
        }
        if (command.delegate() == null) {
            return null;
        }
        if (!subjects.contains(command.delegate().subject().strip())) {
            throw ProblemException.invalid("delegate.subject", "is not one of the members");
        }
        return fund.amountOf("delegate.below", command.delegate().below()).amountMinor();
    }
}
