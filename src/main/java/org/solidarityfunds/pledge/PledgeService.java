package org.solidarityfunds.pledge;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.common.BusinessDates;
import org.solidarityfunds.common.Clocks;
import org.solidarityfunds.persistence.InList;
import org.solidarityfunds.persistence.Page;
import org.solidarityfunds.persistence.PageRequest;
import org.solidarityfunds.donor.DonorService;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.fund.FundService.FundRef;
import org.solidarityfunds.fund.FundService.Scoped;
import org.solidarityfunds.idempotency.Answer;
import org.solidarityfunds.idempotency.Idempotency;
import org.solidarityfunds.idempotency.Result;
import org.solidarityfunds.ledger.Reference;
import org.solidarityfunds.ledger.Account;
import org.solidarityfunds.ledger.EntryKind;
import org.solidarityfunds.ledger.EntryView;
import org.solidarityfunds.ledger.FundLock;
import org.solidarityfunds.ledger.LedgerService;
import org.solidarityfunds.ledger.Posting;
import org.solidarityfunds.money.Money;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * Pledges: each one writes its PLEDGE_RECORDED entry in the transaction that records it, and
 * its cancellation the PLEDGE_CANCELLED entry of the part not received.
 */
@ApplicationScoped
public class PledgeService {

    private final EntityManager em;
    private final FundService funds;
    private final DonorService donors;
    private final LedgerService ledger;
    private final Idempotency idempotency;
    private final Clock clock;

    PledgeService(EntityManager em, FundService funds, DonorService donors, LedgerService ledger,
            Idempotency idempotency, Clock clock) {
        this.idempotency = idempotency;
        this.em = em;
        this.funds = funds;
        this.donors = donors;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Records a pledge and its entry: the command boundary of POST /funds/{code}/pledges. */
    public Answer<PledgeView> record(Idempotency.Request request, String fundCode, RecordPledge command,
            FundScope scope) {
        return idempotency.run(request, () -> {
            PledgeView pledge = record(fundCode, command, request.subject(), scope);
            return Result.created("api/v1/pledges/" + pledge.id(), pledge);
        });
    }

    /** Cancels what is still to come; what was received stays received. */
    public Answer<PledgeView> cancel(Idempotency.Request request, UUID id, CancelPledge command, FundScope scope) {
        return idempotency.run(request, () -> Result.ok(cancel(id, command, request.subject(), scope)));
    }

    private PledgeView record(String fundCode, RecordPledge command, String recordedBy, FundScope scope) {
        FundRef fund = funds.require(fundCode, scope);
        Money amount = fund.amountOf("amount", command.amount());
        BusinessDates.past("pledgedOn", command.pledgedOn(), clock);
        List<RecordPledge.Instalment> instalments = command.instalments() == null ? List.of() : command.instalments();
        checkInstalments(instalments, amount.amountMinor(), command.pledgedOn());
        String donorAccount = donors.auxiliaryAccountOf(command.donorId())
                .orElseThrow(() -> ProblemException.invalid("donorId", "no donor has this id"));

        String memo = "Pledge of donor " + donorAccount
                + (command.deliberationRef() == null ? "" : ", deliberation " + command.deliberationRef().strip());
        UUID id = UUID.randomUUID();
        EntryView entry = ledger.post(ledger.lock(fund.id()), new Posting(EntryKind.PLEDGE_RECORDED, memo, command.pledgedOn(),
                List.of(Posting.Line.debit(Account.PLEDGES_RECEIVABLE, amount),
                        Posting.Line.credit(Account.PLEDGES_TO_RECEIVE, amount))), recordedBy, Reference.pledge(id));

        Pledge pledge = new Pledge();
        pledge.id = id;
        pledge.fundId = fund.id();
        pledge.donorId = command.donorId();
        pledge.amountMinor = amount.amountMinor();
        pledge.currency = fund.currency();
        pledge.pledgedOn = command.pledgedOn();
        pledge.deliberationRef = command.deliberationRef() == null ? null : command.deliberationRef().strip();
        pledge.entryId = entry.id();
        pledge.createdAt = entry.recordedAt();
        pledge.createdBy = recordedBy;
        em.persist(pledge);
        List<PledgeInstalment> stored = new ArrayList<>();
        short number = 0;
        for (RecordPledge.Instalment instalment : instalments) {
            PledgeInstalment row = new PledgeInstalment();
            row.pledgeId = pledge.id;
            row.number = ++number;
            row.amountMinor = instalment.amountMinor();
            row.dueOn = instalment.dueOn();
            em.persist(row);
            stored.add(row);
        }
        em.flush();
        return PledgeView.from(pledge, fund.code(), stored, today());
    }

    private PledgeView cancel(UUID id, CancelPledge command, String cancelledBy, FundScope scope) {
        Scoped<Pledge> found = find(id, scope);
        Pledge pledge = found.record();
        FundLock fund = ledger.lock(pledge.fundId);
        em.refresh(pledge, LockModeType.PESSIMISTIC_WRITE);
        if (pledge.cancelledAt != null) {
            throw new ProblemException(ProblemType.PLEDGE_ALREADY_CANCELLED,
                    "Pledge " + id + " was cancelled on " + pledge.cancelledAt + ".");
        }
        long remaining = pledge.outstandingMinor();
        if (remaining == 0) {
            throw new ProblemException(ProblemType.PLEDGE_FULFILLED,
                    "Pledge " + id + " has been received in full; nothing is left to cancel.");
        }
        Money cancelled = Money.of(remaining, pledge.currency);
        String reason = command.reason().strip();
        EntryView entry = ledger.post(fund, new Posting(EntryKind.PLEDGE_CANCELLED,
                "Cancellation of pledge " + pledge.number + ": " + reason, today(),
                List.of(Posting.Line.debit(Account.PLEDGES_TO_RECEIVE, cancelled),
                        Posting.Line.credit(Account.PLEDGES_RECEIVABLE, cancelled))), cancelledBy,
                Reference.pledge(pledge.id));
        pledge.cancelledMinor = remaining;
        pledge.cancelledAt = entry.recordedAt().truncatedTo(ChronoUnit.MICROS);
        pledge.cancelledBy = cancelledBy;
        pledge.cancellationReason = reason;
        pledge.cancellationEntryId = entry.id();
        return view(found);
    }

    @Transactional
    public PledgeView get(UUID id, FundScope scope) {
        return view(find(id, scope));
    }

    /** A fund's pledges in recording order, optionally of one donor or in one status. */
    @Transactional
    public Page<PledgeView> list(String fundCode, UUID donorId, PledgeStatus status, PageRequest page, FundScope scope) {
        FundRef fund = funds.require(fundCode, scope);
        StringBuilder query = new StringBuilder("fundId = :fund and number > :after");
        Map<String, Object> parameters = new HashMap<>(Map.of("fund", fund.id(), "after", page.afterNumber().orElse(0L)));
        if (donorId != null) {
            query.append(" and donorId = :donor");
            parameters.put("donor", donorId);
        }
        if (status != null) {
            query.append(" and ").append(status.condition());
        }
        List<Pledge> pledges = Pledge.<Pledge>find(query.toString(), Sort.by("number"), parameters)
                .page(0, page.limit() + 1).list();
        Map<UUID, List<PledgeInstalment>> instalments = instalmentsOf(pledges.stream().map(p -> p.id).toList());
        LocalDate today = today();
        return Page.of(pledges, page.limit(), p -> PageRequest.cursor(p.number.toString()),
                p -> PledgeView.from(p, fund.code(), instalments.getOrDefault(p.id, List.of()), today));
    }

    /** Limit: the open pledges of a fund a bank statement's lines are matched against. */
    public static final int OPEN_PLEDGES_MAX = 10_000;

    /** A fund's open pledges (pending or in progress), in recording order: what a bank statement's lines may pay. */
    @Transactional
    public List<PledgeView> open(FundRef fund) {
        List<Pledge> pledges = Pledge.<Pledge>find("fundId = ?1 and ((" + PledgeStatus.PENDING.condition() + ") or ("
                + PledgeStatus.IN_PROGRESS.condition() + "))", Sort.by("number"), fund.id())
                .page(0, OPEN_PLEDGES_MAX).list();
        Map<UUID, List<PledgeInstalment>> instalments = instalmentsOf(pledges.stream().map(p -> p.id).toList());
        LocalDate today = today();
        return pledges.stream().map(p -> PledgeView.from(p, fund.code(), instalments.getOrDefault(p.id, List.of()), today))
                .toList();
    }

    /** Limit: the donors a statement line's page offers first, as those who still owe a fund. */
    public static final int DONORS_OWING_MAX = 1_000;

    /** The donors with an open pledge (pending or in progress) on the fund: whom its money is expected from. */
    @Transactional
    public List<UUID> donorsOwing(FundRef fund) {
        return Pledge.getEntityManager().createQuery("select distinct donorId from Pledge where fundId = ?1 and (("
                + PledgeStatus.PENDING.condition() + ") or (" + PledgeStatus.IN_PROGRESS.condition() + "))", UUID.class)
                .setParameter(1, fund.id()).setMaxResults(DONORS_OWING_MAX).getResultList();
    }

    private Scoped<Pledge> find(UUID id, FundScope scope) {
        return funds.inScope(Pledge.<Pledge>findById(id), p -> p.fundId, scope,
                () -> new ProblemException(ProblemType.PLEDGE_NOT_FOUND, "No pledge has the id " + id + "."));
    }

    private PledgeView view(Scoped<Pledge> found) {
        return PledgeView.from(found.record(), found.fundCode(),
                instalmentsOf(List.of(found.record().id)).getOrDefault(found.record().id, List.of()), today());
    }

    private Map<UUID, List<PledgeInstalment>> instalmentsOf(List<UUID> pledgeIds) {
        return InList.chunks("pledgeId", pledgeIds).stream()
                .flatMap(in -> PledgeInstalment.<PledgeInstalment>list(in.condition(), Sort.by("pledgeId").and("number"),
                        in.parameters()).stream())
                .collect(Collectors.groupingBy(i -> i.pledgeId));
    }

    private static void checkInstalments(List<RecordPledge.Instalment> instalments, long amountMinor, LocalDate pledgedOn) {
        if (instalments.isEmpty()) {
            return;
        }
        long sum = 0;
        for (int i = 0; i < instalments.size(); i++) {
            sum = Math.addExact(sum, instalments.get(i).amountMinor());
            if (instalments.get(i).dueOn().isBefore(pledgedOn)) {
                throw ProblemException.invalid("instalments[" + i + "].dueOn", "is before the pledge was made");
            }
        }
        if (sum != amountMinor) {
            throw ProblemException.invalid("instalments",
                    "add up to " + sum + " minor units, not the pledge's " + amountMinor);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.BUSINESS_ZONE));
    }
}
