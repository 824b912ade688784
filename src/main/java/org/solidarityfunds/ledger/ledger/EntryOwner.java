package org.solidarityfunds.ledger.ledger;

import java.util.Optional;
import java.util.UUID;

/**
 * A business record whose state follows some of the journal's entries (a pledge follows its
 * PLEDGE_RECORDED and PLEDGE_CANCELLED entries, say). Reversing such an entry on its own
 * would leave the record saying one thing and the journal another, so the ledger asks every
 * owner before a reversal, and refuses when one claims the entry.
 */
public interface EntryOwner {

    /** How to correct the entry through its owner, if this owner holds it; empty otherwise. */
    Optional<String> correctionFor(UUID entryId);
}
