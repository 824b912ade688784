package org.solidarityfunds.bankstatement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.bank.BankAccountService.AccountRef;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.fund.FundService.FundRef;

/**
 * Which funds' money an account holds, and the account's lock: what staging, reconciling and
 * reading a statement share. A fund's own account holds that fund's money; a shared account,
 * that of every fund of its currency that has no account of its own.
 */
@ApplicationScoped
class AccountFunds {

    /** Namespace of the advisory locks on bank accounts (1: fiscal years, 2: the fiscal calendar). */
    private static final int ACCOUNT_LOCK_SPACE = 3;

    private final EntityManager em;
    private final FundService funds;

    AccountFunds(EntityManager em, FundService funds) {
        this.em = em;
        this.funds = funds;
    }

    /** The funds whose money the account holds: its own fund, or every fund of its currency that has none. */
    List<FundRef> served(AccountRef account) {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("""
                SELECT f.code FROM fund f
                 WHERE CASE WHEN CAST(?1 AS bigint) IS NOT NULL THEN f.id = CAST(?1 AS bigint)
                            ELSE f.currency = ?2 AND NOT EXISTS (SELECT 1 FROM bank_account a WHERE a.fund_id = f.id) END
                 ORDER BY f.id
                """).setParameter(1, account.fundId()).setParameter(2, account.currency()).getResultList();
        return codes.stream().map(code -> funds.require(code, FundScope.all())).toList();
    }

    /** Staging and reconciling an account's statements take this lock, until the end of their transaction. */
    void lock(long accountNumber) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1, CAST(?2 AS int))")
                .setParameter(1, ACCOUNT_LOCK_SPACE).setParameter(2, accountNumber).getSingleResult();
    }
}
