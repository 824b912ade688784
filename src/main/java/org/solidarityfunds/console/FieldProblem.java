package org.solidarityfunds.console;

/** What is wrong with a form's field, worded in the reader's language ({@code fieldProblem_...} in the bundles). */
public enum FieldProblem {
    /** Left empty, and needed. */
    REQUIRED,
    /** Not a value this field takes: its format, its length, its range, or a rule the service applied to it. */
    INVALID,
    /** Not an amount, or with more decimals than the currency has. */
    NOT_AN_AMOUNT,
    /** Not a day of the calendar written as the hint shows. */
    NOT_A_DAY
}
