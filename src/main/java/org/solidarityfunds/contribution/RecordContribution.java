package org.solidarityfunds.contribution;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.money.MoneyInput;
import org.solidarityfunds.pledge.RecordPledge;

/** Record money received. */
@Schema(name = "RecordContribution", example = """
        {"donorId": "6f1c2b7e-2a4d-4c1e-9b3a-8d5e7f9a0b1c", "amount": {"amountMinor": 163500, "currency": "USD"},
         "exchangeRate": 0.917431192660, "receivedOn": "2020-10-02", "bankReference": "VIR-2020-10-02-0042",
         "allocations": [{"pledgeId": "3f1d6c2a-9b0e-4c8d-a1f2-5e6b7c8d9e0f", "instalmentNumber": 1,
                          "amountMinor": 75000}]}
        """)
public record RecordContribution(
        @Schema(required = true) @NotNull UUID donorId,
        @Schema(required = true, description = "As received: in the fund's currency, or in another with exchangeRate.")
        @NotNull @Valid MoneyInput amount,
        @Schema(description = "Fund currency per unit of the amount's currency; required exactly when they differ. At "
                + "most 12 decimals.", example = "0.917431192660")
        @Positive @Digits(integer = 12, fraction = 12) BigDecimal exchangeRate,
        @Schema(required = true, example = "2020-10-02") @NotNull LocalDate receivedOn,
        @Schema(required = true, description = "The bank's reference of the transfer.", example = "VIR-2020-10-02-0042",
                maxLength = 140)
        @NotNull String bankReference,
        @Schema(description = "To which pledges (or instalments) the money goes, in the fund's currency; what is not "
                + "allocated stays unallocated.", maxItems = 50)
        @Size(max = RecordContribution.ALLOCATIONS_MAX) List<@NotNull @Valid AllocationInput> allocations) {

    /** The most pledges or instalments one contribution is allocated to. */
    public static final int ALLOCATIONS_MAX = 50;

    @Schema(name = "AllocationInput")
    public record AllocationInput(
            @Schema(required = true) @NotNull UUID pledgeId,
            @Schema(description = "One instalment of the pledge; without it, the earliest due are filled first.",
                    minimum = "1", maximum = "" + RecordPledge.INSTALMENTS_MAX)
            @Positive @Max(RecordPledge.INSTALMENTS_MAX) Short instalmentNumber,
            @Schema(required = true, example = "75000", minimum = "1")
            @NotNull @Positive @Max(MoneyInput.AMOUNT_MINOR_MAX) Long amountMinor) {
    }
}
