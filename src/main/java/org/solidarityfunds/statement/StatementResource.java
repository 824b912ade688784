package org.solidarityfunds.statement;

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
import jakarta.ws.rs.core.Variant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;

@Path("/api/v1/funds/{code}/statement")
@Tag(name = "Ledger")
public class StatementResource {

    static final String CSV = "text/csv";
    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE,
            StatementDownload.CSV_UTF8).build();

    private final StatementDownload downloads;
    private final Caller caller;

    StatementResource(StatementDownload downloads, Caller caller) {
        this.downloads = downloads;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.FINANCE, Roles.PARTNER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getFundStatement", summary = "A fund's statement for a period, as JSON or CSV",
            description = "Opening balances, every journal line of the entries recorded in the period with the balance "
                    + "of its account after it, and closing balances. Accept: text/csv gives one row per line "
                    + "(UTF-8 with a byte order mark, a header row, amounts as decimals with a dot) for spreadsheets. "
                    + "Streamed: a year of a large fund is never held in memory.")
    @APIResponse(responseCode = "200", description = "The statement", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatementView.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                    example = StatementWriter.CSV_HEADER + "\r\n1,2f0c…,CONTRIBUTION_RECEIVED,2020-10-20T09:12:00Z,"
                            + "2020-10-20,Contribution of donor 4110001,1,BANK,DEBIT,10000.00,EUR,10000.00\r\n"))})
    @APIResponse(responseCode = "400", description = "validation-failed (from, to)")
    @APIResponse(responseCode = "404", description = "fund-not-found")
    @APIResponse(responseCode = "406", description = "not-acceptable: Accept names neither application/json nor text/csv")
    public Response statement(@PathParam("code") String code,
            @Parameter(description = "Start, included: a day (Europe/Paris midnight) or an RFC 3339 instant. From the "
                    + "fund's first entry without it.", example = "2020-01-01") @QueryParam("from") String from,
            @Parameter(description = "End: a day, included (to its end), or an RFC 3339 instant, excluded. Now "
                    + "without it.", example = "2020-12-31") @QueryParam("to") String to,
            @Context Request request, @Context HttpServerRequest exchange) {
        Variant variant = request.selectVariant(VARIANTS);
        boolean csv = variant != null && variant.getMediaType().isCompatible(StatementDownload.CSV_UTF8);
        return downloads.of(code, from, to, caller.scope(), csv, false, exchange);
    }
}
