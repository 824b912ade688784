package org.solidarityfunds.ledger.ledger;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Ask for an entry to be reversed, saying why. */
@Schema(name = "ReverseEntry")
public record ReverseEntry(
        @Schema(required = true, description = "Why the entry is reversed; kept in the reversal's memo.",
                example = "Transfer returned by the bank (account closed)", maxLength = 400)
        @NotNull String reason) {
}
