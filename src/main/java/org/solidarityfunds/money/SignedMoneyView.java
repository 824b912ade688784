package org.solidarityfunds.money;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An amount that may be below zero: a bank balance (an overdrawn account), a difference. */
@Schema(name = "SignedMoney", description = "An amount in minor units of an ISO 4217 currency, below zero when "
        + "negative: a bank's balance in debit, a difference.", example = "{\"amountMinor\": -2412, \"currency\": \"EUR\"}")
public record SignedMoneyView(
        @Schema(description = "Whole minor units, negative below zero.", example = "-2412") long amountMinor,
        @Schema(description = "ISO 4217 code.", example = "EUR", pattern = "^[A-Z]{3}$") String currency) {
}
