package org.solidarityfunds.ledger.pledge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Cancel the part of a pledge not yet received, saying why. */
@Schema(name = "CancelPledge")
public record CancelPledge(
        @Schema(required = true, example = "Délibération annulée par le conseil municipal", maxLength = 400)
        @NotBlank @Size(max = 400) String reason) {
}
