package org.solidarityfunds.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.idempotency.Answer;
import org.solidarityfunds.idempotency.Idempotency;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * How every console form that moves money is sent: its token checked first, its fields read
 * into the API's command ({@link CommandReader}), the command given to the service with the
 * Idempotency-Key made when the form was rendered. Done (or replayed): 303 to the page that
 * shows the result, so that a reload never sends the form again. Refused: the form again,
 * with its values, its problems beside their fields, and the same key.
 */
@RequestScoped
public class Submissions {

    private final CommandReader reader;
    private final FormGuard guard;
    private final Caller caller;
    private final Screen screen;

    Submissions(CommandReader reader, FormGuard guard, Caller caller, Screen screen) {
        this.reader = reader;
        this.guard = guard;
        this.caller = caller;
        this.screen = screen;
    }

    /** The form as sent, with these fields, once its token is checked. */
    public Form received(MultivaluedMap<String, String> sent, String... fields) {
        guard.verify(sent.getFirst(FormGuard.FIELD));
        Map<String, String> values = new HashMap<>();
        for (String name : fields) {
            String value = sent.getFirst(name);
            values.put(name, value == null ? "" : value);
        }
        return Form.sent(sent.getFirst("key"), values);
    }

    public ObjectNode command() {
        return reader.tree();
    }

    /**
     * @param command the service's command boundary, given the command and its request
     * @param shown   the console path that shows what the answer recorded
     * @param again   the form's page, to show it again with its problems
     */
    public <T> Response send(Form form, ObjectNode fields, Class<T> type, UriInfo uri,
            java.util.function.BiFunction<Idempotency.Request, T, Answer<?>> command,
            Function<Answer<?>, String> shown, Function<Form, TemplateInstance> again) {
        Optional<T> read = reader.read(fields, type, form);
        if (read.isEmpty() || form.refused()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(again.apply(form)).build();
        }
        try {
            Answer<?> answer = command.apply(
                    Idempotency.Request.post(caller.subject(), form.key(), uri.getPath(), read.get()), read.get());
            return Response.seeOther(URI.create(shown.apply(answer))).build();
        } catch (ProblemException refused) {
            return again(form, refused, again);
        }
    }

    /**
     * Reads and applies a command that moves no money (an administrator's: a fund, a donor, a
     * committee), which the service records at once; done: 303 to the page that shows it.
     */
    public <T> Response apply(Form form, ObjectNode fields, Class<T> type, Function<T, String> command,
            Function<Form, TemplateInstance> again) {
        Optional<T> read = reader.read(fields, type, form);
        if (read.isEmpty() || form.refused()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(again.apply(form)).build();
        }
        try {
            return Response.seeOther(URI.create(command.apply(read.get()))).build();
        } catch (ProblemException refused) {
            return again(form, refused, again);
        }
    }

    /**
     * The form again with the service's refusal beside its fields. What it may not see or does
     * not exist is not a problem of the form: it answers as a missing page (ConsoleErrors).
     */
    public static Response again(Form form, ProblemException refused, Function<Form, TemplateInstance> again) {
        if (refused.type().status() == Response.Status.NOT_FOUND.getStatusCode()
                || refused.type() == ProblemType.FORBIDDEN) {
            throw refused;
        }
        CommandReader.refused(form, refused);
        return Response.status(refused.type().status()).entity(again.apply(form)).build();
    }

    /** An amount typed in the reader's way, in minor units; a problem on the form if it is missing or not one. */
    public Optional<Long> minor(Form form, String field, Currency currency) {
        String typed = form.value(field);
        if (typed.isBlank()) {
            form.problem(field, FieldProblem.REQUIRED);
            return Optional.empty();
        }
        Optional<Long> minor = screen.fmt().amountMinor(typed, currency);
        if (minor.isEmpty()) {
            form.problem(field, FieldProblem.NOT_AN_AMOUNT);
        }
        return minor;
    }

    /** An amount typed in the reader's way, put as the API's money. */
    public void amount(ObjectNode command, String field, Form form, Currency currency) {
        minor(form, field, currency).ifPresent(minor -> command.putObject(field).put("amountMinor", minor)
                .put("currency", currency.getCurrencyCode()));
    }

    /** A day typed in the reader's way; a problem on the form if it is missing or not one. */
    public Optional<java.time.LocalDate> day(Form form, String field) {
        String typed = form.value(field);
        if (typed.isBlank()) {
            form.problem(field, FieldProblem.REQUIRED);
            return Optional.empty();
        }
        Optional<java.time.LocalDate> day = screen.fmt().day(typed);
        if (day.isEmpty()) {
            form.problem(field, FieldProblem.NOT_A_DAY);
        }
        return day;
    }

    /** A day typed in the reader's way, put as the API's ISO date. */
    public void day(ObjectNode command, String field, Form form) {
        day(form, field).ifPresent(day -> command.put(field, day.toString()));
    }

    /** A text field; left empty, it is absent, and the command's own rules say whether it is needed. */
    public static void text(ObjectNode command, String field, Form form) {
        String value = form.value(field);
        if (!value.isBlank()) {
            command.put(field, value);
        }
    }

    /** The id at the end of a stored answer's location: {@code api/v1/disbursements/<id>}. */
    public static String lastSegment(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
