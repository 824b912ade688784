package org.solidarityfunds.fund;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.ledger.FundStatus;

@Schema(name = "Fund")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FundView(
        @Schema(required = true, example = "LIBAN-2020") String code,
        @Schema(required = true, example = "Fonds de solidarité Liban") String name,
        String description,
        @Schema(required = true, example = "EUR") String currency,
        @Schema(required = true) FundStatus status,
        @Schema(required = true) Instant statusChangedAt,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) String createdBy) {

    /** A fund's only change is its status, each change with its time. */
    public String etag() {
        return status + "-" + statusChangedAt.toEpochMilli() + "-" + statusChangedAt.getNano();
    }

    static FundView from(Fund fund) {
        return new FundView(fund.code, fund.name, fund.description, fund.currency, fund.status,
                fund.statusChangedAt, fund.createdAt, fund.createdBy);
    }
}
