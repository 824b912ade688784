package org.solidarityfunds.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.dev.DevSigningKeys;

/**
 * Bearer tokens for the tests: good ones for each role, and each kind of bad one. Their
 * {@code iat} and {@code exp} are the wall clock's, not the service's (TestClock): the JWT
 * library verifies them against the wall clock.
 */
public final class TestTokens {

    /** The key the service under test trusts (see AuthTestResource). */
    public static final DevSigningKeys KEYS = DevSigningKeys.generate();
    private static final DevSigningKeys STRANGER = DevSigningKeys.generate();

    private TestTokens() {
    }

    public static String as(String subject, String role, String... funds) {
        return claims(subject, role, funds).sign(KEYS.privateKey());
    }

    public static String admin() {
        return as("test-admin", Roles.ADMIN);
    }

    public static String expired() {
        return claims("late", Roles.ADMIN).issuedAt(Instant.now().minus(Duration.ofHours(2)))
                .expiresAt(Instant.now().minus(Duration.ofHours(1))).sign(KEYS.privateKey());
    }

    public static String wrongIssuer() {
        return claims("elsewhere", Roles.ADMIN).issuer("https://other-idp.invalid").sign(KEYS.privateKey());
    }

    public static String wrongAudience() {
        return claims("elsewhere", Roles.ADMIN).audience("another-service").sign(KEYS.privateKey());
    }

    public static String badSignature() {
        return claims("forger", Roles.ADMIN).sign(STRANGER.privateKey());
    }

    private static JwtClaimsBuilder claims(String subject, String role, String... funds) {
        JwtClaimsBuilder claims = Jwt.issuer(DevSigningKeys.ISSUER).audience(DevSigningKeys.AUDIENCE)
                .subject(subject).groups(Set.of(role)).expiresIn(Duration.ofMinutes(10));
        if (funds.length > 0) {
            claims.claim(Roles.FUNDS_CLAIM, List.of(funds));
        }
        return claims;
    }
}
