package org.solidarityfunds.money;

import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.support.TestDatabase;

/**
 * The currency table is the list of the JDK the service runs on (docs/adr/0001): a code that
 * Currencies.find accepts but the table lacks would be refused by the foreign key, and a new
 * JDK may add one (JDK 25 added XAD to 17's list: V16).
 */
@QuarkusTest
class CurrencyTableTest {

    @Test
    void the_table_holds_every_currency_of_the_runtime_with_its_minor_units() throws SQLException {
        // Gold, silver, drawing rights and test codes have no minor units (-1): no fund keeps them.
        Map<String, Integer> runtime = Currency.getAvailableCurrencies().stream()
                .filter(currency -> currency.getDefaultFractionDigits() >= 0)
                .collect(toMap(Currency::getCurrencyCode, Currency::getDefaultFractionDigits));
        Map<String, Integer> table = new HashMap<>();
        try (Connection owner = TestDatabase.asOwner(); Statement sql = owner.createStatement();
                ResultSet rows = sql.executeQuery("SELECT code, minor_units FROM currency")) {
            while (rows.next()) {
                table.put(rows.getString(1), rows.getInt(2));
            }
        }
        assertThat(table).containsEntry("EUR", 2).containsEntry("XAD", 2).isEqualTo(runtime);
    }
}
