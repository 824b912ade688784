package org.solidarityfunds.money;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.problem.ProblemException;

/** An amount as a request carries it: positive, at most 10^15 minor units, in an ISO 4217 currency. */
@Schema(name = "MoneyInput", description = "A positive amount in minor units (cents for EUR), at most 10^15.",
        example = "{\"amountMinor\": 150000, \"currency\": \"EUR\"}")
public record MoneyInput(
        @Schema(required = true, example = "150000", minimum = "1", maximum = "1000000000000000")
        @NotNull @Positive @Max(AMOUNT_MINOR_MAX) Long amountMinor,
        @Schema(required = true, example = "EUR", pattern = "^[A-Z]{3}$")
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

    /** The largest amount one request may carry: 10^15 minor units (10,000 billion EUR). */
    public static final long AMOUNT_MINOR_MAX = 1_000_000_000_000_000L;

    /** The amount, or a validation problem naming {@code field} when the currency is not one. */
    public Money toMoney(String field) {
        return new Money(amountMinor, Currencies.find(currency).orElseThrow(() -> ProblemException.invalid(
                field + ".currency", "is not an ISO 4217 currency with minor units")));
    }
}
