package org.solidarityfunds.ledger.ledger;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.ledger.support.BadInput;
import org.solidarityfunds.ledger.support.TestFunds;
import org.solidarityfunds.ledger.support.TestLedger;

@QuarkusTest
class ReversalInputTest {

    private final TestLedger ledger;

    ReversalInputTest(TestLedger ledger) {
        this.ledger = ledger;
    }

    @Test
    void bad_reversal_input_is_refused_with_a_problem_and_changes_nothing() {
        String path = "/api/v1/entries/" + ledger.contribution(TestFunds.open("BADREV"), 10_00).id() + "/reversal";
        BadInput.post(path, "{\"reason\": ", 400, "malformed-request");
        BadInput.post(path, "", 400, "validation-failed");
        BadInput.post(path, "{}", 400, "validation-failed").body("errors[0].field", equalTo("reason"));
        BadInput.post(path, "{\"reason\": \" \"}", 400, "validation-failed");
        BadInput.post(path, "{\"reason\": 42}", 400, "validation-failed").body("errors[0].field", equalTo("reason"));
        BadInput.post(path, "{\"reason\": \"" + "r".repeat(401) + "\"}", 400, "validation-failed");
        BadInput.post(path, "{\"reason\": \"r\", \"lines\": []}", 400, "unknown-field");
    }
}
