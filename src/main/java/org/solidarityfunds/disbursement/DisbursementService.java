package org.solidarityfunds.disbursement;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.committee.Committee;
import org.solidarityfunds.committee.CommitteeService;
import org.solidarityfunds.common.BusinessDates;
import org.solidarityfunds.common.Clocks;
import org.solidarityfunds.fund.FundService.FundRef;
import org.solidarityfunds.fund.FundService.Scoped;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.idempotency.Answer;
import org.solidarityfunds.idempotency.Idempotency;
import org.solidarityfunds.idempotency.Result;
import org.solidarityfunds.ledger.Account;
import org.solidarityfunds.ledger.EntryKind;
import org.solidarityfunds.ledger.EntryView;
import org.solidarityfunds.ledger.EventLog;
import org.solidarityfunds.ledger.FundLock;
import org.solidarityfunds.ledger.LedgerService;
import org.solidarityfunds.ledger.Posting;
import org.solidarityfunds.ledger.Reference;
import org.solidarityfunds.money.Money;
import org.solidarityfunds.observability.LedgerMetrics;
import org.solidarityfunds.persistence.InList;
import org.solidarityfunds.persistence.Page;
import org.solidarityfunds.persistence.PageRequest;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;
/**
 * Money out. A vote, a payment and a cancellation each lock the fund's ledger first, then the
 * disbursement's row, and do everything else under those locks in one transaction: the
 * approving vote checks what is available and writes the commitment, so two approvals can
 * never both spend the same money, on any number of instances (ADR 0005).
 */
@ApplicationScoped
public class DisbursementService {

    private final EntityManager em;
    private final FundService funds;
    private final CommitteeService committees;
    private final LedgerService ledger;
    private final EventLog events;
    private final Clock clock;
    private final LedgerMetrics metrics;
    private final Idempotency idempotency;

    DisbursementService(EntityManager em, FundService funds, CommitteeService committees, LedgerService ledger,
            EventLog events, Clock clock, LedgerMetrics metrics, Idempotency idempotency) {
        this.idempotency = idempotency;
        this.em = em;
        this.funds = funds;
        this.committees = committees;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Asks the fund's committee to pay: the command boundary of POST /funds/{code}/disbursements. */
    public Answer<DisbursementView> request(Idempotency.Request request, String fundCode, RequestDisbursement command,
            FundScope scope) {
        return idempotency.run(request, () -> {
            DisbursementView disbursement = request(fundCode, command, request.subject(), scope);
            return Result.created("api/v1/disbursements/" + disbursement.id(), disbursement);
        });
    }

    /** A member's vote: the command boundary of POST /disbursements/{id}/votes. */
    public Answer<DisbursementView> vote(Idempotency.Request request, UUID id, CastVote command, FundScope scope) {
        return idempotency.run(request, () -> Result.ok(vote(id, command, request.subject(), scope)));
    }

    /** The command boundary of POST /disbursements/{id}/payment. */
    public Answer<DisbursementView> pay(Idempotency.Request request, UUID id, PayDisbursement command,
            FundScope scope) {
        return idempotency.run(request, () -> Result.ok(pay(id, command, request.subject(), scope)));
    }

    /** The command boundary of POST /disbursements/{id}/cancellation. */
    public Answer<DisbursementView> cancel(Idempotency.Request request, UUID id, CancelDisbursement command,
            FundScope scope) {
        return idempotency.run(request, () -> Result.ok(cancel(id, command, request.subject(), scope)));
    }

    private DisbursementView request(String fundCode, RequestDisbursement command, String requestedBy,
            FundScope scope) {
        FundRef fund = funds.require(fundCode, scope);
        Money amount = fund.amountOf("amount", command.amount());
        ledger.lock(fund.id()).status().refuseUnlessItTakesRequests(fund.code());
        if (committees.current(fund.id()).isEmpty()) {
            throw new ProblemException(ProblemType.FUND_HAS_NO_COMMITTEE,
                    "Fund " + fund.code() + " has no committee to decide the request; an administrator sets one first.");
        }
        Disbursement disbursement = new Disbursement();
        disbursement.id = UUID.randomUUID();
        disbursement.fundId = fund.id();
        disbursement.beneficiaryName = command.beneficiary().name().strip();
        disbursement.beneficiaryCountry = command.beneficiary().country();
        disbursement.purpose = command.purpose().strip();
        disbursement.amountMinor = amount.amountMinor();
        disbursement.currency = fund.currency();
        disbursement.status = DisbursementStatus.REQUESTED;
        disbursement.requestedAt = now();
        disbursement.requestedBy = requestedBy;
        em.persist(disbursement);
        events.record(fund.id(), EventLog.DISBURSEMENT_REQUESTED, amount, null,
                Reference.disbursement(disbursement.id), disbursement.requestedAt);
        em.flush();
        metrics.disbursementRequested(fund.code(), amount);
        return DisbursementView.from(disbursement, fund.code(), List.of(), null, List.of());
    }

    /**
     * Records a member's vote, and the decision when the vote makes one. An approval that the
     * fund's available money cannot cover is refused whole: the vote is not recorded, and the
     * request stays open until money arrives or the committee rejects it.
     */
    private DisbursementView vote(UUID id, CastVote command, String voter, FundScope scope) {
        Found found = lockOpen(id, scope);
        Disbursement disbursement = found.disbursement();
        LocalDate today = LocalDate.now(clock.withZone(Clocks.BUSINESS_ZONE));
        Optional<Committee> current = committees.current(disbursement.fundId);
        List<Vote> votes = votesOf(List.of(id)).getOrDefault(id, List.of());
        Optional<VoteRefusal> refusal = VoteRefusal.of(disbursement.status, disbursement.requestedBy, voter,
                current.map(c -> c.seats(voter, today)).orElse(false), votes.stream().map(v -> v.voter).toList());
        if (refusal.isPresent()) {
            throw switch (refusal.get()) {
                case ALREADY_DECIDED -> new ProblemException(ProblemType.DISBURSEMENT_ALREADY_DECIDED,
                        "Disbursement " + id + " is " + disbursement.status + "; it takes no more votes.");
                case REQUESTER -> new ProblemException(ProblemType.REQUESTER_CANNOT_VOTE,
                        "You requested disbursement " + id + "; the other members of the committee decide it.");
                case NOT_SEATED -> new ProblemException(ProblemType.NOT_A_COMMITTEE_MEMBER, "You hold no seat on the "
                        + "committee of fund " + found.fundCode() + " on " + today
                        + current.map(c -> " (committee version " + c.version() + ")").orElse("") + ".");
                case ALREADY_VOTED -> new ProblemException(ProblemType.VOTE_ALREADY_CAST,
                        "You have already voted on disbursement " + id + "; a vote is never changed.");
            };
        }
        Committee committee = current.orElseThrow(
                () -> new IllegalStateException("fund " + disbursement.fundId + " has a request and no committee"));
        Vote vote = new Vote();
        vote.disbursementId = id;
        vote.voter = voter;
        vote.choice = command.vote();
        vote.comment = blankToNull(command.comment());
        vote.minutesReference = blankToNull(command.minutesReference());
        vote.castAt = now();
        em.persist(vote);
        List<Vote> ballots = new ArrayList<>(votes);
        ballots.add(vote);

        Decision decision = DecisionRule.decide(committee, today, disbursement.requestedBy, disbursement.amountMinor,
                ballots.stream().map(v -> new DecisionRule.Ballot(v.voter, v.choice)).toList())
                .map(verdict -> decide(found, committee, verdict, vote))
                .orElse(null);
        em.flush();
        return DisbursementView.from(disbursement, found.fundCode(), ballots, decision, List.of());
    }

    private Decision decide(Found found, Committee committee, DecisionRule.Verdict verdict, Vote decisive) {
        Disbursement disbursement = found.disbursement();
        String fundCode = found.fundCode();
        Decision decision = new Decision();
        decision.disbursementId = disbursement.id;
        decision.fundId = disbursement.fundId;
        decision.committeeVersion = committee.version();
        decision.outcome = verdict.outcome();
        decision.basis = verdict.basis();
        decision.votesFor = (short) verdict.tally().votesFor();
        decision.votesAgainst = (short) verdict.tally().votesAgainst();
        decision.abstentions = (short) verdict.tally().abstentions();
        decision.recusals = (short) verdict.tally().recusals();
        decision.eligibleVoters = (short) verdict.eligibleVoters();
        decision.quorum = (short) committee.quorum();
        decision.quorumMet = verdict.quorumMet();
        decision.majority = committee.majority();
        decision.minutesReference = decisive.minutesReference;
        decision.decidedAt = decisive.castAt;
        if (verdict.outcome() == DisbursementStatus.APPROVED) {
            long availableMinor = ledger.balanceMinor(found.fund(), Account.AVAILABLE);
            if (disbursement.amountMinor > availableMinor) {
                throw new ProblemException(ProblemType.DISBURSEMENT_EXCEEDS_AVAILABLE, "This vote would approve "
                        + disbursement.amountMinor + " minor units of " + disbursement.currency + " but fund " + fundCode
                        + " has " + availableMinor + " available; the vote is not recorded and the request stays open.");
            }
            Money amount = requested(disbursement);
            EntryView commitment = ledger.post(found.fund(), new Posting(EntryKind.DISBURSEMENT_COMMITTED,
                    "Disbursement " + disbursement.number + " approved: " + disbursement.beneficiaryName + " ("
                            + disbursement.beneficiaryCountry + ")", businessDay(decisive.castAt), List.of(
                            Posting.Line.debit(Account.AVAILABLE, amount),
                            Posting.Line.credit(Account.COMMITMENTS, amount))), decisive.voter,
                    Reference.disbursement(disbursement.id));
            decision.commitmentEntryId = commitment.id();
        } else {
            events.record(disbursement.fundId, EventLog.DISBURSEMENT_REJECTED, requested(disbursement), null,
                    Reference.disbursement(disbursement.id), decisive.castAt);
        }
        em.persist(decision);
        disbursement.status = verdict.outcome();
        metrics.disbursementDecided(fundCode, verdict.outcome().name());
        return decision;
    }

    /** The command boundary of POST /disbursements/{id}/payments. */
    public Answer<DisbursementView> recordPayment(Idempotency.Request request, UUID id, RecordPayment command,
            FundScope scope) {
        return idempotency.run(request, () -> Result.ok(recordPayment(id, command, request.subject(), scope)));
    }

    /** The command boundary of POST /disbursements/{id}/remainder-release. */
    public Answer<DisbursementView> releaseRemainder(Idempotency.Request request, UUID id, ReleaseRemainder command,
            FundScope scope) {
        return idempotency.run(request, () -> Result.ok(releaseRemainder(id, command, request.subject(), scope)));
    }

    /** Finance records that what is left of an approved disbursement was paid in one payment, in the fund's currency. */
    private DisbursementView pay(UUID id, PayDisbursement command, String paidBy, FundScope scope) {
        Payable payable = lockPayable(id, scope);
        Money left = payable.left();
        return pay(payable, command.paidOn(), command.paymentReference(), Tranche.of(left, left, null, null, null),
                null, paidBy);
    }

    /**
     * Finance records one payment of an approved disbursement, as the bank's advice gives it: a
     * tranche, or the rest. Its entries (the payment, an exchange difference, the charges) are
     * written together under the fund's lock, and refused together if available money cannot
     * pay a loss or the charges.
     */
    private DisbursementView recordPayment(UUID id, RecordPayment command, String paidBy, FundScope scope) {
        Payable payable = lockPayable(id, scope);
        Money debited = command.amount().toMoney("amount");
        Tranche.Foreign foreign = foreign(command);
        Tranche tranche = Tranche.of(payable.left(), debited, command.commitmentSettledMinor(),
                command.chargesMinor(), foreign);
        return pay(payable, command.paidOn(), command.reference(), tranche,
                BeneficiaryAccounts.of(command.beneficiaryAccount()), paidBy);
    }

    private DisbursementView pay(Payable payable, LocalDate paidOn, String typedReference, Tranche tranche,
            BeneficiaryAccounts.Account account, String paidBy) {
        Found found = payable.found();
        Disbursement disbursement = found.disbursement();
        BusinessDates.past("paidOn", paidOn, clock);
        String reference = typedReference.strip();
        List<Payment> earlier = payable.earlier();
        if (earlier.size() >= PAYMENTS_MAX) {
            throw new ProblemException(ProblemType.DISBURSEMENT_PAYMENTS_LIMIT, "Disbursement " + disbursement.id
                    + " has had " + earlier.size() + " payments, the most one may have; release what is left of it.");
        }
        short number = (short) (earlier.size() + 1);
        String about = "Disbursement " + disbursement.number + (tranche.settlesAll() && earlier.isEmpty() ? ""
                : " payment " + number) + " to " + disbursement.beneficiaryName + ", reference " + reference;
        List<LedgerService.Fact> facts = tranche.entries().stream()
                .map(entry -> new LedgerService.Fact(new Posting(entry.kind(), memo(entry.kind(), about), paidOn,
                        entry.lines()), Reference.disbursement(disbursement.id)))
                .toList();
        List<EntryView> written = ledger.postAll(found.fund(), facts, paidBy);
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.disbursementId = disbursement.id;
        payment.number = number;
        payment.fundId = disbursement.fundId;
        payment.paidOn = paidOn;
        payment.reference = reference;
        if (account != null) {
            payment.beneficiaryIban = account.iban();
            payment.beneficiaryAccount = account.number();
            payment.beneficiaryBic = account.bic();
        }
        payment.currency = disbursement.currency;
        payment.amountMinor = tranche.debited().amountMinor();
        payment.settledMinor = tranche.settled().amountMinor();
        if (tranche.foreign() != null) {
            payment.foreignAmountMinor = tranche.foreign().amount().amountMinor();
            payment.foreignCurrency = tranche.foreign().amount().currency().getCurrencyCode();
            payment.exchangeRate = tranche.foreign().rate();
        }
        payment.chargesMinor = tranche.charges().amountMinor();
        for (int i = 0; i < written.size(); i++) {
            switch (facts.get(i).posting().kind()) {
                case DISBURSEMENT_PAID -> payment.paymentEntryId = written.get(i).id();
                case EXCHANGE_LOSS, EXCHANGE_GAIN -> payment.differenceEntryId = written.get(i).id();
                case BANK_CHARGES -> payment.chargesEntryId = written.get(i).id();
                default -> throw new IllegalStateException("a payment writes no " + facts.get(i).posting().kind());
            }
        }
        payment.recordedAt = now();
        payment.recordedBy = paidBy;
        em.persist(payment);
        // The payment's row first: the database checks the disbursement's new status against its payments.
        em.flush();
        disbursement.status = tranche.settlesAll() ? DisbursementStatus.PAID : DisbursementStatus.PARTLY_PAID;
        metrics.disbursementPaid(found.fundCode(), tranche.debited());
        return view(found, true);
    }

    private static String memo(EntryKind kind, String about) {
        return switch (kind) {
            case EXCHANGE_LOSS -> "Exchange loss on " + about;
            case EXCHANGE_GAIN -> "Exchange gain on " + about;
            case BANK_CHARGES -> "Bank charges on " + about;
            default -> about;
        };
    }

    private static Tranche.Foreign foreign(RecordPayment command) {
        if (command.foreignAmount() == null) {
            if (command.exchangeRate() != null) {
                throw ProblemException.invalid("exchangeRate", "goes with foreignAmount, for a payment in another "
                        + "currency");
            }
            return null;
        }
        if (command.exchangeRate() == null) {
            throw ProblemException.invalid("exchangeRate", "is required with foreignAmount: the bank's rate, in the "
                    + "fund's currency per unit of " + command.foreignAmount().currency());
        }
        try {
            Posting.OriginalAmount checked = new Posting.OriginalAmount(command.foreignAmount().toMoney("foreignAmount"),
                    command.exchangeRate());
            return new Tranche.Foreign(checked.amount(), checked.exchangeRate());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("exchangeRate", "has at most 12 digits before and 12 after the point");
        }
    }

    /**
     * Releases what is left committed of a partly paid disbursement back to available money, and
     * closes it: the project ended under budget, or the last tranche will not be paid.
     */
    private DisbursementView releaseRemainder(UUID id, ReleaseRemainder command, String releasedBy, FundScope scope) {
        Found found = lockOpen(id, scope);
        Disbursement disbursement = found.disbursement();
        if (disbursement.status != DisbursementStatus.PARTLY_PAID) {
            throw new ProblemException(ProblemType.DISBURSEMENT_NOT_PARTLY_PAID, "Disbursement " + id + " is "
                    + disbursement.status + (disbursement.status == DisbursementStatus.APPROVED
                    ? "; nothing of it was paid: cancel it to release its whole commitment." : "."));
        }
        String reason = command.reason().strip();
        Instant now = now();
        Money left = left(disbursement, paymentsOf(List.of(id)).getOrDefault(id, List.of()));
        EntryView release = ledger.post(found.fund(), new Posting(EntryKind.COMMITMENT_RELEASED,
                "Disbursement " + disbursement.number + ": remainder released: " + reason, businessDay(now), List.of(
                        Posting.Line.debit(Account.COMMITMENTS, left),
                        Posting.Line.credit(Account.AVAILABLE, left))), releasedBy, Reference.disbursement(id));
        disbursement.remainderReleaseEntryId = release.id();
        disbursement.remainderReleasedAt = now;
        disbursement.remainderReleasedBy = releasedBy;
        disbursement.remainderReleaseReason = reason;
        disbursement.status = DisbursementStatus.PAID;
        return view(found, true);
    }

    /** A disbursement locked to be paid, and its payments so far, read once. */
    private record Payable(Found found, List<Payment> earlier) {
        Money left() {
            return DisbursementService.left(found.disbursement(), earlier);
        }
    }

    /** Locks an approved or partly paid disbursement, or refuses the payment with the problem its status names. */
    private Payable lockPayable(UUID id, FundScope scope) {
        Found found = lockOpen(id, scope);
        Disbursement disbursement = found.disbursement();
        if (disbursement.status == DisbursementStatus.PAID) {
            throw new ProblemException(ProblemType.DISBURSEMENT_ALREADY_PAID, "Disbursement " + id + " is paid: "
                    + "its payments settled its commitment" + (disbursement.remainderReleasedAt == null ? ""
                    : ", and the rest was released") + "; nothing of it is left to pay.");
        }
        if (disbursement.status != DisbursementStatus.APPROVED && disbursement.status != DisbursementStatus.PARTLY_PAID) {
            throw new ProblemException(ProblemType.DISBURSEMENT_NOT_APPROVED,
                    "Disbursement " + id + " is " + disbursement.status + "; only an APPROVED one is paid.");
        }
        return new Payable(found, paymentsOf(List.of(id)).getOrDefault(id, List.of()));
    }

    /** What is left of a disbursement's commitment: what was approved less what its payments settled. */
    private static Money left(Disbursement disbursement, List<Payment> payments) {
        long settled = payments.stream().mapToLong(p -> p.settledMinor).sum();
        return requested(disbursement).minus(Money.of(settled, disbursement.currency));
    }

    /** Withdraws a request, or releases an approval's commitment back to available, before payment. */
    private DisbursementView cancel(UUID id, CancelDisbursement command, String cancelledBy, FundScope scope) {
        Found found = lockOpen(id, scope);
        Disbursement disbursement = found.disbursement();
        if (disbursement.status == DisbursementStatus.PAID || disbursement.status == DisbursementStatus.PARTLY_PAID) {
            throw new ProblemException(ProblemType.DISBURSEMENT_ALREADY_PAID, "Disbursement " + id + " is "
                    + disbursement.status + "; it can no longer be cancelled" + (disbursement.status
                    == DisbursementStatus.PARTLY_PAID ? ": release what is left of its commitment instead." : "."));
        }
        if (disbursement.status != DisbursementStatus.REQUESTED && disbursement.status != DisbursementStatus.APPROVED) {
            throw new ProblemException(ProblemType.DISBURSEMENT_NOT_CANCELLABLE,
                    "Disbursement " + id + " is " + disbursement.status + " already.");
        }
        String reason = command.reason().strip();
        Instant now = now();
        if (disbursement.status == DisbursementStatus.APPROVED) {
            Money amount = requested(disbursement);
            EntryView release = ledger.post(found.fund(), new Posting(EntryKind.COMMITMENT_RELEASED,
                    "Disbursement " + disbursement.number + " cancelled: " + reason, businessDay(now), List.of(
                            Posting.Line.debit(Account.COMMITMENTS, amount),
                            Posting.Line.credit(Account.AVAILABLE, amount))), cancelledBy, Reference.disbursement(id));
            disbursement.releaseEntryId = release.id();
        } else {
            events.record(disbursement.fundId, EventLog.DISBURSEMENT_WITHDRAWN, requested(disbursement), null,
                    Reference.disbursement(id), now);
        }
        disbursement.status = DisbursementStatus.CANCELLED;
        disbursement.cancelledAt = now;
        disbursement.cancelledBy = cancelledBy;
        disbursement.cancellationReason = reason;
        metrics.disbursementCancelled(found.fundCode(), requested(disbursement));
        return view(found, true);
    }

    /** @param withVotes whether the caller sees the individual votes, or the decision only */
    @Transactional
    public DisbursementView get(UUID id, FundScope scope, boolean withVotes) {
        return view(find(id, scope), withVotes);
    }

    /**
     * A payment out of a fund, as a bank statement's debit is matched to it: the bank may debit
     * the transfer alone, or with its charges.
     */
    public record Paid(UUID paymentId, UUID disbursementId, int number, String fundCode, long amountMinor,
            long chargesMinor, String reference, LocalDate paidOn, String beneficiary) {
    }

    /** Limit: the payments of a fund a bank statement's debits are matched against. */
    public static final int PAID_MATCHED_MAX = 10_000;
    /**
     * Limit: the payments of one disbursement. A grant is paid in a few tranches; a hundred is
     * beyond any agreement, and keeps a disbursement's page and answer short.
     */
    public static final int PAYMENTS_MAX = 100;

    /** A fund's payments, the most recent first (a statement is about the last weeks), at most {@link #PAID_MATCHED_MAX}. */
    @Transactional
    public List<Paid> paid(FundRef fund) {
        List<Payment> payments = Payment.<Payment>find("fundId", Sort.by("paidOn").descending().and("id"), fund.id())
                .page(0, PAID_MATCHED_MAX).list();
        Map<UUID, String> beneficiaries = InList.chunks("id", payments.stream().map(p -> p.disbursementId).distinct()
                .toList()).stream().flatMap(in -> Disbursement.<Disbursement>list(in.condition(), in.parameters())
                .stream()).collect(Collectors.toMap(d -> d.id, d -> d.beneficiaryName));
        return payments.stream().map(p -> new Paid(p.id, p.disbursementId, p.number, fund.code(), p.amountMinor,
                p.chargesMinor, p.reference, p.paidOn, beneficiaries.get(p.disbursementId))).toList();
    }

    /** A fund's disbursements in request order, optionally in one status. */
    @Transactional
    public Page<DisbursementView> list(String fundCode, DisbursementStatus status, PageRequest page, FundScope scope,
            boolean withVotes) {
        FundRef fund = funds.require(fundCode, scope);
        Map<String, Object> parameters = new HashMap<>(Map.of("fund", fund.id(), "after", page.afterNumber().orElse(0L)));
        String query = "fundId = :fund and number > :after";
        if (status != null) {
            query += " and status = :status";
            parameters.put("status", status);
        }
        List<Disbursement> disbursements = Disbursement.<Disbursement>find(query, Sort.by("number"), parameters)
                .page(0, page.limit() + 1).list();
        List<UUID> ids = disbursements.stream().map(d -> d.id).toList();
        Map<UUID, List<Vote>> votes = withVotes ? votesOf(ids) : Map.of();
        // Only what the statuses allow is read: a page of requests awaiting votes needs no more query.
        Map<UUID, Decision> decisions = InList.chunks("disbursementId", disbursements.stream()
                        .filter(d -> d.status.mayBeDecided()).map(d -> d.id).toList()).stream()
                .flatMap(in -> Decision.<Decision>list(in.condition(), in.parameters()).stream())
                .collect(Collectors.toMap(d -> d.disbursementId, d -> d));
        Map<UUID, List<Payment>> payments = paymentsOf(disbursements.stream()
                .filter(d -> d.status.mayHavePayments()).map(d -> d.id).toList());
        return Page.of(disbursements, page.limit(), d -> PageRequest.cursor(d.number.toString()),
                d -> DisbursementView.from(d, fund.code(), withVotes ? votes.getOrDefault(d.id, List.of()) : null,
                        decisions.get(d.id), payments.getOrDefault(d.id, List.of())));
    }

    /**
     * The requests awaiting this member's vote, in every fund of the caller's scope whose
     * committee seats them today, by fund code then number: those {@link #vote} would take
     * from them now (the rule is {@link VoteRefusal}'s). A few queries whatever the number of
     * funds: the console's "awaiting my vote" reads it on every visit.
     */
    @Transactional
    public List<DisbursementView> awaitingVoteOf(String voter, FundScope scope) {
        LocalDate today = LocalDate.now(clock.withZone(Clocks.BUSINESS_ZONE));
        Map<Long, String> codes = funds.codesOf(committees.seating(voter, today).stream().map(Committee::fundId)
                .toList(), scope);
        if (codes.isEmpty()) {
            return List.of();
        }
        List<Disbursement> open = Disbursement.<Disbursement>find("fundId in ?1 and status = ?2", Sort.by("number"),
                codes.keySet(), DisbursementStatus.REQUESTED).page(0, PageRequest.LIMIT_MAX).list();
        Map<UUID, List<Vote>> votes = votesOf(open.stream().map(d -> d.id).toList());
        return open.stream()
                .filter(d -> VoteRefusal.of(d.status, d.requestedBy, voter, true,
                        votes.getOrDefault(d.id, List.of()).stream().map(v -> v.voter).toList()).isEmpty())
                .map(d -> DisbursementView.from(d, codes.get(d.fundId), votes.getOrDefault(d.id, List.of()), null,
                        List.of()))
                .sorted(Comparator.comparing(DisbursementView::fundCode))
                .toList();
    }

    /** Why this member may not vote on the request now; empty when they may (the rule {@link #vote} applies). */
    @Transactional
    public Optional<VoteRefusal> voteRefusal(UUID id, String voter, FundScope scope) {
        Found found = find(id, scope);
        Disbursement disbursement = found.disbursement();
        LocalDate today = LocalDate.now(clock.withZone(Clocks.BUSINESS_ZONE));
        return VoteRefusal.of(disbursement.status, disbursement.requestedBy, voter,
                committees.current(disbursement.fundId).map(c -> c.seats(voter, today)).orElse(false),
                votesOf(List.of(id)).getOrDefault(id, List.of()).stream().map(v -> v.voter).toList());
    }

    /** A disbursement in the caller's scope, and its fund's lock when it was found to be changed (else null). */
    private record Found(Disbursement disbursement, String fundCode, FundLock fund) {
    }

    private Found find(UUID id, FundScope scope) {
        Scoped<Disbursement> found = funds.inScope(Disbursement.<Disbursement>findById(id), d -> d.fundId, scope,
                () -> new ProblemException(ProblemType.DISBURSEMENT_NOT_FOUND, "No disbursement has the id " + id + "."));
        return new Found(found.record(), found.fundCode(), null);
    }

    /** Finds the disbursement, then locks its fund's ledger and its row, in that order (ADR 0002), and reads it afresh. */
    private Found lockOpen(UUID id, FundScope scope) {
        Found found = find(id, scope);
        FundLock fund = ledger.lock(found.disbursement().fundId);
        em.refresh(found.disbursement(), LockModeType.PESSIMISTIC_WRITE);
        return new Found(found.disbursement(), found.fundCode(), fund);
    }

    private DisbursementView view(Found found, boolean withVotes) {
        UUID id = found.disbursement().id;
        return DisbursementView.from(found.disbursement(), found.fundCode(),
                withVotes ? votesOf(List.of(id)).getOrDefault(id, List.of()) : null, Decision.findById(id),
                paymentsOf(List.of(id)).getOrDefault(id, List.of()));
    }

    /** The payments of these disbursements, each's in order. */
    private Map<UUID, List<Payment>> paymentsOf(List<UUID> disbursementIds) {
        return InList.chunks("disbursementId", disbursementIds).stream()
                .flatMap(in -> Payment.<Payment>list(in.condition(), Sort.by("disbursementId").and("number"),
                        in.parameters()).stream())
                .collect(Collectors.groupingBy(p -> p.disbursementId));
    }

    private Map<UUID, List<Vote>> votesOf(List<UUID> disbursementIds) {
        return InList.chunks("disbursementId", disbursementIds).stream()
                .flatMap(in -> Vote.<Vote>list(in.condition(), Sort.by("disbursementId").and("castAt").and("voter"),
                        in.parameters()).stream())
                .collect(Collectors.groupingBy(v -> v.disbursementId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Money requested(Disbursement disbursement) {
        return Money.of(disbursement.amountMinor, disbursement.currency);
    }

    private static LocalDate businessDay(Instant instant) {
        return LocalDate.ofInstant(instant, Clocks.BUSINESS_ZONE);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
