package org.solidarityfunds.access;

import java.util.Set;

/**
 * Where a committee member's funds come from: the committees themselves (see the committee
 * folder), not the token. A member sees the funds whose current committee lists them, even
 * outside the dates of their seat; voting also needs the seat to be held that day.
 */
public interface CommitteeSeats {

    /** The codes of the funds whose current committee lists this subject. */
    Set<String> fundsOf(String subject);
}
