package org.solidarityfunds.access;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.auth.cdi.NullJsonWebToken;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * The caller's token, whichever way it was verified (ADR 0012). An API bearer token, and the
 * dev console session, are verified by smallrye-jwt, which keeps the token as the principal. A
 * console user signed in through the identity provider has the provider's access token (the
 * one with the same {@code groups} and {@code funds} claims as the API's tokens) as a
 * credential, the principal being the ID token.
 *
 * <p>Why a producer of our own: with quarkus-oidc present, its {@code JsonWebToken} producer
 * (priority 2) outranks smallrye-jwt's (1) and gives an empty token for every identity
 * smallrye-jwt made, so every API write would lose its author. This one outranks both.
 */
@ApplicationScoped
@Alternative
@Priority(10)
public class CallerToken {

    @Produces
    @RequestScoped
    JsonWebToken current(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return new NullJsonWebToken();
        }
        AccessTokenCredential access = identity.getCredential(AccessTokenCredential.class);
        if (access != null && access.getToken() != null && !access.isOpaque()) {
            return fromVerified(access.getToken());
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return token;
        }
        throw new IllegalStateException("An identity without a token: " + identity.getPrincipal().getClass());
    }

    /**
     * Reads a token the identity provider's tenant has already verified: with
     * {@code roles.source=accesstoken} it checks the access token's signature, issuer and
     * expiry before any request gets this far, and {@link SignInClaims} its claims.
     */
    private static JsonWebToken fromVerified(String token) {
        try {
            JwtClaims claims = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators()
                    .build().processToClaims(token);
            claims.setClaim(Claims.raw_token.name(), token);
            return new DefaultJWTCallerPrincipal(claims);
        } catch (InvalidJwtException unreadable) {
            throw new IllegalStateException("A verified access token could not be read again", unreadable);
        }
    }
}
