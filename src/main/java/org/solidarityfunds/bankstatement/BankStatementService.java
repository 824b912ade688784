package org.solidarityfunds.bankstatement;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.bank.BankAccountService;
import org.solidarityfunds.bank.BankAccountService.AccountRef;
import org.solidarityfunds.bankstatement.StatementViews.FileView;
import org.solidarityfunds.bankstatement.StatementViews.LineStatus;
import org.solidarityfunds.bankstatement.StatementViews.LineView;
import org.solidarityfunds.bankstatement.StatementViews.StatementView;
import org.solidarityfunds.contribution.ContributionService;
import org.solidarityfunds.contribution.ContributionSummary;
import org.solidarityfunds.disbursement.DisbursementService;
import org.solidarityfunds.fund.FundService.FundRef;
import org.solidarityfunds.idempotency.Answer;
import org.solidarityfunds.idempotency.Idempotency;
import org.solidarityfunds.idempotency.Result;
import org.solidarityfunds.ledger.LedgerService;
import org.solidarityfunds.money.MoneyView;
import org.solidarityfunds.pledge.PledgeService;
import org.solidarityfunds.money.SignedMoneyView;
import org.solidarityfunds.persistence.Page;
import org.solidarityfunds.persistence.PageRequest;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * Bank statements (docs/guides/bank-statements.md): the boundaries of their two commands,
 * staging a file (StatementStaging) and reconciling a statement's lines
 * (StatementReconciliation), each in its transaction under its Idempotency-Key; and what a
 * statement, its lines and an account's unreconciled lines read.
 */
@ApplicationScoped
public class BankStatementService {

    private final EntityManager em;
    private final BankAccountService accounts;
    private final AccountFunds accountFunds;
    private final StatementStaging staging;
    private final StatementReconciliation reconciliation;
    private final LedgerService ledger;
    private final Idempotency idempotency;
    private final DisbursementService disbursements;
    private final ContributionService contributions;
    private final PledgeService pledges;
    private final Clock clock;

    BankStatementService(EntityManager em, BankAccountService accounts, AccountFunds accountFunds,
            StatementStaging staging, StatementReconciliation reconciliation, LedgerService ledger,
            Idempotency idempotency, DisbursementService disbursements, ContributionService contributions,
            PledgeService pledges, Clock clock) {
        this.em = em;
        this.accounts = accounts;
        this.accountFunds = accountFunds;
        this.staging = staging;
        this.reconciliation = reconciliation;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.disbursements = disbursements;
        this.contributions = contributions;
        this.pledges = pledges;
        this.clock = clock;
    }

    // --- Commands -------------------------------------------------------------------------

    /** Limit: a file's name, as kept. */
    public static final int FILE_NAME_LENGTH_MAX = 255;

    /** What identifies a staged file for its Idempotency-Key: its bytes' digest, and its name. */
    record StagedFile(String sha256, String fileName) {
    }

    /** Stages a file as a caller sends it, under this Idempotency-Key for this path. */
    public Answer<FileView> stage(String subject, String key, String path, byte[] file, String fileName,
            FundScope scope) {
        if (fileName != null) {
            org.solidarityfunds.common.Text.refusal(fileName, FILE_NAME_LENGTH_MAX).ifPresent(refusal -> {
                throw ProblemException.invalid("fileName", refusal);
            });
        }
        return stage(Idempotency.Request.post(subject, key, path, new StagedFile(BankFiles.sha256(file), fileName)),
                file, fileName, scope);
    }

    /** Stages a file: the command boundary of POST /bank-statements. Nothing of a refused file is kept. */
    private Answer<FileView> stage(Idempotency.Request request, byte[] file, String fileName, FundScope scope) {
        return idempotency.run(request, () -> {
            StatementStaging.Staged staged = staging.stage(file, fileName, request.subject(), scope);
            StatementFile stored = staged.file();
            FileView view = new FileView(stored.id, stored.format, stored.version, stored.sha256, stored.sizeBytes,
                    stored.stagedAt, staged.statements().stream().map(s -> view(s, scope)).toList(),
                    staged.stagedBefore());
            return Result.created("api/v1/bank-statements/" + view.statements().get(0).id(), view);
        });
    }

    /** Finance's decisions on a statement's lines, all or nothing: the command boundary of its reconciliation. */
    public Answer<StatementViews.ReconciliationView> reconcile(Idempotency.Request request, UUID statementId,
            Reconcile command, FundScope scope) {
        return idempotency.run(request, () -> {
            BankStatement statement = find(statementId, scope);
            StatementReconciliation.Done done = reconciliation.apply(statement,
                    accounts.require(statement.bankAccountId), command, request.subject());
            return Result.ok(new StatementViews.ReconciliationView(done.contributions(), done.matched(), done.payments(),
                    done.dismissed(), view(statement, scope)));
        });
    }

    // --- Reading ------------------------------------------------------------------------

    @Transactional
    public StatementView get(UUID id, FundScope scope) {
        return view(find(id, scope), scope);
    }

    /**
     * What names a statement above one of its lines, and the currency its amounts are typed in:
     * without the counts and the ledger comparison of {@link #get}, which read every line.
     */
    @Transactional
    public StatementViews.Heading heading(UUID id, FundScope scope) {
        BankStatement statement = find(id, scope);
        AccountRef account = accounts.require(statement.bankAccountId);
        return new StatementViews.Heading(statement.id, account.iban(), account.shared(), statement.closingOn,
                statement.currency);
    }

    /** Limit: the statements a console list shows. */
    public static final int RECENT_MAX = 50;

    /**
     * The latest staged statements of the accounts in the caller's scope, newest first, each
     * with how many of its lines are still open: what the console's statements page lists.
     */
    @Transactional
    public List<StatementViews.StatementSummary> recent(FundScope scope) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT s.id, a.iban, f.code, s.bank_id, s.opening_on, s.closing_on, s.closing_minor, s.currency,
                       sf.staged_at, sf.staged_by,
                       (SELECT count(*) FROM bank_line l WHERE l.statement_id = s.id AND l.duplicate_of IS NULL
                           AND NOT EXISTS (SELECT 1 FROM bank_line_outcome o WHERE o.line_id = l.id))
                  FROM bank_statement s
                  JOIN bank_statement_file sf ON sf.id = s.file_id
                  JOIN bank_account a ON a.id = s.bank_account_id
                  LEFT JOIN fund f ON f.id = a.fund_id
                 WHERE CAST(?1 AS boolean) OR f.code IS NULL OR f.code = ANY(CAST(?2 AS varchar[]))
                 ORDER BY sf.number DESC, s.position
                 LIMIT ?3
                """).setParameter(1, scope.codes().isEmpty())
                .setParameter(2, scope.codes().map(codes -> codes.toArray(String[]::new)).orElse(new String[0]))
                .setParameter(3, RECENT_MAX).getResultList();
        return rows.stream().map(row -> new StatementViews.StatementSummary((UUID) row[0], (String) row[1],
                (String) row[2], (String) row[3], day(row[4]), day(row[5]), new SignedMoneyView(((Number) row[6]).longValue(),
                        (String) row[7]), row[8] instanceof java.sql.Timestamp t ? t.toInstant() : (java.time.Instant) row[8],
                (String) row[9], ((Number) row[10]).intValue())).toList();
    }

    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    /** A statement's lines in their order, optionally in one status: one page read, whatever the statement's size. */
    @Transactional
    public Page<LineView> lines(UUID statementId, LineStatus status, PageRequest page, FundScope scope) {
        BankStatement statement = find(statementId, scope);
        String query = "statementId = :statement and position > :after" + (status == null ? "" : switch (status) {
            case OPEN -> " and duplicateOf is null and id not in (select o.lineId from BankLineOutcome o)";
            case DUPLICATE -> " and duplicateOf is not null";
            default -> " and id in (select o.lineId from BankLineOutcome o where o.outcome = :outcome)";
        });
        Map<String, Object> parameters = new java.util.HashMap<>(Map.of("statement", statement.id,
                "after", (int) (long) page.afterNumber(Integer.MAX_VALUE).orElse(0L)));
        if (status != null && status != LineStatus.OPEN && status != LineStatus.DUPLICATE) {
            parameters.put("outcome", BankLineOutcome.Kind.valueOf(status.name()));
        }
        List<BankLine> lines = BankLine.<BankLine>find(query, Sort.by("position"), parameters)
                .page(0, page.limit() + 1).list();
        Map<UUID, BankLineOutcome> outcomes = BankLineOutcome.of(lines);
        return Page.of(lines, page.limit(), line -> PageRequest.cursor(Integer.toString(line.position)),
                line -> lineView(line, outcomes.get(line.id)));
    }

    /**
     * One line of a statement and, when {@code deciding}, what finance may make of it instead of
     * its proposal (the console's page of a line), in the funds of the caller's scope: the
     * payments and the contributions recorded by hand of the line's amount that no line is yet,
     * the latest first, and the donors who still owe those funds.
     */
    @Transactional
    public StatementViews.LineChoices choices(UUID statementId, UUID lineId, boolean deciding, FundScope scope) {
        BankStatement statement = find(statementId, scope);
        BankLine line = BankLine.<BankLine>find("id = ?1 and statementId = ?2", lineId, statement.id).firstResult();
        if (line == null) {
            throw new ProblemException(ProblemType.BANK_STATEMENT_NOT_FOUND, "Bank statement " + statement.id
                    + " has no line with the id " + lineId + ".");
        }
        BankLineOutcome outcome = BankLineOutcome.of(List.of(line)).get(line.id);
        List<FundRef> served = accountFunds.served(accounts.require(statement.bankAccountId)).stream()
                .filter(fund -> scope.includes(fund.code())).toList();
        boolean open = deciding && outcome == null && line.duplicateOf == null;
        int max = StatementViews.LineChoices.CHOICES_MAX;
        List<DisbursementService.Paid> payments = List.of();
        List<ContributionSummary> recorded = List.of();
        List<UUID> owing = List.of();
        if (open && line.direction == BankFile.Direction.DEBIT) {
            List<DisbursementService.Paid> paid = served.stream().flatMap(fund -> disbursements.paid(fund).stream())
                    .toList();
            java.util.Set<UUID> matched = BankLineOutcome.paymentsMatched(paid.stream()
                    .map(DisbursementService.Paid::paymentId).toList());
            payments = paid.stream().filter(p -> !matched.contains(p.paymentId()) && ofAmount(p, line))
                    .sorted(java.util.Comparator.comparing(DisbursementService.Paid::paidOn).reversed())
                    .limit(max).toList();
        } else if (open && !line.reversal) {
            owing = served.stream().flatMap(fund -> pledges.donorsOwing(fund).stream()).distinct().toList();
            // Read beyond what is shown: those already a line's are left out after.
            List<ContributionSummary> ofAmount = served.stream().flatMap(fund -> contributions.receivedOfAmount(fund,
                    line.amountMinor, ContributionService.MATCHED_MAX).stream()).toList();
            java.util.Set<UUID> matched = BankLineOutcome.contributionsMatched(ofAmount.stream()
                    .map(ContributionSummary::id).toList());
            recorded = ofAmount.stream().filter(c -> !matched.contains(c.id()))
                    .sorted(java.util.Comparator.comparing(ContributionSummary::receivedOn).reversed()).limit(max)
                    .toList();
        }
        return new StatementViews.LineChoices(lineView(line, outcome), served.stream().map(FundRef::code).toList(),
                payments, owing, recorded);
    }

    /** Whether the bank debited this payment as the line says (the rule the reconciliation applies). */
    private static boolean ofAmount(DisbursementService.Paid payment, BankLine line) {
        return StatementReconciliation.candidate(payment).debits(line.amountMinor);
    }

    /** An account's open lines, across its statements, in the order they were staged, with their total. */
    @Transactional
    public StatementViews.UnreconciledView unreconciled(UUID accountId, PageRequest page, FundScope scope) {
        // Read once, in the caller's scope: an account of another fund answers as one that does not exist.
        org.solidarityfunds.bank.BankAccountView account = accounts.get(accountId, scope);
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
        // Counted by the database: a statement of 10,000 lines is one row to read, not 10,000 entities.
        Object[] tally = (Object[]) em.createNativeQuery("""
                SELECT count(*),
                       count(*) FILTER (WHERE l.duplicate_of IS NULL AND o.line_id IS NULL),
                       count(*) FILTER (WHERE l.duplicate_of IS NOT NULL),
                       count(*) FILTER (WHERE o.outcome = 'CONTRIBUTION'),
                       count(*) FILTER (WHERE o.outcome = 'PAYMENT'),
                       count(*) FILTER (WHERE o.outcome = 'DISMISSED'),
                       coalesce(sum(l.amount_minor) FILTER (WHERE l.duplicate_of IS NULL AND o.line_id IS NULL
                                                                AND l.direction = 'CREDIT'), 0),
                       coalesce(sum(l.amount_minor) FILTER (WHERE l.duplicate_of IS NULL AND o.line_id IS NULL
                                                                AND l.direction = 'DEBIT'), 0)
                  FROM bank_line l LEFT JOIN bank_line_outcome o ON o.line_id = l.id
                 WHERE l.statement_id = ?1
                """).setParameter(1, statement.id).getSingleResult();
        int open = ((Number) tally[1]).intValue();
        List<FundRef> served = accountFunds.served(account);
        return new StatementView(statement.id, statement.fileId, account.id(), account.iban(),
                account.shared() ? null : served.get(0).code(), statement.bankId, statement.sourceLine,
                new StatementViews.Balance(statement.openingOn, new SignedMoneyView(statement.openingMinor, statement.currency)),
                new StatementViews.Balance(statement.closingOn, new SignedMoneyView(statement.closingMinor, statement.currency)),
                new StatementViews.Counts(((Number) tally[0]).intValue(), open, ((Number) tally[2]).intValue(),
                        ((Number) tally[3]).intValue(), ((Number) tally[4]).intValue(), ((Number) tally[5]).intValue()),
                new StatementViews.Unreconciled(open, new MoneyView(((Number) tally[6]).longValue(), statement.currency),
                        new MoneyView(((Number) tally[7]).longValue(), statement.currency)),
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

    private static LineView lineView(BankLine line, BankLineOutcome outcome) {
        LineStatus status = line.duplicateOf != null ? LineStatus.DUPLICATE
                : outcome == null ? LineStatus.OPEN : LineStatus.valueOf(outcome.outcome.name());
        return new LineView(line.id, line.statementId, line.position, line.sourceLine, line.bookingDate, line.valueDate,
                line.direction, new MoneyView(line.amountMinor, line.currency), line.reversal, line.counterpartyName,
                line.counterpartyIban, line.remittance, line.bankReference, line.entryReference, line.endToEndId,
                line.originalAmountMinor == null ? null : new StatementViews.OriginalView(new MoneyView(
                        line.originalAmountMinor, line.originalCurrency), line.originalRate), status,
                line.duplicateOf,
                new StatementViews.ProposalView(line.proposedDonorId, line.proposedPledgeId, line.proposedInstalment,
                        line.proposedDisbursementId, line.proposedPaymentId, line.proposedContributionId,
                        line.proposalConfidence,
                        line.proposalReason),
                outcome == null ? null : new StatementViews.OutcomeView(status, outcome.contributionId,
                        outcome.disbursementId, outcome.paymentId, outcome.reason, outcome.handledAt,
                        outcome.handledBy));
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException(ProblemType.BANK_STATEMENT_NOT_FOUND, "No bank statement has the id " + id + ".");
    }


    private LocalDate today() {
        return LocalDate.now(clock.withZone(org.solidarityfunds.common.Clocks.BUSINESS_ZONE));
    }
}
