package org.solidarityfunds;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.solidarityfunds.support.TestTokens;

/** Makes the service under test trust the tests' own signing key, as it trusts the identity provider's in production. */
public class AuthTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestTokens.KEYS.quarkusConfig();
    }

    @Override
    public void stop() {
        // the keys live in memory only
    }
}
