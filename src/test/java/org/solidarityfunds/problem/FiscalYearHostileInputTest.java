package org.solidarityfunds.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The hostile values of ContractHostileInputTest, in every field and parameter of the fiscal
 * years' operations, and of the readings of what a closing wrote (the FEC, the fonds dédiés): on
 * a database of their own, since their valid requests close a year.
 */
@QuarkusTest
@TestProfile(FiscalYearHostileInputTest.OwnYears.class)
class FiscalYearHostileInputTest extends ContractHostileInputTest {

    /** A profile of its own: Quarkus restarts with a fresh database for it. */
    public static class OwnYears implements QuarkusTestProfile {
    }

    @Override
    boolean covers(Operation operation) {
        return closesAYear(operation);
    }
}
