package org.solidarityfunds.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * The maintained debit and credit totals of one account of one fund, net of reversals: a
 * reversal line takes its amount off the side of the line it reverses (storno), so that a
 * bounced contribution lowers {@code received} instead of raising {@code disbursed}.
 */
@Entity
@IdClass(AccountBalance.Key.class)
@Table(name = "ledger_account_balance")
public class AccountBalance extends PanacheEntityBase {

    @Id
    @Column(name = "fund_id")
    public long fundId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    public Account account;

    @Column(name = "debit_total_minor", nullable = false)
    public long debitTotalMinor;

    @Column(name = "credit_total_minor", nullable = false)
    public long creditTotalMinor;

    /** The balance on the account's normal side; negative only if something is wrong. */
    public long balanceMinor() {
        return account.balanceOf(debitTotalMinor, creditTotalMinor);
    }

    public record Key(long fundId, Account account) implements Serializable {
        public Key() {
            this(0, null);
        }
    }
}
