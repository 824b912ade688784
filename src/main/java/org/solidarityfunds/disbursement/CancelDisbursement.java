package org.solidarityfunds.disbursement;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Withdraw a request, or release an approval before payment. */
@Schema(name = "CancelDisbursement")
public record CancelDisbursement(
        @Schema(required = true, example = "Projet abandonné par le bénéficiaire", maxLength = 400)
        @NotNull String reason) {
}
