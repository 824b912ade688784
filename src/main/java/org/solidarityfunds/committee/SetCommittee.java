package org.solidarityfunds.committee;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.money.MoneyInput;

/** Set a fund's committee: the whole of it, recorded as its next version. */
@Schema(name = "SetCommittee", example = """
        {"members": [
           {"subject": "comite-liban-1", "name": "Ville de Lyon, adjointe aux relations internationales",
            "validFrom": "2020-08-10", "validUntil": "2026-03-31"},
           {"subject": "comite-liban-2", "name": "Ville de Nantes", "validFrom": "2020-08-10"},
           {"subject": "comite-liban-3", "name": "Ville de Rennes", "validFrom": "2020-08-10"},
           {"subject": "comite-liban-4", "name": "Ville de Grenoble", "validFrom": "2020-08-10"}],
         "quorum": 3, "majority": "SIMPLE",
         "delegate": {"subject": "comite-liban-2", "below": {"amountMinor": 500000, "currency": "EUR"}},
         "reason": "Délibération du conseil d'administration du 2020-09-01"}
        """)
public record SetCommittee(
        @Schema(required = true, minItems = 1, maxItems = SEATS_MAX) @NotNull @Size(min = 1, max = SEATS_MAX)
        List<@NotNull @Valid MemberInput> members,
        @Schema(required = true, description = "The least number of votes cast (FOR, AGAINST or ABSTAIN; a recusal "
                + "is not a vote) for the committee to decide. At most the number of members.", example = "3",
                minimum = "1", maximum = "50")
        @NotNull @Positive @Max(SEATS_MAX) Integer quorum,
        @Schema(required = true, description = "SIMPLE: more FOR than AGAINST. TWO_THIRDS: at least two thirds of "
                + "FOR and AGAINST are FOR. Abstentions never count towards the majority.")
        @NotNull MajorityRule majority,
        @Schema(description = "A member who decides alone, with one FOR or AGAINST, on requests below an amount.")
        @Valid DelegateInput delegate,
        @Schema(required = true, description = "Why the committee is set or changed: a deliberation, say.",
                example = "Délibération du conseil d'administration du 2020-09-01", maxLength = 400)
        @NotNull String reason) {

    /** Limit: seats on one committee. */
    public static final int SEATS_MAX = 50;

    @Schema(name = "CommitteeMemberInput")
    public record MemberInput(
            @Schema(required = true, description = "The member's token subject (sub).", example = "comite-liban-1",
                    maxLength = 200)
            @NotNull String subject,
            @Schema(required = true, example = "Ville de Lyon, adjointe aux relations internationales", maxLength = 200)
            @NotNull String name,
            @Schema(required = true, example = "2020-08-10") @NotNull LocalDate validFrom,
            @Schema(description = "The last day the seat is held; open-ended without it.", example = "2021-12-31")
            LocalDate validUntil) {
    }

    @Schema(name = "CommitteeDelegateInput")
    public record DelegateInput(
            @Schema(required = true, description = "A member's subject.", example = "comite-liban-1", maxLength = 200)
            @NotNull String subject,
            @Schema(required = true, description = "Requests of strictly less than this amount, in the fund's currency.")
            @NotNull @Valid MoneyInput below) {
    }
}
