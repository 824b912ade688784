package org.solidarityfunds.console;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.solidarityfunds.problem.ProblemType;

/**
 * A form as the page renders it: the Idempotency-Key made when it was first rendered (kept
 * when it comes back with errors, so that sending it again can never record twice), the
 * values typed, and what is wrong, field by field and as a whole.
 */
public final class Form {

    private final String key;
    private final Map<String, String> values;
    private final Map<String, FieldProblem> problems = new LinkedHashMap<>();
    private ProblemType refusal;

    private Form(String key, Map<String, String> values) {
        this.key = key;
        this.values = values;
    }

    /** A new form, with its own key. */
    public static Form fresh() {
        return new Form(UUID.randomUUID().toString(), new HashMap<>());
    }

    /** A form as it was sent back, to show again with its problems. */
    public static Form sent(String key, Map<String, String> values) {
        return new Form(key == null || key.isBlank() ? UUID.randomUUID().toString() : key, new HashMap<>(values));
    }

    public Form with(String field, String value) {
        values.put(field, value);
        return this;
    }

    public String key() {
        return key;
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean is(String field, String value) {
        return value.equals(values.get(field));
    }

    public FieldProblem problem(String field) {
        return problems.get(field);
    }

    public boolean hasProblem(String field) {
        return problems.containsKey(field);
    }

    /** The fields with a problem, in the order found, for the summary at the top of the form. */
    public Map<String, FieldProblem> problems() {
        return problems;
    }

    /** The service's refusal of the whole form, if any. */
    public ProblemType refusal() {
        return refusal;
    }

    public boolean refused() {
        return refusal != null || !problems.isEmpty();
    }

    /**
     * Notes a problem on the form's field of that name, or on the nearest one it lies under
     * ({@code amount.amountMinor} is the form's {@code amount}); on the whole form otherwise.
     */
    Form problem(String field, FieldProblem problem) {
        String name = field;
        while (!values.containsKey(name) && name.contains(".")) {
            name = name.substring(0, name.lastIndexOf('.'));
        }
        if (values.containsKey(name)) {
            problems.putIfAbsent(name, problem);
        } else if (refusal == null) {
            refusal = ProblemType.VALIDATION_FAILED;
        }
        return this;
    }

    Form refuse(ProblemType type) {
        this.refusal = type;
        return this;
    }
}
