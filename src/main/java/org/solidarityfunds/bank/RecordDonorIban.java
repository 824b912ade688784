package org.solidarityfunds.bank;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account a donor pays from, so that its transfers are recognised on the bank's statements. */
@Schema(name = "RecordDonorIban")
public record RecordDonorIban(
        @Schema(required = true, description = "ISO 13616, as printed or compact, either case.",
                example = "FR76 1007 1750 0000 0020 0503 235", maxLength = 64)
        @NotNull @Size(max = 64) String iban) {
}
