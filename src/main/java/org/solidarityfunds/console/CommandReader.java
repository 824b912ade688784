package org.solidarityfunds.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.solidarityfunds.problem.Problem;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * Reads a console form into the very command the API takes, through the same strict JSON
 * reading (text, lengths, decimals, unknown fields: web/JsonStrictness) and the same Bean
 * Validation: a form can carry nothing the API would refuse. What is refused is noted on the
 * form, field by field, under the command's own field names.
 */
@ApplicationScoped
public class CommandReader {

    private final ObjectMapper json;
    private final Validator validator;

    CommandReader(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** A fresh tree for a command's fields. */
    public ObjectNode tree() {
        return json.createObjectNode();
    }

    /**
     * A file's bytes as the command, read as strictly as a request body of the API (strict
     * UTF-8, the same JSON rules, the same validation); empty with the form's problems noted.
     */
    public <T> Optional<T> read(byte[] file, Class<T> type, Form form) {
        Optional<ObjectNode> tree = tree(file);
        if (tree.isEmpty()) {
            form.refuse(ProblemType.MALFORMED_REQUEST);
            return Optional.empty();
        }
        return read(tree.get(), type, form);
    }

    /** A file's bytes as one JSON object, read by the service's own reader after a strict UTF-8 decoding. */
    public Optional<ObjectNode> tree(byte[] file) {
        try {
            String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(file)).toString();
            return json.readTree(text) instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (java.nio.charset.CharacterCodingException | JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The command, or empty with the form's problems noted. */
    public <T> Optional<T> read(ObjectNode fields, Class<T> type, Form form) {
        T command;
        try {
            command = json.treeToValue(fields, type);
        } catch (JsonMappingException e) {
            form.problem(pathOf(e), FieldProblem.INVALID);
            return Optional.empty();
        } catch (JsonProcessingException e) {
            form.refuse(ProblemType.VALIDATION_FAILED);
            return Optional.empty();
        }
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        violations.stream()
                .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> form.problem(v.getPropertyPath().toString(), isRequired(v) ? FieldProblem.REQUIRED
                        : FieldProblem.INVALID));
        return violations.isEmpty() ? Optional.of(command) : Optional.empty();
    }

    /** Notes the service's refusal on the form: on the fields it names, else on the whole form. */
    public static Form refused(Form form, ProblemException problem) {
        if (problem.errors().isEmpty()) {
            return form.refuse(problem.type());
        }
        for (Problem.FieldError error : problem.errors()) {
            form.problem(error.field(), FieldProblem.INVALID);
        }
        return form.refuse(problem.type());
    }

    private static boolean isRequired(ConstraintViolation<?> violation) {
        Class<?> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
        return constraint == NotNull.class || constraint == NotBlank.class || constraint == NotEmpty.class;
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
