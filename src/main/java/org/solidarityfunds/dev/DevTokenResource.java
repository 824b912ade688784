package org.solidarityfunds.dev;

import io.quarkus.arc.profile.IfBuildProfile;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

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

    private final DevTokens tokens;

    DevTokenResource(DevTokens tokens) {
        this.tokens = tokens;
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
        DevTokens.Minted minted = tokens.mint(request.subject(), Set.copyOf(request.roles()), request.funds(),
                Duration.ofSeconds(request.lifetimeSeconds() == null ? LIFETIME_SECONDS_DEFAULT : request.lifetimeSeconds()));
        return Response.status(Response.Status.CREATED)
                .entity(new TokenResponse(minted.token(), "Bearer", minted.expiresAt())).build();
    }
}
