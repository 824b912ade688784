package org.solidarityfunds.fiscalyear;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A step of a fiscal year's closing (asking for it, confirming it, withdrawing it), with why. */
@Schema(name = "ClosingStep")
public record ClosingStep(
        @Schema(required = true, example = "Comptes 2020 arrêtés par le bureau du 12 mars 2021", maxLength = 500)
        @NotNull String reason) {
}
