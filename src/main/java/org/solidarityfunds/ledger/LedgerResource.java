package org.solidarityfunds.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.web.Conditional;
import org.solidarityfunds.web.Ids;
import org.solidarityfunds.common.BusinessDates;
import org.solidarityfunds.common.Instants;
import org.solidarityfunds.persistence.Page;
import org.solidarityfunds.web.PageParameters;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * The journal over HTTP: balances, entries and the verification of the chains. It writes
 * nothing: every entry, reversals included, is written by the record it belongs to (ADR 0008).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ledger")
public class LedgerResource {

    private final LedgerService ledger;
    private final VerificationService verification;
    private final Caller caller;

    LedgerResource(LedgerService ledger, VerificationService verification, Caller caller) {
        this.ledger = ledger;
        this.verification = verification;
        this.caller = caller;
    }

    @GET
    @Path("funds/{code}/balance")
    @RolesAllowed({Roles.FINANCE, Roles.COMMITTEE, Roles.PARTNER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getFundBalance", summary = "Read a fund's balances, now, at a past instant or on a day",
            description = "Maintained with every entry, and kept as they stood after each entry: reading the current "
                    + "balances or those at any past instant costs the same whatever the size of the journal. With "
                    + "asOf, the balances after the last entry recorded at or before that instant (what the ledger "
                    + "knew then). With on, the balances by the dates of the events: every entry dated on or before "
                    + "that day (Europe/Paris), whenever it was recorded (the accounting year's figures); summed "
                    + "from the fund's entries up to that day.")
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "An ETag from an earlier answer.",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The fund's balances",
            headers = @Header(name = "ETag", description = "Changes when an entry is added.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BalanceView.class)))
    @APIResponse(responseCode = "304", description = Conditional.DESCRIPTION_304)
    @APIResponse(responseCode = "400", description = "validation-failed (asOf, on, or both given)")
    @APIResponse(responseCode = "404", description = "fund-not-found")
    @APIResponse(responseCode = "409", description = "balance-below-zero-on-day")
    public Response balance(@PathParam("code") String code,
            @Parameter(description = "An RFC 3339 instant with its offset, not in the future, e.g. 2020-12-31T23:00:00Z.",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("asOf") String asOf,
            @Parameter(description = "A day, not after today (Europe/Paris). Not with asOf.", example = "2020-12-31",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("on") String on,
            @Context Request request) {
        if (asOf != null && on != null) {
            throw ProblemException.invalid("on", "cannot be asked for with asOf: one is by recording, the other by "
                    + "the dates of the events");
        }
        BalanceView balances = asOf != null ? ledger.balancesAsOf(code, Instants.parse("asOf", asOf), caller.scope())
                : on != null ? ledger.balancesOn(code, BusinessDates.parse("on", on), caller.scope())
                : ledger.balances(code, caller.scope());
        return Conditional.ok(request, balances.etag(), balances);
    }

    @GET
    @Path("funds/{code}/entries")
    @RolesAllowed({Roles.FINANCE, Roles.PARTNER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listFundEntries", summary = "Page through a fund's journal",
            description = "Entries in posting order, each with its lines and hashes.")
    @APIResponse(responseCode = "200", description = "One page of entries")
    @APIResponse(responseCode = "400", description = "validation-failed (limit) or invalid-cursor")
    @APIResponse(responseCode = "404", description = "fund-not-found")
    public Page<EntryView> entries(@PathParam("code") String code,
            @BeanParam PageParameters page) {
        return ledger.entries(code, page.request(), caller.scope());
    }

    @GET
    @Path("entries/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.PARTNER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getEntry", summary = "Read one journal entry")
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "An ETag from an earlier answer.",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The entry with its lines",
            headers = @Header(name = "ETag", description = "Changes only when the entry is reversed.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "304", description = Conditional.DESCRIPTION_304)
    @APIResponse(responseCode = "404", description = "entry-not-found")
    public Response entry(@PathParam("id") String id, @Context Request request) {
        EntryView entry = ledger.entry(entryId(id), caller.scope());
        return Conditional.ok(request, entry.etag(), entry);
    }

    @GET
    @Path("ledger/verification")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "verifyLedger", summary = "Verify every fund's hash chain and balances",
            description = "Recomputes each entry's hash from its fields and lines and each maintained balance from the "
                    + "lines, on one consistent snapshot. Answers 200 either way: `status` says INTACT or BROKEN, and "
                    + "`firstBreak` names the fund and entry where the ledger first stops holding.")
    @APIResponse(responseCode = "200", description = "The verification report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VerificationReport.class)))
    public VerificationReport verify() {
        return verification.verify();
    }

    private static UUID entryId(String id) {
        return Ids.require(id, ProblemType.ENTRY_NOT_FOUND, "journal entry");
    }
}
