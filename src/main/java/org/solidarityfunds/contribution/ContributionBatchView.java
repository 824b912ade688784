package org.solidarityfunds.contribution;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.money.MoneyView;

@Schema(name = "ContributionBatch", description = "The contributions of one import, each with its entry, in the order sent.")
public record ContributionBatchView(
        @Schema(required = true) List<ContributionView> contributions,
        @Schema(required = true, example = "250") int count,
        @Schema(required = true, description = "What the import brought, in the fund's currency.") MoneyView total) {
}
