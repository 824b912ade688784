package org.solidarityfunds.ledger.ledger;

/** The business event an entry records (the event table of docs/concepts/ledger.md). */
public enum EntryKind {
    PLEDGE_RECORDED,
    PLEDGE_CANCELLED,
    CONTRIBUTION_RECEIVED,
    DISBURSEMENT_COMMITTED,
    COMMITMENT_RELEASED,
    DISBURSEMENT_PAID,
    /** The opposite lines of an earlier entry: the only way to correct one. */
    REVERSAL
}
