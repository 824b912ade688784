package org.solidarityfunds.fiscalyear;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FiscalYear", description = "One fiscal year (exercice) of the organisation, by the effective dates of "
        + "its entries.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FiscalYearView(
        @Schema(required = true, example = "2020", description = "The year, or its two years when it straddles two.")
        String code,
        @Schema(required = true, example = "2020-01-01") LocalDate firstDay,
        @Schema(required = true, example = "2020-12-31") LocalDate lastDay,
        @Schema(required = true) FiscalYearStatus status,
        @Schema(description = "Who asked for the closing (while CLOSING or CLOSED).") String closingRequestedBy,
        Instant closingRequestedAt,
        @Schema(description = "Who confirmed the closing: never its requester.") String closedBy,
        Instant closedAt,
        @Schema(description = "How many entries the closing numbered (EcritureNum 1 to this).") Long entryCount) {

    static FiscalYearView from(FiscalYear year) {
        return new FiscalYearView(year.code(), year.firstDay, year.lastDay, year.status, year.closingRequestedBy,
                year.closingRequestedAt, year.closedBy, year.closedAt, year.entryCount);
    }
}
