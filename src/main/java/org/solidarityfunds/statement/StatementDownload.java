package org.solidarityfunds.statement;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.web.StreamedBody;

/**
 * A statement as an HTTP download, streamed (a year of a large fund is never held in memory),
 * for the API and for the console alike: never a short statement that looks whole.
 */
@ApplicationScoped
public class StatementDownload {

    static final MediaType CSV_UTF8 = MediaType.valueOf(StatementResource.CSV + ";charset=UTF-8");

    private final StatementService statements;
    private final StatementWriter writer;

    StatementDownload(StatementService statements, StatementWriter writer) {
        this.statements = statements;
        this.writer = writer;
    }

    /** The statement of a fund in the caller's scope, between two days (its whole life by default). */
    public Response of(String fundCode, String from, String to, FundScope scope, boolean csv, boolean attachment,
            HttpServerRequest exchange) {
        Period period = statements.period(fundCode, from, to, scope);
        return csv ? csv(period, writer, exchange) : json(period, writer, exchange, attachment);
    }

    /** One row per line, for spreadsheets, as an attachment named after the fund. */
    static Response csv(Period period, StatementWriter writer, HttpServerRequest exchange) {
        StreamingOutput body = out -> StreamedBody.writeOrCut(exchange, out, started -> writer.writeCsv(period, started));
        return Response.ok(body, CSV_UTF8).header("Content-Disposition",
                "attachment; filename=\"" + period.fundCode() + "-statement.csv\"").build();
    }

    /** The statement as JSON; as an attachment named after the fund when a person downloads it. */
    static Response json(Period period, StatementWriter writer, HttpServerRequest exchange, boolean attachment) {
        StreamingOutput body = out -> StreamedBody.writeOrCut(exchange, out, started -> writer.writeJson(period, started));
        Response.ResponseBuilder response = Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
        if (attachment) {
            response.header("Content-Disposition", "attachment; filename=\"" + period.fundCode() + "-statement.json\"");
        }
        return response.build();
    }
}
