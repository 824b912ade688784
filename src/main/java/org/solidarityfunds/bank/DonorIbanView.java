package org.solidarityfunds.bank;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DonorIban")
public record DonorIbanView(
        @Schema(required = true) UUID donorId,
        @Schema(required = true, example = "FR7610071690000000200031071") String iban,
        @Schema(required = true, example = "FR76 1007 1690 0000 0020 0031 071") String ibanPrinted,
        @Schema(required = true) Instant createdAt) {
}
