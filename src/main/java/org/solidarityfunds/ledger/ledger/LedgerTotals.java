package org.solidarityfunds.ledger.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.hibernate.annotations.Immutable;

/**
 * The debit and credit totals of every account of a fund as they stood right after one of its
 * entries, written with the entry: what a balance at a past instant is read from, in one
 * index probe (docs/concepts/ledger.md).
 */
@Entity
@Immutable
@IdClass(LedgerTotals.Key.class)
@Table(name = "ledger_totals")
public class LedgerTotals extends PanacheEntityBase {

    @Id
    @Column(name = "fund_id")
    public long fundId;

    @Id
    public long sequence;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "bank_debit_minor", nullable = false)
    long bankDebitMinor;
    @Column(name = "bank_credit_minor", nullable = false)
    long bankCreditMinor;
    @Column(name = "pledges_receivable_debit_minor", nullable = false)
    long pledgesReceivableDebitMinor;
    @Column(name = "pledges_receivable_credit_minor", nullable = false)
    long pledgesReceivableCreditMinor;
    @Column(name = "pledges_to_receive_debit_minor", nullable = false)
    long pledgesToReceiveDebitMinor;
    @Column(name = "pledges_to_receive_credit_minor", nullable = false)
    long pledgesToReceiveCreditMinor;
    @Column(name = "available_debit_minor", nullable = false)
    long availableDebitMinor;
    @Column(name = "available_credit_minor", nullable = false)
    long availableCreditMinor;
    @Column(name = "commitments_debit_minor", nullable = false)
    long commitmentsDebitMinor;
    @Column(name = "commitments_credit_minor", nullable = false)
    long commitmentsCreditMinor;

    /** The totals after an entry, taken from the fund's maintained balances once the entry's lines are applied. */
    static LedgerTotals after(long fundId, long sequence, Instant recordedAt, Map<Account, AccountBalance> balances) {
        LedgerTotals totals = new LedgerTotals();
        totals.fundId = fundId;
        totals.sequence = sequence;
        totals.recordedAt = recordedAt;
        totals.bankDebitMinor = balances.get(Account.BANK).debitTotalMinor;
        totals.bankCreditMinor = balances.get(Account.BANK).creditTotalMinor;
        totals.pledgesReceivableDebitMinor = balances.get(Account.PLEDGES_RECEIVABLE).debitTotalMinor;
        totals.pledgesReceivableCreditMinor = balances.get(Account.PLEDGES_RECEIVABLE).creditTotalMinor;
        totals.pledgesToReceiveDebitMinor = balances.get(Account.PLEDGES_TO_RECEIVE).debitTotalMinor;
        totals.pledgesToReceiveCreditMinor = balances.get(Account.PLEDGES_TO_RECEIVE).creditTotalMinor;
        totals.availableDebitMinor = balances.get(Account.AVAILABLE).debitTotalMinor;
        totals.availableCreditMinor = balances.get(Account.AVAILABLE).creditTotalMinor;
        totals.commitmentsDebitMinor = balances.get(Account.COMMITMENTS).debitTotalMinor;
        totals.commitmentsCreditMinor = balances.get(Account.COMMITMENTS).creditTotalMinor;
        return totals;
    }

    /** The same totals as account balances (detached; for reading only). */
    Map<Account, AccountBalance> balances() {
        Map<Account, AccountBalance> balances = new EnumMap<>(Account.class);
        balances.put(Account.BANK, balance(Account.BANK, bankDebitMinor, bankCreditMinor));
        balances.put(Account.PLEDGES_RECEIVABLE, balance(Account.PLEDGES_RECEIVABLE, pledgesReceivableDebitMinor,
                pledgesReceivableCreditMinor));
        balances.put(Account.PLEDGES_TO_RECEIVE, balance(Account.PLEDGES_TO_RECEIVE, pledgesToReceiveDebitMinor,
                pledgesToReceiveCreditMinor));
        balances.put(Account.AVAILABLE, balance(Account.AVAILABLE, availableDebitMinor, availableCreditMinor));
        balances.put(Account.COMMITMENTS, balance(Account.COMMITMENTS, commitmentsDebitMinor, commitmentsCreditMinor));
        return balances;
    }

    /** Every account at zero: the totals before a fund's first entry. */
    static Map<Account, AccountBalance> zero() {
        Map<Account, AccountBalance> balances = new EnumMap<>(Account.class);
        for (Account account : Account.values()) {
            balances.put(account, balance(account, 0, 0));
        }
        return balances;
    }

    private static AccountBalance balance(Account account, long debitMinor, long creditMinor) {
        AccountBalance balance = new AccountBalance();
        balance.account = account;
        balance.debitTotalMinor = debitMinor;
        balance.creditTotalMinor = creditMinor;
        return balance;
    }

    public record Key(long fundId, long sequence) implements Serializable {
        public Key() {
            this(0, 0);
        }
    }
}
