package org.solidarityfunds.access;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start a service that could not verify a single token: without the identity
 * provider's issuer and keys it would answer 401 to everyone while looking healthy.
 */
@Startup
@ApplicationScoped
public class TokenVerificationConfig {

    TokenVerificationConfig(@ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> publicKey,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> publicKeyLocation) {
        if (issuer.isEmpty() || (publicKey.isEmpty() && publicKeyLocation.isEmpty())) {
            throw new IllegalStateException("Token verification is not configured: set MP_JWT_VERIFY_ISSUER and "
                    + "MP_JWT_VERIFY_PUBLICKEY_LOCATION (the identity provider's JWKS URL); "
                    + "see docs/operating/authentication.md");
        }
    }
}
