package org.solidarityfunds.web;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.solidarityfunds.common.Text;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * The path and the query of every request, checked before anything reads them, by the rules
 * of {@link Text}: once decoded, strict UTF-8 and text PostgreSQL can store. A path that is
 * not is answered 404 (nothing can be served there: {@code /funds/A%00/balance}); a query
 * parameter, 400 naming it. Without this a NUL would reach the database as a fund code.
 */
public class RequestTextChecks {

    /** After RequestContext's, so that the refusal carries a request id and is logged like any answer. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 100)
    public void check(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (path != null && decoded(path, false).map(text -> Text.unstorable(text).isPresent()).orElse(true)) {
            throw new ProblemException(ProblemType.RESOURCE_NOT_FOUND, "Nothing is served at this path.");
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (query == null) {
            return;
        }
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            Optional<String> name = decoded(equals < 0 ? pair : pair.substring(0, equals), true);
            Optional<String> value = equals < 0 ? Optional.of("") : decoded(pair.substring(equals + 1), true);
            String field = name.filter(n -> Text.unstorable(n).isEmpty()).orElse("query");
            if (name.isEmpty() || value.isEmpty()) {
                throw ProblemException.invalid(field, "is not percent-encoded UTF-8");
            }
            Optional<String> refusal = Text.unstorable(name.get()).or(() -> Text.unstorable(value.get()));
            if (refusal.isPresent()) {
                throw ProblemException.invalid(field, refusal.get());
            }
        }
    }

    /** The text of a percent-encoded URI part, or nothing when it is not strict UTF-8 or an escape is broken. */
    static Optional<String> decoded(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
            return Optional.of(raw);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // a URI is ASCII; whatever else a client sent is refused, not guessed at
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
