package org.solidarityfunds.fund;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.hibernate.Session;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.ledger.FundStatus;
import org.solidarityfunds.ledger.LedgerService;
import org.solidarityfunds.money.Currencies;
import org.solidarityfunds.money.Money;
import org.solidarityfunds.money.MoneyInput;
import org.solidarityfunds.persistence.CommittedFacts;
import org.solidarityfunds.persistence.Constraints;
import org.solidarityfunds.persistence.InList;
import org.solidarityfunds.persistence.Page;
import org.solidarityfunds.persistence.PageRequest;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;
@ApplicationScoped
public class FundService {

    static final String DEFAULT_CURRENCY = "EUR";
    private static final String NOT_A_CURRENCY = "is not an ISO 4217 currency with minor units";

    private final EntityManager em;
    private final LedgerService ledger;
    private final Clock clock;
    /** By code: a fund's id, code and currency never change (V15), and a fund is never deleted. */
    private final CommittedFacts<String, FundRef> refs;

    FundService(EntityManager em, LedgerService ledger, Clock clock, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.ledger = ledger;
        this.clock = clock;
        this.refs = new CommittedFacts<>(transactions);
    }

    /** Creates a fund and opens its ledger in one transaction. A taken code is refused, even in a race. */
    @Transactional
    public FundView create(CreateFund command, String createdBy) {
        String currencyCode = command.currency() == null ? DEFAULT_CURRENCY : command.currency();
        Currency currency = Currencies.find(currencyCode)
                .orElseThrow(() -> ProblemException.invalid("currency", NOT_A_CURRENCY));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Fund fund = new Fund();
        fund.code = command.code();
        fund.name = command.name().strip();
        fund.description = command.description() == null ? null : command.description().strip();
        fund.currency = currency.getCurrencyCode();
        fund.status = FundStatus.OPEN;
        fund.createdAt = now;
        fund.createdBy = createdBy;
        fund.statusChangedAt = now;
        Constraints.insert(em, fund, Map.of(
                "fund_code_key", () -> new ProblemException(ProblemType.FUND_CODE_TAKEN,
                        "A fund with the code " + fund.code + " already exists."),
                // The JDK knows the currency but the database's currency table does not (yet).
                "fund_currency_fkey", () -> ProblemException.invalid("currency", NOT_A_CURRENCY)));
        ledger.open(fund.id, fund.code, currency);
        return FundView.from(fund);
    }

    /** The funds in the caller's scope, in creation order. */
    @Transactional
    public Page<FundView> list(PageRequest page, FundScope scope) {
        long after = page.afterNumber().orElse(0L);
        List<Fund> funds = scope.codes()
                .map(codes -> Fund.<Fund>find("id > ?1 and code in ?2", Sort.by("id"), after, codes))
                .orElseGet(() -> Fund.find("id > ?1", Sort.by("id"), after))
                .page(0, page.limit() + 1).list();
        return Page.of(funds, page.limit(), f -> PageRequest.cursor(f.id.toString()), FundView::from);
    }

    /**
     * What other services need of a fund in the caller's scope; any other answers as one that
     * does not exist. Read once per instance: none of it ever changes. Its status does, and is
     * read under the fund's lock by whoever depends on it ({@link LedgerService#lock}).
     */
    @Transactional
    public FundRef require(String code, FundScope scope) {
        if (!scope.includes(code)) {
            throw fundNotFound(code);
        }
        return refs.get(code).orElseGet(() -> {
            Fund fund = find(code);
            return refs.keep(code, new FundRef(fund.id, fund.code, fund.currency));
        });
    }

    /** What never changes about a fund. */
    public record FundRef(long id, String code, String currency) {

        /** An amount for this fund, which keeps its books in one currency: any other is refused, naming the field. */
        public Money amountOf(String field, MoneyInput input) {
            Money amount = input.toMoney(field);
            if (!amount.currency().getCurrencyCode().equals(currency)) {
                throw ProblemException.invalid(field + ".currency", "must be the fund's currency, " + currency);
            }
            return amount;
        }
    }

    /** A record of a fund, and that fund's code. */
    public record Scoped<T>(T record, String fundCode) {
    }

    /**
     * A record found by its id (null if none), with its fund's code, when the caller's scope
     * includes that fund: a record of another fund answers exactly as one that does not exist.
     */
    @Transactional
    public <T> Scoped<T> inScope(T record, ToLongFunction<T> fundOf, FundScope scope,
            Supplier<ProblemException> notFound) {
        if (record == null) {
            throw notFound.get();
        }
        String code = Fund.<Fund>findByIdOptional(fundOf.applyAsLong(record)).orElseThrow().code;
        if (!scope.includes(code)) {
            throw notFound.get();
        }
        return new Scoped<>(record, code);
    }

    /** The codes of these funds, by id, leaving out those outside the caller's scope. */
    @Transactional
    public Map<Long, String> codesOf(Collection<Long> ids, FundScope scope) {
        Map<Long, String> codes = new HashMap<>();
        InList.chunks("id", ids).forEach(in -> Fund.<Fund>list(in.condition(), in.parameters()).stream()
                .filter(fund -> scope.includes(fund.code)).forEach(fund -> codes.put(fund.id, fund.code)));
        return codes;
    }

    @Transactional
    public boolean exists(String code) {
        return Fund.count("code", code) > 0;
    }

    /** A fund outside the caller's scope answers exactly as one that does not exist. */
    @Transactional
    public FundView get(String code, FundScope scope) {
        if (!scope.includes(code)) {
            throw fundNotFound(code);
        }
        return FundView.from(find(code));
    }

    /**
     * Moves a fund forward in its lifecycle. The fund's row is locked so that a closing and
     * a posting (which takes the same row in share mode) never interleave.
     */
    @Transactional
    public FundView changeStatus(String code, ChangeFundStatus command, String changedBy) {
        Fund fund = findLocked(code);
        if (!fund.status.canMoveTo(command.status())) {
            throw new ProblemException(ProblemType.FUND_STATUS_TRANSITION_REFUSED,
                    "Fund " + code + " is " + fund.status + "; it can only move forward, never to " + command.status() + ".");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        FundStatusChange change = new FundStatusChange();
        change.fundId = fund.id;
        change.fromStatus = fund.status;
        change.toStatus = command.status();
        change.reason = command.reason().strip();
        change.changedAt = now;
        change.changedBy = changedBy;
        em.persist(change);
        fund.status = command.status();
        fund.statusChangedAt = now;
        return FundView.from(fund);
    }

    /** Read by its natural id: one query per transaction, however many services of a page ask for it. */
    private Fund find(String code) {
        Fund fund = em.unwrap(Session.class).bySimpleNaturalId(Fund.class).load(code);
        if (fund == null) {
            throw fundNotFound(code);
        }
        return fund;
    }

    private Fund findLocked(String code) {
        return Fund.<Fund>find("code", code).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> fundNotFound(code));
    }

    private static ProblemException fundNotFound(String code) {
        return new ProblemException(ProblemType.FUND_NOT_FOUND, "No fund has the code " + code + ".");
    }
}
