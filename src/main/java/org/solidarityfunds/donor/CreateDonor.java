package org.solidarityfunds.donor;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Register a donor. */
@Schema(name = "CreateDonor")
public record CreateDonor(
        @Schema(required = true, example = "COMMUNE") @NotNull DonorKind kind,
        @Schema(required = true, example = "Ville de Lyon", maxLength = 200) @NotNull String name,
        @Schema(description = "9-digit SIREN with a valid check digit; never for a PERSON.", example = "216901231",
                pattern = "^[0-9]{9}$")
        @Pattern(regexp = "[0-9]{9}", message = "must be 9 digits") String siren,
        @Schema(description = "Where the donor's finance staff can be reached.", example = "relations.internationales@mairie-lyon.fr",
                maxLength = 254, format = "email", pattern = EMAIL)
        @Pattern(regexp = EMAIL, message = "must be an address such as finance@example.fr") String contactEmail) {

    /**
     * An e-mail address, as the contract and the service both read it: a dot-atom local part
     * and a domain of at least two labels ending in letters (RFC 5321's common form; no
     * quoted local part, no address literal), ASCII only, the same in Java and ECMAScript.
     */
    static final String EMAIL = "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$";
}
