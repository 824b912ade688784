package org.solidarityfunds.ledger.donor;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Register a donor. */
@Schema(name = "CreateDonor")
public record CreateDonor(
        @Schema(required = true, example = "COMMUNE") @NotNull DonorKind kind,
        @Schema(required = true, example = "Ville de Lyon", maxLength = 200) @NotBlank @Size(max = 200) String name,
        @Schema(description = "9-digit SIREN with a valid check digit; never for a PERSON.", example = "216901231",
                pattern = "^[0-9]{9}$")
        @Pattern(regexp = "[0-9]{9}", message = "must be 9 digits") String siren,
        @Schema(description = "Where the donor's finance staff can be reached.", example = "relations.internationales@mairie-lyon.fr",
                maxLength = 254, format = "email")
        @Email @Size(max = 254) String contactEmail) {
}
