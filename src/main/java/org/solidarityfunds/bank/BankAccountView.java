package org.solidarityfunds.bank;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BankAccount")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BankAccountView(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "FR7630006000011234567890189") String iban,
        @Schema(required = true, example = "FR76 3000 6000 0112 3456 7890 189") String ibanPrinted,
        @Schema(example = "AGRIFRPP") String bic,
        @Schema(required = true, example = "EUR") String currency,
        @Schema(required = true) String name,
        @Schema(description = "The fund whose own account it is; absent when the account is shared.",
                example = "LIBAN-2020") String fund,
        @Schema(required = true) Instant createdAt) {

    static BankAccountView from(BankAccount account, String fundCode) {
        return new BankAccountView(account.id, account.iban, new Iban(account.iban).printed(), account.bic,
                account.currency, account.name, fundCode, account.createdAt);
    }
}
