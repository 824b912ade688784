package org.solidarityfunds.bankstatement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.TestBanks;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * The exactly-once rule and the append-only statements held by the database itself, with the
 * service's code bypassed: a movement has one original line per account, a duplicate is never
 * handled, a line is handled once, and nothing staged is ever changed.
 */
@QuarkusTest
class BankLineRulesTest {

    private static final String FINANCE = TestTokens.as("test-finance", Roles.FINANCE);

    @Test
    void a_second_original_of_the_same_movement_is_refused_by_the_database() throws SQLException {
        Map<String, Object> line = stagedLine();
        try (Connection app = TestDatabase.asApplication()) {
            assertThatThrownBy(() -> insertLine(app, line, null)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("bank_line_once");
        }
    }

    @Test
    void a_duplicate_is_never_handled_and_a_line_is_handled_once() throws SQLException {
        Map<String, Object> line = stagedLine();
        UUID original = UUID.fromString((String) line.get("id"));
        try (Connection app = TestDatabase.asApplication()) {
            UUID duplicate = insertLine(app, line, original);
            assertThatThrownBy(() -> dismiss(app, duplicate)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("bank_line_outcome_of_an_original");
            dismiss(app, original);
            assertThatThrownBy(() -> dismiss(app, original)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("bank_line_outcome_pkey");
        }
    }

    @Test
    void nothing_staged_or_handled_is_ever_changed_not_even_by_the_owner() throws SQLException {
        Map<String, Object> line = stagedLine();
        String id = (String) line.get("id");
        try (Connection app = TestDatabase.asApplication()) {
            dismiss(app, UUID.fromString(id));
        }
        Map<String, Long> before = TestDatabase.snapshot();
        List<String> tamperings = List.of(
                "UPDATE bank_line SET amount_minor = 1 WHERE id = '" + id + "'",
                "DELETE FROM bank_line_outcome WHERE line_id = '" + id + "'",
                "UPDATE bank_statement SET closing_minor = 0",
                "UPDATE bank_statement_file SET content = 'x'::bytea",
                "DELETE FROM bank_account",
                "TRUNCATE donor_bank_account");
        try (Connection app = TestDatabase.asApplication(); Statement sql = app.createStatement()) {
            for (String tampering : tamperings) {
                assertThatThrownBy(() -> sql.execute(tampering)).as(tampering).isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
        }
        try (Connection owner = TestDatabase.asOwner(); Statement sql = owner.createStatement()) {
            for (String tampering : tamperings) {
                assertThatThrownBy(() -> sql.execute(tampering)).as(tampering).isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    /** A line staged through the API, as the service wrote it. */
    private static Map<String, Object> stagedLine() {
        String fund = TestFunds.open("REGLE");
        String iban = TestBanks.newIban().value();
        json(Map.of("iban", iban, "currency", "EUR", "name", "Compte " + fund, "fund", fund))
                .post("/api/v1/bank-accounts").then().statusCode(201);
        String statement = as(FINANCE).contentType("application/xml").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(TestBanks.camt(iban, 0, List.of(new TestBanks.Movement("CRDT", 100_00, "2020-10-02",
                        "ACR-" + UUID.randomUUID(), "M DURAND", null, "Don"))))
                .post("/api/v1/bank-statements").then().statusCode(201).extract().path("statements[0].id");
        return as(FINANCE).get("/api/v1/bank-statements/{id}/lines", statement).then().statusCode(200)
                .extract().path("items[0]");
    }

    /** Writes, behind the code, another line of the same statement with the same key. */
    private static UUID insertLine(Connection connection, Map<String, Object> line, UUID duplicateOf) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO bank_line (id, statement_id, position, bank_account_id, line_key, duplicate_of, source_line,
                                       booking_date, direction, amount_minor, currency, reversal, proposal_confidence,
                                       proposal_reason)
                SELECT ?, statement_id, position + 1000, bank_account_id, line_key, ?, source_line, booking_date,
                       direction, amount_minor, currency, reversal, 'NONE', 'behind the code'
                  FROM bank_line WHERE id = ?
                """)) {
            insert.setObject(1, id);
            insert.setObject(2, duplicateOf);
            insert.setObject(3, UUID.fromString((String) line.get("id")));
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        return id;
    }

    private static void dismiss(Connection connection, UUID line) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO bank_line_outcome (line_id, outcome, reason, handled_at, handled_by)
                VALUES (?, 'DISMISSED', 'behind the code', now(), 'test')
                """)) {
            insert.setObject(1, line);
            insert.executeUpdate();
        }
    }
}
