package org.solidarityfunds.contribution;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Reverse a contribution that did not arrive after all (a bounced transfer), saying why. */
@Schema(name = "ReverseContribution")
public record ReverseContribution(
        @Schema(required = true, example = "Virement rejeté par la banque (compte clos)", maxLength = 400)
        @NotNull String reason) {
}
