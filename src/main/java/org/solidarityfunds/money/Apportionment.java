package org.solidarityfunds.money;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An amount in whole minor units shared in proportion to weights, by the largest remainder
 * (Hamilton's method): each share is the whole part of its exact quota (amount × weight ÷ sum
 * of the weights), and the units left over go one each to the largest remainders, the earlier
 * weight breaking a tie. So the shares add up to the amount to the unit, each one is its quota
 * rounded down or up, never further, and a weight of zero gets nothing. The one home of this
 * rule: the fonds dédiés shared among families of resources use it, and so will a
 * disbursement shared among the donors who paid for it.
 */
public final class Apportionment {

    private Apportionment() {
    }

    /**
     * The shares of {@code amount}, in the order of {@code weights}.
     *
     * @param amount what is shared, zero or more
     * @param weights each party's weight, zero or more, at least one of them above zero unless
     *     the amount is zero
     * @throws IllegalArgumentException on a negative amount or weight, or an amount with no weight to share it
     */
    public static long[] of(long amount, long[] weights) {
        if (amount < 0) {
            throw new IllegalArgumentException("an apportioned amount is never below zero: " + amount);
        }
        BigInteger sum = BigInteger.ZERO;
        for (long weight : weights) {
            if (weight < 0) {
                throw new IllegalArgumentException("a weight is never below zero: " + weight);
            }
            sum = sum.add(BigInteger.valueOf(weight));
        }
        long[] shares = new long[weights.length];
        if (amount == 0) {
            return shares;
        }
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("nothing weighs anything: " + amount + " cannot be shared");
        }
        record Remainder(int index, BigInteger remainder) {
        }
        List<Remainder> remainders = new ArrayList<>(weights.length);
        BigInteger whole = BigInteger.valueOf(amount);
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] quota = whole.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(sum);
            shares[i] = quota[0].longValueExact();
            given += shares[i];
            remainders.add(new Remainder(i, quota[1]));
        }
        remainders.sort(Comparator.comparing(Remainder::remainder).reversed().thenComparingInt(Remainder::index));
        // Fewer units are left than there are weights: each whole part loses less than one unit.
        for (int i = 0; i < amount - given; i++) {
            shares[remainders.get(i).index()]++;
        }
        return shares;
    }
}
