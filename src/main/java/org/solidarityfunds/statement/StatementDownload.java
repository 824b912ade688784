package org.solidarityfunds.statement;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.problem.ProblemMappers;

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
        StreamingOutput body = out -> writeOrCut(exchange, out, started -> writer.writeCsv(period, started));
        return Response.ok(body, CSV_UTF8).header("Content-Disposition",
                "attachment; filename=\"" + period.fundCode() + "-statement.csv\"").build();
    }

    /** The statement as JSON; as an attachment named after the fund when a person downloads it. */
    static Response json(Period period, StatementWriter writer, HttpServerRequest exchange, boolean attachment) {
        StreamingOutput body = out -> writeOrCut(exchange, out, started -> writer.writeJson(period, started));
        Response.ResponseBuilder response = Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
        if (attachment) {
            response.header("Content-Disposition", "attachment; filename=\"" + period.fundCode() + "-statement.json\"");
        }
        return response.build();
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
