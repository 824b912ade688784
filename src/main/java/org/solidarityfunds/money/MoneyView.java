package org.solidarityfunds.money;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How an amount reads in the API: {@code {"amountMinor": 150000, "currency": "EUR"}} is 1,500.00 EUR. */
@Schema(name = "Money", description = "An amount in minor units (cents for EUR) of an ISO 4217 currency.",
        example = "{\"amountMinor\": 150000, \"currency\": \"EUR\"}")
public record MoneyView(
        @Schema(description = "Whole minor units; 150000 EUR cents is 1,500.00 EUR.", example = "150000", minimum = "0")
        long amountMinor,
        @Schema(description = "ISO 4217 code.", example = "EUR", pattern = "^[A-Z]{3}$")
        String currency) {

    public static MoneyView from(Money money) {
        return new MoneyView(money.amountMinor(), money.currency().getCurrencyCode());
    }
}
