package org.solidarityfunds.ledger;

import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * A fund's lifecycle, and what each status allows: the one home of that policy. It only
 * moves forward: OPEN, then CLOSED_TO_PLEDGES, then CLOSED. The ledger applies it to every
 * posting, and a disbursement request to itself, each reading the status under the fund's
 * lock, so that a closing never races what it forbids.
 */
public enum FundStatus {
    /** Takes pledges, contributions and disbursements. */
    OPEN,
    /** Takes no new pledges; still receives what was promised and pays out. */
    CLOSED_TO_PLEDGES,
    /** Takes nothing more; its journal stays readable and verifiable. */
    CLOSED;

    public boolean canMoveTo(FundStatus target) {
        return target.ordinal() > ordinal();
    }

    /** Refuses, with its named problem, a new entry of this kind in a fund of this status. */
    public void refuseUnlessItTakes(EntryKind kind, String fundCode) {
        if (this == CLOSED) {
            throw new ProblemException(ProblemType.FUND_CLOSED,
                    "Fund " + fundCode + " is closed; its journal takes no more entries.");
        }
        if (this == CLOSED_TO_PLEDGES && kind == EntryKind.PLEDGE_RECORDED) {
            throw new ProblemException(ProblemType.FUND_CLOSED_TO_PLEDGES,
                    "Fund " + fundCode + " is closed to pledges; it still receives what was promised.");
        }
    }

    /** Refuses a new disbursement request (which writes no entry yet) in a fund that pays out nothing more. */
    public void refuseUnlessItTakesRequests(String fundCode) {
        if (this == CLOSED) {
            throw new ProblemException(ProblemType.FUND_CLOSED, "Fund " + fundCode + " is closed; it pays out nothing more.");
        }
    }
}
