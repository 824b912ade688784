package org.solidarityfunds.tools.multiinstance;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.solidarityfunds.ledger.Account;
import org.solidarityfunds.ledger.Side;

/**
 * Prints the chart of accounts (ledger/Account) as the rows of a SQL VALUES list,
 * {@code ('BANK', true), …} with {@code true} for a debit-normal account, for
 * .ci/multi-instance/invariants.sql, which recomputes the balances without the service's code
 * but takes the accounts and their normal sides from their one description.
 */
public final class ChartValues {

    private ChartValues() {
    }

    public static void main(String[] args) {
        System.out.println(Arrays.stream(Account.values())
                .map(account -> "('" + account.name() + "', " + (account.normalSide() == Side.DEBIT) + ")")
                .collect(Collectors.joining(", ")));
    }
}
