package org.solidarityfunds.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.solidarityfunds.access.Roles;

/** DEV AND TEST ONLY: tokens signed with the session's dev-only key ({@link DevSigningKeys}). */
@IfBuildProfile(anyOf = {"dev", "test"})
@ApplicationScoped
public class DevTokens {

    public record Minted(String token, Instant expiresAt) {
    }

    private final Clock clock;

    DevTokens(Clock clock) {
        this.clock = clock;
    }

    /** @param funds the partner's fund codes, or null */
    public Minted mint(String subject, Set<String> roles, List<String> funds, Duration lifetime) {
        Instant expiresAt = clock.instant().plus(lifetime);
        var claims = Jwt.issuer(DevSigningKeys.ISSUER)
                .audience(DevSigningKeys.AUDIENCE)
                .subject(subject)
                .groups(Set.copyOf(roles))
                .expiresAt(expiresAt);
        if (funds != null) {
            claims.claim(Roles.FUNDS_CLAIM, List.copyOf(funds));
        }
        return new Minted(claims.sign(), expiresAt);
    }
}
