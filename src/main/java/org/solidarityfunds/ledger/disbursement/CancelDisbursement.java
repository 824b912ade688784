package org.solidarityfunds.ledger.disbursement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Withdraw a request, or release an approval before payment. */
@Schema(name = "CancelDisbursement")
public record CancelDisbursement(
        @Schema(required = true, example = "Projet abandonné par le bénéficiaire", maxLength = 400)
        @NotBlank @Size(max = 400) String reason) {
}
