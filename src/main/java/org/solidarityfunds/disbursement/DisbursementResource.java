package org.solidarityfunds.disbursement;

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
@Tag(name = "Disbursements")
public class DisbursementResource {

    private final DisbursementService disbursements;
    private final Caller caller;

    DisbursementResource(DisbursementService disbursements, Caller caller) {
        this.disbursements = disbursements;
        this.caller = caller;
    }

    @POST
    @Path("funds/{code}/disbursements")
    @RolesAllowed({Roles.FINANCE, Roles.COMMITTEE})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestDisbursement", summary = "Ask the committee for a disbursement",
            description = "Opens a request for the fund's committee to decide. The caller is the requester, who "
                    + "cannot vote on it. Nothing is committed until the committee approves.")
    @APIResponse(responseCode = "201", description = "The request, REQUESTED",
            headers = @Header(name = "Location", ref = OpenApiConventions.LOCATION_HEADER),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DisbursementView.class)))
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed, unknown-field or "
            + "idempotency-key-missing")
    @APIResponse(responseCode = "404", description = "fund-not-found")
    @APIResponse(responseCode = "409", description = "fund-has-no-committee, fund-closed or idempotency-key-in-use")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused")
    public Response request(@PathParam("code") String code,
            @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull RequestDisbursement command, UriInfo uri) {
        return Commands.response(
                disbursements.request(Commands.post(caller, key, uri, command), code, command, caller.scope()), uri);
    }

    @GET
    @Path("funds/{code}/disbursements")
    @RolesAllowed({Roles.FINANCE, Roles.COMMITTEE, Roles.PARTNER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listDisbursements", summary = "List a fund's disbursements",
            description = "In request order. Partners see each decision but not the individual votes.")
    @APIResponse(responseCode = "200", description = "One page of disbursements")
    @APIResponse(responseCode = "400", description = "validation-failed (limit, status) or invalid-cursor")
    @APIResponse(responseCode = "404", description = "fund-not-found")
    public Page<DisbursementView> list(@PathParam("code") String code, @BeanParam PageParameters page,
            @Parameter(description = "Only disbursements in this status.",
                    schema = @Schema(implementation = DisbursementStatus.class)) @QueryParam("status") String status) {
        return disbursements.list(code, status == null ? null : status(status), page.request(), caller.scope(),
                caller.seesVotes());
    }

    @GET
    @Path("disbursements/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.COMMITTEE, Roles.PARTNER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getDisbursement", summary = "Read a disbursement, with its votes and decision",
            description = "Partners see the decision but not the individual votes.")
    @APIResponse(responseCode = "200", description = "The disbursement")
    @APIResponse(responseCode = "404", description = "disbursement-not-found")
    public DisbursementView get(@PathParam("id") String id) {
        return disbursements.get(disbursementId(id), caller.scope(), caller.seesVotes());
    }

    @POST
    @Path("disbursements/{id}/votes")
    @RolesAllowed(Roles.COMMITTEE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "castVote", summary = "Vote on a disbursement",
            description = "For members holding a seat on the fund's committee that day, once each, never the "
                    + "requester. When the vote decides, the decision is recorded with it; an approval commits the "
                    + "money in the same transaction, and is refused if the fund has not that much available (the vote "
                    + "is then not recorded and the request stays open).")
    @APIResponse(responseCode = "200", description = "The disbursement, with the vote and any decision it made",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisbursementView.class)))
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed, unknown-field or "
            + "idempotency-key-missing")
    @APIResponse(responseCode = "403", description = "forbidden, not-a-committee-member or requester-cannot-vote")
    @APIResponse(responseCode = "404", description = "disbursement-not-found")
    @APIResponse(responseCode = "409", description = "vote-already-cast, disbursement-already-decided, "
            + "disbursement-exceeds-available, fund-closed, fiscal-year-closed or idempotency-key-in-use")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused")
    public Response vote(@PathParam("id") String id,
            @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull CastVote command, UriInfo uri) {
        UUID disbursementId = disbursementId(id);
        return Commands.response(disbursements.vote(Commands.post(caller, key, uri, command), disbursementId, command,
                caller.scope()), uri);
    }

    @POST
    @Path("disbursements/{id}/payment")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "payDisbursement", summary = "Record that what is left of an approved disbursement was paid",
            description = "One payment of what is left committed, in the fund's currency, without charges: the "
                    + "DISBURSEMENT_PAID entry. For a tranche, a payment in another currency, bank charges or the "
                    + "beneficiary's account, record the payment with POST /disbursements/{id}/payments.")
    @APIResponse(responseCode = "200", description = "The disbursement, PAID",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisbursementView.class)))
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed, unknown-field or "
            + "idempotency-key-missing")
    @APIResponse(responseCode = "404", description = "disbursement-not-found")
    @APIResponse(responseCode = "409", description = "disbursement-not-approved, disbursement-already-paid, "
            + "disbursement-payments-limit, fund-closed, fiscal-year-closed or idempotency-key-in-use")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused")
    public Response pay(@PathParam("id") String id,
            @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull PayDisbursement command, UriInfo uri) {
        UUID disbursementId = disbursementId(id);
        return Commands.response(disbursements.pay(Commands.post(caller, key, uri, command), disbursementId, command,
                caller.scope()), uri);
    }

    @POST
    @Path("disbursements/{id}/payments")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordDisbursementPayment", summary = "Record one payment of an approved disbursement",
            description = "A tranche, or the rest, as the bank's advice gives it: what the bank debited in the "
                    + "fund's currency is what the ledger books (DISBURSEMENT_PAID). A transfer in another currency "
                    + "keeps its foreign amount and rate; when it settles a different part of the commitment, the "
                    + "difference is an EXCHANGE_LOSS (out of available money) or EXCHANGE_GAIN (back to it). Bank "
                    + "charges are a BANK_CHARGES entry out of available money, never out of the commitment. The "
                    + "entries are written together, or none: a loss or charges that available money cannot pay "
                    + "are refused. The disbursement is PARTLY_PAID until its payments settle the whole commitment.")
    @APIResponse(responseCode = "200", description = "The disbursement, PARTLY_PAID or PAID, with its payments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisbursementView.class)))
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed, unknown-field or "
            + "idempotency-key-missing")
    @APIResponse(responseCode = "404", description = "disbursement-not-found")
    @APIResponse(responseCode = "409", description = "disbursement-not-approved, disbursement-already-paid, "
            + "payment-exceeds-commitment, disbursement-payments-limit, balance-would-go-negative, fund-closed, "
            + "fiscal-year-closed or idempotency-key-in-use")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused")
    public Response recordPayment(@PathParam("id") String id,
            @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull RecordPayment command, UriInfo uri) {
        UUID disbursementId = disbursementId(id);
        return Commands.response(disbursements.recordPayment(Commands.post(caller, key, uri, command), disbursementId,
                command, caller.scope()), uri);
    }

    @POST
    @Path("disbursements/{id}/remainder-release")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "releaseDisbursementRemainder", summary = "Release what a partly paid disbursement "
            + "still has committed", description = "Its remainder goes back to available money (COMMITMENT_RELEASED "
            + "entry) and the disbursement is PAID: the project ended under budget, or its last tranche will not be "
            + "paid.")
    @APIResponse(responseCode = "200", description = "The disbursement, PAID, with its remainder released",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisbursementView.class)))
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed, unknown-field or "
            + "idempotency-key-missing")
    @APIResponse(responseCode = "404", description = "disbursement-not-found")
    @APIResponse(responseCode = "409", description = "disbursement-not-partly-paid, fund-closed, fiscal-year-closed "
            + "or idempotency-key-in-use")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused")
    public Response releaseRemainder(@PathParam("id") String id,
            @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull ReleaseRemainder command, UriInfo uri) {
        UUID disbursementId = disbursementId(id);
        return Commands.response(disbursements.releaseRemainder(Commands.post(caller, key, uri, command),
                disbursementId, command, caller.scope()), uri);
    }

    @POST
    @Path("disbursements/{id}/cancellation")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelDisbursement", summary = "Cancel a disbursement before payment",
            description = "Withdraws a request, or releases an approval's commitment back to available "
                    + "(COMMITMENT_RELEASED entry).")
    @APIResponse(responseCode = "200", description = "The disbursement, CANCELLED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisbursementView.class)))
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed, unknown-field or "
            + "idempotency-key-missing")
    @APIResponse(responseCode = "404", description = "disbursement-not-found")
    @APIResponse(responseCode = "409", description = "disbursement-already-paid, disbursement-not-cancellable, "
            + "fund-closed, fiscal-year-closed or idempotency-key-in-use")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused")
    public Response cancel(@PathParam("id") String id,
            @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull CancelDisbursement command, UriInfo uri) {
        UUID disbursementId = disbursementId(id);
        return Commands.response(disbursements.cancel(Commands.post(caller, key, uri, command), disbursementId, command,
                caller.scope()), uri);
    }

    private static DisbursementStatus status(String status) {
        try {
            return DisbursementStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "is one of " + Arrays.toString(DisbursementStatus.values()));
        }
    }

    private static UUID disbursementId(String id) {
        return Ids.require(id, ProblemType.DISBURSEMENT_NOT_FOUND, "disbursement");
    }
}
