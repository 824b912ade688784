package org.solidarityfunds.accounting;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.solidarityfunds.money.Apportionment;

/**
 * A fund's fonds dédiés at the end of a year (ANC 2018-06 art. 132-1 and following;
 * docs/concepts/accounting.md): a fund is money given for a purpose, so what is unused of its
 * resources at the end of a year is carried forward, dedicated, per family of resources.
 *
 * <p>The rule, in whole minor units: the fund's unused money at the end of the year is its
 * fonds dédiés at the start plus the year's resources less the year's charges (grants awarded,
 * less those released, and the payments' bank charges and exchange losses less their gains).
 * It is shared among the families in proportion to what each had to spend (its opening plus
 * its resources of the year), by the largest remainder so that the shares add up to the cent
 * ({@link Apportionment}). Each family's charges are what it had less what it keeps; they use
 * its earlier fonds first (Dr 19x / Cr 789x) and the rest of what it keeps of the year's
 * resources is carried (Dr 689x / Cr 19x). A fund that spent more than it had keeps nothing
 * dedicated: the shortfall is the association's deficit.
 */
final class DedicatedFunds {

    private DedicatedFunds() {
    }

    /** One family's figures for one fund and year: the variation table's row. */
    record Movement(String family, long opening, long resources, long charges, long used, long carried,
            long closing) {

        Movement {
            if (opening < 0 || used < 0 || carried < 0 || closing < 0 || used > opening
                    || closing != opening - used + carried) {
                throw new IllegalArgumentException("fonds dédiés of " + family + " do not add up: opening " + opening
                        + ", used " + used + ", carried " + carried + ", closing " + closing);
            }
        }

        boolean isEmpty() {
            return opening == 0 && resources == 0 && charges == 0 && closing == 0;
        }
    }

    /** What one family of resources brings into the year: its fonds at the start and its resources of the year. */
    record Family(String name, long opening, long resources) {

        Family {
            if (opening < 0) {
                throw new IllegalArgumentException("fonds dédiés are never below zero: " + name + " opens at " + opening);
            }
        }
    }

    /**
     * The year's movements of one fund, a row per family in the order given (the chart's).
     *
     * @param families each family with its opening fonds and its resources of the year (negative when
     *     more earlier resources were cancelled than new ones came)
     * @param charges the year's grants awarded less those released, with the payments' bank charges and
     *     exchange differences (negative when more were released or gained)
     * @param fallback the family that keeps the unused money when no family had any to spend (a
     *     release of an earlier year's grant, whose resources were all used): the chart's family for
     *     money whose donor is not named
     */
    static List<Movement> of(List<Family> families, long charges, String fallback) {
        BigInteger total = BigInteger.ZERO;
        for (Family family : families) {
            total = total.add(BigInteger.valueOf(family.opening())).add(BigInteger.valueOf(family.resources()));
        }
        BigInteger unused = total.subtract(BigInteger.valueOf(charges)).max(BigInteger.ZERO);
        Map<String, Long> kept = shares(families, unused, fallback);
        List<Movement> movements = new ArrayList<>(families.size());
        for (Family family : families) {
            long had = Math.addExact(family.opening(), family.resources());
            long closing = kept.get(family.name());
            long spent = had - closing;
            long firstUsed = Math.min(family.opening(), Math.max(spent, 0));
            long carried = Math.max(0, closing - family.opening() + firstUsed);
            long used = family.opening() + carried - closing;
            movements.add(new Movement(family.name(), family.opening(), family.resources(), spent, used, carried,
                    closing));
        }
        return movements;
    }

    /**
     * The unused money shared in proportion to what each family had (none for a family that had
     * none), the cents left over to the largest remainders, the chart's order breaking ties.
     */
    private static Map<String, Long> shares(List<Family> families, BigInteger unused, String fallback) {
        Map<String, Long> shares = new LinkedHashMap<>();
        long[] weights = new long[families.size()];
        for (int i = 0; i < weights.length; i++) {
            Family family = families.get(i);
            shares.put(family.name(), 0L);
            weights[i] = Math.max(0, Math.addExact(family.opening(), family.resources()));
        }
        if (unused.signum() == 0) {
            return shares;
        }
        if (Arrays.stream(weights).allMatch(weight -> weight == 0)) {
            if (!shares.containsKey(fallback)) {
                throw new IllegalArgumentException("the fallback family " + fallback + " is not among the families");
            }
            shares.put(fallback, unused.longValueExact());
            return shares;
        }
        long[] kept = Apportionment.of(unused.longValueExact(), weights);
        for (int i = 0; i < kept.length; i++) {
            shares.put(families.get(i).name(), kept[i]);
        }
        return shares;
    }
}
