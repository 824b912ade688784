package org.solidarityfunds.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.solidarityfunds.access.Roles;

/**
 * DEV AND TEST BUILDS ONLY: mints a token for any subject, roles and funds, signed with the
 * session's dev-only key, so that curl and Swagger UI work without an identity provider.
 * The class does not exist in a production build; the route answers 404 there.
 */
@IfBuildProfile(anyOf = {"dev", "test"})
@Path("/dev/tokens")
@PermitAll
public class DevTokenResource {

    static final int LIFETIME_SECONDS_DEFAULT = 3600;

    private final Clock clock;

    DevTokenResource(Clock clock) {
        this.clock = clock;
    }

    /** What the token should say. */
    public record TokenRequest(
            @NotBlank @Size(max = 200) String subject,
            @NotEmpty @Size(max = 5) List<@NotNull @Pattern(regexp = "finance|committee|partner|auditor|admin") String> roles,
            @Size(max = 100) List<@NotBlank @Size(max = 32) String> funds,
            @Min(1) @Max(86_400) Integer lifetimeSeconds) {
    }

    public record TokenResponse(String token, String tokenType, Instant expiresAt) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response mint(@Valid @NotNull TokenRequest request) {
        Instant expiresAt = clock.instant().plus(Duration.ofSeconds(
                request.lifetimeSeconds() == null ? LIFETIME_SECONDS_DEFAULT : request.lifetimeSeconds()));
        var claims = Jwt.issuer(DevSigningKeys.ISSUER)
                .audience(DevSigningKeys.AUDIENCE)
                .subject(request.subject())
                .groups(Set.copyOf(request.roles()))
                .expiresAt(expiresAt);
        if (request.funds() != null) {
            claims.claim(Roles.FUNDS_CLAIM, List.copyOf(request.funds()));
        }
        return Response.status(Response.Status.CREATED)
                .entity(new TokenResponse(claims.sign(), "Bearer", expiresAt)).build();
    }
}
