package org.solidarityfunds.document;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A supporting document as an answer, the API's and the console's alike: always a download,
 * never a page of the service's origin. A file could hold anything a browser would run (an SVG,
 * HTML in a PDF's clothes); it is told by its content on arrival, then given back as an
 * attachment, not to be sniffed, and sandboxed should a browser show it anyway.
 */
public final class Downloads {

    /** The policy of a document's answer: no script, no origin, nothing loaded. */
    public static final String CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'";

    private Downloads() {
    }

    public static Response attachment(DocumentService.Download download) {
        DocumentView document = download.document();
        return Response.ok(download.content(), document.mediaType())
                .header("Content-Disposition", contentDisposition(document.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Cache-Control", "private, no-store")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                        HexFormat.of().parseHex(document.sha256())) + ":")
                .build();
    }

    /**
     * {@code attachment}, with the name twice (RFC 6266): as plain ASCII for old clients, any other
     * character replaced, and exactly, percent-encoded in UTF-8.
     */
    static String contentDisposition(String fileName) {
        String ascii = fileName.codePoints().map(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
