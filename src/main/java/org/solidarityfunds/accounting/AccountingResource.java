package org.solidarityfunds.accounting;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.Variant;
import java.util.List;
import java.util.function.Supplier;
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
import org.solidarityfunds.common.BusinessDates;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.web.Conditional;
import org.solidarityfunds.web.StreamedBody;

@Path("/api/v1/accounting")
@Tag(name = "Accounting")
public class AccountingResource {

    static final String CSV = "text/csv";
    static final MediaType CSV_UTF8 = MediaType.valueOf(CSV + ";charset=UTF-8");
    static final String JOURNAL = "text/plain";
    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, CSV_UTF8).build();

    private final AccountingService accounting;
    private final JournalExport journal;
    private final Caller caller;

    AccountingResource(AccountingService accounting, JournalExport journal, Caller caller) {
        this.accounting = accounting;
        this.journal = journal;
        this.caller = caller;
    }

    @GET
    @Path("trial-balance")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getTrialBalance", summary = "The trial balance (balance générale) on a day, as JSON or CSV",
            description = "Each account of the general chart with its debit and credit movements and its balance, by "
                    + "the effective dates of the entries: the balance-sheet accounts (classes 1 to 5) with everything "
                    + "dated up to the day, the charges and resources (classes 6 and 7) with the fiscal year's only, "
                    + "the earlier years' result in 110 or 119. One table per currency, whose debits equal its "
                    + "credits. Accept: text/csv gives one row per account (UTF-8 with a byte order mark, amounts as "
                    + "decimals with a dot).")
    @APIResponse(responseCode = "200", description = "The trial balance", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrialBalance.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                    example = AccountingCsv.TRIAL_BALANCE_HEADER + "\r\n512,Banques,EUR,10000.00,2500.00,7500.00,0.00\r\n"))})
    @APIResponse(responseCode = "400", description = "validation-failed (on)")
    @APIResponse(responseCode = "404", description = "fund-not-found")
    @APIResponse(responseCode = "406", description = "not-acceptable: Accept names neither application/json nor text/csv")
    public Response trialBalance(
            @Parameter(description = "The day, at its end (Europe/Paris); today without it.", example = "2020-12-31",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("on") String on,
            @Parameter(description = "Only this fund's entries (its code).", example = "LIBAN-2020")
            @QueryParam("fund") String fund,
            @Context Request request) {
        TrialBalance balance = accounting.trialBalance(on == null ? null : BusinessDates.parse("on", on), fund,
                caller.scope());
        return jsonOrCsv(request, balance, () -> AccountingCsv.of(balance),
                "trial-balance-" + balance.on() + (fund == null ? "" : "-" + fund) + ".csv");
    }

    @GET
    @Path("journal")
    @Produces(JOURNAL)
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getAccountingJournal", summary = "The journal of a period, as plain-text accounting",
            description = "hledger's journal format: every currency and account declared, then one "
                    + "transaction per entry dated in the period, by effective date, with its id, fund, sequence, kind "
                    + "and hash as tags, so that `hledger check --strict` holds and `hledger balance` gives the trial "
                    + "balance (accounts=general: the chart's number, then the fund) or the API's balances "
                    + "(accounts=funds: the fund, then its account). Streamed.")
    @APIResponse(responseCode = "200", description = "The journal", content = @Content(mediaType = JOURNAL,
            schema = @Schema(type = SchemaType.STRING, example = "2020-10-02 Contribution  ; id:2f0c…, fund:LIBAN-2020\n"
                    + "    512:LIBAN-2020    10000.00 EUR\n    740:LIBAN-2020    -10000.00 EUR\n")))
    @APIResponse(responseCode = "400", description = "validation-failed (from, to, accounts)")
    @APIResponse(responseCode = "404", description = "fund-not-found")
    public Response journal(
            @Parameter(description = "The first day, included; from the first entry without it.", example = "2020-01-01",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "The last day, included; today without it.", example = "2020-12-31",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = "Only this fund's entries (its code).", example = "LIBAN-2020")
            @QueryParam("fund") String fund,
            @Parameter(description = "The accounts: the general chart's (general, the default) or the funds' own "
                    + "(funds).", schema = @Schema(enumeration = {"general", "funds"}, defaultValue = "general"))
            @QueryParam("accounts") String accounts,
            @Context HttpServerRequest exchange) {
        JournalExport.Accounts chart = accountsOf(accounts);
        JournalExport.Period period = accounting.period(from == null ? null : BusinessDates.parse("from", from),
                to == null ? null : BusinessDates.parse("to", to), fund, caller.scope());
        StreamingOutput body = out -> StreamedBody.writeOrCut(exchange, out, started -> journal.write(period, chart,
                started));
        return Response.ok(body, MediaType.valueOf(JOURNAL + ";charset=UTF-8")).header("Content-Disposition",
                "attachment; filename=\"journal-" + period.first() + "-" + period.last()
                        + (fund == null ? "" : "-" + fund) + ".journal\"").build();
    }

    @GET
    @Path("dedicated-funds/{year}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getDedicatedFunds", summary = "A year's fonds dédiés per fund, as JSON or CSV",
            description = "The variation table of the fonds dédiés (ANC 2018-06): for each fund and family of "
                    + "resources, the fonds at the start of the year, the year's resources and charges, the earlier "
                    + "fonds used (789x), the unused resources carried (689x), the fonds at the end. A closed year's "
                    + "are those its closing booked; a year still to close, whose previous year is closed, shows what "
                    + "its closing would book now (provisional). Accept: text/csv gives one row per fund and family.")
    @APIResponse(responseCode = "200", description = "The fonds dédiés", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DedicatedFundsReport.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                    example = AccountingCsv.DEDICATED_FUNDS_HEADER + "\r\nLIBAN-2020,EUR,SUBSIDIES,194,0.00,100000.00,30000.00,"
                            + "0.00,70000.00,70000.00\r\n"))})
    @APIResponse(responseCode = "404", description = "fiscal-year-not-found, fund-not-found")
    @APIResponse(responseCode = "406", description = "not-acceptable: Accept names neither application/json nor text/csv")
    @APIResponse(responseCode = "409", description = "previous-fiscal-year-not-closed")
    public Response dedicatedFunds(
            @Parameter(description = "The fiscal year (2020, or 2020-2021 when it straddles two).", example = "2020")
            @PathParam("year") String year,
            @Parameter(description = "Only this fund (its code).", example = "LIBAN-2020") @QueryParam("fund") String fund,
            @Context Request request) {
        DedicatedFundsReport report = accounting.dedicatedFunds(year, fund, caller.scope());
        return jsonOrCsv(request, report, () -> AccountingCsv.of(report),
                "dedicated-funds-" + report.fiscalYear() + (fund == null ? "" : "-" + fund) + ".csv");
    }

    @GET
    @Path("fec/{year}")
    @Produces(JOURNAL)
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getFec", summary = "A closed year's FEC (fichier des écritures comptables)",
            description = "The file of LPF art. A47 A-1, as its closing wrote it: named {SIREN}FEC{last day}.txt, the "
                    + "18 zones with their header, separated by a tab or a | (the separator its closing wrote it "
                    + "with: ledger.accounting.fec.separator then), ISO 8859-15, records ended by CR LF, amounts in euros "
                    + "with a decimal comma; the opening balances first, then the entries in the order they were "
                    + "validated, then the fonds dédiés. Its SHA-256, kept by the closing, is its ETag: the same "
                    + "year always gives the same bytes. Streamed. Its written description is at "
                    + "/api/v1/accounting/fec/{year}/description.")
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "An ETag from an earlier answer.",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The FEC",
            headers = @Header(name = "ETag", description = "The file's SHA-256, in hexadecimal.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = JOURNAL, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = Conditional.DESCRIPTION_304)
    @APIResponse(responseCode = "404", description = "fiscal-year-not-found")
    @APIResponse(responseCode = "409", description = "fiscal-year-not-closed")
    public Response fec(@Parameter(description = "The fiscal year.", example = "2020") @PathParam("year") String year,
            @Context Request request, @Context HttpServerRequest exchange) {
        AccountingService.Fec fec = accounting.fec(year);
        StreamingOutput body = out -> StreamedBody.writeOrCut(exchange, out, started -> accounting.writeFec(fec,
                started));
        return Response.fromResponse(Conditional.ok(request, fec.sha256(), body))
                .type(MediaType.valueOf(JOURNAL + ";charset=ISO-8859-15"))
                .header("Content-Disposition", "attachment; filename=\"" + fec.fileName() + "\"").build();
    }

    @GET
    @Path("fec/{year}/description")
    @Produces(JOURNAL)
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getFecDescription", summary = "The written description of a closed year's FEC",
            description = "What art. A47 A-1 (II, XI) asks to come with the file, in French: its name, digest and "
                    + "size, the technical information, each zone's meaning, the journals' codes, and the funds left "
                    + "out of it (those kept in another currency than the euro).")
    @APIResponse(responseCode = "200", description = "The description", content = @Content(mediaType = JOURNAL,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "fiscal-year-not-found")
    @APIResponse(responseCode = "409", description = "fiscal-year-not-closed")
    public Response fecDescription(
            @Parameter(description = "The fiscal year.", example = "2020") @PathParam("year") String year) {
        AccountingService.FecDescriptionFile description = accounting.fecDescription(year);
        return Response.ok(description.text(), MediaType.valueOf(JOURNAL + ";charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + description.fileName() + "\"").build();
    }

    /** A report as JSON, or as a CSV file to download when Accept prefers text/csv. */
    private static Response jsonOrCsv(Request request, Object report, Supplier<String> csv,
            String fileName) {
        Variant variant = request.selectVariant(VARIANTS);
        if (variant != null && variant.getMediaType().isCompatible(CSV_UTF8)) {
            return Response.ok(csv.get(), CSV_UTF8).header("Content-Disposition", "attachment; filename=\"" + fileName
                    + "\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static JournalExport.Accounts accountsOf(String accounts) {
        if (accounts == null || accounts.equals("general")) {
            return JournalExport.Accounts.GENERAL;
        }
        if (accounts.equals("funds")) {
            return JournalExport.Accounts.FUNDS;
        }
        throw ProblemException.invalid("accounts", "must be general or funds");
    }
}
