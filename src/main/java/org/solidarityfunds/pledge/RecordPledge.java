package org.solidarityfunds.pledge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.money.MoneyInput;

/** Record a donor's promise to a fund. */
@Schema(name = "RecordPledge", example = """
        {"donorId": "6f1c2b7e-2a4d-4c1e-9b3a-8d5e7f9a0b1c", "amount": {"amountMinor": 150000, "currency": "EUR"},
         "pledgedOn": "2020-09-15", "deliberationRef": "DEL-2020-145",
         "instalments": [{"amountMinor": 75000, "dueOn": "2020-12-31"}, {"amountMinor": 75000, "dueOn": "2021-06-30"}]}
        """)
public record RecordPledge(
        @Schema(required = true) @NotNull UUID donorId,
        @Schema(required = true, description = "In the fund's currency.") @NotNull @Valid MoneyInput amount,
        @Schema(required = true, description = "The day the promise was made (e.g. of the council's deliberation).",
                example = "2020-09-15")
        @NotNull LocalDate pledgedOn,
        @Schema(description = "The donor's deliberation reference.", example = "DEL-2020-145", maxLength = 200)
        String deliberationRef,
        @Schema(description = "When the money is due, in parts that add up to the amount; none when it is due at once.",
                maxItems = RecordPledge.INSTALMENTS_MAX)
        @Size(max = RecordPledge.INSTALMENTS_MAX) List<@NotNull @Valid Instalment> instalments) {

    /** A pledge is paid in at most this many instalments, numbered from 1. */
    public static final int INSTALMENTS_MAX = 60;

    @Schema(name = "PledgeInstalmentInput")
    public record Instalment(
            @Schema(required = true, example = "75000", minimum = "1") @NotNull @Positive @Max(MoneyInput.AMOUNT_MINOR_MAX)
            Long amountMinor,
            @Schema(required = true, example = "2020-12-31") @NotNull LocalDate dueOn) {
    }
}
