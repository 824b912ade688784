package org.solidarityfunds.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.fund.FundService.FundRef;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;

/**
 * What an instance keeps in memory once read (a fund's id, code and currency, a donor's number:
 * CommittedFacts) never changes in the database, and is kept only once the transaction that read
 * it committed.
 */
@QuarkusTest
class FixedIdentitiesTest {

    private final FundService funds;

    FixedIdentitiesTest(FundService funds) {
        this.funds = funds;
    }

    @Test
    void a_funds_code_and_currency_and_a_donors_number_never_change_even_for_the_owner() throws SQLException {
        String fund = TestFunds.newCode("FIX");
        funds.create(new CreateFund(fund, "Fonds fixe", null, "EUR"), "test-admin");
        String donor = TestFunds.donor("Commune de Fixe");
        Map<String, Long> before = TestDatabase.snapshot();
        try (Connection owner = TestDatabase.asOwner(); Statement sql = owner.createStatement()) {
            for (String statement : List.of(
                    "UPDATE fund SET code = 'OTHER-" + fund + "' WHERE code = '" + fund + "'",
                    "UPDATE fund SET currency = 'USD' WHERE code = '" + fund + "'",
                    "UPDATE fund SET id = DEFAULT WHERE code = '" + fund + "'",
                    "DELETE FROM fund WHERE code = '" + fund + "'",
                    "UPDATE donor SET id = gen_random_uuid() WHERE id = '" + donor + "'",
                    "UPDATE donor SET number = DEFAULT WHERE id = '" + donor + "'",
                    "DELETE FROM donor WHERE id = '" + donor + "'")) {
                assertThatThrownBy(() -> sql.execute(statement)).as(statement)
                        .isInstanceOf(SQLException.class).hasMessageContaining("never changes");
            }
            // What may change still does.
            assertThat(sql.executeUpdate("UPDATE fund SET name = 'Fonds renommé' WHERE code = '" + fund + "'"))
                    .isEqualTo(1);
        }
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void a_fund_read_in_a_transaction_that_rolled_back_is_not_kept() {
        String code = TestFunds.newCode("GHOST");
        FundRef ghost;
        QuarkusTransaction.begin();
        try {
            funds.create(new CreateFund(code, "Fonds annulé", null, "EUR"), "test-admin");
            ghost = funds.require(code, FundScope.all());
        } finally {
            QuarkusTransaction.rollback();
        }

        funds.create(new CreateFund(code, "Fonds ouvert ensuite", null, "CHF"), "test-admin");

        FundRef kept = funds.require(code, FundScope.all());
        assertThat(kept.currency()).isEqualTo("CHF");
        assertThat(kept.id()).isNotEqualTo(ghost.id());
        assertThat(funds.require(code, FundScope.all())).isEqualTo(kept);
    }

    @Test
    void a_fund_read_in_a_transaction_already_marked_for_rollback_is_answered_and_not_kept() {
        String code = TestFunds.newCode("DOOMED");
        FundView opened = funds.create(new CreateFund(code, "Fonds lu dans une transaction perdue", null, "EUR"),
                "test-admin");
        QuarkusTransaction.begin();
        try {
            funds.get(code, FundScope.all());
            QuarkusTransaction.setRollbackOnly();
            // A caller that caught a refusal reads on, in a transaction that will not commit.
            assertThat(funds.require(code, FundScope.all()).currency()).isEqualTo("EUR");
        } finally {
            QuarkusTransaction.rollback();
        }
        assertThat(funds.require(code, FundScope.all()).code()).isEqualTo(opened.code());
    }
}
