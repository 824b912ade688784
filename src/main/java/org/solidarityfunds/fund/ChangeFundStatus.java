package org.solidarityfunds.fund;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.ledger.FundStatus;

/** Move a fund forward in its lifecycle, saying why. */
@Schema(name = "ChangeFundStatus")
public record ChangeFundStatus(
        @Schema(required = true, example = "CLOSED_TO_PLEDGES") @NotNull FundStatus status,
        @Schema(required = true, example = "Décision du comité de donateurs du 15 décembre 2020", maxLength = 500)
        @NotNull String reason) {
}
