package org.solidarityfunds.ledger.pledge;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.solidarityfunds.ledger.ledger.EntryOwner;

/**
 * A pledge's entries are corrected through the pledge: a pledge recorded in error is
 * cancelled, and a cancellation is final. Reversing either entry alone would leave the
 * pledge's status and amounts out of step with the journal.
 */
@ApplicationScoped
class PledgeEntries implements EntryOwner {

    @Override
    public Optional<String> correctionFor(UUID entryId) {
        return Pledge.<Pledge>find("entryId = ?1 or cancellationEntryId = ?1", entryId).firstResultOptional()
                .map(pledge -> "pledge " + pledge.id + "; cancel the pledge (POST /api/v1/pledges/" + pledge.id
                        + "/cancellation) instead of reversing its entries");
    }
}
