package org.solidarityfunds.accounting;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The variation of the fonds dédiés over a year (the table of the annex of ANC 2018-06), per
 * fund and family of resources: at the start, the year's resources and charges, what was used of
 * the earlier fonds (789x), what was carried (689x), at the end. A closed year's is what its
 * closing booked; an open or closing year's, what its closing would book if confirmed now.
 */
@Schema(name = "DedicatedFundsReport")
public record DedicatedFundsReport(
        @Schema(required = true, example = "2020") String fiscalYear,
        @Schema(required = true, description = "Whether the year is still to close: the figures may change until then.")
        boolean provisional,
        @Schema(required = true, description = "The chart the accounts are those of.") String chart,
        @Schema(required = true) List<Row> rows) {

    @Schema(name = "DedicatedFundsRow")
    public record Row(
            @Schema(required = true, example = "LIBAN-2020") String fund,
            @Schema(required = true, example = "EUR") String currency,
            @Schema(required = true, example = "SUBSIDIES", description = "The family of resources (the chart's).")
            String family,
            @Schema(required = true, example = "194", description = "Its fonds dédiés account.") String account,
            @Schema(required = true, description = "Fonds dédiés at the start of the year, in minor units.")
            long openingMinor,
            @Schema(required = true, description = "The year's resources of the family (pledges, money received "
                    + "without a pledge; less cancellations).") long resourcesMinor,
            @Schema(required = true, description = "The family's share of the year's grants awarded, less those released.")
            long chargesMinor,
            @Schema(required = true, description = "Earlier fonds used this year (Dr 19x / Cr 789x).") long usedMinor,
            @Schema(required = true, description = "Unused resources of the year carried (Dr 689x / Cr 19x).")
            long carriedMinor,
            @Schema(required = true, description = "Fonds dédiés at the end of the year: opening − used + carried.")
            long closingMinor) {
    }
}
