package org.solidarityfunds.pledge;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * What contributions bring to pledges. The caller holds its fund's ledger lock (so that two
 * contributions to one fund are applied one after the other) and writes the matching entry
 * in the same transaction; here, each pledge row is locked too, and an allocation is never
 * more than the pledge, or the instalment, still expects (DOMAIN.md invariant 6).
 */
@ApplicationScoped
public class PledgeAllocations {

    private final EntityManager em;

    PledgeAllocations(EntityManager em) {
        this.em = em;
    }

    /** An allocation as asked for: to a pledge, or to one of its instalments. */
    public record Request(UUID pledgeId, Short instalmentNumber, long amountMinor) {
    }

    /** An allocation as applied: a pledge asked for without an instalment fills the earliest due first. */
    public record Applied(UUID pledgeId, Short instalmentNumber, long amountMinor) {
    }

    /**
     * For several contributions to one fund in one transaction (an import): each pledge and
     * its instalments are read and locked once, then followed in memory.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Allocator allocator(long fundId) {
        return new Allocator(fundId);
    }

    /** Applies contributions' allocations in turn; for the life of one transaction. */
    public final class Allocator {

        private final long fundId;
        private final Map<UUID, List<PledgeInstalment>> instalmentsByPledge = new HashMap<>();

        private Allocator(long fundId) {
            this.fundId = fundId;
        }

        public List<Applied> allocate(UUID donorId, List<Request> requests) {
            return PledgeAllocations.this.allocate(fundId, donorId, requests, instalmentsByPledge);
        }
    }

    private List<Applied> allocate(long fundId, UUID donorId, List<Request> requests,
            Map<UUID, List<PledgeInstalment>> instalmentsByPledge) {
        List<Applied> applied = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            String field = "allocations[" + i + "]";
            Pledge pledge = em.find(Pledge.class, request.pledgeId(), LockModeType.PESSIMISTIC_WRITE);
            if (pledge == null || pledge.fundId != fundId) {
                throw ProblemException.invalid(field + ".pledgeId", "no pledge of this fund has this id");
            }
            if (!pledge.donorId.equals(donorId)) {
                throw ProblemException.invalid(field + ".pledgeId", "is a pledge of another donor");
            }
            if (request.amountMinor() > pledge.outstandingMinor()) {
                throw exceeds(pledge.id, null, pledge.outstandingMinor(), request.amountMinor());
            }
            List<PledgeInstalment> instalments = instalmentsByPledge.computeIfAbsent(pledge.id,
                    id -> PledgeInstalment.list("pledgeId", Sort.by("dueOn").and("number"), id));
            if (instalments.isEmpty()) {
                if (request.instalmentNumber() != null) {
                    throw ProblemException.invalid(field + ".instalmentNumber", "the pledge has no instalments");
                }
                applied.add(new Applied(pledge.id, null, request.amountMinor()));
            } else if (request.instalmentNumber() != null) {
                PledgeInstalment instalment = instalments.stream()
                        .filter(candidate -> candidate.number == request.instalmentNumber()).findFirst()
                        .orElseThrow(() -> ProblemException.invalid(field + ".instalmentNumber",
                                "the pledge has no such instalment"));
                long expected = instalment.amountMinor - instalment.receivedMinor;
                if (request.amountMinor() > expected) {
                    throw exceeds(pledge.id, instalment.number, expected, request.amountMinor());
                }
                instalment.receivedMinor += request.amountMinor();
                applied.add(new Applied(pledge.id, instalment.number, request.amountMinor()));
            } else {
                long remaining = request.amountMinor();
                for (PledgeInstalment instalment : instalments) {
                    long taken = Math.min(remaining, instalment.amountMinor - instalment.receivedMinor);
                    if (taken > 0) {
                        instalment.receivedMinor += taken;
                        applied.add(new Applied(pledge.id, instalment.number, taken));
                        remaining -= taken;
                    }
                }
            }
            pledge.receivedMinor = Math.addExact(pledge.receivedMinor, request.amountMinor());
        }
        return applied;
    }

    /** Gives back what a reversed contribution had brought. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(List<Applied> allocations) {
        for (Applied allocation : allocations) {
            Pledge pledge = em.find(Pledge.class, allocation.pledgeId(), LockModeType.PESSIMISTIC_WRITE);
            pledge.receivedMinor = Math.subtractExact(pledge.receivedMinor, allocation.amountMinor());
            if (allocation.instalmentNumber() != null) {
                PledgeInstalment instalment = em.find(PledgeInstalment.class,
                        new PledgeInstalment.Key(pledge.id, allocation.instalmentNumber()), LockModeType.PESSIMISTIC_WRITE);
                instalment.receivedMinor = Math.subtractExact(instalment.receivedMinor, allocation.amountMinor());
            }
        }
    }

    private static ProblemException exceeds(UUID pledgeId, Short instalment, long expected, long asked) {
        return new ProblemException(ProblemType.ALLOCATION_EXCEEDS_OUTSTANDING, "Pledge " + pledgeId
                + (instalment == null ? "" : ", instalment " + instalment) + " still expects " + expected
                + " minor units; " + asked + " cannot be allocated to it.");
    }
}
