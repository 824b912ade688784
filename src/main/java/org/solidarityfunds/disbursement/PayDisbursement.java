package org.solidarityfunds.disbursement;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Record that an approved disbursement was paid. */
@Schema(name = "PayDisbursement")
public record PayDisbursement(
        @Schema(required = true, description = "The bank's reference of the outgoing transfer.",
                example = "VIR-SORT-2020-11-12-0007", maxLength = 140)
        @NotNull String paymentReference,
        @Schema(required = true, description = "The day the money left; not in the future.", example = "2020-11-12")
        @NotNull LocalDate paidOn) {
}
