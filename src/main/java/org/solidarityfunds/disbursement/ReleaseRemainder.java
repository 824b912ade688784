package org.solidarityfunds.disbursement;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Release what a partly paid disbursement still has committed, and close it. */
@Schema(name = "ReleaseRemainder")
public record ReleaseRemainder(
        @Schema(required = true, example = "Projet achevé en deçà du budget : dernière tranche non versée",
                maxLength = 400)
        @NotNull String reason) {
}
