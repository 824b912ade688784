package org.solidarityfunds.bankstatement;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlValue;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pw-iso20022 model object read by the XML names of its elements ({@code "Ntry"},
 * {@code "Refs/EndToEndId"}), which its JAXB annotations carry.
 *
 * <p>Why: each camt.053 version has its own Java types (AccountStatement2 … 9, ReportEntry2 … 10)
 * with no common interface, while the element names the reader needs are the same in every
 * version. Reading by those names keeps one mapping for all versions instead of one copy per
 * version (docs/adr/0015). A name that a version does not have reads as absent, as an optional
 * element would.
 */
record ModelView(Object value) {

    private static final ModelView ABSENT = new ModelView(null);
    private static final String TEXT = "";

    /** Each model class's fields by XML name, looked up once per class. */
    private static final ClassValue<Map<String, Field>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, Field> computeValue(Class<?> type) {
            Map<String, Field> byName = new HashMap<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    String name = xmlName(field);
                    if (name != null) {
                        field.setAccessible(true);
                        byName.putIfAbsent(name, field);
                    }
                }
            }
            return Map.copyOf(byName);
        }
    };

    private static String xmlName(Field field) {
        XmlElement element = field.getAnnotation(XmlElement.class);
        if (element != null) {
            return element.name().equals("##default") ? field.getName() : element.name();
        }
        XmlAttribute attribute = field.getAnnotation(XmlAttribute.class);
        if (attribute != null) {
            return attribute.name().equals("##default") ? field.getName() : attribute.name();
        }
        return field.isAnnotationPresent(XmlValue.class) ? TEXT : null;
    }

    static ModelView of(Object model) {
        return model == null ? ABSENT : new ModelView(model);
    }

    boolean present() {
        return value != null;
    }

    /** The first element at that path ({@code /} between names), or an absent view. */
    ModelView get(String path) {
        List<ModelView> all = all(path);
        return all.isEmpty() ? ABSENT : all.get(0);
    }

    /** Every element at that path, in the file's order. */
    List<ModelView> all(String path) {
        List<ModelView> level = present() ? List.of(this) : List.of();
        for (String name : path.split("/")) {
            List<ModelView> next = new ArrayList<>();
            for (ModelView view : level) {
                view.children(name, next);
            }
            level = next;
        }
        return level;
    }

    private void children(String name, List<ModelView> into) {
        Field field = FIELDS.get(value.getClass()).get(name);
        if (field == null) {
            return;
        }
        Object child;
        try {
            child = field.get(value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        if (child instanceof Collection<?> many) {
            many.stream().filter(item -> item != null).forEach(item -> into.add(new ModelView(item)));
        } else if (child != null) {
            into.add(new ModelView(child));
        }
    }

    /** The element's text, trimmed, as the file wrote it (a code for an enumeration), or null. */
    String text() {
        Object simple = simple();
        if (simple instanceof Enum<?> code) {
            return code.name();
        }
        if (simple instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (simple instanceof String || simple instanceof Boolean) {
            String text = simple.toString().trim();
            return text.isEmpty() ? null : text;
        }
        return null;
    }

    String text(String path) {
        return get(path).text();
    }

    /** The text of a code that is plain in early versions and a choice ({@code Cd}) in later ones. */
    String code() {
        String text = text();
        return text != null ? text : text("Cd");
    }

    BigDecimal decimal() {
        return simple() instanceof BigDecimal decimal ? decimal : null;
    }

    /** A {@code Dt} or {@code DtTm} choice as a day: a date-time's own local date, as the bank wrote it. */
    LocalDate date() {
        if (get("Dt").value instanceof LocalDate date) {
            return date;
        }
        return get("DtTm").value instanceof OffsetDateTime dateTime ? dateTime.toLocalDate() : null;
    }

    private Object simple() {
        if (value == null) {
            return null;
        }
        Field text = FIELDS.get(value.getClass()).get(TEXT);
        return text == null ? value : get(TEXT).value;
    }
}
