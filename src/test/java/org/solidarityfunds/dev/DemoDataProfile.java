package org.solidarityfunds.dev;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service as dev mode runs it: with the demo data loaded at start. A profile of its own,
 * so Quarkus restarts for the tests that use it, on a database of their own (the embedded
 * PostgreSQL starts again with the application); the other tests never see the demo funds.
 */
public class DemoDataProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ledger.demo-data.load", "true");
    }
}
