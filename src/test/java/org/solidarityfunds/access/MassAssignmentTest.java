package org.solidarityfunds.access;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.support.BadInput;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/** A client sets only what a command offers: fields the service owns are refused, and nothing is written. */
@QuarkusTest
class MassAssignmentTest {

    private static final String FINANCE = TestTokens.as("finance-mass", Roles.FINANCE);

    @Test
    void fields_the_service_owns_are_refused_on_every_command() {
        String fund = TestFunds.open("MASS");
        String reversal = "/api/v1/contributions/" + TestFunds.contribution(fund, TestFunds.donor("Commune"), 10_00, null)
                + "/reversal";
        String newFund = "\"code\": \"MASS-NEW\", \"name\": \"n\"";
        for (String owned : new String[] {"\"recordedBy\": \"someone-else\"", "\"createdBy\": \"someone-else\"",
                "\"status\": \"CLOSED\"", "\"hash\": \"00\"", "\"id\": 1", "\"available\": {\"amountMinor\": 1}",
                "\"balance\": 1000", "\"entryCount\": 0"}) {
            String field = owned.substring(1, owned.indexOf('"', 1));
            BadInput.post("/api/v1/funds", "{" + newFund + ", " + owned + "}", 400, "unknown-field")
                    .body("errors[0].field", equalTo(field));
            BadInput.post("/api/v1/donors", "{\"kind\": \"COMMUNE\", \"name\": \"n\", " + owned + "}", 400,
                    "unknown-field");
            BadInput.postAs(FINANCE, reversal, "{\"reason\": \"r\", " + owned + "}", 400, "unknown-field");
            BadInput.post("/api/v1/funds/" + fund + "/status", "{\"status\": \"CLOSED\", \"reason\": \"r\", "
                    + owned.replace("\"status\"", "\"statusChangedAt\"") + "}", 400, "unknown-field");
        }
    }
}
