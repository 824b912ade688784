package org.solidarityfunds.fund;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Open a new fund. */
@Schema(name = "CreateFund")
public record CreateFund(
        @Schema(required = true, description = "Unique, upper case, digits and dashes; never changes.",
                example = "LIBAN-2020", pattern = CODE_PATTERN, minLength = 3, maxLength = 32)
        @NotNull @Size(min = 3, max = 32) @Pattern(regexp = CODE_PATTERN) String code,
        @Schema(required = true, example = "Fonds de solidarité Liban", maxLength = 200)
        @NotNull String name,
        @Schema(example = "Soutien aux collectivités libanaises après l'explosion du port de Beyrouth", maxLength = 2000)
        String description,
        @Schema(description = "ISO 4217 code of the fund's only currency; EUR when absent.", example = "EUR",
                pattern = "^[A-Z]{3}$")
        @Pattern(regexp = "[A-Z]{3}") String currency) {

    static final String CODE_PATTERN = "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$";
}
