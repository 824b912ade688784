package org.solidarityfunds.access;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.TenantFeature;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;

/**
 * The claim rules of {@link TokenClaims}, applied to the tokens of a console user signed in
 * through the identity provider (the ID token and the access token of the code flow), which do
 * not pass through smallrye-jwt: a token whose subject could not be recorded, or whose roles
 * or funds are not names, signs nobody in.
 */
@ApplicationScoped
@Unremovable
@TenantFeature(SignInClaims.TENANT)
public class SignInClaims implements Validator {

    /**
     * The OIDC tenant of the console (application.properties). Quarkus also picks a tenant by a
     * path segment equal to its name on paths it was not given, so the API's paths are kept to
     * bearer tokens there: an API call is never sent to the provider's sign-in page.
     */
    public static final String TENANT = "staff";

    @Override
    public String validate(JwtContext context) {
        return TokenClaims.refusal(context.getJwtClaims().getClaimsMap()).orElse(null);
    }
}
