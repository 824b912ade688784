package org.solidarityfunds.statement;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
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
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.problem.ProblemMappers;

@Path("/api/v1/funds/{code}/statement")
@Tag(name = "Ledger")
public class StatementResource {

    static final String CSV = "text/csv";
    private static final MediaType CSV_UTF8 = MediaType.valueOf(CSV + ";charset=UTF-8");
    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, CSV_UTF8).build();

    private final StatementService statements;
    private final StatementWriter writer;
    private final Caller caller;

    StatementResource(StatementService statements, StatementWriter writer, Caller caller) {
        this.statements = statements;
        this.writer = writer;
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
        boolean csv = variant != null && variant.getMediaType().isCompatible(CSV_UTF8);
        Period period = statements.period(code, from, to, caller.scope());
        if (csv) {
            StreamingOutput body = out -> writeOrCut(exchange, out, started -> writer.writeCsv(period, started));
            return Response.ok(body, CSV_UTF8).header("Content-Disposition",
                    "attachment; filename=\"" + period.fundCode() + "-statement.csv\"").build();
        }
        StreamingOutput body = out -> writeOrCut(exchange, out, started -> writer.writeJson(period, started));
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * Writes a statement; if it fails (the database gone mid-statement), makes sure that the
     * client cannot take what it received for a whole statement. A failure before any byte was
     * handed to the HTTP layer (by then the connection, the opening balances and the first rows
     * have been read) is answered as any other: 503 problem+json when the database is
     * unavailable. After that, the 200 and part of the body may have left, and ending the body
     * would make a short statement look complete (a CSV has no end marker): the transfer is cut
     * instead, and the failure logged with an incident id.
     */
    private static void writeOrCut(HttpServerRequest exchange, OutputStream out, Consumer<OutputStream> write) {
        StartedOutput started = new StartedOutput(out);
        try {
            write.accept(started);
        } catch (RuntimeException e) {
            if (!started.started && !exchange.response().headWritten()) {
                throw e;
            }
            cut(exchange);
            // Not thrown on: the REST layer would answer the failure on a response already begun,
            // and such a request is never counted as finished (graceful shutdown then waits for
            // it until its timeout).
            ProblemMappers.logUnanswered(e);
        }
    }

    /**
     * Ends the response without its end. HTTP/2: the stream is reset. HTTP/1.1: the connection
     * is closed at once (no last chunk: the client reports an incomplete transfer), dropping what
     * is not yet written. Not through Vert.x's own close, which waits for what is queued on the
     * connection, where the last chunk soon is (the REST layer ends the response once this
     * method returns): the close starts at the first handler of the Netty pipeline, below
     * Vert.x's (ConnectionBase is Vert.x's internal class, the one that holds the channel).
     */
    private static void cut(HttpServerRequest exchange) {
        if (exchange.version() != HttpVersion.HTTP_2 && exchange.connection() instanceof ConnectionBase connection) {
            connection.channel().pipeline().firstContext().close();
        } else {
            exchange.response().reset();
        }
    }

    /** Tells whether anything was written through it. */
    private static final class StartedOutput extends FilterOutputStream {
        volatile boolean started;

        StartedOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            started = true;
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            started = true;
            out.write(b, off, len);
        }
    }
}
