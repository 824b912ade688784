package org.solidarityfunds.pledge;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.web.Ids;
import org.solidarityfunds.persistence.Page;
import org.solidarityfunds.web.PageParameters;
import org.solidarityfunds.idempotency.Idempotency;
import org.solidarityfunds.openapi.OpenApiConventions;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;
import org.solidarityfunds.web.Commands;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pledges")
public class PledgeResource {

    private final PledgeService pledges;
    private final Caller caller;

    PledgeResource(PledgeService pledges, Caller caller) {
        this.pledges = pledges;
        this.caller = caller;
    }

    @POST
    @Path("funds/{code}/pledges")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordPledge", summary = "Record a pledge",
            description = "Writes the PLEDGE_RECORDED entry (Dr pledges receivable / Cr pledges to receive). Instalments, "
                    + "if any, add up to the amount. A fund closed to pledges refuses it.")
    @APIResponse(responseCode = "201", description = "The pledge",
            headers = @Header(name = "Location", ref = OpenApiConventions.LOCATION_HEADER),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PledgeView.class)))
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed, unknown-field or "
            + "idempotency-key-missing")
    @APIResponse(responseCode = "404", description = "fund-not-found")
    @APIResponse(responseCode = "409", description = "fund-closed, fiscal-year-closed, fund-closed-to-pledges or "
            + "idempotency-key-in-use")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused")
    public Response record(@PathParam("code") String code,
            @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull RecordPledge command, UriInfo uri) {
        return Commands.response(
                pledges.record(Commands.post(caller, key, uri, command), code, command, caller.scope()), uri);
    }

    @GET
    @Path("funds/{code}/pledges")
    @RolesAllowed({Roles.FINANCE, Roles.PARTNER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listPledges", summary = "List a fund's pledges", description = "In recording order.")
    @APIResponse(responseCode = "200", description = "One page of pledges")
    @APIResponse(responseCode = "400", description = "validation-failed (limit, donorId, status) or invalid-cursor")
    @APIResponse(responseCode = "404", description = "fund-not-found")
    public Page<PledgeView> list(@PathParam("code") String code, @BeanParam PageParameters page,
            @Parameter(description = "Only this donor's pledges.") @QueryParam("donorId") String donorId,
            @Parameter(description = "Only pledges in this status.", schema = @Schema(implementation = PledgeStatus.class))
            @QueryParam("status") String status) {
        return pledges.list(code, donorId == null ? null : Ids.parse(donorId)
                        .orElseThrow(() -> ProblemException.invalid("donorId", "is not a donor id")),
                status == null ? null : statusOf(status), page.request(), caller.scope());
    }

    @GET
    @Path("pledges/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.PARTNER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getPledge", summary = "Read a pledge")
    @APIResponse(responseCode = "200", description = "The pledge")
    @APIResponse(responseCode = "404", description = "pledge-not-found")
    public PledgeView get(@PathParam("id") String id) {
        return pledges.get(pledgeId(id), caller.scope());
    }

    @POST
    @Path("pledges/{id}/cancellation")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelPledge", summary = "Cancel what a pledge still expects",
            description = "Writes the PLEDGE_CANCELLED entry of the part neither received nor cancelled; what was "
                    + "received stays. A cancelled pledge stays cancelled.")
    @APIResponse(responseCode = "200", description = "The cancelled pledge",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PledgeView.class)))
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed, unknown-field or "
            + "idempotency-key-missing")
    @APIResponse(responseCode = "404", description = "pledge-not-found")
    @APIResponse(responseCode = "409", description = "pledge-already-cancelled, pledge-fulfilled, fund-closed, "
            + "fiscal-year-closed or idempotency-key-in-use")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused")
    public Response cancel(@PathParam("id") String id,
            @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull CancelPledge command, UriInfo uri) {
        UUID pledgeId = pledgeId(id);
        return Commands.response(pledges.cancel(Commands.post(caller, key, uri, command), pledgeId, command, caller.scope()),
                uri);
    }

    private static UUID pledgeId(String id) {
        return Ids.require(id, ProblemType.PLEDGE_NOT_FOUND, "pledge");
    }

    private static PledgeStatus statusOf(String status) {
        try {
            return PledgeStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of " + Arrays.toString(PledgeStatus.values()));
        }
    }
}
