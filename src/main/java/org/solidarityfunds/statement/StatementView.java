package org.solidarityfunds.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.ledger.Account;
import org.solidarityfunds.ledger.EntryKind;
import org.solidarityfunds.ledger.Side;
import org.solidarityfunds.money.MoneyView;

/**
 * The JSON shape of a statement, for the contract: the service writes it as a stream
 * ({@link StatementWriter}), never as one object in memory.
 */
@Schema(name = "Statement", description = "A fund's accounts over a period: opening balances, every journal line "
        + "with the balance of its account after it, closing balances.")
public record StatementView(
        @Schema(required = true, example = "LIBAN-2020") String fundCode,
        @Schema(required = true, example = "EUR") String currency,
        @Schema(required = true, description = "Start of the period, included.") Instant from,
        @Schema(required = true, description = "End of the period, excluded.") Instant to,
        @Schema(required = true, description = "After every entry recorded before from.") Balances opening,
        @Schema(required = true, description = "In posting order.") List<Movement> movements,
        @Schema(required = true, description = "After every entry recorded before to.") Balances closing) {

    @Schema(name = "StatementBalances", description = "Each account's balance on its normal side.")
    public record Balances(
            @Schema(required = true) MoneyView bank,
            @Schema(required = true) MoneyView pledgesReceivable,
            @Schema(required = true) MoneyView pledgesToReceive,
            @Schema(required = true) MoneyView available,
            @Schema(required = true) MoneyView commitments) {
    }

    @Schema(name = "StatementMovement", description = "One journal line.")
    public record Movement(
            @Schema(required = true) long sequence,
            @Schema(required = true) UUID entryId,
            @Schema(required = true) EntryKind kind,
            @Schema(required = true) Instant recordedAt,
            @Schema(required = true) LocalDate effectiveDate,
            @Schema(required = true) String memo,
            @Schema(required = true) int line,
            @Schema(required = true) Account account,
            @Schema(required = true) Side side,
            @Schema(required = true) MoneyView amount,
            @Schema(required = true, description = "The account's balance, on its normal side, after this line.")
            MoneyView balanceAfter) {
    }
}
