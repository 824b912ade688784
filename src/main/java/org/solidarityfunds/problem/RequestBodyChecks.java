package org.solidarityfunds.problem;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Every request body is read through {@link CheckedBodyStream}: its size limit holds however
 * the body is framed (BodySizeLimit refuses a declared length before reading; a chunked body
 * is counted as it comes), and it must be UTF-8 unless it is a file taken as bytes.
 */
@Provider
public class RequestBodyChecks implements ReaderInterceptor {

    private final BodySizeLimit limits;
    private final CurrentVertxRequest request;

    RequestBodyChecks(BodySizeLimit limits, CurrentVertxRequest request) {
        this.limits = limits;
        this.request = request;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        // A body taken as bytes is a file, read for what it is (a PDF, a bank's Latin-9 statement):
        // only its size is checked here; every other body is text.
        context.setInputStream(new CheckedBodyStream(context.getInputStream(),
                limits.limitFor(request.getCurrent().request().path()), context.getType() != byte[].class));
        return context.proceed();
    }
}
