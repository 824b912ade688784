package org.solidarityfunds.pledge;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Cancel the part of a pledge not yet received, saying why. */
@Schema(name = "CancelPledge")
public record CancelPledge(
        @Schema(required = true, example = "Délibération annulée par le conseil municipal", maxLength = 400)
        @NotNull String reason) {
}
