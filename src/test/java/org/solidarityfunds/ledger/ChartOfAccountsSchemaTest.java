package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.support.TestDatabase;

/**
 * The schema keeps what the chart (Account) describes: a migration that adds an account to the
 * chart without its columns and its place in the checks, or the reverse, fails here.
 */
@QuarkusTest
class ChartOfAccountsSchemaTest {

    @Test
    void ledger_totals_has_a_debit_and_a_credit_column_for_each_account_of_the_chart() throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection connection = TestDatabase.asOwner(); Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT column_name FROM information_schema.columns "
                        + "WHERE table_name = 'ledger_totals' AND column_name LIKE '%\\_minor' ORDER BY ordinal_position")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        assertThat(String.join(", ", columns)).isEqualTo(LedgerTotals.columns(""));
    }

    @Test
    void the_database_accepts_the_accounts_of_the_chart_and_no_other() throws Exception {
        List<String> chart = Arrays.stream(Account.values()).map(Account::name).sorted().toList();
        for (String table : List.of("ledger_account_balance", "journal_line")) {
            String check;
            try (Connection connection = TestDatabase.asOwner(); Statement sql = connection.createStatement();
                    ResultSet rs = sql.executeQuery("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '"
                            + table + "'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%account%'")) {
                assertThat(rs.next()).as(table + " checks its account").isTrue();
                check = rs.getString(1);
            }
            List<String> accepted = new ArrayList<>();
            Matcher quoted = Pattern.compile("'([A-Z_]+)'").matcher(check);
            while (quoted.find()) {
                accepted.add(quoted.group(1));
            }
            assertThat(accepted.stream().sorted().toList()).as(table).isEqualTo(chart);
        }
    }
}
