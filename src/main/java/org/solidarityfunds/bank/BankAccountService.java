package org.solidarityfunds.bank;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.donor.DonorService;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.fund.FundService.FundRef;
import org.solidarityfunds.money.Currencies;
import org.solidarityfunds.persistence.Constraints;
import org.solidarityfunds.persistence.Page;
import org.solidarityfunds.persistence.PageRequest;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * The organisation's bank accounts and the accounts donors pay from. An account is a fund's own
 * (one per fund, in its currency) or shared by the funds that have none of their own. Accounts
 * are never changed: a new account is registered instead.
 */
@ApplicationScoped
public class BankAccountService {

    private final EntityManager em;
    private final FundService funds;
    private final DonorService donors;
    private final Clock clock;

    BankAccountService(EntityManager em, FundService funds, DonorService donors, Clock clock) {
        this.em = em;
        this.funds = funds;
        this.donors = donors;
        this.clock = clock;
    }

    /** What another feature needs of an account: which it is, what it is kept in, and whose. */
    public record AccountRef(UUID id, long number, String iban, String currency, Long fundId) {

        public boolean shared() {
            return fundId == null;
        }
    }

    @Transactional
    public BankAccountView open(OpenBankAccount command, String createdBy) {
        Iban iban = Iban.parse(command.iban()).orElseThrow(() -> ProblemException.invalid("iban",
                "is not a valid IBAN: its check digits, its length or its country's format are wrong"));
        Bic bic = null;
        if (command.bic() != null) {
            bic = Bic.parse(command.bic()).orElseThrow(() -> ProblemException.invalid("bic",
                    "is not a BIC: 8 or 11 letters and digits, a bank, a country and a place (ISO 9362)"));
        }
        if (Currencies.find(command.currency()).isEmpty()) {
            throw ProblemException.invalid("currency", "is not a currency this service keeps");
        }
        FundRef fund = null;
        if (command.fund() != null) {
            fund = funds.require(command.fund(), FundScope.all());
            if (!fund.currency().equals(command.currency())) {
                throw ProblemException.invalid("currency", "must be the fund's currency, " + fund.currency());
            }
        }
        BankAccount account = new BankAccount();
        account.id = UUID.randomUUID();
        account.iban = iban.value();
        account.bic = bic == null ? null : bic.value();
        account.currency = command.currency();
        account.name = command.name().strip();
        account.fundId = fund == null ? null : fund.id();
        account.createdAt = now();
        account.createdBy = createdBy;
        String fundCode = fund == null ? null : fund.code();
        Constraints.insert(em, account, Map.of(
                "bank_account_iban_key", () -> new ProblemException(ProblemType.BANK_ACCOUNT_IBAN_TAKEN,
                        "A bank account with the IBAN " + iban.printed() + " is already registered."),
                "bank_account_fund_key", () -> new ProblemException(ProblemType.FUND_HAS_A_BANK_ACCOUNT,
                        "Fund " + fundCode + " already has its own bank account.")));
        return BankAccountView.from(account, fundCode);
    }

    /**
     * The accounts of the funds in the caller's scope, and the shared ones, in registration order.
     * (The roles that read accounts, finance, auditors and administrators, see every fund.)
     */
    @Transactional
    public Page<BankAccountView> list(PageRequest page, FundScope scope) {
        // An organisation has a few accounts, one per fund at most: filtered here rather than in SQL.
        List<BankAccount> accounts = BankAccount.<BankAccount>list("number > ?1", Sort.by("number"),
                page.afterNumber().orElse(0L));
        Map<Long, String> codes = funds.codesOf(accounts.stream().map(a -> a.fundId).filter(id -> id != null)
                .collect(Collectors.toSet()), scope);
        List<BankAccount> visible = accounts.stream().filter(a -> a.fundId == null || codes.containsKey(a.fundId))
                .limit(page.limit() + 1L).toList();
        return Page.of(visible, page.limit(), a -> PageRequest.cursor(a.number.toString()),
                a -> BankAccountView.from(a, a.fundId == null ? null : codes.get(a.fundId)));
    }

    @Transactional
    public BankAccountView get(UUID id, FundScope scope) {
        BankAccount account = BankAccount.findById(id);
        String fundCode = account == null || account.fundId == null ? null
                : funds.codesOf(Set.of(account.fundId), scope).get(account.fundId);
        if (account == null || (account.fundId != null && fundCode == null)) {
            throw notFound(id);
        }
        return BankAccountView.from(account, fundCode);
    }

    /** An account by its IBAN, if it is one of the organisation's. */
    @Transactional
    public Optional<AccountRef> byIban(String iban) {
        return BankAccount.<BankAccount>find("iban", iban).firstResultOptional().map(BankAccountService::refOf);
    }

    @Transactional
    public AccountRef require(UUID id) {
        return BankAccount.<BankAccount>findByIdOptional(id).map(BankAccountService::refOf)
                .orElseThrow(() -> notFound(id));
    }

    /**
     * Records an account a donor pays from; recording it again changes nothing. Refused for an
     * IBAN that is not valid: a statement's counterparty is matched on it.
     */
    @Transactional
    public DonorIbanView recordDonorIban(UUID donorId, RecordDonorIban command, String createdBy) {
        donors.get(donorId, false);
        Iban iban = Iban.parse(command.iban()).orElseThrow(() -> ProblemException.invalid("iban",
                "is not a valid IBAN: its check digits, its length or its country's format are wrong"));
        em.createNativeQuery("""
                INSERT INTO donor_bank_account (donor_id, iban, created_at, created_by) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (donor_id, iban) DO NOTHING
                """).setParameter(1, donorId).setParameter(2, iban.value())
                .setParameter(3, Timestamp.from(now())).setParameter(4, createdBy).executeUpdate();
        return donorIbans(donorId).stream().filter(known -> known.iban().equals(iban.value())).findFirst().orElseThrow();
    }

    /** The accounts a donor is known to pay from, in the order they were recorded. */
    @Transactional
    public List<DonorIbanView> donorIbans(UUID donorId) {
        donors.get(donorId, false);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT donor_id, iban, created_at FROM donor_bank_account WHERE donor_id = ?1 ORDER BY created_at, iban
                """).setParameter(1, donorId).getResultList();
        return rows.stream().map(BankAccountService::donorIbanOf).toList();
    }

    /** The donors known to pay from each of these IBANs (several for a public treasury's account). */
    @Transactional
    public Map<String, List<UUID>> donorsPayingFrom(Collection<String> ibans) {
        Map<String, List<UUID>> donorsByIban = new HashMap<>();
        // One array parameter, however many IBANs: a statement of 10,000 lines is one query.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT iban, donor_id FROM donor_bank_account WHERE iban = ANY(CAST(?1 AS varchar[])) ORDER BY created_at")
                .setParameter(1, Set.copyOf(ibans).toArray(String[]::new)).getResultList();
        rows.forEach(row -> donorsByIban.computeIfAbsent((String) row[0], key -> new ArrayList<>()).add((UUID) row[1]));
        return donorsByIban;
    }

    private static DonorIbanView donorIbanOf(Object[] row) {
        String iban = (String) row[1];
        return new DonorIbanView((UUID) row[0], iban, new Iban(iban).printed(), toInstant(row[2]));
    }

    private static Instant toInstant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
    }

    private static AccountRef refOf(BankAccount account) {
        return new AccountRef(account.id, account.number, account.iban, account.currency, account.fundId);
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException(ProblemType.BANK_ACCOUNT_NOT_FOUND, "No bank account has the id " + id + ".");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
