package org.solidarityfunds.pledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What a contribution is proposed to pay (the console's contribution form, a bank statement's
 * line): the money received goes to the donor's open pledges
 * on the fund, instalment by instalment, earliest due first (a pledge without instalments is
 * due on the day it was made), never beyond what each still expects. Finance may change it
 * before confirming; the service checks whatever is sent.
 */
public final class AllocationProposal {

    /** One thing the donor still owes: a pledge's instalment, or a pledge without instalments (number null). */
    public record Line(UUID pledgeId, Short instalmentNumber, LocalDate dueOn, String deliberationRef,
            long outstandingMinor) {
    }

    private AllocationProposal() {
    }

    /** The donor's open pledges as lines, earliest due first; pledges in the order given (their recording order). */
    public static List<Line> outstanding(List<PledgeView> pledges) {
        List<Line> lines = new ArrayList<>();
        for (PledgeView pledge : pledges) {
            if (pledge.status() != PledgeStatus.PENDING && pledge.status() != PledgeStatus.IN_PROGRESS) {
                continue;
            }
            if (pledge.instalments() == null || pledge.instalments().isEmpty()) {
                lines.add(new Line(pledge.id(), null, pledge.pledgedOn(), pledge.deliberationRef(),
                        pledge.outstanding().amountMinor()));
                continue;
            }
            for (PledgeView.InstalmentView instalment : pledge.instalments()) {
                long left = instalment.amount().amountMinor() - instalment.received().amountMinor();
                if (left > 0) {
                    lines.add(new Line(pledge.id(), (short) instalment.number(), instalment.dueOn(),
                            pledge.deliberationRef(), left));
                }
            }
        }
        lines.removeIf(line -> line.outstandingMinor() <= 0);
        // A stable sort: pledges due the same day keep their recording order.
        lines.sort(Comparator.comparing(Line::dueOn));
        return lines;
    }

    /** How much of the credited amount goes to each line, in the lines' order: the earliest filled first. */
    public static List<Long> fill(long creditedMinor, List<Line> lines) {
        if (creditedMinor < 0) {
            throw new IllegalArgumentException("a credited amount is never negative");
        }
        List<Long> amounts = new ArrayList<>(lines.size());
        long left = creditedMinor;
        for (Line line : lines) {
            long taken = Math.min(left, line.outstandingMinor());
            amounts.add(taken);
            left -= taken;
        }
        return amounts;
    }
}
