package org.solidarityfunds.contribution;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.BadInput;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

@QuarkusTest
class ReversalInputTest {

    private static final String FINANCE = TestTokens.as("finance-bad-reversal", Roles.FINANCE);

    @Test
    void bad_reversal_input_is_refused_with_a_problem_and_changes_nothing() {
        String fund = TestFunds.open("BADREV");
        String path = "/api/v1/contributions/" + TestFunds.contribution(fund, TestFunds.donor("Commune"), 10_00, null)
                + "/reversal";
        BadInput.postAs(FINANCE, path, "{\"reason\": ", 400, "malformed-request");
        BadInput.postAs(FINANCE, path, "", 400, "validation-failed");
        BadInput.postAs(FINANCE, path, "{}", 400, "validation-failed").body("errors[0].field", equalTo("reason"));
        BadInput.postAs(FINANCE, path, "{\"reason\": \" \"}", 400, "validation-failed");
        BadInput.postAs(FINANCE, path, "{\"reason\": 42}", 400, "validation-failed")
                .body("errors[0].field", equalTo("reason"));
        BadInput.postAs(FINANCE, path, "{\"reason\": \"" + "r".repeat(401) + "\"}", 400, "validation-failed");
        BadInput.postAs(FINANCE, path, "{\"reason\": \"r\", \"lines\": []}", 400, "unknown-field");
    }
}
