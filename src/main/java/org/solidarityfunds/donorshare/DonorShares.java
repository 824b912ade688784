package org.solidarityfunds.donorshare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.solidarityfunds.money.Apportionment;

/**
 * Whose money each spending of a fund was (docs/adr/0023-whose-money-a-disbursement-was.md).
 * A fund's money is held in pools, one per donor: what it gave and was not yet charged with
 * (every contribution has its donor, so all of the fund's money is in one pool or another).
 * Each spending (a disbursement's commitment, a payment's bank charges or exchange loss) is
 * shared among the pools in proportion to what each holds at that moment, by the largest
 * remainder ({@link Apportionment}), and taken from them. A release (what is left of a
 * commitment, a cancelled one, or what an exchange gain leaves of it) gives back to each pool
 * its part of what is released, in proportion to the spending's shares. So each spending's
 * shares add up to what it still spends, to the cent; a pool never gives more than it holds,
 * so a donor's shares never exceed what it gave; and the pools hold, together, what was
 * received less what is spent.
 *
 * <p>A reversal takes the contribution back from its donor's pool. If that money was spent
 * already, the pool goes below zero: the donor takes no share of later spendings until its
 * later contributions have filled it, and its earlier shares stand (its statement shows them
 * with the reversal beside them).
 *
 * <p>Pure: the events come in the ledger's order (its sequence), as the fund's journal holds them.
 */
public final class DonorShares {

    /** Something that happened to a fund's money, in the ledger's order. */
    public sealed interface Event {
    }

    /** A contribution received (above zero), or one reversed (below zero). */
    public record Received(UUID donor, long amountMinor) implements Event {
        public Received {
            if (donor == null || amountMinor == 0) {
                throw new IllegalArgumentException("a contribution has a donor and an amount");
            }
        }
    }

    /** Money spent, under a name that a release may give back (a disbursement's id, a payment's charges). */
    public record Spent(String what, long amountMinor) implements Event {
        public Spent {
            if (what == null || what.isBlank() || amountMinor <= 0) {
                throw new IllegalArgumentException("a spending has a name and an amount above zero");
            }
        }
    }

    /** Part of a spending given back: what is left of a commitment released, all of a cancelled one, an exchange gain. */
    public record Released(String what, long amountMinor) implements Event {
        public Released {
            if (what == null || what.isBlank() || amountMinor <= 0) {
                throw new IllegalArgumentException("a release has a name and an amount above zero");
            }
        }
    }

    /** Every pool, in the order its donor first gave; what each still holds (below zero after a reversal of spent money). */
    private final Map<UUID, Long> pools = new LinkedHashMap<>();
    /** Each spending's shares, by pool, in the pools' order. */
    private final Map<String, Map<UUID, Long>> spendings = new LinkedHashMap<>();

    private DonorShares() {
    }

    /**
     * The shares of a fund's history.
     *
     * @throws IllegalArgumentException when the history spends more than the pools hold, or
     *     releases more than a spending spent: the ledger refuses both, so such a history is broken
     */
    public static DonorShares of(List<? extends Event> events) {
        DonorShares shares = new DonorShares();
        events.forEach(shares::apply);
        return shares;
    }

    private void apply(Event event) {
        switch (event) {
            case Received received -> pools.merge(received.donor(), received.amountMinor(), Math::addExact);
            case Spent spent -> spend(spent);
            case Released released -> release(released);
        }
    }

    private void spend(Spent spent) {
        List<UUID> parties = List.copyOf(pools.keySet());
        long[] held = parties.stream().mapToLong(party -> Math.max(0, pools.get(party))).toArray();
        long holding = 0;
        for (long h : held) {
            holding = Math.addExact(holding, h);
        }
        if (spent.amountMinor() > holding) {
            throw new IllegalArgumentException(spent.what() + " spends " + spent.amountMinor() + " but the pools hold "
                    + holding);
        }
        long[] taken = Apportionment.of(spent.amountMinor(), held);
        Map<UUID, Long> shares = spendings.computeIfAbsent(spent.what(), what -> new LinkedHashMap<>());
        for (int i = 0; i < taken.length; i++) {
            if (taken[i] > 0) {
                pools.merge(parties.get(i), -taken[i], Math::addExact);
                shares.merge(parties.get(i), taken[i], Math::addExact);
            }
        }
    }

    private void release(Released released) {
        Map<UUID, Long> shares = spendings.get(released.what());
        long spent = shares == null ? 0 : shares.values().stream().mapToLong(Long::longValue).sum();
        if (released.amountMinor() > spent) {
            throw new IllegalArgumentException(released.what() + " releases " + released.amountMinor() + " of "
                    + spent + " spent");
        }
        List<UUID> parties = List.copyOf(shares.keySet());
        long[] back = Apportionment.of(released.amountMinor(), parties.stream().mapToLong(shares::get).toArray());
        for (int i = 0; i < back.length; i++) {
            pools.merge(parties.get(i), back[i], Math::addExact);
            shares.merge(parties.get(i), -back[i], Math::addExact);
        }
    }

    /** A spending's shares by donor, those above zero; empty if unknown. */
    public Map<UUID, Long> sharesOf(String what) {
        Map<UUID, Long> shares = new LinkedHashMap<>();
        spendings.getOrDefault(what, Map.of()).forEach((party, share) -> {
            if (share > 0) {
                shares.put(party, share);
            }
        });
        return shares;
    }

    /** What a donor's pool holds: given and not spent (below zero after a reversal of money already spent). */
    public long heldBy(UUID donor) {
        return pools.getOrDefault(donor, 0L);
    }
}
