package org.solidarityfunds.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import org.solidarityfunds.problem.ProblemMappers;

/**
 * A response body written as it is read (a statement, a journal export: never held in memory),
 * that never looks whole when it is not.
 */
public final class StreamedBody {

    private StreamedBody() {
    }

    /**
     * Writes a body; if it fails (the database gone midway), makes sure that the client cannot
     * take what it received for a whole one. A failure before any byte was handed to the HTTP
     * layer (by then the connection and the first rows have been read) is answered as any other:
     * 503 problem+json when the database is unavailable. After that, the 200 and part of the body
     * may have left, and ending the body would make a short one look complete (a CSV or a journal
     * has no end marker): the transfer is cut instead, and the failure logged with an incident id.
     */
    public static void writeOrCut(HttpServerRequest exchange, OutputStream out, Consumer<OutputStream> write) {
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
