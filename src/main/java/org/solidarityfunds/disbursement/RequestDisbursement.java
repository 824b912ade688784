package org.solidarityfunds.disbursement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.money.MoneyInput;

/** Ask the fund's committee for money to go to a project. The requester is the caller. */
@Schema(name = "RequestDisbursement")
public record RequestDisbursement(
        @Schema(required = true) @NotNull @Valid Beneficiary beneficiary,
        @Schema(required = true, example = "Réhabilitation du marché municipal de Dondo", maxLength = 1000)
        @NotNull String purpose,
        @Schema(required = true, description = "In the fund's currency.") @NotNull @Valid MoneyInput amount) {

    @Schema(name = "Beneficiary")
    public record Beneficiary(
            @Schema(required = true, example = "Conseil municipal de Dondo", maxLength = 200)
            @NotNull String name,
            @Schema(required = true, description = "ISO 3166-1 alpha-2.", example = "MZ", pattern = "^[A-Z]{2}$")
            @NotNull @Pattern(regexp = "[A-Z]{2}") String country) {
    }
}
