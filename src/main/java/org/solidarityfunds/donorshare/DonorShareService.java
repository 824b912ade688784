package org.solidarityfunds.donorshare;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.donorshare.DonorShares.Event;
import org.solidarityfunds.donorshare.DonorShares.Received;
import org.solidarityfunds.donorshare.DonorShares.Released;
import org.solidarityfunds.donorshare.DonorShares.Spent;
import org.solidarityfunds.fund.FundService;

/**
 * A fund's journal read as whose money each spending was (ADR 0023): every entry that moves
 * the fund's available money, in the journal's order, becomes one event of
 * {@link DonorShares}. A contribution received, or reversed, is its donor's; a commitment is
 * spent under its disbursement, and a release or an exchange gain gives back to that
 * commitment's shares; a payment's bank charges and exchange loss are spent under the
 * disbursement's charges. Entries that do not touch available money (pledges, payments of a
 * commitment) change no one's pool.
 */
@ApplicationScoped
public class DonorShareService {

    private final EntityManager em;
    private final FundService funds;

    DonorShareService(EntityManager em, FundService funds) {
        this.em = em;
        this.funds = funds;
    }

    /** The name under which a disbursement's commitment is spent. */
    public static String commitmentOf(UUID disbursementId) {
        return "commitment:" + disbursementId;
    }

    /** The name under which a disbursement's bank charges and exchange losses are spent. */
    public static String chargesOf(UUID disbursementId) {
        return "charges:" + disbursementId;
    }

    /** The shares of a fund in the caller's scope, from its whole journal. */
    @Transactional
    public DonorShares of(String fundCode, FundScope scope) {
        long fundId = funds.require(fundCode, scope).id();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.sequence, e.kind, r.kind, ev.reference_id, c.donor_id,
                       sum(CASE WHEN l.side = 'C' THEN l.amount_minor ELSE -l.amount_minor END)
                  FROM journal_entry e
                  JOIN journal_line l ON l.entry_id = e.id AND l.account = 'AVAILABLE'
                  LEFT JOIN journal_entry r ON r.id = e.reverses_entry_id
                  LEFT JOIN ledger_event ev ON ev.entry_id = e.id
                  LEFT JOIN contribution c ON ev.reference_type = 'contribution' AND c.id = ev.reference_id
                 WHERE e.fund_id = ?1
                 GROUP BY e.id, e.sequence, e.kind, r.kind, ev.reference_id, c.donor_id
                 ORDER BY e.sequence
                """).setParameter(1, fundId).getResultList();
        List<Event> events = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            long sequence = ((Number) row[0]).longValue();
            String kind = (String) row[1];
            String reversed = (String) row[2];
            UUID reference = (UUID) row[3];
            UUID donor = (UUID) row[4];
            long available = ((Number) row[5]).longValue();
            if (available == 0) {
                continue;
            }
            if (reference == null) {
                // Entries written before their change-feed events named their records (V6) cannot
                // say whose money they moved; guessing would mix disbursements or donors.
                throw new IllegalStateException("entry " + sequence + " of fund " + fundCode
                        + " names no record: whose money it moved cannot be told (ADR 0023)");
            }
            events.add(event(kind.equals("REVERSAL") ? reversed : kind, reference, donor, available));
        }
        return DonorShares.of(events);
    }

    /**
     * One entry's event, by the kind of entry it is (or reverses) and what it does to available
     * money: above zero, money comes in; below zero, it goes out.
     */
    private static Event event(String kind, UUID reference, UUID donor, long available) {
        return switch (kind) {
            case "CONTRIBUTION_RECEIVED" -> new Received(donor, available);
            case "DISBURSEMENT_COMMITTED" -> new Spent(commitmentOf(reference), -available);
            case "COMMITMENT_RELEASED", "EXCHANGE_GAIN" -> new Released(commitmentOf(reference), available);
            case "BANK_CHARGES", "EXCHANGE_LOSS" -> new Spent(chargesOf(reference), -available);
            default -> throw new IllegalStateException("an entry of kind " + kind + " moved available money by "
                    + available + ": ADR 0023 does not say whose money it was");
        };
    }
}
