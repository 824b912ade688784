package org.solidarityfunds.committee;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.persistence.Page;
import org.solidarityfunds.web.PageParameters;

@Path("/api/v1/funds/{code}/committee")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Committees")
public class CommitteeResource {

    private final CommitteeService committees;
    private final Caller caller;

    CommitteeResource(CommitteeService committees, Caller caller) {
        this.committees = committees;
        this.caller = caller;
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setCommittee", summary = "Set a fund's committee",
            description = "Records the whole committee (members, quorum, majority rule, delegate) as its next version; "
                    + "earlier versions are kept, and each decision names the version it was taken under. Requests "
                    + "still open are decided by the new committee from their next vote on.")
    @APIResponse(responseCode = "200", description = "The committee, as its new version")
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed or unknown-field")
    @APIResponse(responseCode = "404", description = "fund-not-found")
    public CommitteeView set(@PathParam("code") String code, @Valid @NotNull SetCommittee command) {
        return committees.set(code, command, caller.subject());
    }

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.COMMITTEE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getCommittee", summary = "Read a fund's committee", description = "Its latest version.")
    @APIResponse(responseCode = "200", description = "The committee")
    @APIResponse(responseCode = "404", description = "fund-not-found or committee-not-found")
    public CommitteeView get(@PathParam("code") String code) {
        return committees.get(code, caller.scope());
    }

    @GET
    @Path("versions")
    @RolesAllowed({Roles.FINANCE, Roles.COMMITTEE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listCommitteeVersions", summary = "List every version of a fund's committee",
            description = "Oldest first: who sat on it, under which rules, set by whom and why.")
    @APIResponse(responseCode = "200", description = "One page of versions")
    @APIResponse(responseCode = "400", description = "validation-failed (limit) or invalid-cursor")
    @APIResponse(responseCode = "404", description = "fund-not-found")
    public Page<CommitteeView> versions(@PathParam("code") String code, @BeanParam PageParameters page) {
        return committees.history(code, page.request(), caller.scope());
    }
}
