package org.solidarityfunds.contribution;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.time.Clock;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.common.BusinessDates;
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
import org.solidarityfunds.ledger.Side;
import org.solidarityfunds.money.Currencies;
import org.solidarityfunds.money.Money;
import org.solidarityfunds.pledge.PledgeAllocations;
import org.solidarityfunds.money.MoneyView;
import org.solidarityfunds.observability.LedgerMetrics;
import org.solidarityfunds.problem.Problem;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * Money received. Each contribution writes its CONTRIBUTION_RECEIVED entry (Dr bank / Cr
 * available, and Dr pledges to receive / Cr pledges receivable for what it allocates) in
 * the transaction that records it and applies its allocations, under its fund's lock.
 */
@ApplicationScoped
public class ContributionService {

    private final EntityManager em;
    private final FundService funds;
    private final DonorService donors;
    private final LedgerService ledger;
    private final PledgeAllocations pledges;
    private final LedgerMetrics metrics;
    private final Idempotency idempotency;
    private final Clock clock;

    ContributionService(EntityManager em, FundService funds, DonorService donors, LedgerService ledger,
            PledgeAllocations pledges, LedgerMetrics metrics, Idempotency idempotency, Clock clock) {
        this.idempotency = idempotency;
        this.em = em;
        this.funds = funds;
        this.donors = donors;
        this.ledger = ledger;
        this.pledges = pledges;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Records money received: the command boundary of POST /funds/{code}/contributions. */
    public Answer<ContributionView> record(Idempotency.Request request, String fundCode, RecordContribution command,
            FundScope scope) {
        return idempotency.run(request, () -> {
            ContributionView contribution = recordAll(funds.require(fundCode, scope), List.of(command),
                    request.subject(), (i, refusal) -> refusal).get(0);
            return Result.created("api/v1/contributions/" + contribution.id(), contribution);
        });
    }

    /**
     * A bank statement's contributions, all in one transaction: each is recorded as if sent
     * alone, with its own entry, and the first refusal refuses them all. A refusal names the
     * contribution at fault (its field errors under {@code contributions[i]}).
     */
    public Answer<ContributionBatchView> recordBatch(Idempotency.Request request, String fundCode,
            RecordContributions command, FundScope scope) {
        return idempotency.run(request, () -> Result.created(recordBatch(fundCode, command, request.subject(), scope)));
    }

    private ContributionBatchView recordBatch(String fundCode, RecordContributions command, String recordedBy,
            FundScope scope) {
        FundRef fund = funds.require(fundCode, scope);
        List<ContributionView> recorded = recordAll(fund, command.contributions(), recordedBy,
                ContributionService::about);
        long totalMinor = 0;
        for (ContributionView contribution : recorded) {
            totalMinor = Math.addExact(totalMinor, contribution.amount().amountMinor());
        }
        return new ContributionBatchView(recorded, recorded.size(), new MoneyView(totalMinor, fund.currency()));
    }

    /**
     * The credits of a bank statement that finance accepted, recorded in the caller's
     * transaction as the batch import records its contributions (the reconciliation owns the
     * transaction: it writes each line's outcome with them). The i-th refusal goes through
     * {@code refusalAt}, to name the statement's line.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ContributionView> recordFromStatement(FundRef fund, List<RecordContribution> commands,
            String recordedBy, BiFunction<Integer, ProblemException, ProblemException> refusalAt) {
        return recordAll(fund, commands, recordedBy, refusalAt);
    }

    /** A contribution as checked, before anything is written. */
    private record Checked(UUID id, RecordContribution command, Money amount, Posting.OriginalAmount original,
            String donorAccount, List<PledgeAllocations.Request> requests) {
    }

    /**
     * Records contributions to one fund in order, as if each were sent alone after the one
     * before: every one is checked before anything is written, then the fund is locked, the
     * allocations applied in turn and the entries posted together (one lock, and each
     * maintained row written once, however many contributions). The i-th refusal goes through
     * {@code refusalAt}.
     */
    private List<ContributionView> recordAll(FundRef fund, List<RecordContribution> commands, String recordedBy,
            BiFunction<Integer, ProblemException, ProblemException> refusalAt) {
        List<Checked> checked = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            try {
                checked.add(check(fund, commands.get(i)));
            } catch (ProblemException refusal) {
                throw refusalAt.apply(i, refusal);
            }
        }

        FundLock lock = ledger.lock(fund.id());
        PledgeAllocations.Allocator allocator = pledges.allocator(fund.id());
        List<List<PledgeAllocations.Applied>> applied = new ArrayList<>(checked.size());
        for (int i = 0; i < checked.size(); i++) {
            try {
                applied.add(allocator.allocate(checked.get(i).command().donorId(), checked.get(i).requests()));
            } catch (ProblemException refusal) {
                throw refusalAt.apply(i, refusal);
            }
        }
        List<EntryView> entries = ledger.postAll(lock, checked.stream().map(ContributionService::factOf).toList(),
                recordedBy);

        List<Contribution> contributions = new ArrayList<>(checked.size());
        List<List<Allocation>> allocations = new ArrayList<>(checked.size());
        for (int i = 0; i < checked.size(); i++) {
            contributions.add(contributionOf(fund, checked.get(i), entries.get(i), recordedBy));
            allocations.add(allocationRows(checked.get(i).id(), applied.get(i)));
        }
        // Table by table, so that the inserts go out in JDBC batches.
        contributions.forEach(em::persist);
        allocations.forEach(rows -> rows.forEach(em::persist));
        em.flush();
        // Written and not changed again in this transaction: out of the session, as the ledger's
        // rows are (LedgerService.persist), so that later flushes do not visit them.
        contributions.forEach(em::detach);
        allocations.forEach(rows -> rows.forEach(em::detach));
        metrics.contributionsRecorded(fund.code(), checked.stream().map(Checked::amount).toList());
        List<ContributionView> views = new ArrayList<>(checked.size());
        for (int i = 0; i < checked.size(); i++) {
            views.add(ContributionView.from(contributions.get(i), fund.code(), allocations.get(i)));
        }
        return views;
    }

    /** Everything about one contribution that can be refused without the fund's lock. */
    private Checked check(FundRef fund, RecordContribution command) {
        BusinessDates.past("receivedOn", command.receivedOn(), clock);
        Currency fundCurrency = Currencies.of(fund.currency());
        Money received = command.amount().toMoney("amount");
        Posting.OriginalAmount original = null;
        Money amount = received;
        if (received.currency().equals(fundCurrency)) {
            if (command.exchangeRate() != null) {
                throw ProblemException.invalid("exchangeRate", "only for an amount in another currency than the fund's");
            }
        } else {
            if (command.exchangeRate() == null) {
                throw ProblemException.invalid("exchangeRate", "is required for an amount in " + received.currency()
                        + " to a fund in " + fundCurrency);
            }
            original = originalAmount(received, command.exchangeRate());
            amount = converted(received, original.exchangeRate(), fundCurrency);
        }
        String donorAccount = donors.auxiliaryAccountOf(command.donorId())
                .orElseThrow(() -> ProblemException.invalid("donorId", "no donor has this id"));
        return new Checked(UUID.randomUUID(), command, amount, original, donorAccount,
                allocationRequests(command, amount.amountMinor()));
    }

    /** CONTRIBUTION_RECEIVED: Dr bank / Cr available, and Dr pledges to receive / Cr pledges receivable for what it allocates. */
    private static LedgerService.Fact factOf(Checked contribution) {
        Money amount = contribution.amount();
        List<Posting.Line> lines = new ArrayList<>(List.of(
                new Posting.Line(Account.BANK, Side.DEBIT, amount, contribution.original()),
                new Posting.Line(Account.AVAILABLE, Side.CREDIT, amount, contribution.original())));
        long allocatedMinor = contribution.requests().stream().mapToLong(PledgeAllocations.Request::amountMinor).sum();
        if (allocatedMinor > 0) {
            Money allocated = new Money(allocatedMinor, amount.currency());
            lines.add(Posting.Line.debit(Account.PLEDGES_TO_RECEIVE, allocated));
            lines.add(Posting.Line.credit(Account.PLEDGES_RECEIVABLE, allocated));
        }
        RecordContribution command = contribution.command();
        return new LedgerService.Fact(new Posting(EntryKind.CONTRIBUTION_RECEIVED,
                "Contribution of donor " + contribution.donorAccount() + ", bank reference "
                        + command.bankReference().strip(), command.receivedOn(), lines),
                Reference.contribution(contribution.id()));
    }

    private static Contribution contributionOf(FundRef fund, Checked checked, EntryView entry, String recordedBy) {
        Contribution contribution = new Contribution();
        contribution.id = checked.id();
        contribution.fundId = fund.id();
        contribution.donorId = checked.command().donorId();
        contribution.amountMinor = checked.amount().amountMinor();
        contribution.currency = fund.currency();
        Posting.OriginalAmount original = checked.original();
        if (original != null) {
            contribution.originalAmountMinor = original.amount().amountMinor();
            contribution.originalCurrency = original.amount().currency().getCurrencyCode();
            contribution.exchangeRate = original.exchangeRate();
        }
        contribution.receivedOn = checked.command().receivedOn();
        contribution.bankReference = checked.command().bankReference().strip();
        contribution.entryId = entry.id();
        contribution.createdAt = entry.recordedAt();
        contribution.createdBy = recordedBy;
        return contribution;
    }

    private static List<Allocation> allocationRows(UUID contributionId, List<PledgeAllocations.Applied> applied) {
        List<Allocation> allocations = new ArrayList<>(applied.size());
        short number = 0;
        for (PledgeAllocations.Applied allocation : applied) {
            Allocation row = new Allocation();
            row.contributionId = contributionId;
            row.number = ++number;
            row.pledgeId = allocation.pledgeId();
            row.instalmentNumber = allocation.instalmentNumber();
            row.amountMinor = allocation.amountMinor();
            allocations.add(row);
        }
        return allocations;
    }

    /** The same refusal, said of the i-th contribution of an import. */
    private static ProblemException about(int index, ProblemException refusal) {
        String prefix = "contributions[" + index + "].";
        return new ProblemException(refusal.type(), "Contribution " + (index + 1) + " of the import: "
                + refusal.getMessage() + " Nothing of the import was recorded.",
                refusal.errors().stream().map(e -> new Problem.FieldError(prefix + e.field(), e.message())).toList());
    }

    /**
     * A bounced transfer: the reversal entry, and its allocations given back to the pledges,
     * in one transaction. Refused when the money has already been committed or paid out.
     */
    public Answer<ContributionView> reverse(Idempotency.Request request, UUID id, ReverseContribution command,
            FundScope scope) {
        return idempotency.run(request, () -> Result.ok(reverse(id, command, request.subject(), scope)));
    }

    private ContributionView reverse(UUID id, ReverseContribution command, String reversedBy, FundScope scope) {
        Scoped<Contribution> found = find(id, scope);
        Contribution contribution = found.record();
        FundLock lock = ledger.lock(contribution.fundId);
        em.refresh(contribution, LockModeType.PESSIMISTIC_WRITE);
        if (contribution.reversalEntryId != null) {
            throw new ProblemException(ProblemType.CONTRIBUTION_ALREADY_REVERSED,
                    "Contribution " + id + " was reversed on " + contribution.reversedAt + ".");
        }
        List<Allocation> allocations = allocationsOf(List.of(id)).getOrDefault(id, List.of());
        pledges.release(allocations.stream().map(a -> new PledgeAllocations.Applied(a.pledgeId, a.instalmentNumber,
                a.amountMinor)).toList());
        String reason = command.reason().strip();
        EntryView reversal = ledger.reverse(lock, contribution.entryId, reason, reversedBy);
        contribution.reversalEntryId = reversal.id();
        contribution.reversedAt = reversal.recordedAt().truncatedTo(ChronoUnit.MICROS);
        contribution.reversedBy = reversedBy;
        contribution.reversalReason = reason;
        metrics.contributionReversed(found.fundCode(), new Money(contribution.amountMinor,
                Currencies.of(contribution.currency)));
        return ContributionView.from(contribution, found.fundCode(), allocations);
    }

    @Transactional
    public ContributionView get(UUID id, FundScope scope) {
        Scoped<Contribution> found = find(id, scope);
        return ContributionView.from(found.record(), found.fundCode(),
                allocationsOf(List.of(id)).getOrDefault(id, List.of()));
    }

    /** A fund's contributions in recording order, optionally of one donor. */
    @Transactional
    public Page<ContributionView> list(String fundCode, UUID donorId, PageRequest page, FundScope scope) {
        FundRef fund = funds.require(fundCode, scope);
        Map<String, Object> parameters = new HashMap<>(Map.of("fund", fund.id(), "after", page.afterNumber().orElse(0L)));
        String query = "fundId = :fund and number > :after";
        if (donorId != null) {
            query += " and donorId = :donor";
            parameters.put("donor", donorId);
        }
        List<Contribution> contributions = Contribution.<Contribution>find(query, Sort.by("number"), parameters)
                .page(0, page.limit() + 1).list();
        Map<UUID, List<Allocation>> allocations = allocationsOf(contributions.stream().map(c -> c.id).toList());
        return Page.of(contributions, page.limit(), c -> PageRequest.cursor(c.number.toString()),
                c -> ContributionView.from(c, fund.code(), allocations.getOrDefault(c.id, List.of())));
    }

    /** Limit: the contributions of a fund a bank statement's credits are matched against. */
    public static final int MATCHED_MAX = 10_000;

    /**
     * A fund's contributions received between these days and not reversed, in recording order:
     * what a bank statement's credit may already be (recorded by hand before the statement came).
     */
    @Transactional
    public List<ContributionSummary> receivedBetween(FundRef fund, java.time.LocalDate from, java.time.LocalDate to) {
        return Contribution.<Contribution>find("fundId = ?1 and receivedOn between ?2 and ?3 and reversalEntryId is null",
                Sort.by("number"), fund.id(), from, to).page(0, MATCHED_MAX).<Contribution>list().stream()
                .map(ContributionSummary::from).toList();
    }

    /** A fund's contributions not reversed that have one of these bank references (a statement's lines' references). */
    @Transactional
    public List<ContributionSummary> withBankReferences(FundRef fund, java.util.Collection<String> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        return InList.chunks("bankReference", java.util.Set.copyOf(references), fund.id()).stream()
                .flatMap(in -> Contribution.<Contribution>list("fundId = ?1 and reversalEntryId is null and "
                        + in.condition(), in.parameters()).stream())
                .map(ContributionSummary::from).toList();
    }

    /**
     * A fund's contributions not reversed of this amount, newest first, at most {@code limit}:
     * what a bank statement's credit may be when it was recorded by hand under another reference.
     */
    @Transactional
    public List<ContributionSummary> receivedOfAmount(FundRef fund, long amountMinor, int limit) {
        return Contribution.<Contribution>find("fundId = ?1 and amountMinor = ?2 and reversalEntryId is null",
                Sort.descending("number"), fund.id(), amountMinor).page(0, limit).<Contribution>list().stream()
                .map(ContributionSummary::from).toList();
    }

    /** A contribution of this fund, if it is one: never a refusal (a reconciliation checks a line's match with it). */
    @Transactional
    public java.util.Optional<ContributionSummary> ofFund(UUID id, FundRef fund) {
        return Contribution.<Contribution>find("id = ?1 and fundId = ?2", id, fund.id()).firstResultOptional()
                .map(ContributionSummary::from);
    }

    /** The fund's latest contributions, newest first, without their allocations: what a page of the console lists. */
    @Transactional
    public List<ContributionSummary> latest(String fundCode, int count, FundScope scope) {
        FundRef fund = funds.require(fundCode, scope);
        return Contribution.<Contribution>find("fundId", Sort.descending("number"), fund.id()).page(0, count)
                .<Contribution>list().stream().map(ContributionSummary::from).toList();
    }

    private Scoped<Contribution> find(UUID id, FundScope scope) {
        return funds.inScope(Contribution.<Contribution>findById(id), c -> c.fundId, scope, () -> new ProblemException(
                ProblemType.CONTRIBUTION_NOT_FOUND, "No contribution has the id " + id + "."));
    }

    private Map<UUID, List<Allocation>> allocationsOf(List<UUID> contributionIds) {
        return InList.chunks("contributionId", contributionIds).stream()
                .flatMap(in -> Allocation.<Allocation>list(in.condition(), Sort.by("contributionId").and("number"),
                        in.parameters()).stream())
                .collect(Collectors.groupingBy(a -> a.contributionId));
    }

    private static List<PledgeAllocations.Request> allocationRequests(RecordContribution command, long amountMinor) {
        List<RecordContribution.AllocationInput> inputs = command.allocations() == null ? List.of() : command.allocations();
        long total = 0;
        for (RecordContribution.AllocationInput input : inputs) {
            // Compared before adding: however large the amounts sent, the sum never overflows.
            if (input.amountMinor() > amountMinor - total) {
                throw ProblemException.invalid("allocations", "add up to more than the " + amountMinor
                        + " minor units received");
            }
            total += input.amountMinor();
        }
        return inputs.stream().map(input -> new PledgeAllocations.Request(input.pledgeId(), input.instalmentNumber(),
                input.amountMinor())).toList();
    }

    private static Posting.OriginalAmount originalAmount(Money received, BigDecimal rate) {
        try {
            return new Posting.OriginalAmount(received, rate);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("exchangeRate", "has at most 12 digits before and 12 after the point");
        }
    }

    /** The amount in the fund's currency, rounded half-even to its minor unit (docs/concepts/pledges-and-contributions.md). */
    private static Money converted(Money received, BigDecimal rate, Currency fundCurrency) {
        Money converted = received.convertedAt(rate, fundCurrency);
        if (converted.isZero()) {
            throw ProblemException.invalid("amount", "is worth nothing in " + fundCurrency + " at this rate");
        }
        return converted;
    }
}
