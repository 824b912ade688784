package org.solidarityfunds.access;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtContext;
import org.solidarityfunds.common.Text;

/**
 * Reads a bearer token as the service's library does (signature, issuer, audience, expiry),
 * then refuses, as an invalid token (401) and before any work, one whose claims the service
 * could not use: a subject it could not record as the author of a write (missing, not a
 * string, blank, longer than {@link #SUBJECT_LENGTH_MAX}, or holding what PostgreSQL cannot
 * store), or roles ({@code groups}) and funds ({@code funds}) that are not names.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class TokenClaims extends JWTCallerPrincipalFactory {

    /** As long as the columns that record who did what ({@code recorded_by}, {@code created_by}). */
    public static final int SUBJECT_LENGTH_MAX = 200;
    /** A role or a fund code is a short name; this is only a bound on what is read. */
    static final int NAME_LENGTH_MAX = 200;

    private final DefaultJWTTokenParser verifier = new DefaultJWTTokenParser();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        JwtContext verified = verifier.parse(token, context);
        JwtClaims claims = verified.getJwtClaims();
        Optional<String> refusal = refusal(claims.getClaimsMap());
        if (refusal.isPresent()) {
            throw new ParseException(refusal.get());
        }
        return new DefaultJWTCallerPrincipal(verified.getJoseObjects().get(0).getHeader("typ"), claims);
    }

    /**
     * Why a verified token's claims cannot be used, or nothing. The claims are as the JSON
     * parser gives them: strings, numbers, lists and maps.
     */
    static Optional<String> refusal(Map<String, Object> claims) {
        if (!(claims.get("sub") instanceof String subject)) {
            return Optional.of("The token's sub claim must be a string.");
        }
        if (Text.refusal(subject, SUBJECT_LENGTH_MAX).isPresent()) {
            return Optional.of("The token's sub claim must be 1 to " + SUBJECT_LENGTH_MAX
                    + " characters, with a visible one, and no control character.");
        }
        // The library reads a single string of groups as one role; funds are a list only.
        Object groups = claims.get("groups");
        if (groups != null && !isName(groups) && !areNames(groups)) {
            return Optional.of("The token's groups claim must be a list of names.");
        }
        Object funds = claims.get(Roles.FUNDS_CLAIM);
        if (funds != null && !areNames(funds)) {
            return Optional.of("The token's " + Roles.FUNDS_CLAIM + " claim must be a list of fund codes.");
        }
        return Optional.empty();
    }

    private static boolean areNames(Object value) {
        return value instanceof List<?> names && names.stream().allMatch(TokenClaims::isName);
    }

    private static boolean isName(Object value) {
        return value instanceof String name && Text.refusal(name, NAME_LENGTH_MAX).isEmpty();
    }
}
