package org.solidarityfunds.bank;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Register one of the organisation's bank accounts. */
@Schema(name = "OpenBankAccount", example = """
        {"iban": "FR76 3000 6000 0112 3456 7890 189", "bic": "AGRIFRPP", "currency": "EUR",
         "name": "Fonds Liban - compte dédié", "fund": "LIBAN-2020"}
        """)
public record OpenBankAccount(
        @Schema(required = true, description = "ISO 13616, as printed (groups of four) or compact, either case.",
                example = "FR7630006000011234567890189", maxLength = 64)
        @NotNull @Size(max = 64) String iban,
        @Schema(description = "ISO 9362, 8 or 11 characters.", example = "AGRIFRPP", maxLength = 11)
        @Size(max = 11) String bic,
        @Schema(required = true, description = "ISO 4217: what the account is kept in.", example = "EUR",
                pattern = "^[A-Z]{3}$")
        @NotNull @Size(min = 3, max = 3) String currency,
        @Schema(required = true, example = "Fonds Liban - compte dédié", maxLength = 140)
        @NotBlank @Size(max = 140) String name,
        @Schema(description = "The fund whose own account it is (in its currency); without it, the account is "
                + "shared by the funds that have none of their own.", example = "LIBAN-2020")
        @Size(max = 40) String fund) {
}
