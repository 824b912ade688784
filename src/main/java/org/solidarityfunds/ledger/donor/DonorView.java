package org.solidarityfunds.ledger.donor;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Donor")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DonorView(
        @Schema(required = true) UUID id,
        @Schema(required = true) DonorKind kind,
        @Schema(required = true, example = "Ville de Lyon") String name,
        @Schema(example = "216901231") String siren,
        @Schema(example = "relations.internationales@mairie-lyon.fr") String contactEmail,
        @Schema(required = true, description = "Auxiliary account code (FEC CompAuxNum).", example = "D000001")
        String auxiliaryAccount,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) String createdBy) {

    static DonorView from(Donor donor) {
        return new DonorView(donor.id, donor.kind, donor.name, donor.siren, donor.contactEmail,
                donor.auxiliaryAccount(), donor.createdAt, donor.createdBy);
    }
}
