package org.solidarityfunds.dev;

import io.quarkus.arc.Unremovable;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.solidarityfunds.console.HomePage;

/**
 * DEV AND TEST ONLY. A console session is a cookie holding a token the dev sign-in page
 * minted: HttpOnly, Secure, SameSite=Strict, sent to console paths only. It is verified
 * exactly as a bearer token of the API is (signature, issuer, audience, expiry, the claims
 * {@code access.TokenClaims} requires), so a console user has no power the API would not
 * give the same token. Production signs users in through the identity provider instead.
 */
@IfBuildProfile(anyOf = {"dev", "test"})
@ApplicationScoped
@Unremovable
public class DevConsoleSession implements HttpAuthenticationMechanism {

    public static final String COOKIE = "ledger-session";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Cookie session = context.request().getCookie(COOKIE);
        if (session == null || !isConsole(context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new JsonWebTokenCredential(session.getValue()));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identities.authenticate(request);
    }

    static boolean isConsole(String path) {
        return path.equals(HomePage.ROOT) || path.startsWith(HomePage.ROOT + "/");
    }

    /** The console answers a missing session itself, with the sign-in page (console.ConsoleErrors). */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, COOKIE));
    }
}
