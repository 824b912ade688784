package org.solidarityfunds.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.ledger.Side;

class TrialBalanceTest {

    /** Each fund's totals fit a long; those of many funds together may not, and still add up. */
    @Test
    void sums_beyond_a_long_add_up_and_the_earlier_years_result_is_carried() throws IOException {
        Chart chart;
        try (InputStream in = TrialBalanceTest.class.getClassLoader().getResourceAsStream(Charts.SHIPPED)) {
            chart = Charts.read(in);
        }
        BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        TrialBalance.Builder builder = new TrialBalance.Builder(chart, LocalDate.of(2021, 1, 1));
        for (int fund = 0; fund < 2; fund++) {
            builder.add(new ChartLines.Sum("512", Side.DEBIT, "EUR", false, max));
            builder.add(new ChartLines.Sum("740", Side.CREDIT, "EUR", true, max));
        }
        TrialBalance balance = builder.build(LocalDate.of(2021, 6, 30), "2021", null);
        assertThat(balance.totals()).singleElement().satisfies(total -> {
            assertThat(total.debitMinor()).isEqualTo(max.shiftLeft(1));
            assertThat(total.creditMinor()).isEqualTo(max.shiftLeft(1));
        });
        assertThat(balance.rows()).extracting(TrialBalance.Row::account).containsExactly("110", "512");
    }
}
