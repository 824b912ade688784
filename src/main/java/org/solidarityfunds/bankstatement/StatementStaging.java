package org.solidarityfunds.bankstatement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.bank.BankAccountService;
import org.solidarityfunds.bank.BankAccountService.AccountRef;
import org.solidarityfunds.contribution.ContributionService;
import org.solidarityfunds.disbursement.DisbursementService;
import org.solidarityfunds.donor.DonorService;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.fund.FundService.FundRef;
import org.solidarityfunds.pledge.AllocationProposal;
import org.solidarityfunds.pledge.PledgeService;
import org.solidarityfunds.pledge.PledgeView;
import org.solidarityfunds.problem.Problem;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * Staging a bank's file (docs/guides/bank-statements.md): read, each statement checked (it adds
 * up, its account is registered, in its currency), the file kept byte for byte, and every line
 * written with its key, as the original of its movement or the duplicate of the line that
 * first brought it, with a proposal for each original. Under the accounts' locks, so that two
 * files bringing the same movement never both keep it as an original.
 */
@ApplicationScoped
class StatementStaging {

    private final EntityManager em;
    private final BankAccountService accounts;
    private final AccountFunds accountFunds;
    private final FundService funds;
    private final DonorService donors;
    private final PledgeService pledges;
    private final DisbursementService disbursements;
    private final ContributionService contributions;
    private final Clock clock;

    StatementStaging(EntityManager em, BankAccountService accounts, AccountFunds accountFunds, FundService funds,
            DonorService donors, PledgeService pledges, DisbursementService disbursements,
            ContributionService contributions, Clock clock) {
        this.em = em;
        this.accounts = accounts;
        this.accountFunds = accountFunds;
        this.funds = funds;
        this.donors = donors;
        this.pledges = pledges;
        this.disbursements = disbursements;
        this.contributions = contributions;
        this.clock = clock;
    }


    /** What staging wrote: the file, and its statements in the file's order. */
    record Staged(StatementFile file, List<BankStatement> statements, List<StatementViews.EarlierFile> stagedBefore) {
    }

    /** Stages a file in the caller's transaction; a refused file names its line and stages nothing. */
    Staged stage(byte[] bytes, String fileName, String stagedBy, FundScope scope) {
        BankFile file = read(bytes);
        List<Staging> stagings = new ArrayList<>();
        for (BankFile.Statement statement : file.statements()) {
            stagings.add(new Staging(statement, accountOf(statement, scope)));
        }
        stagings.stream().map(Staging::account).map(AccountRef::number).distinct().sorted().forEach(accountFunds::lock);

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
        Map<Staging, List<String>> keys = keysOf(stagings);
        List<BankStatement> statements = new ArrayList<>();
        short position = 0;
        for (Staging staging : stagings) {
            BankStatement statement = statementOf(stored.id, ++position, staging);
            em.persist(statement);
            statements.add(statement);
            Proposals.Known facts = known.computeIfAbsent(staging.account().id(), id -> known(staging.account(),
                    stagings.stream().filter(other -> other.account().id().equals(id)).map(Staging::statement).toList()));
            stageLines(statement, staging, keys.get(staging), facts);
        }
        em.flush();
        return new Staged(stored, statements, stagedBefore(stored));
    }

    private record Staging(BankFile.Statement statement, AccountRef account) {
    }

    /**
     * Each line's key, made over all the lines of an account in the file together: a bank may
     * cut one day of an account into several statements (pages), and two identical gifts of
     * that day on two pages are still two movements.
     */
    private static Map<Staging, List<String>> keysOf(List<Staging> stagings) {
        Map<UUID, List<Staging>> byAccount = new LinkedHashMap<>();
        stagings.forEach(staging -> byAccount.computeIfAbsent(staging.account().id(), id -> new ArrayList<>()).add(staging));
        Map<Staging, List<String>> keys = new java.util.IdentityHashMap<>();
        for (List<Staging> ofAccount : byAccount.values()) {
            List<String> all = LineKeys.of(ofAccount.stream().flatMap(staging -> staging.statement().lines().stream())
                    .toList());
            int from = 0;
            for (Staging staging : ofAccount) {
                int to = from + staging.statement().lines().size();
                keys.put(staging, all.subList(from, to));
                from = to;
            }
        }
        return keys;
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
        // A reason may quote the file (a namespace, a field): a hostile file does not make the answer long.
        if (text.length() > REASON_LENGTH_MAX) {
            text = text.substring(0, REASON_LENGTH_MAX - 1) + "…";
        }
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return text.endsWith(".") || text.endsWith("…") ? text : text + ".";
    }

    /** Limit: a refusal's reason, as answered. */
    static final int REASON_LENGTH_MAX = 300;

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
    private void stageLines(BankStatement statement, Staging staging, List<String> keys, Proposals.Known known) {
        List<BankFile.Line> read = staging.statement().lines();
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
            row.proposedDisbursementId = proposal.payment() == null ? null : proposal.payment().disbursementId();
            row.proposedPaymentId = proposal.payment() == null ? null : proposal.payment().paymentId();
            row.proposedContributionId = proposal.contributionId();
            // A contribution, a payment, is one line's: the next line of the same amount is not proposed it again.
            if (proposal.contributionId() != null) {
                known.recorded().removeIf(recorded -> recorded.contributionId().equals(proposal.contributionId()));
            }
            if (proposal.payment() != null) {
                known.payments().remove(proposal.payment());
            }
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

    /** How far from its statement's days a contribution recorded by hand may have been dated. */
    static final int RECORDED_DAYS_AROUND = 31;

    /**
     * What the ledger knows that a line of this account may be: its funds' open pledges, their
     * payments and the contributions recorded around the statements' days that no line is yet,
     * and all donors.
     */
    private Proposals.Known known(AccountRef account, List<BankFile.Statement> statements) {
        List<FundRef> served = accountFunds.served(account);
        List<Proposals.OpenPledge> open = new ArrayList<>();
        List<Proposals.Payment> payments = new ArrayList<>();
        List<Proposals.Recorded> recorded = new ArrayList<>();
        java.time.LocalDate from = statements.stream().map(st -> st.opening().date()).min(java.util.Comparator.naturalOrder())
                .orElseThrow().minusDays(RECORDED_DAYS_AROUND);
        java.time.LocalDate to = statements.stream().map(st -> st.closing().date()).max(java.util.Comparator.naturalOrder())
                .orElseThrow().plusDays(RECORDED_DAYS_AROUND);
        for (FundRef fund : served) {
            List<org.solidarityfunds.contribution.ContributionSummary> received = contributions.receivedBetween(fund, from,
                    to);
            Set<UUID> matchedContributions = BankLineOutcome.contributionsMatched(received.stream()
                    .map(org.solidarityfunds.contribution.ContributionSummary::id).toList());
            received.stream().filter(c -> !matchedContributions.contains(c.id()))
                    .map(c -> new Proposals.Recorded(c.id(), fund.code(), c.donorId(), c.amount().amountMinor(),
                            c.receivedOn(), c.bankReference())).forEach(recorded::add);
            for (PledgeView pledge : pledges.open(fund)) {
                List<AllocationProposal.Line> outstanding = AllocationProposal.outstanding(List.of(pledge));
                if (!outstanding.isEmpty()) {
                    open.add(Proposals.OpenPledge.of(pledge.id(), pledge.donorId(), fund.code(),
                            pledge.deliberationRef(), outstanding));
                }
            }
            List<DisbursementService.Paid> paidOut = disbursements.paid(fund);
            Set<UUID> matched = BankLineOutcome.paymentsMatched(paidOut.stream().map(DisbursementService.Paid::paymentId)
                    .toList());
            paidOut.stream().filter(paid -> !matched.contains(paid.paymentId()))
                    .map(StatementReconciliation::candidate).forEach(payments::add);
        }
        Map<UUID, Proposals.Donor> named = donors.named().stream().collect(Collectors.toMap(DonorService.Named::id,
                d -> Proposals.Donor.of(d.id(), d.name(), d.siren()), (a, b) -> a, LinkedHashMap::new));
        // Only the accounts the file's lines were paid from: one query, however many donors' IBANs are known.
        Map<String, List<UUID>> byIban = accounts.donorsPayingFrom(statements.stream()
                .flatMap(statement -> statement.lines().stream()).map(BankFile.Line::counterpartyIban)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        String accountFund = account.shared() ? null : served.get(0).code();
        return new Proposals.Known(byIban, named, open, payments, recorded, accountFund);
    }


    /** The files of the same bytes staged before this one, oldest first. */
    private List<StatementViews.EarlierFile> stagedBefore(StatementFile file) {
        return StatementFile.<StatementFile>find("sha256 = ?1 and id <> ?2", io.quarkus.panache.common.Sort.by("number"),
                file.sha256, file.id).page(0, 20).<StatementFile>list().stream()
                .map(earlier -> new StatementViews.EarlierFile(earlier.id, earlier.stagedAt, earlier.stagedBy)).toList();
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

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
