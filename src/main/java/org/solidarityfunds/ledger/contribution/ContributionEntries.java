package org.solidarityfunds.ledger.contribution;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.solidarityfunds.ledger.ledger.EntryOwner;

/** A contribution's entry is reversed through the contribution, which also gives its allocations back. */
@ApplicationScoped
class ContributionEntries implements EntryOwner {

    @Override
    public Optional<String> correctionFor(UUID entryId) {
        return Contribution.<Contribution>find("entryId", entryId).firstResultOptional()
                .map(c -> "contribution " + c.id + "; reverse the contribution (POST /api/v1/contributions/" + c.id
                        + "/reversal), which also releases its allocations");
    }
}
