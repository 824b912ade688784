package org.solidarityfunds.bankstatement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.quarkus.panache.common.Sort;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.solidarityfunds.bank.BankAccountService.AccountRef;
import org.solidarityfunds.common.Text;
import org.solidarityfunds.contribution.ContributionService;
import org.solidarityfunds.contribution.ContributionView;
import org.solidarityfunds.contribution.RecordContribution;
import org.solidarityfunds.disbursement.DisbursementService;
import org.solidarityfunds.fund.FundService.FundRef;
import org.solidarityfunds.money.MoneyInput;
import org.solidarityfunds.pledge.AllocationProposal;
import org.solidarityfunds.pledge.PledgeService;
import org.solidarityfunds.pledge.PledgeView;
import org.solidarityfunds.problem.Problem;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * Reconciling a statement's lines: finance's decisions checked (each line handled once, never a
 * duplicate, only the fields its action uses), then the accepted credits recorded through the
 * contribution path, for one fund per request (the ledger's lock on a fund is its transaction's
 * first write), the accepted
 * debits matched to paid disbursements, the dismissed lines kept with their reason; one
 * outcome per line, all or nothing.
 */
@ApplicationScoped
class StatementReconciliation {

    private final EntityManager em;
    private final AccountFunds accountFunds;
    private final PledgeService pledges;
    private final DisbursementService disbursements;
    private final ContributionService contributions;
    private final Clock clock;

    StatementReconciliation(EntityManager em, AccountFunds accountFunds, PledgeService pledges,
            DisbursementService disbursements, ContributionService contributions, Clock clock) {
        this.em = em;
        this.accountFunds = accountFunds;
        this.pledges = pledges;
        this.disbursements = disbursements;
        this.contributions = contributions;
        this.clock = clock;
    }


    /** What a reconciliation did: new contributions, credits matched to contributions already recorded, payments, dismissals. */
    record Done(int contributions, int matched, int payments, int dismissed) {
    }

    /** Applies finance's decisions to the statement's lines, in the caller's transaction: all or nothing. */
    Done apply(BankStatement statement, AccountRef account, Reconcile command, String handledBy) {
        accountFunds.lock(account.number());
        // Never changed here, so out of the session: a flush (and every query of the contributions'
        // work flushes first) visits each entity the session holds, read-only ones included, and
        // a statement has 10,000 lines (docs/operating/performance.md, issue #18).
        List<BankLine> lines = BankLine.<BankLine>find("statementId", Sort.by("position"), statement.id).list();
        lines.forEach(em::detach);
        Map<UUID, BankLine> byId = lines.stream().collect(Collectors.toMap(line -> line.id, Function.identity()));
        Map<UUID, BankLineOutcome> outcomes = BankLineOutcome.ofStatement(statement.id);
        List<Decided> decided = decisions(command, lines, byId, outcomes);
        List<FundRef> served = accountFunds.served(account);
        Map<String, FundRef> fundsByCode = served.stream().collect(Collectors.toMap(FundRef::code, Function.identity()));
        Map<UUID, DisbursementService.Paid> paid = new HashMap<>();
        served.forEach(fund -> disbursements.paid(fund).forEach(p -> paid.put(p.paymentId(), p)));
        StillExpected expected = new StillExpected(served.stream().flatMap(fund -> pledges.open(fund).stream()).toList());

        Instant now = now();
        Map<FundRef, List<Decided>> credits = new TreeMap<>(Comparator.comparingLong(FundRef::id));
        List<BankLineOutcome> written = new ArrayList<>();
        int payments = 0;
        int dismissed = 0;
        int matched = 0;
        Set<UUID> takenPayments = new HashSet<>(BankLineOutcome.paymentsMatched(paid.keySet()));
        Set<UUID> taken = new HashSet<>(BankLineOutcome.contributionsMatched(decided.stream()
                .filter(d -> d.action() == Reconcile.Action.ACCEPT).map(StatementReconciliation::matchOf)
                .filter(java.util.Objects::nonNull).toList()));
        for (Decided decision : decided) {
            BankLine line = decision.line();
            if (decision.action() == Reconcile.Action.DISMISS) {
                String reason = decision.given() == null || decision.given().reason() == null ? null
                        : decision.given().reason().strip();
                if (reason == null || reason.isEmpty()) {
                    throw ProblemException.invalid(decision.field() + ".reason", "says why the line is dismissed");
                }
                written.add(outcome(line, BankLineOutcome.Kind.DISMISSED, null, null, reason, now, handledBy));
                dismissed++;
            } else if (line.direction == BankFile.Direction.DEBIT) {
                DisbursementService.Paid payment = payment(decision, paid, takenPayments);
                BankLineOutcome outcome = outcome(line, BankLineOutcome.Kind.PAYMENT, null, payment.disbursementId(),
                        noteOf(decision), now, handledBy);
                outcome.paymentId = payment.paymentId();
                written.add(outcome);
                payments++;
            } else if (matchOf(decision) != null) {
                written.add(outcome(line, BankLineOutcome.Kind.CONTRIBUTION, recordedAlready(decision, served, taken),
                        null, noteOf(decision), now, handledBy));
                matched++;
            } else {
                credits.computeIfAbsent(fundOf(decision, account, fundsByCode, expected), fund -> new ArrayList<>())
                        .add(decision);
            }
        }
        if (credits.size() > 1) {
            // The ledger writes one fund's entries per transaction: its lock is the transaction's first write.
            throw ProblemException.invalid("lines", "record new contributions for one fund at a time: these are for "
                    + credits.keySet().stream().map(FundRef::code).sorted().toList() + "; nothing was recorded");
        }
        int recorded = 0;
        for (Map.Entry<FundRef, List<Decided>> fund : credits.entrySet()) {
            List<Decided> accepted = fund.getValue();
            refuseWhatIsRecordedAlready(fund.getKey(), accepted);
            List<RecordContribution> commands = new ArrayList<>(accepted.size());
            for (Decided decision : accepted) {
                commands.add(contributionOf(decision, expected));
            }
            List<ContributionView> views = contributions.recordFromStatement(fund.getKey(), commands, handledBy,
                    (i, refusal) -> aboutLine(accepted.get(i), refusal));
            for (int i = 0; i < views.size(); i++) {
                written.add(outcome(accepted.get(i).line(), BankLineOutcome.Kind.CONTRIBUTION, views.get(i).id(), null,
                        noteOf(accepted.get(i)), now, handledBy));
            }
            recorded += views.size();
        }
        written.forEach(em::persist);
        em.flush();
        // Written, and never read again as entities: a statement of 10,000 lines leaves some
        // 100,000 of them in the session, which the commit would dirty-check once more and
        // the heap would hold until it ends.
        em.clear();
        return new Done(recorded, matched, payments, dismissed);
    }

    /**
     * The contribution already recorded that an accepted credit is: as finance named it, else as
     * proposed unless finance gave the line a donor or an allocation of its own; null for a new one.
     */
    private static UUID matchOf(Decided decision) {
        Reconcile.Decision given = decision.given();
        if (given != null && given.contributionId() != null) {
            return given.contributionId();
        }
        boolean changed = given != null && (given.donorId() != null || given.allocations() != null || given.fund() != null);
        return changed ? null : decision.line().proposedContributionId;
    }

    /**
     * The contribution matched, once checked: of a fund whose money the account holds, not
     * reversed, of the line's amount, and no other line's (in the ledger or in this request).
     */
    private UUID recordedAlready(Decided decision, List<FundRef> served, Set<UUID> taken) {
        UUID id = matchOf(decision);
        String field = decision.field() + ".contributionId";
        org.solidarityfunds.contribution.ContributionSummary recorded = served.stream()
                .map(fund -> contributions.ofFund(id, fund)).flatMap(java.util.Optional::stream).findFirst()
                .orElseThrow(() -> ProblemException.invalid(field, "is not a contribution of a fund whose money the "
                        + "account holds"));
        if (recorded.status() != org.solidarityfunds.contribution.ContributionView.Status.RECEIVED) {
            throw ProblemException.invalid(field, "was reversed: a line is never a reversed contribution");
        }
        if (recorded.amount().amountMinor() != decision.line().amountMinor) {
            throw ProblemException.invalid(field, "received " + recorded.amount().amountMinor() + " minor units, not the "
                    + "line's " + decision.line().amountMinor);
        }
        if (!taken.add(id)) {
            throw ProblemException.invalid(field, "is already another line's: a contribution is one movement of the bank");
        }
        return id;
    }

    /**
     * A credit accepted as proposed is not recorded again when a contribution with its bank
     * reference and amount already is (recorded by hand after the statement was staged, when its
     * proposal could not know it) and is no line's yet: finance matches it (contributionId), or
     * gives the donor to record another after all.
     */
    private void refuseWhatIsRecordedAlready(FundRef fund, List<Decided> accepted) {
        List<Decided> asProposed = accepted.stream().filter(d -> d.given() == null
                || (d.given().donorId() == null && d.given().allocations() == null)).toList();
        Map<String, List<org.solidarityfunds.contribution.ContributionSummary>> byReference = contributions
                .withBankReferences(fund, asProposed.stream().map(d -> referenceOf(d.line())).toList()).stream()
                .collect(Collectors.groupingBy(org.solidarityfunds.contribution.ContributionSummary::bankReference));
        if (byReference.isEmpty()) {
            return;
        }
        Set<UUID> lines = BankLineOutcome.contributionsMatched(byReference.values().stream().flatMap(List::stream)
                .map(org.solidarityfunds.contribution.ContributionSummary::id).toList());
        for (Decided decision : asProposed) {
            for (org.solidarityfunds.contribution.ContributionSummary recorded
                    : byReference.getOrDefault(referenceOf(decision.line()), List.of())) {
                if (recorded.amount().amountMinor() == decision.line().amountMinor && !lines.contains(recorded.id())) {
                    throw ProblemException.invalid(decision.field(), "line " + decision.line().position + " is already "
                            + "recorded: contribution " + recorded.id() + " of this amount, bank reference "
                            + recorded.bankReference() + ", received on " + recorded.receivedOn() + "; match the line "
                            + "to it (contributionId), or give the donor to record another");
                }
            }
        }
    }

    /** What finance wrote of an accepted line, kept with its outcome, if anything. */
    private static String noteOf(Decided decision) {
        return decision.given() == null || decision.given().reason() == null ? null : decision.given().reason().strip();
    }

    /** A line and what is to be done with it: as finance said ({@code given}), or as proposed. */
    private record Decided(BankLine line, Reconcile.Action action, Reconcile.Decision given, String field) {
    }

    /** The decisions, in the statement's order: contributions are recorded as the bank booked the money. */
    private static List<Decided> decisions(Reconcile command, List<BankLine> ordered, Map<UUID, BankLine> lines,
            Map<UUID, BankLineOutcome> outcomes) {
        Map<UUID, Decided> decided = new LinkedHashMap<>();
        List<Reconcile.Decision> given = command.lines() == null ? List.of() : command.lines();
        for (int i = 0; i < given.size(); i++) {
            Reconcile.Decision decision = given.get(i);
            String field = "lines[" + i + "]";
            BankLine line = lines.get(decision.lineId());
            if (line == null) {
                throw ProblemException.invalid(field + ".lineId", "is not a line of this statement");
            }
            if (decided.containsKey(line.id)) {
                throw ProblemException.invalid(field + ".lineId", "is decided twice");
            }
            checkOpen(line, outcomes, field);
            if (line.reversal && decision.action() == Reconcile.Action.ACCEPT) {
                throw ProblemException.invalid(field + ".action", "a return of an earlier movement is not accepted: "
                        + "reverse what it undoes, then dismiss the line with a reason naming it");
            }
            checkFields(decision, line, field);
            decided.put(line.id, new Decided(line, decision.action(), decision, field));
        }
        if (command.acceptProposals() != null && command.acceptProposals() != Proposal.Confidence.NONE) {
            for (BankLine line : ordered) {
                if (!decided.containsKey(line.id) && line.duplicateOf == null && !outcomes.containsKey(line.id)
                        && line.proposalConfidence.compareTo(command.acceptProposals()) <= 0
                        && line.proposalConfidence != Proposal.Confidence.NONE) {
                    decided.put(line.id, new Decided(line, Reconcile.Action.ACCEPT, null,
                            "line " + line.position));
                }
            }
        }
        // Accepting the proposals of a statement that has none left is done, with nothing to do.
        if (decided.isEmpty() && command.acceptProposals() == null) {
            throw ProblemException.invalid("lines", "decide at least one line (or accept the proposals)");
        }
        return decided.values().stream().sorted(Comparator.comparingInt(d -> d.line().position)).toList();
    }

    /** A decision names only what its action on its kind of line uses: nothing is silently ignored. */
    private static void checkFields(Reconcile.Decision decision, BankLine line, String field) {
        boolean acceptedCredit = decision.action() == Reconcile.Action.ACCEPT
                && line.direction == BankFile.Direction.CREDIT;
        boolean acceptedDebit = decision.action() == Reconcile.Action.ACCEPT && line.direction == BankFile.Direction.DEBIT;
        String what = decision.action() == Reconcile.Action.DISMISS ? "a dismissed line"
                : "line " + line.position + ", a " + line.direction.name().toLowerCase(java.util.Locale.ROOT);
        if (!acceptedCredit) {
            refuseIfPresent(decision.contributionId(), field + ".contributionId", "is for an accepted credit, not "
                    + what);
            refuseIfPresent(decision.donorId(), field + ".donorId", "is for an accepted credit, not " + what);
            refuseIfPresent(decision.fund(), field + ".fund", "is for an accepted credit, not " + what);
            refuseIfPresent(decision.allocations(), field + ".allocations", "are for an accepted credit, not " + what);
        }
        if (decision.contributionId() != null) {
            String matched = "is for a new contribution; a line matched to contributionId is that contribution as recorded";
            refuseIfPresent(decision.donorId(), field + ".donorId", matched);
            refuseIfPresent(decision.fund(), field + ".fund", matched);
            refuseIfPresent(decision.allocations(), field + ".allocations", "are " + matched.substring(3));
        }
        if (!acceptedDebit) {
            refuseIfPresent(decision.disbursementId(), field + ".disbursementId", "is for an accepted debit, not "
                    + what);
            refuseIfPresent(decision.paymentId(), field + ".paymentId", "is for an accepted debit, not " + what);
        }
        if (decision.paymentId() != null && decision.disbursementId() != null) {
            refuseIfPresent(decision.disbursementId(), field + ".disbursementId", "names the disbursement, "
                    + "paymentId the payment: give one");
        }
        if (decision.reason() != null) {
            Text.refusal(decision.reason(), Reconcile.REASON_LENGTH_MAX).ifPresent(refusal -> {
                throw ProblemException.invalid(field + ".reason", refusal);
            });
        }
        if (decision.fund() != null) {
            Text.refusal(decision.fund(), Reconcile.FUND_LENGTH_MAX).ifPresent(refusal -> {
                throw ProblemException.invalid(field + ".fund", refusal);
            });
        }
    }

    private static void refuseIfPresent(Object value, String field, String message) {
        if (value != null) {
            throw ProblemException.invalid(field, message);
        }
    }

    private static void checkOpen(BankLine line, Map<UUID, BankLineOutcome> outcomes, String field) {
        if (line.duplicateOf != null) {
            throw new ProblemException(ProblemType.BANK_LINE_IS_A_DUPLICATE, "Line " + line.position
                    + " of the statement (" + field + ") brings again the movement of line " + line.duplicateOf
                    + ": that line is handled, not this one. Nothing was recorded.");
        }
        BankLineOutcome outcome = outcomes.get(line.id);
        if (outcome != null) {
            throw new ProblemException(ProblemType.BANK_LINE_ALREADY_HANDLED, "Line " + line.position
                    + " of the statement (" + field + ") was handled on " + outcome.handledAt + " by "
                    + outcome.handledBy + " (" + outcome.outcome + "). Nothing was recorded.");
        }
    }

    /** The fund a credit is for: as given, else as proposed, else the account's own. */
    private static FundRef fundOf(Decided decision, AccountRef account, Map<String, FundRef> served,
            StillExpected expected) {
        String code = decision.given() != null && decision.given().fund() != null ? decision.given().fund() : null;
        if (code == null && decision.line().proposedPledgeId != null) {
            code = expected.fundOf(decision.line().proposedPledgeId);
        }
        if (code == null && !account.shared()) {
            return served.values().iterator().next();
        }
        if (code == null) {
            throw ProblemException.invalid(decision.field() + ".fund", "is needed: the account is shared and nothing "
                    + "says which fund the money is for");
        }
        FundRef fund = served.get(code);
        if (fund == null) {
            throw ProblemException.invalid(decision.field() + ".fund", "must be a fund whose money the account holds: "
                    + String.join(", ", served.keySet()));
        }
        return fund;
    }

    /** The contribution a credit becomes: its donor and allocations as given, else as proposed. */
    private static RecordContribution contributionOf(Decided decision, StillExpected expected) {
        BankLine line = decision.line();
        Reconcile.Decision given = decision.given();
        UUID donor = given != null && given.donorId() != null ? given.donorId() : line.proposedDonorId;
        if (donor == null) {
            throw ProblemException.invalid(decision.field() + ".donorId", "is needed: no donor was proposed for line "
                    + line.position);
        }
        List<RecordContribution.AllocationInput> allocations;
        if (given != null && (given.allocations() != null || given.donorId() != null)) {
            allocations = given.allocations() == null ? List.of() : given.allocations();
        } else {
            allocations = expected.take(line);
        }
        return new RecordContribution(donor, new MoneyInput(line.amountMinor, line.currency), null, line.bookingDate,
                referenceOf(line), allocations);
    }

    /**
     * What the open pledges of the account's funds still expect, spent as the reconciliation's
     * lines take it: two lines paying the same instalment never both claim all of it.
     */
    private static final class StillExpected {

        private final Map<UUID, String> funds = new HashMap<>();
        /** Each pledge's instalments (or the pledge itself) with what each still expects, earliest due first. */
        private final Map<UUID, List<long[]>> remaining = new HashMap<>();
        private final Map<UUID, List<Short>> instalments = new HashMap<>();

        StillExpected(List<PledgeView> open) {
            for (PledgeView pledge : open) {
                funds.put(pledge.id(), pledge.fundCode());
                List<AllocationProposal.Line> due = AllocationProposal.outstanding(List.of(pledge));
                remaining.put(pledge.id(), due.stream().map(d -> new long[] {d.outstandingMinor()}).toList());
                instalments.put(pledge.id(), due.stream().map(AllocationProposal.Line::instalmentNumber).toList());
            }
        }

        String fundOf(UUID pledgeId) {
            return funds.get(pledgeId);
        }

        /** The line's proposed allocation, at most what its pledge (or instalment) still expects, taken from it. */
        List<RecordContribution.AllocationInput> take(BankLine line) {
            List<long[]> left = line.proposedPledgeId == null ? null : remaining.get(line.proposedPledgeId);
            if (left == null) {
                return List.of();
            }
            List<Short> numbers = instalments.get(line.proposedPledgeId);
            long wanted = line.amountMinor;
            long taken = 0;
            for (int i = 0; i < left.size() && taken < wanted; i++) {
                if (line.proposedInstalment == null || line.proposedInstalment.equals(numbers.get(i))) {
                    long part = Math.min(left.get(i)[0], wanted - taken);
                    left.get(i)[0] -= part;
                    taken += part;
                }
            }
            return taken == 0 ? List.of()
                    : List.of(new RecordContribution.AllocationInput(line.proposedPledgeId, line.proposedInstalment, taken));
        }
    }

    /** The bank's reference a contribution keeps: the bank's own, else the entry's, else the payer's. */
    private static String referenceOf(BankLine line) {
        for (String reference : new String[] {line.bankReference, line.entryReference, line.endToEndId}) {
            if (reference != null && !reference.isBlank()) {
                return reference.strip();
            }
        }
        return "Line " + line.position + " of statement " + line.statementId;
    }

    /** A payment as the proposals see it. */
    static Proposals.Payment candidate(DisbursementService.Paid paid) {
        return new Proposals.Payment(paid.paymentId(), paid.disbursementId(), paid.fundCode(), paid.amountMinor(),
                paid.chargesMinor(), paid.reference(), paid.beneficiary());
    }

    /**
     * The payment an accepted debit is: the one given, else the given disbursement's one payment
     * of the line's amount not yet matched, else the one proposed (a line staged before payments
     * in tranches named the disbursement only). A payment is one movement of the bank: one line's.
     */
    private static DisbursementService.Paid payment(Decided decision, Map<UUID, DisbursementService.Paid> paid,
            Set<UUID> taken) {
        Reconcile.Decision given = decision.given();
        BankLine line = decision.line();
        boolean named = given != null && (given.paymentId() != null || given.disbursementId() != null);
        UUID paymentId = named ? given.paymentId() : line.proposedPaymentId;
        UUID disbursementId = named ? given.disbursementId() : line.proposedDisbursementId;
        String field = decision.field() + (named && given.paymentId() == null ? ".disbursementId" : ".paymentId");
        if (paymentId == null && disbursementId == null) {
            throw ProblemException.invalid(decision.field() + ".paymentId", "is needed: no payment was proposed for "
                    + "line " + line.position);
        }
        DisbursementService.Paid payment;
        if (paymentId != null) {
            payment = paid.get(paymentId);
            if (payment == null) {
                throw ProblemException.invalid(field, "is not a payment of a fund whose money the account holds");
            }
            if (!candidate(payment).debits(line.amountMinor)) {
                throw ProblemException.invalid(field, "debited " + payment.amountMinor() + " minor units"
                        + (payment.chargesMinor() > 0 ? " and " + payment.chargesMinor() + " of charges" : "")
                        + ", not the line's " + line.amountMinor);
            }
        } else {
            List<DisbursementService.Paid> open = paid.values().stream()
                    .filter(p -> p.disbursementId().equals(disbursementId) && !taken.contains(p.paymentId())
                            && candidate(p).debits(line.amountMinor))
                    .toList();
            if (open.size() != 1) {
                throw ProblemException.invalid(field, (open.isEmpty() ? "has no payment" : "has " + open.size()
                        + " payments") + " of the line's amount not yet matched, in a fund whose money the account "
                        + "holds" + (open.isEmpty() ? "" : ": name one by paymentId"));
            }
            payment = open.get(0);
        }
        if (!taken.add(payment.paymentId())) {
            throw ProblemException.invalid(field, "is already another line's: a payment is one movement of the bank");
        }
        return payment;
    }

    private static BankLineOutcome outcome(BankLine line, BankLineOutcome.Kind kind, UUID contributionId,
            UUID disbursementId, String reason, Instant now, String handledBy) {
        BankLineOutcome outcome = new BankLineOutcome();
        outcome.lineId = line.id;
        outcome.outcome = kind;
        outcome.contributionId = contributionId;
        outcome.disbursementId = disbursementId;
        outcome.reason = reason;
        outcome.handledAt = now;
        outcome.handledBy = handledBy;
        return outcome;
    }

    /** The contribution path's refusal, said of the statement's line. */
    private static ProblemException aboutLine(Decided decision, ProblemException refusal) {
        return new ProblemException(refusal.type(), "Line " + decision.line().position + " of the statement ("
                + decision.field() + "): " + refusal.getMessage() + " Nothing was recorded.",
                refusal.errors().stream().map(e -> new Problem.FieldError(decision.field() + "." + e.field(),
                        e.message())).toList());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
