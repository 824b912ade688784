package org.solidarityfunds.fiscalyear;

/**
 * Where a fiscal year stands. Entries are posted only into an OPEN year (the database refuses
 * any other, V9__fiscal_years.sql); CLOSING is the year whose closing finance asked for, waiting
 * for a second person to confirm it, or to send it back to OPEN; CLOSED is for good.
 */
public enum FiscalYearStatus {
    OPEN,
    CLOSING,
    CLOSED
}
