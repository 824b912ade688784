package org.solidarityfunds.donor;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
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
import org.solidarityfunds.openapi.OpenApiConventions;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Donors")
public class DonorResource {

    private final DonorService donors;
    private final Caller caller;

    DonorResource(DonorService donors, Caller caller) {
        this.donors = donors;
        this.caller = caller;
    }

    @POST
    @Path("donors")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createDonor", summary = "Register a donor",
            description = "A SIREN is checked (check digit) and unique; a PERSON has none.")
    @APIResponse(responseCode = "201", description = "The new donor",
            headers = @Header(name = "Location", ref = OpenApiConventions.LOCATION_HEADER),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DonorView.class)))
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed or unknown-field")
    @APIResponse(responseCode = "409", description = "donor-siren-taken")
    public Response create(@Valid @NotNull CreateDonor command, UriInfo uri) {
        DonorView donor = donors.create(command, caller.subject());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/donors/{id}").build(donor.id()))
                .entity(donor).build();
    }

    @GET
    @Path("donors")
    @RolesAllowed({Roles.FINANCE, Roles.PARTNER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listDonors", summary = "List donors",
            description = "In registration order. A partner sees no personal data: no contact, and no name for a person.")
    @APIResponse(responseCode = "200", description = "One page of donors")
    @APIResponse(responseCode = "400", description = "validation-failed (limit, kind) or invalid-cursor")
    public Page<DonorView> list(
            @BeanParam PageParameters page,
            @Parameter(description = "Only donors of this kind.", schema = @Schema(implementation = DonorKind.class))
            @QueryParam("kind") String kind) {
        return donors.list(page.request(), kind == null ? null : kindOf(kind), caller.seesPersonalData());
    }

    @GET
    @Path("donors/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.PARTNER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getDonor", summary = "Read a donor")
    @APIResponse(responseCode = "200", description = "The donor")
    @APIResponse(responseCode = "404", description = "donor-not-found")
    public DonorView get(@PathParam("id") String id) {
        return donors.get(Ids.require(id, ProblemType.DONOR_NOT_FOUND, "donor"),
                caller.seesPersonalData());
    }

    private static DonorKind kindOf(String kind) {
        try {
            return DonorKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("kind", "must be one of " + Arrays.toString(DonorKind.values()));
        }
    }
}
