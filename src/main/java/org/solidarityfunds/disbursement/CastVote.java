package org.solidarityfunds.disbursement;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A committee member's vote. The voter is the caller. */
@Schema(name = "CastVote")
public record CastVote(
        @Schema(required = true) @NotNull VoteChoice vote,
        @Schema(example = "Projet conforme à l'appel du fonds", maxLength = 1000) String comment,
        @Schema(description = "The minutes of the meeting where the vote was cast; kept on the decision when this "
                + "vote decides.", example = "PV-COMITE-LIBAN-2020-10-05", maxLength = 200)
        String minutesReference) {
}
