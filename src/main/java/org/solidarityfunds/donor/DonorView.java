package org.solidarityfunds.donor;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Donor")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DonorView(
        @Schema(required = true) UUID id,
        @Schema(required = true) DonorKind kind,
        @Schema(description = "Withheld from partners when the donor is a PERSON.", example = "Ville de Lyon") String name,
        @Schema(example = "216901231") String siren,
        @Schema(description = "Withheld from partners.", example = "relations.internationales@mairie-lyon.fr")
        String contactEmail,
        @Schema(required = true, description = "Auxiliary account code (FEC CompAuxNum).", example = "D000001")
        String auxiliaryAccount,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) String createdBy) {

    /** The auxiliary account code of the donor with that number: D and six digits. */
    public static String auxiliaryAccountOf(long donorNumber) {
        return String.format("D%06d", donorNumber);
    }

    /** Without personal data (for partners): no contact, and no name when the donor is a person. */
    static DonorView from(Donor donor, boolean withPersonalData) {
        boolean person = donor.kind == DonorKind.PERSON;
        return new DonorView(donor.id, donor.kind, withPersonalData || !person ? donor.name : null, donor.siren,
                withPersonalData ? donor.contactEmail : null, donor.auxiliaryAccount(), donor.createdAt,
                donor.createdBy);
    }
}
