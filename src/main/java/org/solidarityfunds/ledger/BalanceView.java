package org.solidarityfunds.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.money.Money;
import org.solidarityfunds.money.MoneyView;

/** A fund's balances, each derived from the journal lines of one account (docs/concepts/ledger.md). */
@Schema(name = "FundBalance")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BalanceView(
        @Schema(required = true, example = "LIBAN-2020") String fundCode,
        @Schema(required = true, description = "Everything pledged: debits to pledges receivable, net of reversals.")
        MoneyView pledged,
        @Schema(required = true, description = "Everything received: debits to bank, net of reversals.")
        MoneyView received,
        @Schema(required = true, description = "Pledged and not yet received nor cancelled: the pledges receivable balance.")
        MoneyView outstandingPledges,
        @Schema(required = true, description = "Approved and not yet paid: the commitments balance.")
        MoneyView committed,
        @Schema(required = true, description = "Paid out: credits to bank, net of reversals.")
        MoneyView disbursed,
        @Schema(required = true, description = "Received and not committed: received - committed - disbursed.")
        MoneyView available,
        @Schema(required = true, description = "Number of entries in the fund's journal.", example = "12")
        long entryCount,
        @Schema(required = true, description = "Hex SHA-256 of the fund's last entry (64 zeros before the first).")
        String headHash,
        @Schema(description = "The instant these balances are as of, when one was asked for (by recording: the "
                + "entries recorded up to it).") Instant asOf,
        @Schema(description = "The day these balances are on, when one was asked for (by the dates of the events: "
                + "the entries dated up to it, whenever recorded; entryCount and headHash are then the journal's "
                + "now).") LocalDate on) {

    /**
     * Changes exactly when an entry is added: the fund's head hash names its whole journal (and
     * an entry dated back changes the balances on the days after its date).
     */
    public String etag() {
        return entryCount + "-" + headHash;
    }

    /** @param entryCount the number of entries behind these totals, the last of which has {@code headHash} */
    static BalanceView of(String fundCode, String currencyCode, Totals totals, long entryCount, byte[] headHash,
            Instant asOf, LocalDate on) {
        Currency currency = Currency.getInstance(currencyCode);
        return new BalanceView(fundCode,
                money(totals.debitMinor(Account.PLEDGES_RECEIVABLE), currency),
                money(totals.debitMinor(Account.BANK), currency),
                money(totals.balanceMinor(Account.PLEDGES_RECEIVABLE), currency),
                money(totals.balanceMinor(Account.COMMITMENTS), currency),
                money(totals.creditMinor(Account.BANK), currency),
                money(totals.balanceMinor(Account.AVAILABLE), currency),
                entryCount,
                EntryHash.hex(headHash),
                asOf,
                on);
    }

    private static MoneyView money(long amountMinor, Currency currency) {
        return MoneyView.from(new Money(amountMinor, currency));
    }
}
