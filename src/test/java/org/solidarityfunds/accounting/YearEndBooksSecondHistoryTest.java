package org.solidarityfunds.accounting;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/**
 * The same properties of the closing's books as {@link YearEndBooksTest}, on a second history
 * drawn from another seed, on a database of its own.
 */
@QuarkusTest
@TestProfile(YearEndBooksSecondHistoryTest.SecondHistory.class)
class YearEndBooksSecondHistoryTest extends YearEndBooksTest {

    /** Another seed: another history of pledges, contributions, grants and reversals. */
    public static class SecondHistory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("year-end-books.seed", "4");
        }
    }
}
