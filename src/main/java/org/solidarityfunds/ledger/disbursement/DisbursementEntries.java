package org.solidarityfunds.ledger.disbursement;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.solidarityfunds.ledger.ledger.EntryOwner;

/**
 * A disbursement's commitment, release and payment entries follow its status; a commitment is
 * released by cancelling the disbursement, and a payment that went out is not undone here.
 */
@ApplicationScoped
class DisbursementEntries implements EntryOwner {

    @Override
    public Optional<String> correctionFor(UUID entryId) {
        Optional<UUID> owner = Decision.<Decision>find("commitmentEntryId", entryId).firstResultOptional()
                .map(d -> d.disbursementId)
                .or(() -> Disbursement.<Disbursement>find("paymentEntryId = ?1 or releaseEntryId = ?1", entryId)
                        .firstResultOptional().map(d -> d.id));
        return owner.map(id -> "disbursement " + id + "; an approval is released by cancelling the disbursement (POST "
                + "/api/v1/disbursements/" + id + "/cancellation) before it is paid");
    }
}
