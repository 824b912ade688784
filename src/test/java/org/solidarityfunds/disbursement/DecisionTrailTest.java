package org.solidarityfunds.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;

/**
 * The decision trail nobody can rewrite: committees, votes and decisions are append-only for
 * the owner as for the service's role, and a disbursement only moves forward, never to a
 * status that no decision supports.
 */
@QuarkusTest
class DecisionTrailTest {

    /** An approved disbursement with two votes, on a fund whose committee has one version; answers its id. */
    private static String approved() {
        String fund = TestFunds.open("TRAIL");
        TestFunds.contribution(fund, TestFunds.donor("Commune témoin"), 100_00, null);
        TestFunds.committee(fund, 2, fund + "-a", fund + "-b", fund + "-c");
        String id = TestFunds.disbursement(fund, 10_00);
        TestFunds.vote(id, fund + "-a", "FOR");
        TestFunds.vote(id, fund + "-b", "FOR");
        return id;
    }

    private static List<String> rewrites(String id) {
        return List.of(
                "UPDATE disbursement_vote SET choice = 'AGAINST' WHERE disbursement_id = '" + id + "'",
                "DELETE FROM disbursement_vote WHERE disbursement_id = '" + id + "'",
                "TRUNCATE disbursement_vote CASCADE",
                "UPDATE disbursement_decision SET outcome = 'REJECTED' WHERE disbursement_id = '" + id + "'",
                "DELETE FROM disbursement_decision WHERE disbursement_id = '" + id + "'",
                "UPDATE committee_version SET quorum = 1",
                "DELETE FROM committee_member",
                "TRUNCATE committee_member CASCADE",
                "DELETE FROM disbursement WHERE id = '" + id + "'");
    }

    @Test
    void the_service_role_cannot_rewrite_votes_decisions_or_committees() throws SQLException {
        String id = approved();
        Map<String, Long> before = TestDatabase.snapshot();
        try (Connection app = TestDatabase.asApplication(); Statement sql = app.createStatement()) {
            for (String statement : rewrites(id)) {
                assertThatThrownBy(() -> sql.execute(statement)).as(statement).isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
        }
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void even_the_owner_cannot_rewrite_votes_decisions_or_committees() throws SQLException {
        String id = approved();
        Map<String, Long> before = TestDatabase.snapshot();
        try (Connection owner = TestDatabase.asOwner(); Statement sql = owner.createStatement()) {
            for (String statement : rewrites(id)) {
                assertThatThrownBy(() -> sql.execute(statement)).as(statement).isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void a_disbursement_never_moves_backwards_nor_changes_what_was_requested() throws SQLException {
        String id = approved();
        Map<String, Long> before = TestDatabase.snapshot();
        try (Connection app = TestDatabase.asApplication(); Statement sql = app.createStatement()) {
            assertThatThrownBy(() -> sql.execute("UPDATE disbursement SET status = 'REQUESTED' WHERE id = '" + id + "'"))
                    .hasMessageContaining("APPROVED cannot become REQUESTED");
            assertThatThrownBy(() -> sql.execute("UPDATE disbursement SET amount_minor = 1 WHERE id = '" + id + "'"))
                    .hasMessageContaining("what was requested never changes");
            assertThatThrownBy(() -> sql.execute("UPDATE disbursement SET status = 'PAID' WHERE id = '" + id + "'"))
                    .as("paid without a payment").hasMessageContaining("without the payments saying so");
            assertThatThrownBy(() -> sql.execute("UPDATE disbursement SET status = 'PARTLY_PAID' WHERE id = '" + id
                    + "'")).as("partly paid without a payment").hasMessageContaining("without the payments saying so");
        }
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    @Test
    void a_request_cannot_become_approved_without_a_decision_saying_so() throws SQLException {
        String fund = TestFunds.open("NODECISION");
        TestFunds.committee(fund, 1, fund + "-a");
        String id = TestFunds.disbursement(fund, 10_00);
        try (Connection app = TestDatabase.asApplication(); Statement sql = app.createStatement()) {
            assertThatThrownBy(() -> sql.execute("UPDATE disbursement SET status = 'APPROVED' WHERE id = '" + id + "'"))
                    .hasMessageContaining("without a decision saying so");
        }
    }
}
