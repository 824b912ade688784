package org.solidarityfunds.ledger.contribution;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Reverse a contribution that did not arrive after all (a bounced transfer), saying why. */
@Schema(name = "ReverseContribution")
public record ReverseContribution(
        @Schema(required = true, example = "Virement rejeté par la banque (compte clos)", maxLength = 400)
        @NotBlank @Size(max = 400) String reason) {
}
