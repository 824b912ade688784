package org.solidarityfunds.bankstatement;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.common.Text;
import org.solidarityfunds.bank.BankAccountService;
import org.solidarityfunds.bank.BankAccountService.AccountRef;
import org.solidarityfunds.bankstatement.StatementViews.FileView;
import org.solidarityfunds.bankstatement.StatementViews.LineStatus;
import org.solidarityfunds.bankstatement.StatementViews.LineView;
import org.solidarityfunds.bankstatement.StatementViews.StatementView;
import org.solidarityfunds.contribution.ContributionService;
import org.solidarityfunds.contribution.ContributionView;
import org.solidarityfunds.contribution.RecordContribution;
import org.solidarityfunds.disbursement.DisbursementService;
import org.solidarityfunds.donor.DonorService;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.fund.FundService.FundRef;
import org.solidarityfunds.idempotency.Answer;
import org.solidarityfunds.idempotency.Idempotency;
import org.solidarityfunds.idempotency.Result;
import org.solidarityfunds.ledger.LedgerService;
import org.solidarityfunds.money.MoneyInput;
import org.solidarityfunds.money.MoneyView;
import org.solidarityfunds.money.SignedMoneyView;
import org.solidarityfunds.persistence.InList;
import org.solidarityfunds.persistence.Page;
import org.solidarityfunds.persistence.PageRequest;
import org.solidarityfunds.pledge.AllocationProposal;
import org.solidarityfunds.pledge.PledgeService;
import org.solidarityfunds.pledge.PledgeView;
import org.solidarityfunds.problem.Problem;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * Bank statements: a file is staged (kept byte for byte, every line with its key and a
 * proposal), then finance reconciles its lines (docs/guides/bank-statements.md). Staging and
 * reconciling an account's statements take its lock, so that two files bringing the same
 * movement never both keep it as an original; the database's unique index holds it anyway.
 */
@ApplicationScoped
public class BankStatementService {

    /** Namespace of the advisory locks on bank accounts (1: fiscal years, 2: the fiscal calendar). */
    private static final int ACCOUNT_LOCK_SPACE = 3;

    private final EntityManager em;
    private final BankAccountService accounts;
    private final FundService funds;
    private final DonorService donors;
    private final PledgeService pledges;
    private final DisbursementService disbursements;
    private final ContributionService contributions;
    private final LedgerService ledger;
    private final Idempotency idempotency;
    private final Clock clock;

    BankStatementService(EntityManager em, BankAccountService accounts, FundService funds, DonorService donors,
            PledgeService pledges, DisbursementService disbursements, ContributionService contributions,
            LedgerService ledger, Idempotency idempotency, Clock clock) {
        this.em = em;
        this.accounts = accounts;
        this.funds = funds;
        this.donors = donors;
        this.pledges = pledges;
        this.disbursements = disbursements;
        this.contributions = contributions;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    // --- Staging ------------------------------------------------------------------------

    /** Stages a file: the command boundary of POST /bank-statements. Nothing of a refused file is kept. */
    public Answer<FileView> stage(Idempotency.Request request, byte[] file, String fileName, FundScope scope) {
        return idempotency.run(request, () -> {
            FileView staged = stage(file, fileName, request.subject(), scope);
            return Result.created("api/v1/bank-statements/" + staged.statements().get(0).id(), staged);
        });
    }

    private FileView stage(byte[] bytes, String fileName, String stagedBy, FundScope scope) {
        BankFile file = read(bytes);
        List<Staging> stagings = new ArrayList<>();
        for (BankFile.Statement statement : file.statements()) {
            stagings.add(new Staging(statement, accountOf(statement, scope)));
        }
        stagings.stream().map(Staging::account).map(AccountRef::number).distinct().sorted().forEach(this::lock);

        Instant now = now();
        StatementFile stored = new StatementFile();
        stored.id = UUID.randomUUID();
        stored.format = file.format();
        stored.version = file.version();
        stored.fileName = fileName == null ? null : cut(fileName, 255);
        stored.sha256 = BankFiles.sha256(bytes);
        stored.sizeBytes = bytes.length;
        stored.content = bytes;
        stored.stagedAt = now;
        stored.stagedBy = stagedBy;
        em.persist(stored);

        Map<UUID, Proposals.Known> known = new HashMap<>();
        List<BankStatement> statements = new ArrayList<>();
        short position = 0;
        for (Staging staging : stagings) {
            BankStatement statement = statementOf(stored.id, ++position, staging);
            em.persist(statement);
            statements.add(statement);
            Proposals.Known facts = known.computeIfAbsent(staging.account().id(), id -> known(staging.account()));
            stageLines(statement, staging, facts);
        }
        em.flush();
        return new FileView(stored.id, stored.format, stored.version, stored.sha256, stored.sizeBytes, stored.stagedAt,
                statements.stream().map(s -> view(s, scope)).toList());
    }

    private record Staging(BankFile.Statement statement, AccountRef account) {
    }

    /** The file as the bank's, or a problem naming the line at fault. */
    private static BankFile read(byte[] bytes) {
        try {
            BankFile file = BankFiles.read(bytes);
            if (file.statements().isEmpty()) {
                throw new BankFileRefused(1, "The file holds no statement.");
            }
            return file;
        } catch (BankFileRefused refusal) {
            String reason = sentence(refusal.getMessage());
            throw new ProblemException(ProblemType.BANK_FILE_UNREADABLE, "Line " + refusal.line() + " of the file: "
                    + reason + " Nothing was staged.",
                    List.of(new Problem.FieldError("file", "line " + refusal.line() + ": " + reason)));
        }
    }

    /** The readers' reason as a sentence of the answer: a capital, a full stop. */
    private static String sentence(String reason) {
        String text = reason.strip();
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    /** The registered account the statement is of, in the caller's scope, kept in the statement's currency. */
    private AccountRef accountOf(BankFile.Statement statement, FundScope scope) {
        String at = "The statement at line " + statement.sourceLine() + " of the file";
        if (!statement.addsUp()) {
            long lines = statement.lines().stream().mapToLong(BankFile.Line::signedMinor).sum();
            throw new ProblemException(ProblemType.BANK_STATEMENT_DOES_NOT_ADD_UP, at + " opens at "
                    + statement.opening().amountMinor() + " and its lines add " + lines + ", which does not make its "
                    + "closing balance of " + statement.closing().amountMinor() + " (minor units of "
                    + statement.currency() + "). Nothing was staged.");
        }
        AccountRef account = (statement.accountIban() == null ? java.util.Optional.<AccountRef>empty()
                : accounts.byIban(statement.accountIban()))
                .filter(found -> found.shared() || !funds.codesOf(Set.of(found.fundId()), scope).isEmpty())
                .orElseThrow(() -> new ProblemException(ProblemType.BANK_ACCOUNT_NOT_REGISTERED, at + " is of account "
                        + statement.account() + ", which is not one of the organisation's registered accounts "
                        + "(POST /api/v1/bank-accounts). Nothing was staged."));
        if (!account.currency().equals(statement.currency())) {
            throw new ProblemException(ProblemType.BANK_FILE_UNREADABLE, at + " is in " + statement.currency()
                    + ", but account " + account.iban() + " is kept in " + account.currency() + ". Nothing was staged.",
                    List.of(new Problem.FieldError("file", "line " + statement.sourceLine() + ": currency "
                            + statement.currency() + " is not the account's")));
        }
        return account;
    }

    private static BankStatement statementOf(UUID fileId, short position, Staging staging) {
        BankFile.Statement read = staging.statement();
        BankStatement statement = new BankStatement();
        statement.id = UUID.randomUUID();
        statement.fileId = fileId;
        statement.position = position;
        statement.bankAccountId = staging.account().id();
        statement.bankId = read.bankId() == null ? null : cut(read.bankId(), 35);
        statement.sourceLine = read.sourceLine();
        statement.currency = read.currency();
        statement.openingOn = read.opening().date();
        statement.openingMinor = read.opening().amountMinor();
        statement.closingOn = read.closing().date();
        statement.closingMinor = read.closing().amountMinor();
        return statement;
    }

    /**
     * Every line, with its key; a line whose movement is already staged (by an earlier file, or
     * earlier in this one) is kept as that line's duplicate, and only originals get a proposal.
     */
    private void stageLines(BankStatement statement, Staging staging, Proposals.Known known) {
        List<BankFile.Line> read = staging.statement().lines();
        List<String> keys = LineKeys.of(read);
        Map<String, UUID> originals = originalsOf(staging.account().id(), keys);
        for (int i = 0; i < read.size(); i++) {
            BankFile.Line line = read.get(i);
            BankLine row = lineOf(statement, i + 1, keys.get(i), line);
            row.duplicateOf = originals.get(row.lineKey);
            Proposal proposal = row.duplicateOf != null
                    ? Proposal.none("The same movement as an earlier line: that line is handled, not this one.")
                    : Proposals.propose(line, known);
            if (row.duplicateOf == null) {
                originals.put(row.lineKey, row.id);
            }
            row.proposedDonorId = proposal.donorId();
            row.proposedPledgeId = proposal.pledgeId();
            row.proposedInstalment = proposal.instalment();
            row.proposedDisbursementId = proposal.disbursementId();
            row.proposalConfidence = proposal.confidence();
            row.proposalReason = proposal.reason();
            em.persist(row);
        }
    }

    private Map<String, UUID> originalsOf(UUID accountId, List<String> keys) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT line_key, id FROM bank_line
                 WHERE bank_account_id = ?1 AND duplicate_of IS NULL AND line_key = ANY(CAST(?2 AS varchar[]))
                """).setParameter(1, accountId).setParameter(2, keys.toArray(String[]::new)).getResultList();
        Map<String, UUID> originals = new HashMap<>();
        rows.forEach(row -> originals.put((String) row[0], (UUID) row[1]));
        return originals;
    }

    private static BankLine lineOf(BankStatement statement, int position, String key, BankFile.Line line) {
        BankLine row = new BankLine();
        row.id = UUID.randomUUID();
        row.statementId = statement.id;
        row.position = position;
        row.bankAccountId = statement.bankAccountId;
        row.lineKey = key;
        row.sourceLine = line.sourceLine();
        row.bookingDate = line.bookingDate();
        row.valueDate = line.valueDate();
        row.direction = line.direction();
        row.amountMinor = line.amountMinor();
        row.currency = statement.currency;
        row.reversal = line.reversal();
        row.counterpartyName = cut(line.counterpartyName(), 140);
        row.counterpartyIban = cut(line.counterpartyIban(), 34);
        row.counterpartyBic = cut(line.counterpartyBic(), 11);
        row.remittance = cut(line.remittance(), 1000);
        row.bankReference = cut(line.bankReference(), 140);
        row.entryReference = cut(line.entryReference(), 140);
        row.endToEndId = cut(line.endToEndId(), 140);
        row.transactionCode = cut(line.transactionCode(), 40);
        if (line.original() != null) {
            row.originalAmountMinor = line.original().amountMinor();
            row.originalCurrency = line.original().currency();
            row.originalRate = line.original().rate();
        }
        return row;
    }

    /** What the ledger knows that a line of this account may be: its funds' open pledges and payments, all donors. */
    private Proposals.Known known(AccountRef account) {
        List<FundRef> served = served(account);
        List<Proposals.OpenPledge> open = new ArrayList<>();
        List<Proposals.Payment> payments = new ArrayList<>();
        Set<UUID> matched = matchedPayments();
        for (FundRef fund : served) {
            for (PledgeView pledge : pledges.open(fund)) {
                List<AllocationProposal.Line> outstanding = AllocationProposal.outstanding(List.of(pledge));
                if (!outstanding.isEmpty()) {
                    open.add(Proposals.OpenPledge.of(pledge.id(), pledge.donorId(), fund.code(),
                            pledge.deliberationRef(), outstanding));
                }
            }
            disbursements.paid(fund).stream().filter(paid -> !matched.contains(paid.disbursementId()))
                    .map(paid -> new Proposals.Payment(paid.disbursementId(), paid.fundCode(), paid.amountMinor(),
                            paid.reference(), paid.beneficiary())).forEach(payments::add);
        }
        Map<UUID, Proposals.Donor> named = donors.named().stream().collect(Collectors.toMap(DonorService.Named::id,
                d -> Proposals.Donor.of(d.id(), d.name(), d.siren()), (a, b) -> a, LinkedHashMap::new));
        Map<String, List<UUID>> byIban = donorsByIban();
        String accountFund = account.shared() ? null : served.get(0).code();
        return new Proposals.Known(byIban, named, open, payments, accountFund);
    }

    /** The funds whose money the account holds: its own fund, or every fund of its currency that has none. */
    private List<FundRef> served(AccountRef account) {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("""
                SELECT f.code FROM fund f
                 WHERE CASE WHEN CAST(?1 AS bigint) IS NOT NULL THEN f.id = CAST(?1 AS bigint)
                            ELSE f.currency = ?2 AND NOT EXISTS (SELECT 1 FROM bank_account a WHERE a.fund_id = f.id) END
                 ORDER BY f.id
                """).setParameter(1, account.fundId()).setParameter(2, account.currency()).getResultList();
        return codes.stream().map(code -> funds.require(code, FundScope.all())).toList();
    }

    private Map<String, List<UUID>> donorsByIban() {
        @SuppressWarnings("unchecked")
        List<String> ibans = em.createNativeQuery("SELECT DISTINCT iban FROM donor_bank_account").getResultList();
        return accounts.donorsPayingFrom(ibans);
    }

    private Set<UUID> matchedPayments() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery(
                "SELECT disbursement_id FROM bank_line_outcome WHERE outcome = 'PAYMENT'").getResultList();
        return Set.copyOf(ids);
    }

    private void lock(long accountNumber) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1, CAST(?2 AS int))")
                .setParameter(1, ACCOUNT_LOCK_SPACE).setParameter(2, accountNumber).getSingleResult();
    }

    // --- Reading ------------------------------------------------------------------------

    @Transactional
    public StatementView get(UUID id, FundScope scope) {
        return view(find(id, scope), scope);
    }

    /** A statement's lines in their order, optionally in one status. */
    @Transactional
    public Page<LineView> lines(UUID statementId, LineStatus status, PageRequest page, FundScope scope) {
        BankStatement statement = find(statementId, scope);
        List<BankLine> lines = BankLine.<BankLine>find("statementId = ?1 and position > ?2", Sort.by("position"),
                statement.id, (int) (long) page.afterNumber(Integer.MAX_VALUE).orElse(0L)).list();
        Map<UUID, BankLineOutcome> outcomes = outcomesOf(lines);
        List<BankLine> chosen = lines.stream().filter(line -> status == null || statusOf(line, outcomes) == status)
                .limit(page.limit() + 1L).toList();
        return Page.of(chosen, page.limit(), line -> PageRequest.cursor(Integer.toString(line.position)),
                line -> lineView(line, outcomes.get(line.id)));
    }

    /** An account's open lines, across its statements, in the order they were staged, with their total. */
    @Transactional
    public StatementViews.UnreconciledView unreconciled(UUID accountId, PageRequest page, FundScope scope) {
        AccountRef account = accounts.require(accountId);
        accounts.get(accountId, scope);
        String open = "bankAccountId = ?1 and duplicateOf is null and id not in (select o.lineId from BankLineOutcome o)";
        List<BankLine> lines = BankLine.<BankLine>find(open + " and number > ?2", Sort.by("number"), account.id(),
                page.afterNumber().orElse(0L)).page(0, page.limit() + 1).list();
        Page<LineView> shown = Page.of(lines, page.limit(), line -> PageRequest.cursor(line.number.toString()),
                line -> lineView(line, null));
        Object[] totals = (Object[]) em.createNativeQuery("""
                SELECT count(*),
                       coalesce(sum(amount_minor) FILTER (WHERE direction = 'CREDIT'), 0),
                       coalesce(sum(amount_minor) FILTER (WHERE direction = 'DEBIT'), 0)
                  FROM bank_line l
                 WHERE l.bank_account_id = ?1 AND l.duplicate_of IS NULL
                   AND NOT EXISTS (SELECT 1 FROM bank_line_outcome o WHERE o.line_id = l.id)
                """).setParameter(1, account.id()).getSingleResult();
        return new StatementViews.UnreconciledView(new StatementViews.Unreconciled(((Number) totals[0]).intValue(),
                new MoneyView(((Number) totals[1]).longValue(), account.currency()),
                new MoneyView(((Number) totals[2]).longValue(), account.currency())),
                shown.items(), shown.nextCursor(), shown.hasMore());
    }

    private BankStatement find(UUID id, FundScope scope) {
        BankStatement statement = BankStatement.findById(id);
        if (statement == null) {
            throw notFound(id);
        }
        try {
            accounts.get(statement.bankAccountId, scope);
        } catch (ProblemException outOfScope) {
            throw notFound(id);
        }
        return statement;
    }

    private StatementView view(BankStatement statement, FundScope scope) {
        AccountRef account = accounts.require(statement.bankAccountId);
        List<BankLine> lines = BankLine.<BankLine>list("statementId", Sort.by("position"), statement.id);
        Map<UUID, BankLineOutcome> outcomes = outcomesOf(lines);
        Map<LineStatus, Integer> counts = new TreeMap<>();
        long credits = 0;
        long debits = 0;
        int open = 0;
        for (BankLine line : lines) {
            LineStatus status = statusOf(line, outcomes);
            counts.merge(status, 1, Integer::sum);
            if (status == LineStatus.OPEN) {
                open++;
                if (line.direction == BankFile.Direction.CREDIT) {
                    credits += line.amountMinor;
                } else {
                    debits += line.amountMinor;
                }
            }
        }
        List<FundRef> served = served(account);
        return new StatementView(statement.id, statement.fileId, account.id(), account.iban(),
                account.shared() ? null : served.get(0).code(), statement.bankId, statement.sourceLine,
                new StatementViews.Balance(statement.openingOn, new SignedMoneyView(statement.openingMinor, statement.currency)),
                new StatementViews.Balance(statement.closingOn, new SignedMoneyView(statement.closingMinor, statement.currency)),
                new StatementViews.Counts(lines.size(), counts.getOrDefault(LineStatus.OPEN, 0),
                        counts.getOrDefault(LineStatus.DUPLICATE, 0), counts.getOrDefault(LineStatus.CONTRIBUTION, 0),
                        counts.getOrDefault(LineStatus.PAYMENT, 0), counts.getOrDefault(LineStatus.DISMISSED, 0)),
                new StatementViews.Unreconciled(open, new MoneyView(credits, statement.currency),
                        new MoneyView(debits, statement.currency)),
                comparison(statement, served));
    }

    /**
     * The ledger's bank balance of the funds the account holds money of, on the statement's
     * closing day by the dates of their entries, against the bank's closing balance.
     */
    private StatementViews.LedgerComparison comparison(BankStatement statement, List<FundRef> served) {
        long bank = 0;
        LocalDate on = statement.closingOn.isAfter(today()) ? today() : statement.closingOn;
        for (FundRef fund : served) {
            bank += ledger.bankOn(fund.code(), on, FundScope.all());
        }
        return new StatementViews.LedgerComparison(served.stream().map(FundRef::code).toList(), on,
                new SignedMoneyView(bank, statement.currency),
                new SignedMoneyView(statement.closingMinor - bank, statement.currency));
    }

    private Map<UUID, BankLineOutcome> outcomesOf(List<BankLine> lines) {
        return InList.chunks("lineId", lines.stream().map(line -> line.id).toList()).stream()
                .flatMap(in -> BankLineOutcome.<BankLineOutcome>list(in.condition(), in.parameters()).stream())
                .collect(Collectors.toMap(outcome -> outcome.lineId, Function.identity()));
    }

    private static LineStatus statusOf(BankLine line, Map<UUID, BankLineOutcome> outcomes) {
        if (line.duplicateOf != null) {
            return LineStatus.DUPLICATE;
        }
        BankLineOutcome outcome = outcomes.get(line.id);
        return outcome == null ? LineStatus.OPEN : LineStatus.valueOf(outcome.outcome.name());
    }

    private static LineView lineView(BankLine line, BankLineOutcome outcome) {
        LineStatus status = line.duplicateOf != null ? LineStatus.DUPLICATE
                : outcome == null ? LineStatus.OPEN : LineStatus.valueOf(outcome.outcome.name());
        return new LineView(line.id, line.statementId, line.position, line.sourceLine, line.bookingDate, line.valueDate,
                line.direction, new MoneyView(line.amountMinor, line.currency), line.reversal, line.counterpartyName,
                line.counterpartyIban, line.remittance, line.bankReference, line.entryReference, line.endToEndId, status,
                line.duplicateOf,
                new StatementViews.ProposalView(line.proposedDonorId, line.proposedPledgeId, line.proposedInstalment,
                        line.proposedDisbursementId, line.proposalConfidence, line.proposalReason),
                outcome == null ? null : new StatementViews.OutcomeView(status, outcome.contributionId,
                        outcome.disbursementId, outcome.reason, outcome.handledAt, outcome.handledBy));
    }

    // --- Reconciling ----------------------------------------------------------------------

    /** Finance's decisions on a statement's lines, all or nothing: the command boundary of its reconciliation. */
    public Answer<StatementViews.ReconciliationView> reconcile(Idempotency.Request request, UUID statementId,
            Reconcile command, FundScope scope) {
        return idempotency.run(request, () -> Result.ok(reconcile(statementId, command, request.subject(), scope)));
    }

    private StatementViews.ReconciliationView reconcile(UUID statementId, Reconcile command, String handledBy,
            FundScope scope) {
        BankStatement statement = find(statementId, scope);
        AccountRef account = accounts.require(statement.bankAccountId);
        lock(account.number());
        List<BankLine> lines = BankLine.<BankLine>list("statementId", Sort.by("position"), statement.id);
        Map<UUID, BankLine> byId = lines.stream().collect(Collectors.toMap(line -> line.id, Function.identity()));
        Map<UUID, BankLineOutcome> outcomes = outcomesOf(lines);
        List<Decided> decided = decisions(command, lines, byId, outcomes);
        List<FundRef> served = served(account);
        Map<String, FundRef> fundsByCode = served.stream().collect(Collectors.toMap(FundRef::code, Function.identity()));
        Map<UUID, DisbursementService.Paid> paid = new HashMap<>();
        served.forEach(fund -> disbursements.paid(fund).forEach(p -> paid.put(p.disbursementId(), p)));
        StillExpected expected = new StillExpected(served.stream().flatMap(fund -> pledges.open(fund).stream()).toList());

        Instant now = now();
        Map<FundRef, List<Decided>> credits = new TreeMap<>(Comparator.comparingLong(FundRef::id));
        List<BankLineOutcome> written = new ArrayList<>();
        int payments = 0;
        int dismissed = 0;
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
                written.add(outcome(line, BankLineOutcome.Kind.PAYMENT, null, payment(decision, paid),
                        noteOf(decision), now, handledBy));
                payments++;
            } else {
                credits.computeIfAbsent(fundOf(decision, account, fundsByCode, expected), fund -> new ArrayList<>())
                        .add(decision);
            }
        }
        int recorded = 0;
        for (Map.Entry<FundRef, List<Decided>> fund : credits.entrySet()) {
            List<Decided> accepted = fund.getValue();
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
        return new StatementViews.ReconciliationView(recorded, payments, dismissed, view(statement, scope));
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
        if (decided.isEmpty()) {
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
            refuseIfPresent(decision.donorId(), field + ".donorId", "is for an accepted credit, not " + what);
            refuseIfPresent(decision.fund(), field + ".fund", "is for an accepted credit, not " + what);
            refuseIfPresent(decision.allocations(), field + ".allocations", "are for an accepted credit, not " + what);
        }
        if (!acceptedDebit) {
            refuseIfPresent(decision.disbursementId(), field + ".disbursementId", "is for an accepted debit, not "
                    + what);
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

    private static UUID payment(Decided decision, Map<UUID, DisbursementService.Paid> paid) {
        UUID id = decision.given() != null && decision.given().disbursementId() != null
                ? decision.given().disbursementId() : decision.line().proposedDisbursementId;
        if (id == null) {
            throw ProblemException.invalid(decision.field() + ".disbursementId", "is needed: no payment was proposed "
                    + "for line " + decision.line().position);
        }
        DisbursementService.Paid payment = paid.get(id);
        if (payment == null) {
            throw ProblemException.invalid(decision.field() + ".disbursementId", "is not a paid disbursement of a fund "
                    + "whose money the account holds");
        }
        if (payment.amountMinor() != decision.line().amountMinor) {
            throw ProblemException.invalid(decision.field() + ".disbursementId", "was paid " + payment.amountMinor()
                    + " minor units, not the line's " + decision.line().amountMinor);
        }
        return id;
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

    /**
     * A bank's text as stored: within its column's length, and any control character (which a
     * CFONB file may carry, and PostgreSQL would refuse as a NUL) made a space.
     */
    private static String cut(String text, int lengthMax) {
        if (text == null) {
            return null;
        }
        String clean = CONTROL.matcher(text).replaceAll(" ");
        return clean.length() <= lengthMax ? clean : clean.substring(0, lengthMax);
    }

    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\x00-\\x1f\\x7f-\\x9f]");

    private static ProblemException notFound(UUID id) {
        return new ProblemException(ProblemType.BANK_STATEMENT_NOT_FOUND, "No bank statement has the id " + id + ".");
    }


    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(org.solidarityfunds.common.Clocks.BUSINESS_ZONE));
    }
}
