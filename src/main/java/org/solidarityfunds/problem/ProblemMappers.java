package org.solidarityfunds.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become RFC 9457 answers. Details name the field or the
 * rule, never a class, a stack trace or SQL; unexpected failures are logged with an id
 * that the answer repeats, so that support can find them.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.type(), e.getMessage(), e.errors(), uri);
    }

    /** No token, or one that is not signed by the identity provider, is expired or is not for this service. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(ProblemType.UNAUTHENTICATED,
                "Send a valid bearer token in the Authorization header.", List.of(), uri))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "None of your roles may do this.", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return respond(ProblemType.VALIDATION_FAILED, "The request is not valid.", errors, uri);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = pathOf(e);
        return respond(ProblemType.UNKNOWN_FIELD, "The field '" + field + "' is not accepted here.",
                List.of(new Problem.FieldError(field, "unknown field")), uri);
    }

    @ServerExceptionMapper
    public Response wrongValue(InvalidFormatException e, UriInfo uri) {
        String message = e.getTargetType() != null && e.getTargetType().isEnum()
                ? "must be one of " + Arrays.stream(e.getTargetType().getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", "))
                : "has the wrong type or format";
        return respond(ProblemType.VALIDATION_FAILED, "The request is not valid.",
                List.of(new Problem.FieldError(pathOf(e), message)), uri);
    }

    /** A value refused as it was read (common.JsonStrictness): text that cannot be stored, a decimal too long. */
    @ServerExceptionMapper
    public Response refusedField(FieldRefused e, UriInfo uri) {
        String field = pathOf(e);
        return respond(ProblemType.VALIDATION_FAILED, "The request is not valid.",
                List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, e.reason())), uri);
    }

    /** Also declared for this subtype, which the REST layer's own Jackson mappers would otherwise answer. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return wrongType(e, uri);
    }

    /** A value of the wrong type, or out of range for its field, at a known place in the body. */
    @ServerExceptionMapper
    public Response wrongType(JsonMappingException e, UriInfo uri) {
        Response body = unreadableBody(e, uri);
        if (body != null) {
            return body;
        }
        String field = pathOf(e);
        if (field.isEmpty()) {
            return respond(ProblemType.MALFORMED_REQUEST, "The request body must be one JSON object.", List.of(), uri);
        }
        return respond(ProblemType.VALIDATION_FAILED, "The request is not valid.",
                List.of(new Problem.FieldError(field, "has the wrong type or is out of range")), uri);
    }

    /** A number too large for its field, such as an amount beyond 64 bits. */
    @ServerExceptionMapper
    public Response outOfRange(InputCoercionException e, UriInfo uri) {
        JsonParser parser = e.getProcessor();
        String field = parser == null ? "" : parser.getParsingContext().pathAsPointer().toString().substring(1)
                .replace('/', '.');
        return respond(ProblemType.VALIDATION_FAILED, "The request is not valid.",
                List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, "is out of range")), uri);
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        Response body = unreadableBody(e, uri);
        if (body != null) {
            return body;
        }
        return respond(ProblemType.MALFORMED_REQUEST, "The request body is not well-formed JSON.", List.of(), uri);
    }

    /** The connection closes: the rest of the body is not worth reading. */
    @ServerExceptionMapper
    public Response bodyTooLarge(CheckedBodyStream.TooLarge e, UriInfo uri) {
        return Response.fromResponse(respond(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body may be at most " + e.limit + " bytes.", List.of(), uri))
                .header("Connection", "close").build();
    }

    @ServerExceptionMapper
    public Response bodyNotUtf8(CheckedBodyStream.NotUtf8 e, UriInfo uri) {
        return respond(ProblemType.MALFORMED_REQUEST, "The request body is not valid UTF-8 (at byte " + e.offset + ").",
                List.of(), uri);
    }

    /**
     * The body stopped being read because it went past its limit or is not UTF-8, however
     * deep in a JSON parser's exceptions that is found; or null.
     */
    private Response unreadableBody(Throwable e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CheckedBodyStream.TooLarge tooLarge) {
                return bodyTooLarge(tooLarge, uri);
            }
            if (cause instanceof CheckedBodyStream.NotUtf8 notUtf8) {
                return bodyNotUtf8(notUtf8, uri);
            }
        }
        return null;
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response body = unreadableBody(e, uri);
        if (body != null) {
            return body;
        }
        // The REST layer wraps some JSON failures; answer them as if they had come straight.
        if (e.getCause() instanceof FieldRefused cause) {
            return refusedField(cause, uri);
        }
        if (e.getCause() instanceof UnrecognizedPropertyException cause) {
            return unknownField(cause, uri);
        }
        if (e.getCause() instanceof InvalidFormatException cause) {
            return wrongValue(cause, uri);
        }
        if (e.getCause() instanceof JsonMappingException cause) {
            return wrongType(cause, uri);
        }
        if (e.getCause() instanceof InputCoercionException cause) {
            return outOfRange(cause, uri);
        }
        if (e.getCause() instanceof JsonProcessingException cause) {
            return malformed(cause, uri);
        }
        if (e instanceof NotFoundException) {
            return respond(ProblemType.RESOURCE_NOT_FOUND, "Nothing is served at this path.", List.of(), uri);
        }
        if (e instanceof NotAllowedException) {
            return respond(ProblemType.METHOD_NOT_ALLOWED, "This path does not accept that method.", List.of(), uri);
        }
        if (e instanceof NotSupportedException) {
            // A bank's statement file goes as the bank wrote it; every other body is JSON.
            String expected = uri.getPath().matches("/api/v1/bank-statements/?")
                    ? "Send the file as the bank wrote it, as application/xml, text/xml, text/plain or "
                            + "application/octet-stream."
                    : uri.getPath().matches("/api/v1/(pledges|disbursements)/[^/]+/documents/?")
                    ? "Send the document as it is, as application/octet-stream or its own type (application/pdf, "
                            + "image/png, image/jpeg, OpenDocument text, Word)."
                    : "Send the body as application/json.";
            return respond(ProblemType.UNSUPPORTED_MEDIA_TYPE, expected, List.of(), uri);
        }
        if (e instanceof NotAcceptableException) {
            return respond(ProblemType.NOT_ACCEPTABLE, uri.getPath().matches("/api/v1/documents/[^/]+/?")
                    ? "A document answers in its own type: accept it (*/*)." : "This resource answers in application/json.",
                    List.of(), uri);
        }
        if (e.getResponse().getStatus() == 413) {
            return respond(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than allowed.", List.of(), uri);
        }
        if (e.getResponse().getStatus() < 500) {
            return respond(ProblemType.MALFORMED_REQUEST, "The request could not be read.", List.of(), uri);
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Response body = unreadableBody(e, uri);
        if (body != null) {
            return body;
        }
        String incident = UUID.randomUUID().toString();
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf(e, "Database unavailable, incident %s", incident);
            return Response.fromResponse(respond(ProblemType.SERVICE_UNAVAILABLE,
                    "The database could not serve the request. Try again shortly. Incident " + incident + ".",
                    List.of(), uri)).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        if (isClientGone(e)) {
            // The client closed the connection while its body was being read: nothing was
            // done, nobody is left to answer, and nothing is wrong with the service.
            LOG.debugf("Client closed the connection before its request was read, incident %s", incident);
            return respond(ProblemType.MALFORMED_REQUEST,
                    "The connection closed before the request body was complete.", List.of(), uri);
        }
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(ProblemType.INTERNAL_ERROR,
                "The request failed on our side. Incident " + incident + ".", List.of(), uri);
    }

    /**
     * Logs a failure that no answer can tell any more, the status of a streamed body having
     * been sent and the response cut: as {@link #unexpected} would have, WARN with an incident
     * id when the database is unavailable, ERROR otherwise.
     */
    public static void logUnanswered(Throwable e) {
        String incident = UUID.randomUUID().toString();
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf(e, "Database unavailable, incident %s; the response under way was cut", incident);
        } else {
            LOG.errorf(e, "Unexpected failure, incident %s; the response under way was cut", incident);
        }
    }

    /**
     * The HTTP connection was closed under a request still being read. Vert.x says so with an
     * HttpClosedException, or, when the close overtakes the read, the body stream with an
     * IOException over the channel's ClosedChannelException (the database driver's sockets
     * are not channels: its failures never look like this).
     */
    static boolean isClientGone(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpClosedException || cause instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    static Response respond(ProblemType type, String detail, List<Problem.FieldError> errors, UriInfo uri) {
        Problem body = new Problem(type.uri(), type.title(), type.status(), detail,
                uri == null ? null : uri.getPath(), errors.isEmpty() ? null : errors);
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** The JSON path of the field a Jackson failure is about, such as {@code lines[1].amountMinor}. */
    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The field a violation is about, without the Java method and parameter names. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                names.clear();
                continue;
            }
            // A node in an iterable carries the index of the element it is in, which belongs
            // to the node before it: contributions[3].amount, not contributions.amount[3].
            Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
            if (node.isInIterable() && position != null && !names.isEmpty()) {
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + position + "]");
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null || node.getName().isEmpty()) {
                continue;
            }
            names.add(node.getName());
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }
}
