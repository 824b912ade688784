package org.solidarityfunds.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.solidarityfunds.money.MoneyView;

/**
 * A contribution as a list shows it, without its allocations: {@link ContributionView} is the
 * whole contribution.
 */
public record ContributionSummary(UUID id, UUID donorId, MoneyView amount, MoneyView originalAmount,
        BigDecimal exchangeRate, LocalDate receivedOn, String bankReference, ContributionView.Status status) {

    static ContributionSummary from(Contribution c) {
        return new ContributionSummary(c.id, c.donorId, new MoneyView(c.amountMinor, c.currency),
                ContributionView.originalOf(c), ContributionView.rateOf(c), c.receivedOn, c.bankReference,
                ContributionView.statusOf(c));
    }
}
