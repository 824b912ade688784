package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.money.Money;

/** The ledger's arithmetic, without the application: balances after a posting, storno, the non-negative rule. */
class TotalsTest {

    private static Money euros(long amountMinor) {
        return Money.of(amountMinor, "EUR");
    }

    private static final List<Posting.Line> RECEIVED_100 = List.of(Posting.Line.debit(Account.BANK, euros(100)),
            Posting.Line.credit(Account.AVAILABLE, euros(100)));
    private static final List<Posting.Line> COMMITTED_60 = List.of(Posting.Line.debit(Account.AVAILABLE, euros(60)),
            Posting.Line.credit(Account.COMMITMENTS, euros(60)));

    @Test
    void a_posting_adds_each_line_to_its_side_and_balances_read_on_the_normal_side() {
        Totals after = Totals.zero().after(RECEIVED_100, false).after(COMMITTED_60, false);
        assertThat(after.debitMinor(Account.BANK)).isEqualTo(100);
        assertThat(after.balanceMinor(Account.BANK)).isEqualTo(100);
        assertThat(after.debitMinor(Account.AVAILABLE)).isEqualTo(60);
        assertThat(after.creditMinor(Account.AVAILABLE)).isEqualTo(100);
        assertThat(after.balanceMinor(Account.AVAILABLE)).isEqualTo(40);
        assertThat(after.balanceMinor(Account.COMMITMENTS)).isEqualTo(60);
        assertThat(after.firstBelowZero()).isEmpty();
        // The chart's identity: bank = available + commitments.
        assertThat(after.balanceMinor(Account.BANK))
                .isEqualTo(after.balanceMinor(Account.AVAILABLE) + after.balanceMinor(Account.COMMITMENTS));
    }

    @Test
    void computing_the_totals_after_a_posting_changes_nothing_before_it() {
        Totals before = Totals.zero().after(RECEIVED_100, false);
        before.after(COMMITTED_60, false);
        assertThat(before).isEqualTo(Totals.zero().after(RECEIVED_100, false));
        assertThat(Totals.zero().balanceMinor(Account.BANK)).isZero();
    }

    /** ADR 0004: a reversal takes its amounts off the side of the lines it reverses. */
    @Test
    void a_reversal_takes_its_lines_off_the_sides_they_reverse_and_brings_the_totals_back() {
        List<Posting.Line> opposite = List.of(Posting.Line.credit(Account.BANK, euros(100)),
                Posting.Line.debit(Account.AVAILABLE, euros(100)));
        Totals reversed = Totals.zero().after(RECEIVED_100, false).after(opposite, true);
        assertThat(reversed).isEqualTo(Totals.zero());
        assertThat(reversed.creditMinor(Account.BANK)).as("not counted as money paid out").isZero();
    }

    @Test
    void an_account_below_zero_is_found_in_the_charts_order() {
        List<Posting.Line> paidUnreceived = List.of(Posting.Line.debit(Account.COMMITMENTS, euros(5)),
                Posting.Line.credit(Account.BANK, euros(5)));
        Totals after = Totals.zero().after(paidUnreceived, false);
        assertThat(after.firstBelowZero()).contains(Account.BANK);
        assertThat(after.balanceMinor(Account.BANK)).isEqualTo(-5);
        assertThat(Totals.zero().after(COMMITTED_60, false).firstBelowZero()).contains(Account.AVAILABLE);
    }

    @Test
    void totals_beyond_a_long_are_refused_rather_than_wrapped() {
        Totals huge = Totals.of(new long[] {Long.MAX_VALUE, 0, 0, 0, 0}, new long[5]);
        assertThatThrownBy(() -> huge.after(RECEIVED_100, false)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Totals.of(new long[4], new long[5])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_chart_names_the_columns_and_fields_its_readers_use() {
        assertThat(Account.PLEDGES_RECEIVABLE.column(Side.DEBIT)).isEqualTo("pledges_receivable_debit_minor");
        assertThat(Account.BANK.column(Side.CREDIT)).isEqualTo("bank_credit_minor");
        assertThat(Account.PLEDGES_TO_RECEIVE.field()).isEqualTo("pledgesToReceive");
        assertThat(LedgerTotals.columns("t")).startsWith("t.bank_debit_minor, t.bank_credit_minor, ")
                .endsWith("t.commitments_debit_minor, t.commitments_credit_minor");
    }
}
