package org.solidarityfunds.bank;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DonorIban")
public record DonorIbanView(
        @Schema(required = true) UUID donorId,
        @Schema(required = true, example = "FR7610071750000000200503235") String iban,
        @Schema(required = true, example = "FR76 1007 1750 0000 0020 0503 235") String ibanPrinted,
        @Schema(required = true) Instant createdAt) {
}
