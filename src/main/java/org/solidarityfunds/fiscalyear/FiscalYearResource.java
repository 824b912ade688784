package org.solidarityfunds.fiscalyear;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;

@Path("/api/v1/fiscal-years")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fiscal years")
public class FiscalYearResource {

    private final FiscalYearService years;
    private final Caller caller;

    FiscalYearResource(FiscalYearService years, Caller caller) {
        this.years = years;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listFiscalYears", summary = "List the fiscal years",
            description = "Oldest first. A year exists from the first entry dated in it (or between two such years).")
    @APIResponse(responseCode = "200", description = "Every fiscal year")
    public List<FiscalYearView> list() {
        return years.list();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getFiscalYear", summary = "Read a fiscal year")
    @APIResponse(responseCode = "200", description = "The fiscal year")
    @APIResponse(responseCode = "404", description = "fiscal-year-not-found")
    public FiscalYearView get(@PathParam("code") String code) {
        return years.get(code);
    }

    @POST
    @Path("{code}/closing-request")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestFiscalYearClosing", summary = "Ask for a fiscal year's closing",
            description = "OPEN → CLOSING, once the year has ended and the year before it is closed. From then on no "
                    + "entry dated in the year is taken (fiscal-year-closed) until the closing is confirmed or "
                    + "withdrawn; the postings already under way finish first.")
    @APIResponse(responseCode = "200", description = "The year, CLOSING")
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed or unknown-field")
    @APIResponse(responseCode = "404", description = "fiscal-year-not-found")
    @APIResponse(responseCode = "409",
            description = "fiscal-year-not-open, fiscal-year-not-ended or previous-fiscal-year-not-closed")
    public FiscalYearView requestClosing(@PathParam("code") String code, @Valid @NotNull ClosingStep step) {
        return years.requestClosing(code, step, caller.subject());
    }

    @POST
    @Path("{code}/closing-confirmation")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "confirmFiscalYearClosing", summary = "Confirm a fiscal year's closing",
            description = "CLOSING → CLOSED, by someone other than who asked for it. Numbers the year's entries "
                    + "without gap in the order they were recorded; a closed year is never reopened.")
    @APIResponse(responseCode = "200", description = "The year, CLOSED")
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed or unknown-field")
    @APIResponse(responseCode = "403", description = "closing-needs-a-second-person")
    @APIResponse(responseCode = "404", description = "fiscal-year-not-found")
    @APIResponse(responseCode = "409", description = "fiscal-year-not-closing")
    public FiscalYearView confirmClosing(@PathParam("code") String code, @Valid @NotNull ClosingStep step) {
        return years.confirmClosing(code, step, caller.subject());
    }

    @POST
    @Path("{code}/closing-withdrawal")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "withdrawFiscalYearClosing", summary = "Withdraw a fiscal year's closing request",
            description = "CLOSING → OPEN, to correct the year before it is closed: postings into it are taken again.")
    @APIResponse(responseCode = "200", description = "The year, OPEN")
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed or unknown-field")
    @APIResponse(responseCode = "404", description = "fiscal-year-not-found")
    @APIResponse(responseCode = "409", description = "fiscal-year-not-closing")
    public FiscalYearView withdrawClosing(@PathParam("code") String code, @Valid @NotNull ClosingStep step) {
        return years.withdrawClosing(code, step, caller.subject());
    }
}
