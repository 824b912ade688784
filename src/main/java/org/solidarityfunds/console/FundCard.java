package org.solidarityfunds.console;

import java.util.List;
import org.solidarityfunds.fund.FundView;
import org.solidarityfunds.ledger.BalanceView;

/** A fund as the console shows it at a glance: its balances now, and at the end of each month since it opened. */
public record FundCard(FundView fund, BalanceView balance, List<BalanceView> months) {

    public FundCard {
        months = List.copyOf(months);
    }
}
