package org.solidarityfunds.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared body is larger than its limit with a problem, before
 * anything reads it: {@code ledger.http.body-size-max} (64 KiB) for every request but a
 * bank-statement import, which may send up to {@code ledger.http.import-body-size-max}
 * (2 MiB), a bank's statement file, up to {@code ledger.http.bank-file-size-max} (12 MiB:
 * reading a camt.053 file takes about 14 times its size in heap), and a supporting document, up
 * to {@code ledger.http.document-size-max} (10 MiB, the most a document may have).
 * A body sent in chunks, without a length, is held to the same limit as it is read
 * (RequestBodyChecks).
 */
@ApplicationScoped
public class BodySizeLimit {

    /** The one kind of request that may carry more than the ordinary limit. */
    // The API's batch endpoint, and the console's pages that carry the same statement (its upload and confirmation).
    static final Pattern IMPORT_PATH = Pattern.compile(
            "/api/v1/funds/[^/]+/contributions/batch|/(api/v1|console)/bank-statements/[^/]+/reconciliation"
                    + "|/console/funds/[^/]+/contributions/import(/preview)?");
    /** A bank's statement file, as the bank wrote it: 10,000 camt.053 entries take about 10 MiB. */
    static final Pattern BANK_FILE_PATH = Pattern.compile("/(api/v1|console)/bank-statements");
    /** A supporting document, as its author wrote it. */
    static final Pattern DOCUMENT_PATH = Pattern.compile("/api/v1/(pledges|disbursements)/[^/]+/documents");
    /** The console's upload of one: the document and its form's few fields. */
    static final Pattern DOCUMENT_FORM_PATH = Pattern.compile("/console/disbursements/[^/]+/documents");
    /** What a form's fields and multipart framing add to a document, at most. */
    static final long FORM_OVERHEAD_BYTES = 64 * 1024;

    private final long bodySizeMaxBytes;
    private final long importBodySizeMaxBytes;
    private final long bankFileSizeMaxBytes;
    private final long documentSizeMaxBytes;

    BodySizeLimit(@ConfigProperty(name = "ledger.http.body-size-max") MemorySize bodySizeMax,
            @ConfigProperty(name = "ledger.http.import-body-size-max") MemorySize importBodySizeMax,
            @ConfigProperty(name = "ledger.http.bank-file-size-max") MemorySize bankFileSizeMax,
            @ConfigProperty(name = "ledger.http.document-size-max") MemorySize documentSizeMax) {
        this.documentSizeMaxBytes = documentSizeMax.asLongValue();
        this.bodySizeMaxBytes = bodySizeMax.asLongValue();
        this.importBodySizeMaxBytes = importBodySizeMax.asLongValue();
        this.bankFileSizeMaxBytes = bankFileSizeMax.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long limit = limitFor(context.request().path());
            if (length != null && isOver(length, limit)) {
                Problem problem = new Problem(ProblemType.PAYLOAD_TOO_LARGE.uri(), ProblemType.PAYLOAD_TOO_LARGE.title(),
                        413, "The request body may be at most " + limit + " bytes.",
                        context.request().path(), null);
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(Json.encode(problem));
                return;
            }
            context.next();
        });
    }

    /** The most bytes a request body to this path may have. */
    long limitFor(String path) {
        if (BANK_FILE_PATH.matcher(path).matches()) {
            return bankFileSizeMaxBytes;
        }
        if (DOCUMENT_PATH.matcher(path).matches()) {
            return documentSizeMaxBytes;
        }
        if (DOCUMENT_FORM_PATH.matcher(path).matches()) {
            return documentSizeMaxBytes + FORM_OVERHEAD_BYTES;
        }
        return IMPORT_PATH.matcher(path).matches() ? importBodySizeMaxBytes : bodySizeMaxBytes;
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
