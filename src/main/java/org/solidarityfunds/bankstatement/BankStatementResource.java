package org.solidarityfunds.bankstatement;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.idempotency.Idempotency;
import org.solidarityfunds.openapi.OpenApiConventions;
import org.solidarityfunds.persistence.Page;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;
import org.solidarityfunds.web.Commands;
import org.solidarityfunds.web.Ids;
import org.solidarityfunds.web.PageParameters;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bank statements")
public class BankStatementResource {

    private final BankStatementService statements;
    private final Caller caller;

    BankStatementResource(BankStatementService statements, Caller caller) {
        this.statements = statements;
        this.caller = caller;
    }

    @POST
    @Path("bank-statements")
    @RolesAllowed(Roles.FINANCE)
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "stageBankStatement", summary = "Stage a bank's statement file",
            description = "The file as the bank sent it, up to 12 MiB: ISO 20022 camt.053 (001.02 to 001.08) or "
                    + "CFONB 120, told by its content. Each statement must be of a registered account (by IBAN) and "
                    + "its opening balance and lines must make its closing balance. The file is kept byte for byte; "
                    + "each line gets its key (the bank's reference, else its facts) and, unless an earlier line "
                    + "brought the same movement (then it is a DUPLICATE of it, forever), a proposal: the donor and "
                    + "pledge a credit pays, the payment a debit is, with why and how sure. Nothing is recorded in the "
                    + "ledger: reconcile the lines to do so. A refused file names its line and stages nothing.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = org.eclipse.microprofile.openapi
                    .annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = org.eclipse.microprofile.openapi
                    .annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "The staged file, its statements and their totals; Location is "
            + "its first statement",
            headers = @Header(name = "Location", ref = OpenApiConventions.LOCATION_HEADER),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StatementViews.FileView.class)))
    @APIResponse(responseCode = "400", description = "idempotency-key-missing or validation-failed (fileName)")
    @APIResponse(responseCode = "409", description = "idempotency-key-in-use")
    @APIResponse(responseCode = "413", description = "payload-too-large")
    @APIResponse(responseCode = "422", description = "bank-file-unreadable, bank-account-not-registered, "
            + "bank-statement-does-not-add-up or idempotency-key-reused")
    public Response stage(@HeaderParam(Idempotency.HEADER) String key,
            @Parameter(description = "The file's name, kept with it.", schema = @Schema(maxLength = BankStatementService.FILE_NAME_LENGTH_MAX))
            @QueryParam("fileName") String fileName,
            byte[] file, UriInfo uri) {
        if (file == null || file.length == 0) {
            throw ProblemException.invalid("file", "is empty");
        }
        return Commands.response(statements.stage(caller.subject(), key, uri.getPath(), file, fileName, caller.scope()),
                uri);
    }

    @GET
    @Path("bank-statements/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getBankStatement", summary = "Read a staged statement",
            description = "Its balances, how many lines of each status, the total not yet reconciled, and the "
                    + "ledger's bank balance of the account's funds on its closing day with the difference.")
    @APIResponse(responseCode = "200", description = "The statement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StatementViews.StatementView.class)))
    @APIResponse(responseCode = "404", description = "bank-statement-not-found")
    public StatementViews.StatementView get(@PathParam("id") String id) {
        return statements.get(Ids.require(id, ProblemType.BANK_STATEMENT_NOT_FOUND, "bank statement"), caller.scope());
    }

    @GET
    @Path("bank-statements/{id}/lines")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listBankStatementLines", summary = "A statement's lines, with their proposals",
            description = "In the statement's order, optionally only those of one status.")
    @APIResponse(responseCode = "200", description = "One page of lines")
    @APIResponse(responseCode = "400", description = "validation-failed (limit, status) or invalid-cursor")
    @APIResponse(responseCode = "404", description = "bank-statement-not-found")
    public Page<StatementViews.LineView> lines(@PathParam("id") String id, @BeanParam PageParameters page,
            @Parameter(description = "Only lines of this status.",
                    schema = @Schema(implementation = StatementViews.LineStatus.class))
            @QueryParam("status") String status) {
        return statements.lines(Ids.require(id, ProblemType.BANK_STATEMENT_NOT_FOUND, "bank statement"),
                status == null ? null : statusOf(status), page.request(), caller.scope());
    }

    @POST
    @Path("bank-statements/{id}/reconciliation")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reconcileBankStatement", summary = "Accept, change or dismiss a statement's lines",
            description = "All or nothing, under one Idempotency-Key. An accepted credit becomes a contribution "
                    + "through the batch import's path (its donor and allocation as proposed, or as given); an "
                    + "accepted debit is matched to a paid disbursement of the same amount; a dismissed line keeps "
                    + "its reason. Each line is handled once, ever: a line already handled, or a duplicate, is "
                    + "refused, as is anything the contribution path refuses, naming the line. Lines not decided "
                    + "stay open.")
    @APIResponse(responseCode = "200", description = "What was done, and the statement after it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StatementViews.ReconciliationView.class)))
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed, unknown-field or "
            + "idempotency-key-missing")
    @APIResponse(responseCode = "404", description = "bank-statement-not-found")
    @APIResponse(responseCode = "409", description = "bank-line-already-handled, bank-line-is-a-duplicate, "
            + "allocation-exceeds-outstanding, fund-closed, fiscal-year-closed or idempotency-key-in-use")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused")
    public Response reconcile(@PathParam("id") String id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull Reconcile command, UriInfo uri) {
        return Commands.response(statements.reconcile(Commands.post(caller, key, uri, command),
                Ids.require(id, ProblemType.BANK_STATEMENT_NOT_FOUND, "bank statement"), command, caller.scope()), uri);
    }

    @GET
    @Path("bank-accounts/{id}/unreconciled-lines")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listUnreconciledLines", summary = "An account's lines nobody has handled yet",
            description = "Across its statements, in the order they were staged, with their count and totals.")
    @APIResponse(responseCode = "200", description = "The total and one page of lines",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StatementViews.UnreconciledView.class)))
    @APIResponse(responseCode = "400", description = "validation-failed (limit) or invalid-cursor")
    @APIResponse(responseCode = "404", description = "bank-account-not-found")
    public StatementViews.UnreconciledView unreconciled(@PathParam("id") String id, @BeanParam PageParameters page) {
        return statements.unreconciled(Ids.require(id, ProblemType.BANK_ACCOUNT_NOT_FOUND, "bank account"),
                page.request(), caller.scope());
    }

    private static StatementViews.LineStatus statusOf(String status) {
        try {
            return StatementViews.LineStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of "
                    + Arrays.toString(StatementViews.LineStatus.values()));
        }
    }

}
