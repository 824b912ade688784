package org.solidarityfunds.contribution;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bank statement's contributions to one fund, recorded together or not at all. */
@Schema(name = "RecordContributions")
public record RecordContributions(
        @Schema(required = true, minItems = 1, maxItems = CONTRIBUTIONS_MAX, description = "In the order to record them.")
        @NotNull @Size(min = 1, max = CONTRIBUTIONS_MAX) List<@NotNull @Valid RecordContribution> contributions) {

    /** Limit: contributions in one import. */
    public static final int CONTRIBUTIONS_MAX = 1_000;
}
