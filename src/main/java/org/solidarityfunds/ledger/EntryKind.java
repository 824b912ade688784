package org.solidarityfunds.ledger;

import static org.solidarityfunds.ledger.Account.AVAILABLE;
import static org.solidarityfunds.ledger.Account.BANK;
import static org.solidarityfunds.ledger.Account.COMMITMENTS;
import static org.solidarityfunds.ledger.Account.PLEDGES_RECEIVABLE;
import static org.solidarityfunds.ledger.Account.PLEDGES_TO_RECEIVE;

import java.util.Set;

/**
 * The business event an entry records, with the lines each may write: the event table of
 * docs/concepts/ledger.md. Keeping every entry inside this table is what keeps the chart's
 * two identities (bank = available + commitments; pledges receivable = pledges to receive).
 */
public enum EntryKind {
    PLEDGE_RECORDED(Set.of(debit(PLEDGES_RECEIVABLE), credit(PLEDGES_TO_RECEIVE))),
    PLEDGE_CANCELLED(Set.of(debit(PLEDGES_TO_RECEIVE), credit(PLEDGES_RECEIVABLE))),
    /** Money received; when it is allocated to pledges, the pledge lines come with it. */
    CONTRIBUTION_RECEIVED(Set.of(debit(BANK), credit(AVAILABLE), debit(PLEDGES_TO_RECEIVE), credit(PLEDGES_RECEIVABLE))),
    DISBURSEMENT_COMMITTED(Set.of(debit(AVAILABLE), credit(COMMITMENTS))),
    COMMITMENT_RELEASED(Set.of(debit(COMMITMENTS), credit(AVAILABLE))),
    /** A payment of an approved disbursement, in full or one tranche: the commitment it settles leaves the bank. */
    DISBURSEMENT_PAID(Set.of(debit(COMMITMENTS), credit(BANK))),
    /** A payment debited more than the commitment it settles, in another currency: the fund's available money pays the rest. */
    EXCHANGE_LOSS(Set.of(debit(AVAILABLE), credit(BANK))),
    /** A payment debited less than the commitment it settles, in another currency: the rest is available again. */
    EXCHANGE_GAIN(Set.of(debit(COMMITMENTS), credit(AVAILABLE))),
    /** The bank's charges on a payment, out of the fund's available money, never out of the commitment. */
    BANK_CHARGES(Set.of(debit(AVAILABLE), credit(BANK))),
    /** The opposite lines of an earlier entry (any of the above): the only way to correct one. */
    REVERSAL(null);

    private final Set<String> lines;

    EntryKind(Set<String> lines) {
        this.lines = lines;
    }

    /** Whether this kind of entry may have a line on that side of that account. */
    public boolean allows(Account account, Side side) {
        return lines == null || lines.contains(shape(account, side));
    }

    private static String debit(Account account) {
        return shape(account, Side.DEBIT);
    }

    private static String credit(Account account) {
        return shape(account, Side.CREDIT);
    }

    private static String shape(Account account, Side side) {
        return account.name() + ":" + side.name();
    }
}
