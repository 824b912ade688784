package org.solidarityfunds.disbursement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.money.MoneyInput;

/** Record one payment (a tranche, or the whole) of an approved disbursement, as the bank's advice gives it. */
@Schema(name = "RecordPayment", example = """
        {"paidOn": "2020-11-12", "reference": "VIR-SORT-2020-11-12-0007",
         "amount": {"amountMinor": 2500000, "currency": "EUR"},
         "beneficiaryAccount": {"iban": "MZ59000301080016367102371", "bic": "BIMOMZMX"},
         "foreignAmount": {"amountMinor": 180000000, "currency": "MZN"}, "exchangeRate": 0.013888888889,
         "commitmentSettledMinor": 2450000, "chargesMinor": 1500}
        """)
public record RecordPayment(
        @Schema(required = true, description = "The day the money left; not in the future.", example = "2020-11-12")
        @NotNull LocalDate paidOn,
        @Schema(required = true, description = "The bank's reference of the outgoing transfer.",
                example = "VIR-SORT-2020-11-12-0007", maxLength = 140)
        @NotNull String reference,
        @Schema(required = true, description = "What the bank debited for the transfer, in the fund's currency, "
                + "charges apart: what the ledger books.")
        @NotNull @Valid MoneyInput amount,
        @Schema(description = "Where the money went.") @Valid BeneficiaryAccount beneficiaryAccount,
        @Schema(description = "The transfer in the beneficiary's currency, for a payment in another currency than "
                + "the fund's; with exchangeRate.")
        @Valid MoneyInput foreignAmount,
        @Schema(description = "The bank's rate, fund currency per unit of foreignAmount's; required exactly with "
                + "foreignAmount, and within 1 % of amount ÷ foreignAmount. At most 12 decimals.",
                example = "0.013888888889")
        @Positive @Digits(integer = 12, fraction = 12) BigDecimal exchangeRate,
        @Schema(description = "The part of the commitment this payment settles, in minor units of the fund's "
                + "currency; by default the amount debited. Only a payment in another currency may settle a "
                + "different amount: the difference is booked as an exchange loss (EXCHANGE_LOSS, from available "
                + "money) or gain (EXCHANGE_GAIN, back to available money).", minimum = "1")
        @Positive @Max(MoneyInput.AMOUNT_MINOR_MAX) Long commitmentSettledMinor,
        @Schema(description = "The bank's charges on the transfer, in minor units of the fund's currency; booked "
                + "as BANK_CHARGES out of the fund's available money, never out of the commitment.", minimum = "0")
        @PositiveOrZero @Max(MoneyInput.AMOUNT_MINOR_MAX) Long chargesMinor) {

    /** The beneficiary's account: an IBAN, or where a country has none (Indonesia, Ecuador...) its number and the bank's BIC. */
    @Schema(name = "BeneficiaryAccount")
    public record BeneficiaryAccount(
            @Schema(description = "Checked by its ISO 13616 check digits and its country's length.",
                    example = "MZ59000301080016367102371", maxLength = 42)
            String iban,
            @Schema(description = "The account's number where there is no IBAN; with bic.", example = "1234567890",
                    maxLength = 34)
            String accountNumber,
            @Schema(description = "The beneficiary's bank (ISO 9362).", example = "BIMOMZMX", maxLength = 11)
            String bic) {
    }
}
