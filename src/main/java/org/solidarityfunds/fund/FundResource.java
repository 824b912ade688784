package org.solidarityfunds.fund;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.web.Conditional;
import org.solidarityfunds.persistence.Page;
import org.solidarityfunds.web.PageParameters;
import org.solidarityfunds.openapi.OpenApiConventions;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Funds")
public class FundResource {

    private final FundService funds;
    private final Caller caller;

    FundResource(FundService funds, Caller caller) {
        this.funds = funds;
        this.caller = caller;
    }

    @POST
    @Path("funds")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createFund", summary = "Open a fund",
            description = "Creates an OPEN fund with its ledger: every account at zero, an empty hash chain.")
    @APIResponse(responseCode = "201", description = "The new fund",
            headers = @Header(name = "Location", ref = OpenApiConventions.LOCATION_HEADER),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FundView.class)))
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed or unknown-field")
    @APIResponse(responseCode = "409", description = "fund-code-taken")
    public Response create(@Valid @NotNull CreateFund command, UriInfo uri) {
        FundView fund = funds.create(command, caller.subject());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/funds/{code}").build(fund.code()))
                .entity(fund).build();
    }

    @GET
    @Path("funds")
    @RolesAllowed({Roles.FINANCE, Roles.COMMITTEE, Roles.PARTNER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listFunds", summary = "List funds",
            description = "In creation order; a partner sees the funds of its token, a committee member those whose "
                    + "committee lists it.")
    @APIResponse(responseCode = "200", description = "One page of funds")
    @APIResponse(responseCode = "400", description = "validation-failed (limit) or invalid-cursor")
    public Page<FundView> list(@BeanParam PageParameters page) {
        return funds.list(page.request(), caller.scope());
    }

    @GET
    @Path("funds/{code}")
    @RolesAllowed({Roles.FINANCE, Roles.COMMITTEE, Roles.PARTNER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getFund", summary = "Read a fund")
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "An ETag from an earlier answer.",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The fund",
            headers = @Header(name = "ETag", description = "Changes when the fund's status changes.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FundView.class)))
    @APIResponse(responseCode = "304", description = Conditional.DESCRIPTION_304)
    @APIResponse(responseCode = "404", description = "fund-not-found")
    public Response get(@PathParam("code") String code, @Context Request request) {
        FundView fund = funds.get(code, caller.scope());
        return Conditional.ok(request, fund.etag(), fund);
    }

    @POST
    @Path("funds/{code}/status")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeFundStatus", summary = "Move a fund forward in its lifecycle",
            description = "OPEN → CLOSED_TO_PLEDGES → CLOSED, never backwards; each change is kept with its reason.")
    @APIResponse(responseCode = "200", description = "The fund in its new status")
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed or unknown-field")
    @APIResponse(responseCode = "404", description = "fund-not-found")
    @APIResponse(responseCode = "409", description = "fund-status-transition-refused")
    public FundView changeStatus(@PathParam("code") String code, @Valid @NotNull ChangeFundStatus command) {
        return funds.changeStatus(code, command, caller.subject());
    }
}
