package org.solidarityfunds.fiscalyear;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the confirmation of a closing writes in the books besides the year's status, in the
 * confirmation's transaction, once the year takes no more postings: the numbering of its
 * entries, its closing entries, the next year's opening balances. The accounting package does
 * it (accounting/YearEndClosing); the fiscal years only know that it is done.
 */
public interface YearEndBookkeeping {

    /** The year being closed: its id, name and days. */
    record ClosingYear(long id, String code, LocalDate firstDay, LocalDate lastDay) {
    }

    /**
     * Writes the year's closing, for good.
     *
     * @return how many entries the year numbered
     */
    long close(ClosingYear year, Instant at);
}
