package org.solidarityfunds;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import org.solidarityfunds.access.SignInClaims;
import org.solidarityfunds.support.TestTokens;

/** Makes the service under test trust the tests' own signing key, as it trusts the identity provider's in production. */
public class AuthTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(TestTokens.KEYS.quarkusConfig());
        // The packaged service of the integration tests runs in the production profile, where
        // console users sign in through a provider: production.ConsoleSignInIT gives it one;
        // the others are about the API and run without a console.
        config.put("%prod.quarkus.oidc." + SignInClaims.TENANT + ".tenant-enabled", "false");
        return config;
    }

    @Override
    public void stop() {
        // the keys live in memory only
    }
}
