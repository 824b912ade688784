package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestLedger;

/** A fund's month-end balances, read from the totals kept with each entry: one probe per month. */
@QuarkusTest
class MonthEndBalancesTest {

    private final LedgerService ledger;
    private final TestLedger entries;
    private final Clock clock;

    MonthEndBalancesTest(LedgerService ledger, TestLedger entries, Clock clock) {
        this.ledger = ledger;
        this.entries = entries;
        this.clock = clock;
    }

    @Test
    void months_before_the_first_entry_are_zero_and_the_current_month_is_today() {
        String fund = TestFunds.open("MONTHS");
        entries.contribution(fund, 120_00);
        entries.contribution(fund, 30_00);
        Instant opened = clock.instant().minus(Duration.ofDays(70));
        List<BalanceView> months = ledger.monthEnds(fund, opened, FundScope.all());
        assertThat(months).hasSizeBetween(3, 4);
        BalanceView current = months.get(months.size() - 1);
        assertThat(current.available().amountMinor()).isEqualTo(150_00);
        assertThat(current.entryCount()).isEqualTo(2);
        assertThat(current.headHash()).isEqualTo(ledger.balances(fund, FundScope.all()).headHash());
        assertThat(months.subList(0, months.size() - 1)).allSatisfy(month -> {
            assertThat(month.available().amountMinor()).isZero();
            assertThat(month.entryCount()).isZero();
            assertThat(month.asOf()).isBefore(current.asOf());
        });
    }

    @Test
    void a_fund_outside_the_scope_has_no_months() {
        String fund = TestFunds.open("MONTHS-HIDDEN");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.monthEnds(fund, clock.instant(),
                FundScope.only(java.util.Set.of("ELSEWHERE"))))
                .isInstanceOf(org.solidarityfunds.problem.ProblemException.class);
    }
}
