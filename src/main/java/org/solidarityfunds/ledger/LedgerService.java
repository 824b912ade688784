package org.solidarityfunds.ledger;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.common.BusinessDates;
import org.solidarityfunds.common.Clocks;
import org.solidarityfunds.persistence.InList;
import org.solidarityfunds.persistence.Page;
import org.solidarityfunds.persistence.PageRequest;
import org.solidarityfunds.money.Money;
import org.solidarityfunds.problem.DatabaseFailures;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * The only writer of journal entries. Every posting locks its fund's ledger row, checks
 * that no account goes below zero, chains the entry's hash to the fund's previous one and
 * moves the maintained balances, all in the caller's transaction.
 */
@ApplicationScoped
public class LedgerService {

    /**
     * The table of the maintained balances, which only this class reads and writes in SQL: its
     * native queries name it, so that Hibernate does not flush the whole session before each
     * (a native query without it flushes every pending change first).
     */
    private static final String BALANCES = "ledger_account_balance";

    /**
     * A fund's ledger row with its maintained balances, a row per account ({@link #open} writes
     * them all at zero; the outer join only keeps the row if one were missing).
     */
    private static final String CURRENT_BALANCES = """
            SELECT l.currency, l.entry_count, l.head_hash, b.account, b.debit_total_minor, b.credit_total_minor
              FROM fund_ledger l LEFT JOIN ledger_account_balance b ON b.fund_id = l.fund_id
             WHERE l.fund_code = ?""";

    /**
     * A fund's totals by effective date up to a day, with the entry count and head of the
     * journal they were summed from: one statement, so one snapshot (two would read the count
     * of one journal and the sums of another while postings commit). The sums go through the
     * index on (fund, effective date).
     */
    private static final String BALANCES_ON = """
            SELECT l.currency, l.entry_count, l.head_hash, s.account, s.side, s.reversal, s.total
              FROM fund_ledger l
              LEFT JOIN LATERAL (
                    SELECT jl.account, jl.side, e.reverses_entry_id IS NOT NULL AS reversal,
                           sum(jl.amount_minor) AS total
                      FROM journal_entry e JOIN journal_line jl ON jl.entry_id = e.id
                     WHERE e.fund_id = l.fund_id AND e.effective_date <= ?
                     GROUP BY 1, 2, 3) s ON true
             WHERE l.fund_code = ?""";

    /** The SQLSTATE of the database's refusal of an entry dated in a fiscal year that is not open. */
    static final String FISCAL_YEAR_CLOSED_STATE = "SF001";

    private final EntityManager em;
    private final DataSource dataSource;
    private final Clock clock;
    private final EventLog events;

    LedgerService(EntityManager em, DataSource dataSource, Clock clock, EventLog events) {
        this.em = em;
        this.dataSource = dataSource;
        this.clock = clock;
        this.events = events;
    }

    /** Opens the ledger of a new fund: an empty chain and every account at zero. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(long fundId, String fundCode, Currency currency) {
        FundLedger ledger = new FundLedger();
        ledger.fundId = fundId;
        ledger.fundCode = fundCode;
        ledger.currency = currency.getCurrencyCode();
        ledger.entryCount = 0;
        ledger.headHash = FundLedger.GENESIS_HASH.clone();
        ledger.documentHeadHash = FundLedger.GENESIS_HASH.clone();
        em.persist(ledger);
        for (Account account : Account.values()) {
            AccountBalance balance = new AccountBalance();
            balance.fundId = fundId;
            balance.account = account;
            em.persist(balance);
        }
    }

    /**
     * Writes one balanced entry for a business event, in the caller's transaction, under its
     * fund's lock; {@code about} is the business record the entry records a fact about, which
     * its event in the change feed names (null if none).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EntryView post(FundLock fund, Posting posting, String recordedBy, Reference about) {
        return postAll(fund, List.of(new Fact(posting, about)), recordedBy).get(0);
    }

    /** A posting, and the business record its entry records a fact about (null if none). */
    public record Fact(Posting posting, Reference about) {
    }

    /**
     * Several entries of one fund, written in this order as if posted one after the other,
     * under one lock, one check of the fund's status and one read of its balances. Each
     * maintained row (balances, the chain's head) is then written once, however many entries
     * (a row updated a thousand times in one transaction leaves a thousand versions that every
     * later read must walk), and the new rows go to the database in batches, by table.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EntryView> postAll(FundLock fund, List<Fact> facts, String recordedBy) {
        if (facts.stream().anyMatch(fact -> fact.posting().kind() == EntryKind.REVERSAL)) {
            throw new IllegalArgumentException("a reversal is written by reverse(), linked to the entry it reverses");
        }
        FundLedger ledger = fund.ledger;
        Totals before = totalsOf(ledger.fundId);
        Totals totals = before;
        List<Written> written = new ArrayList<>(facts.size());
        for (Fact fact : facts) {
            fund.status().refuseUnlessItTakes(fact.posting().kind(), ledger.fundCode);
            Written next = write(ledger, totals, fact.posting(), recordedBy, null);
            totals = next.totals();
            written.add(next);
        }
        moveBalances(ledger.fundId, before, totals);
        persist(ledger, written, facts.stream().map(Fact::about).toList());
        return written.stream().map(w -> EntryView.from(w.entry(), ledger.fundCode, w.lines(), null)).toList();
    }

    /**
     * Corrects an entry the only way the ledger allows: a new entry with the opposite lines,
     * linked to the original. Only the record an entry belongs to asks for it (a bounced
     * contribution, say), having brought that record in step in the same transaction and
     * checked, under its own lock, that it was not corrected already (ADR 0008). An entry is
     * reversed at most once and a reversal never is: asking for either is a defect of the
     * caller, not a request to refuse.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EntryView reverse(FundLock fund, UUID entryId, String reason, String recordedBy) {
        JournalEntry original = JournalEntry.findById(entryId);
        if (original == null || original.kind == EntryKind.REVERSAL || original.fundId != fund.fundId()) {
            throw new IllegalArgumentException("entry " + entryId + " is not an entry of fund " + fund.fundCode()
                    + " that can be reversed");
        }
        FundLedger ledger = fund.ledger;
        UUID reversal = reversalOf(List.of(entryId)).get(entryId);
        if (reversal != null) {
            throw new IllegalStateException("entry " + entryId + " was already reversed by entry " + reversal);
        }
        List<Posting.Line> opposite = linesOf(entryId).stream()
                .map(line -> new Posting.Line(line.account, line.side.opposite(),
                        Money.of(line.amountMinor, line.currency),
                        line.originalAmountMinor == null ? null : new Posting.OriginalAmount(
                                Money.of(line.originalAmountMinor, line.originalCurrency),
                                line.exchangeRate)))
                .toList();
        Posting posting = new Posting(EntryKind.REVERSAL,
                "Reversal of entry " + original.sequence + ": " + reason,
                LocalDate.now(clock.withZone(Clocks.BUSINESS_ZONE)), opposite);
        fund.status().refuseUnlessItTakes(posting.kind(), ledger.fundCode);
        Totals before = totalsOf(ledger.fundId);
        Written written = write(ledger, before, posting, recordedBy, entryId);
        moveBalances(ledger.fundId, before, written.totals());
        persist(ledger, List.of(written), Collections.singletonList(events.referenceOf(entryId).orElse(null)));
        return EntryView.from(written.entry(), ledger.fundCode, written.lines(), null);
    }

    /**
     * A fund's balances now: its ledger row and its maintained balances in one statement, so from
     * one snapshot, whose entry count and head hash name exactly the journal the totals sum. No
     * JTA transaction and no Hibernate session around it (one statement is a transaction of its
     * own): the most frequent read of partner systems, 15 % of whose CPU went to finding the row
     * by its natural id and 6 % to the transaction (docs/operating/performance.md).
     * Inside a caller's transaction, the pool hands over that transaction's connection.
     */
    public BalanceView balances(String fundCode, FundScope scope) {
        return readBalances(fundCode, scope, CURRENT_BALANCES, query -> query.setString(1, fundCode), rs -> {
            long[] debit = new long[Account.values().length];
            long[] credit = new long[debit.length];
            do {
                String account = rs.getString(4);
                if (account != null) {
                    debit[Account.valueOf(account).ordinal()] = rs.getLong(5);
                    credit[Account.valueOf(account).ordinal()] = rs.getLong(6);
                }
            } while (rs.next());
            return Totals.of(debit, credit);
        }).view(fundCode, null, null);
    }

    /** A statement's parameters. */
    private interface Parameters {
        void set(PreparedStatement query) throws SQLException;
    }

    /** A fund's totals from the rows of a balances query, the cursor on the first row. */
    private interface TotalsReader {
        Totals read(ResultSet rs) throws SQLException;
    }

    /** What a balances query read: the fund's totals and the journal they are those of. */
    private record ReadBalances(String currency, long entryCount, byte[] headHash, Totals totals) {
        BalanceView view(String fundCode, Instant asOf, LocalDate on) {
            return BalanceView.of(fundCode, currency, totals, entryCount, headHash, asOf, on);
        }
    }

    /**
     * One balances query (the fund's currency, entry count and head in its first three columns,
     * totals in the rest, at least one row when the fund exists) on a pooled connection: no
     * transaction of its own, so one statement is one snapshot. A database failure is answered
     * 503 (DatabaseFailures), an unknown fund or one out of scope 404.
     */
    private ReadBalances readBalances(String fundCode, FundScope scope, String sql, Parameters parameters,
            TotalsReader totals) {
        if (!scope.includes(fundCode)) {
            throw fundNotFound(fundCode);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            parameters.set(query);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    throw fundNotFound(fundCode);
                }
                byte[] head = rs.getBytes(3);
                // No head only at an instant before the fund's first entry: the chain's genesis.
                return new ReadBalances(rs.getString(1), rs.getLong(2),
                        head != null ? head : FundLedger.GENESIS_HASH.clone(), totals.read(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the balances of fund " + fundCode + " could not be read", e);
        }
    }

    /**
     * The balances as they stood at an instant: the totals written with the last entry
     * recorded at or before it (entries of a fund are recorded at non-decreasing instants),
     * found by one probe of the index on (fund, recorded at), with that entry's hash and the
     * fund's currency, in one statement outside a transaction as the current balances are
     * ({@link LedgerTotals#AS_OF}). Zero, and the genesis head, before the first entry.
     */
    public BalanceView balancesAsOf(String fundCode, Instant asOf, FundScope scope) {
        if (asOf.isAfter(clock.instant())) {
            throw ProblemException.invalid("asOf", "is in the future; the balances of the future are not known yet");
        }
        return readBalances(fundCode, scope, LedgerTotals.AS_OF, query -> {
            query.setObject(1, asOf.atOffset(ZoneOffset.UTC));
            query.setString(2, fundCode);
        }, rs -> LedgerTotals.read(rs, 4).orElseGet(Totals::zero)).view(fundCode, asOf, null);
    }

    /**
     * The balances by the dates of the events (effective dates) at the end of a day: every
     * entry dated on or before it, whenever it was recorded. Unlike {@link #balancesAsOf}, a
     * later entry dated back (money received last week, recorded today) changes them: they are
     * the accounting year's figures (docs/concepts/accounting.md). Summed from the fund's
     * entries dated up to that day in one statement with the entry count and head of the
     * journal summed, which they carry.
     */
    public BalanceView balancesOn(String fundCode, LocalDate on, FundScope scope) {
        BusinessDates.past("on", on, clock);
        ReadBalances read = readBalancesOn(fundCode, on, scope);
        Totals totals = read.totals();
        Optional<Account> belowZero = totals.firstBelowZero();
        if (belowZero.isPresent()) {
            // Possible by the dates users give, never by the order entries are written: a payment
            // dated before the decision that committed its money, money allocated to a pledge
            // dated later. The balances API shows no negative amount; the trial balance does.
            throw new ProblemException(ProblemType.BALANCE_BELOW_ZERO_ON_DAY, "On " + on + " the " + belowZero.get()
                    + " account of fund " + fundCode + " stands below zero, by "
                    + (-totals.balanceMinor(belowZero.get())) + " minor units of " + read.currency() + ": an entry is "
                    + "dated before one it follows (a payment before the decision that committed its money, money "
                    + "allocated to a pledge dated later). The trial balance shows that day's accounts as they are.");
        }
        return read.view(fundCode, null, on);
    }

    /**
     * A fund's bank balance at the end of a day by the dates of its entries: what a bank
     * statement's closing balance is compared with. Said as it is, below zero too (a payment
     * dated before the money that paid it), where {@link #balancesOn} refuses the day. In the
     * caller's transaction, whose postings still in the session are written first so that they
     * count (a reconciliation compares the balance after the lines it booked).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long bankOn(String fundCode, LocalDate on, FundScope scope) {
        em.flush();
        return readBalancesOn(fundCode, on, scope).totals().balanceMinor(Account.BANK);
    }

    /** The fund's totals from its entries dated up to that day ({@link #BALANCES_ON}), with their journal. */
    private ReadBalances readBalancesOn(String fundCode, LocalDate on, FundScope scope) {
        return readBalances(fundCode, scope, BALANCES_ON, query -> {
            query.setObject(1, on);
            query.setString(2, fundCode);
        }, rs -> {
            Totals totals = Totals.zero();
            do {
                String account = rs.getString(4);
                if (account != null) {
                    totals = totals.plus(Account.valueOf(account), Side.ofCode(rs.getString(5)), rs.getLong(7),
                            rs.getBoolean(6));
                }
            } while (rs.next());
            return totals;
        });
    }

    /**
     * The balances at the end of each month since the fund opened (the current month's as of
     * now), oldest first: one index probe per month (docs/concepts/ledger.md).
     */
    @Transactional
    public List<BalanceView> monthEnds(String fundCode, Instant opened, FundScope scope) {
        FundLedger ledger = ledgerOf(fundCode, scope);
        List<Instant> cutoffs = MonthEnds.between(opened, clock.instant()).cutoffs();
        List<Optional<LedgerTotals.KeptWithHash>> kept = LedgerTotals.lastAtOrBeforeEach(em, ledger.fundId,
                cutoffs);
        List<BalanceView> balances = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            Instant cutoff = cutoffs.get(i);
            balances.add(kept.get(i)
                    .map(k -> BalanceView.of(ledger.fundCode, ledger.currency, k.totals(), k.sequence(), k.hash(),
                            cutoff, null))
                    .orElseGet(() -> BalanceView.of(ledger.fundCode, ledger.currency, Totals.zero(), 0,
                            FundLedger.GENESIS_HASH, cutoff, null)));
        }
        return balances;
    }

    /** An entry of a fund outside the caller's scope answers exactly as one that does not exist. */
    @Transactional
    public EntryView entry(UUID entryId, FundScope scope) {
        JournalEntry entry = JournalEntry.findById(entryId);
        FundLedger ledger = entry == null ? null : em.find(FundLedger.class, entry.fundId);
        if (ledger == null || !scope.includes(ledger.fundCode)) {
            throw entryNotFound(entryId);
        }
        return EntryView.from(entry, ledger.fundCode, linesOf(entryId), reversalOf(List.of(entryId)).get(entryId));
    }

    /** A fund's journal in posting order, with lines, {@code after} being a sequence number. */
    @Transactional
    public Page<EntryView> entries(String fundCode, PageRequest page, FundScope scope) {
        FundLedger ledger = ledgerOf(fundCode, scope);
        long after = page.afterNumber().orElse(0L);
        List<JournalEntry> entries = JournalEntry
                .find("fundId = ?1 and sequence > ?2", Sort.by("sequence"), ledger.fundId, after)
                .page(0, page.limit() + 1).list();
        List<UUID> ids = entries.stream().map(e -> e.id).toList();
        Map<UUID, List<JournalLine>> lines = InList.chunks("entryId", ids).stream()
                .flatMap(in -> JournalLine.<JournalLine>list(in.condition(), Sort.by("entryId").and("lineNo"),
                        in.parameters()).stream())
                .collect(Collectors.groupingBy(line -> line.entryId));
        Map<UUID, UUID> reversals = reversalOf(ids);
        return Page.of(entries, page.limit(), e -> PageRequest.cursor(Long.toString(e.sequence)),
                e -> EntryView.from(e, ledger.fundCode, lines.getOrDefault(e.id, List.of()), reversals.get(e.id)));
    }

    /** The fund's latest entries, newest first, without their lines: what a page of the console lists. */
    @Transactional
    public List<EntrySummary> latestEntries(String fundCode, int count, FundScope scope) {
        FundLedger ledger = ledgerOf(fundCode, scope);
        return JournalEntry.<JournalEntry>find("fundId", Sort.descending("sequence"), ledger.fundId)
                .page(0, count).list().stream().map(EntrySummary::from).toList();
    }

    /** An entry as built in memory, with what it writes besides itself. */
    private record Written(JournalEntry entry, List<JournalLine> lines, Totals totals, Posting posting) {
    }

    /**
     * Builds the next entry of the fund's chain, and the fund's totals after it, refused if an
     * account would go below zero; moves the ledger's head in memory. Nothing is written here:
     * the caller sets the maintained balances once all its entries are checked, and
     * {@link #persist} writes the rest.
     */
    private Written write(FundLedger ledger, Totals before, Posting posting, String recordedBy, UUID reverses) {
        if (!posting.currency().getCurrencyCode().equals(ledger.currency)) {
            throw new IllegalArgumentException("fund " + ledger.fundCode + " keeps its books in " + ledger.currency
                    + ", not " + posting.currency());
        }
        Totals after = before.after(posting.lines(), reverses != null);
        Optional<Account> belowZero = after.firstBelowZero();
        if (belowZero.isPresent()) {
            throw new ProblemException(ProblemType.BALANCE_WOULD_GO_NEGATIVE,
                    "This would take the " + belowZero.get() + " account of fund " + ledger.fundCode + " below zero, by "
                            + (-after.balanceMinor(belowZero.get())) + " minor units of " + ledger.currency + ".");
        }

        JournalEntry entry = new JournalEntry();
        entry.id = UUID.randomUUID();
        entry.fundId = ledger.fundId;
        entry.sequence = Math.addExact(ledger.entryCount, 1);
        entry.kind = posting.kind();
        entry.memo = posting.memo();
        entry.effectiveDate = posting.effectiveDate();
        // PostgreSQL keeps microseconds: hash exactly what will be stored. Never before the
        // fund's previous entry, whichever instance's clock wrote that one.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        entry.recordedAt = ledger.headRecordedAt != null && ledger.headRecordedAt.isAfter(now) ? ledger.headRecordedAt : now;
        entry.recordedBy = recordedBy;
        entry.reversesEntryId = reverses;
        entry.previousHash = ledger.headHash;
        List<JournalLine> lines = new ArrayList<>(posting.lines().size());
        short lineNo = 0;
        for (Posting.Line line : posting.lines()) {
            JournalLine stored = new JournalLine();
            stored.entryId = entry.id;
            stored.lineNo = ++lineNo;
            stored.account = line.account();
            stored.side = line.side();
            stored.amountMinor = line.amount().amountMinor();
            stored.currency = line.amount().currency().getCurrencyCode();
            if (line.original() != null) {
                stored.originalAmountMinor = line.original().amount().amountMinor();
                stored.originalCurrency = line.original().amount().currency().getCurrencyCode();
                stored.exchangeRate = line.original().exchangeRate();
            }
            lines.add(stored);
        }
        entry.hash = EntryHash.compute(entry.previousHash, contentOf(entry, ledger.fundCode, lines));
        ledger.entryCount = entry.sequence;
        ledger.headHash = entry.hash;
        ledger.headRecordedAt = entry.recordedAt;
        return new Written(entry, lines, after, posting);
    }

    /**
     * Queues the new rows table by table (all entries, then all lines...): consecutive inserts
     * into one table go to the database as one JDBC batch, and the foreign keys (a line to its
     * entry) are satisfied in that order.
     */
    private void persist(FundLedger ledger, List<Written> written, List<Reference> about) {
        written.forEach(w -> em.persist(w.entry()));
        written.forEach(w -> w.lines().forEach(em::persist));
        try {
            em.flush();
        } catch (PersistenceException e) {
            // The database dates every entry into its fiscal year, and refuses it when that year
            // is not open (V9__fiscal_years.sql): the one place the rule is written.
            Optional<String> refusal = DatabaseFailures.refusal(e, FISCAL_YEAR_CLOSED_STATE);
            if (refusal.isPresent()) {
                throw new ProblemException(ProblemType.FISCAL_YEAR_CLOSED, refusal.get());
            }
            throw e;
        }
        // Append-only rows, written: out of the session, which every later flush of the transaction
        // (and every query, which flushes first) would otherwise visit again, 50,000 of them for
        // the contributions of a 10,000-line bank statement.
        written.forEach(w -> {
            em.detach(w.entry());
            w.lines().forEach(em::detach);
        });
        LedgerTotals.insert(em, written.stream().map(w -> new LedgerTotals.Row(ledger.fundId, w.entry().sequence,
                w.entry().recordedAt, w.totals())).toList());
        for (int i = 0; i < written.size(); i++) {
            Written w = written.get(i);
            // The first line carries the fact's amount (money received, committed, paid, pledged...);
            // a contribution's pledge lines come after it, and a reversal keeps the order it reverses.
            events.record(ledger.fundId, w.posting().kind().name(), w.posting().lines().get(0).amount(), w.entry().id,
                    about.get(i), w.entry().recordedAt);
        }
    }

    /** What the hash covers, taken from an entry and its lines as stored. */
    static EntryHash.Content contentOf(JournalEntry entry, String fundCode, List<JournalLine> lines) {
        return new EntryHash.Content(entry.id.toString(), fundCode, entry.sequence, entry.kind.name(), entry.memo,
                entry.effectiveDate.toString(), entry.recordedAt, entry.recordedBy,
                entry.reversesEntryId == null ? null : entry.reversesEntryId.toString(),
                lines.stream().map(line -> new EntryHash.LineContent(line.lineNo, line.account.name(),
                        line.side.code(), line.amountMinor, line.currency, line.originalAmountMinor,
                        line.originalCurrency, line.exchangeRate)).toList());
    }

    /**
     * Locks the fund for the rest of the transaction: its ledger for writing, then its row in
     * share mode, so that a status change waits for the postings that follow; and reads its
     * status under that lock. It must be
     * the transaction's first write, and is taken once: the write gives the transaction its id,
     * by which the change feed orders a fund's events (ADR 0006), so a transaction that wrote
     * anything before is refused here, as a defect of its service. A service that checks
     * business rows before posting (what a pledge still expects, say) takes this lock first,
     * then locks its own rows: one order everywhere, so that no two transactions deadlock
     * (ADR 0002).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public FundLock lock(long fundId) {
        // One statement locks the fund's ledger row (first: by it the transaction gets its id, and
        // waits behind another posting already with it, ADR 0006), then shares the fund's row, and
        // reads whether the transaction had an id before: in PostgreSQL's plan the uncorrelated
        // sub-select is evaluated as the row is produced, below the locking step. It answers the
        // ledger row as the lock found it (the latest version, after waiting): the head and the
        // entry count the previous posting left.
        List<?> rows = em.createNativeQuery("""
                SELECT l.*, (SELECT pg_current_xact_id_if_assigned()) IS NULL AS first_write, f.status AS fund_status
                  FROM fund_ledger l JOIN fund f ON f.id = l.fund_id
                 WHERE l.fund_id = ?1
                   FOR NO KEY UPDATE OF l FOR SHARE OF f""", FundLedger.LOCKED).setParameter(1, fundId).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("fund " + fundId + " has no ledger");
        }
        Object[] row = (Object[]) rows.get(0);
        if (!Boolean.TRUE.equals(row[1])) {
            throw new IllegalStateException("the lock of fund " + fundId + " must be its transaction's first write "
                    + "(ADR 0006), and is taken once");
        }
        FundLedger ledger = (FundLedger) row[0];
        return new FundLock(ledger, FundStatus.valueOf((String) row[2]));
    }

    /** A supporting document's place in its fund's documents chain: what the caller stores with it. */
    public record Chained(long sequence, byte[] ledgerHead, byte[] previousHash, byte[] hash) {
    }

    /**
     * Chains a supporting document after the fund's last one, under the fund's lock, and moves the
     * chain's head (ADR 0018): the caller stores the document with what this answers, in the same
     * transaction. The document's hash covers the fund's journal head at this moment.
     *
     * @param document what the document is, its sequence being the one this answers (any value is replaced)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Chained chainDocument(FundLock fund, DocumentHash.Content document) {
        FundLedger ledger = fund.ledger;
        long sequence = Math.addExact(ledger.documentCount, 1);
        DocumentHash.Content chained = new DocumentHash.Content(document.id(), ledger.fundCode, sequence,
                document.aboutType(), document.aboutId(), document.kind(), document.fileName(), document.mediaType(),
                document.sizeBytes(), document.sha256(), document.attachedAt(), document.attachedBy(), ledger.headHash);
        byte[] previous = ledger.documentHeadHash;
        byte[] hash = DocumentHash.compute(previous, chained);
        ledger.documentCount = sequence;
        ledger.documentHeadHash = hash;
        return new Chained(sequence, ledger.headHash.clone(), previous.clone(), hash.clone());
    }

    /** The balance of one account of a fund, on its normal side; under {@link #lock}, the one the next posting sees. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long balanceMinor(FundLock fund, Account account) {
        return totalsOf(fund.fundId()).balanceMinor(account);
    }

    /** The ledger of a fund in the caller's scope; any other answers as a fund that does not exist. */
    private FundLedger ledgerOf(String fundCode, FundScope scope) {
        return Optional.ofNullable(scope.includes(fundCode)
                        ? em.unwrap(Session.class).bySimpleNaturalId(FundLedger.class).load(fundCode) : null)
                .orElseThrow(() -> fundNotFound(fundCode));
    }

    private static ProblemException fundNotFound(String fundCode) {
        return new ProblemException(ProblemType.FUND_NOT_FOUND, "No fund has the code " + fundCode + ".");
    }

    /**
     * The fund's maintained totals, one statement. Read and written in SQL, not as managed
     * entities: a posting moves them in one statement ({@link #moveBalances}), which a managed
     * copy would contradict until the transaction ends.
     */
    private Totals totalsOf(long fundId) {
        long[] debit = new long[Account.values().length];
        long[] credit = new long[debit.length];
        List<Object[]> rows = em.createNativeQuery("""
                SELECT account, debit_total_minor, credit_total_minor FROM ledger_account_balance WHERE fund_id = ?1""",
                Object[].class).setParameter(1, fundId).unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace(BALANCES).getResultList();
        for (Object[] row : rows) {
            int account = Account.valueOf((String) row[0]).ordinal();
            debit[account] = ((Number) row[1]).longValue();
            credit[account] = ((Number) row[2]).longValue();
        }
        return Totals.of(debit, credit);
    }

    /**
     * Moves the maintained totals of the accounts a posting changed, in one statement (one row
     * version per account, however many entries).
     */
    private void moveBalances(long fundId, Totals before, Totals after) {
        List<Account> moved = Arrays.stream(Account.values())
                .filter(a -> before.debitMinor(a) != after.debitMinor(a) || before.creditMinor(a) != after.creditMinor(a))
                .toList();
        if (moved.isEmpty()) {
            return;
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < moved.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(CAST(?").append(3 * i + 2).append(" AS varchar), CAST(?")
                    .append(3 * i + 3).append(" AS bigint), CAST(?").append(3 * i + 4).append(" AS bigint))");
        }
        var update = em.createNativeQuery("UPDATE ledger_account_balance b"
                + " SET debit_total_minor = v.debit, credit_total_minor = v.credit"
                + " FROM (VALUES " + values + ") AS v (account, debit, credit)"
                + " WHERE b.fund_id = ?1 AND b.account = v.account").setParameter(1, fundId)
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace(BALANCES);
        for (int i = 0; i < moved.size(); i++) {
            Account account = moved.get(i);
            update.setParameter(3 * i + 2, account.name())
                    .setParameter(3 * i + 3, after.debitMinor(account))
                    .setParameter(3 * i + 4, after.creditMinor(account));
        }
        int updated = update.executeUpdate();
        if (updated != moved.size()) {
            throw new IllegalStateException("fund " + fundId + " has " + updated + " of the " + moved.size()
                    + " maintained balances a posting moves");
        }
    }

    private List<JournalLine> linesOf(UUID entryId) {
        return JournalLine.list("entryId", Sort.by("lineNo"), entryId);
    }

    /** For each of the given entries that was reversed, the id of its reversal. */
    private Map<UUID, UUID> reversalOf(List<UUID> entryIds) {
        Map<UUID, UUID> reversals = new HashMap<>();
        for (InList in : InList.chunks("e.reversesEntryId", entryIds)) {
            var query = em.createQuery("select e.reversesEntryId, e.id from JournalEntry e where " + in.condition(),
                    Object[].class);
            for (int i = 0; i < in.parameters().length; i++) {
                query.setParameter(i + 1, in.parameters()[i]);
            }
            query.getResultList().forEach(row -> reversals.put((UUID) row[0], (UUID) row[1]));
        }
        return reversals;
    }

    private static ProblemException entryNotFound(UUID entryId) {
        return new ProblemException(ProblemType.ENTRY_NOT_FOUND, "No journal entry has the id " + entryId + ".");
    }
}
