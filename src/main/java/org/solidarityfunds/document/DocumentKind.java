package org.solidarityfunds.document;

/**
 * What a supporting document is, and so what it supports: the one home of that rule. A council's
 * deliberation supports a pledge; a project or a funding agreement, a disbursement's request;
 * the committee's minutes, its decision; the bank's advice, one payment; the beneficiary's
 * execution report, a disbursement that was paid (in part or whole).
 */
public enum DocumentKind {
    DELIBERATION(Supports.PLEDGE),
    PROJECT(Supports.DISBURSEMENT),
    FUNDING_AGREEMENT(Supports.DISBURSEMENT),
    MINUTES(Supports.DECISION),
    PAYMENT_ADVICE(Supports.PAYMENT),
    EXECUTION_REPORT(Supports.DISBURSEMENT);

    /** The record a document is kept with, and whose fund's chain it joins. */
    public enum Supports {
        PLEDGE, DISBURSEMENT, DECISION, PAYMENT
    }

    private final Supports supports;

    DocumentKind(Supports supports) {
        this.supports = supports;
    }

    public Supports supports() {
        return supports;
    }

    /** Whether the document is about a pledge (else about a disbursement, its decision or one of its payments). */
    public boolean ofPledge() {
        return supports == Supports.PLEDGE;
    }
}
