package org.solidarityfunds.contribution;

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
@Tag(name = "Contributions")
public class ContributionResource {

    private final ContributionService contributions;
    private final Caller caller;

    ContributionResource(ContributionService contributions, Caller caller) {
        this.contributions = contributions;
        this.caller = caller;
    }

    @POST
    @Path("funds/{code}/contributions")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordContribution", summary = "Record money received",
            description = "Writes the CONTRIBUTION_RECEIVED entry and applies the allocations to pledges, never beyond "
                    + "what a pledge still expects. Money in another currency is converted at the given rate, rounded "
                    + "half-even to the fund's minor unit; the entry keeps both amounts and the rate.")
    @APIResponse(responseCode = "201", description = "The contribution",
            headers = @Header(name = "Location", ref = OpenApiConventions.LOCATION_HEADER),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ContributionView.class)))
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed, unknown-field or "
            + "idempotency-key-missing")
    @APIResponse(responseCode = "404", description = "fund-not-found")
    @APIResponse(responseCode = "409", description = "allocation-exceeds-outstanding, fund-closed, "
            + "fiscal-year-closed or idempotency-key-in-use")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused")
    public Response record(@PathParam("code") String code,
            @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull RecordContribution command, UriInfo uri) {
        return Commands.response(
                contributions.record(Commands.post(caller, key, uri, command), code, command, caller.scope()), uri);
    }

    @POST
    @Path("funds/{code}/contributions/batch")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importContributions", summary = "Import a bank statement's contributions",
            description = "Up to 1,000 contributions in one request and one transaction, all or nothing, under one "
                    + "Idempotency-Key: each is recorded as POST /funds/{code}/contributions would, with its own entry. "
                    + "A refusal names the contribution at fault (fields under contributions[i]) and records none. "
                    + "The body may be up to 2 MiB.")
    @APIResponse(responseCode = "201", description = "The contributions, in the order sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ContributionBatchView.class)))
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed, unknown-field or "
            + "idempotency-key-missing")
    @APIResponse(responseCode = "404", description = "fund-not-found")
    @APIResponse(responseCode = "409", description = "allocation-exceeds-outstanding, fund-closed, "
            + "fiscal-year-closed or idempotency-key-in-use")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused")
    public Response importBatch(@PathParam("code") String code,
            @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull RecordContributions command, UriInfo uri) {
        return Commands.response(
                contributions.recordBatch(Commands.post(caller, key, uri, command), code, command, caller.scope()), uri);
    }

    @GET
    @Path("funds/{code}/contributions")
    @RolesAllowed({Roles.FINANCE, Roles.PARTNER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listContributions", summary = "List a fund's contributions", description = "In recording order.")
    @APIResponse(responseCode = "200", description = "One page of contributions")
    @APIResponse(responseCode = "400", description = "validation-failed (limit, donorId) or invalid-cursor")
    @APIResponse(responseCode = "404", description = "fund-not-found")
    public Page<ContributionView> list(@PathParam("code") String code, @BeanParam PageParameters page,
            @Parameter(description = "Only this donor's contributions.") @QueryParam("donorId") String donorId) {
        return contributions.list(code, donorId == null ? null : Ids.parse(donorId)
                .orElseThrow(() -> ProblemException.invalid("donorId", "is not a donor id")), page.request(), caller.scope());
    }

    @GET
    @Path("contributions/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.PARTNER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getContribution", summary = "Read a contribution")
    @APIResponse(responseCode = "200", description = "The contribution")
    @APIResponse(responseCode = "404", description = "contribution-not-found")
    public ContributionView get(@PathParam("id") String id) {
        return contributions.get(contributionId(id), caller.scope());
    }

    @POST
    @Path("contributions/{id}/reversal")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reverseContribution", summary = "Reverse a contribution that did not arrive",
            description = "For a bounced transfer: writes the reversal of its entry and gives its allocations back to "
                    + "the pledges. Refused when the money is already committed or paid out.")
    @APIResponse(responseCode = "200", description = "The reversed contribution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContributionView.class)))
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed, unknown-field or "
            + "idempotency-key-missing")
    @APIResponse(responseCode = "404", description = "contribution-not-found")
    @APIResponse(responseCode = "409", description = "contribution-already-reversed, balance-would-go-negative, "
            + "fund-closed, fiscal-year-closed or idempotency-key-in-use")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused")
    public Response reverse(@PathParam("id") String id,
            @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull ReverseContribution command, UriInfo uri) {
        UUID contributionId = contributionId(id);
        return Commands.response(contributions.reverse(Commands.post(caller, key, uri, command), contributionId, command,
                caller.scope()), uri);
    }

    private static UUID contributionId(String id) {
        return Ids.require(id, ProblemType.CONTRIBUTION_NOT_FOUND, "contribution");
    }
}
