package org.solidarityfunds.bank;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.openapi.OpenApiConventions;
import org.solidarityfunds.persistence.Page;
import org.solidarityfunds.problem.ProblemType;
import org.solidarityfunds.web.Ids;
import org.solidarityfunds.web.PageParameters;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bank accounts")
public class BankAccountResource {

    private final BankAccountService accounts;
    private final Caller caller;

    BankAccountResource(BankAccountService accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @POST
    @Path("bank-accounts")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "openBankAccount", summary = "Register one of the organisation's bank accounts",
            description = "The IBAN is checked (ISO 13616: check digits, the country's length and format) and unique; "
                    + "the BIC by its format (ISO 9362). An account given a fund is that fund's own, in its currency "
                    + "(one per fund); without one it is shared by the funds that have none of their own. A bank "
                    + "statement is read against the account its IBAN names.")
    @APIResponse(responseCode = "201", description = "The account",
            headers = @Header(name = "Location", ref = OpenApiConventions.LOCATION_HEADER),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BankAccountView.class)))
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed or unknown-field")
    @APIResponse(responseCode = "404", description = "fund-not-found")
    @APIResponse(responseCode = "409", description = "bank-account-iban-taken or fund-has-a-bank-account")
    public Response open(@Valid @NotNull OpenBankAccount command, UriInfo uri) {
        BankAccountView account = accounts.open(command, caller.subject());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/bank-accounts/{id}").build(account.id()))
                .entity(account).build();
    }

    @GET
    @Path("bank-accounts")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listBankAccounts", summary = "List the organisation's bank accounts",
            description = "In registration order: the shared accounts, and the own accounts of the funds in the "
                    + "caller's scope.")
    @APIResponse(responseCode = "200", description = "One page of accounts")
    @APIResponse(responseCode = "400", description = "validation-failed (limit) or invalid-cursor")
    public Page<BankAccountView> list(@BeanParam PageParameters page) {
        return accounts.list(page.request(), caller.scope());
    }

    @GET
    @Path("bank-accounts/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getBankAccount", summary = "Read a bank account")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "404", description = "bank-account-not-found")
    public BankAccountView get(@PathParam("id") String id) {
        return accounts.get(Ids.require(id, ProblemType.BANK_ACCOUNT_NOT_FOUND, "bank account"), caller.scope());
    }

    @POST
    @Path("donors/{id}/bank-accounts")
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordDonorIban", summary = "Record an account a donor pays from",
            description = "So that the donor's transfers are recognised on the bank's statements. The IBAN is "
                    + "checked; recording it again changes nothing. One IBAN may be several donors' (a public "
                    + "treasury pays for many communes).")
    @APIResponse(responseCode = "200", description = "The donor's account, as recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DonorIbanView.class)))
    @APIResponse(responseCode = "400", description = "malformed-request, validation-failed or unknown-field")
    @APIResponse(responseCode = "404", description = "donor-not-found")
    public DonorIbanView recordDonorIban(@PathParam("id") String id, @Valid @NotNull RecordDonorIban command) {
        return accounts.recordDonorIban(Ids.require(id, ProblemType.DONOR_NOT_FOUND, "donor"), command,
                caller.subject());
    }

    @GET
    @Path("donors/{id}/bank-accounts")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listDonorIbans", summary = "The accounts a donor is known to pay from")
    @APIResponse(responseCode = "200", description = "In the order they were recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DonorIbanView.class)))
    @APIResponse(responseCode = "404", description = "donor-not-found")
    public List<DonorIbanView> donorIbans(@PathParam("id") String id) {
        return accounts.donorIbans(Ids.require(id, ProblemType.DONOR_NOT_FOUND, "donor"));
    }
}
