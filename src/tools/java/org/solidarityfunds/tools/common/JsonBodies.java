package org.solidarityfunds.tools.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The service's JSON answers as plain Java values, read and written by Jackson: objects as
 * LinkedHashMap, arrays as List, integers as Long and other numbers as Double. The drivers
 * compare whole answers (a replay with its first answer) and read a few fields by path, which
 * plain values keep short; a body with anything after its value is not JSON.
 */
public final class JsonBodies {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBodies() {
    }

    /** The slug of a problem+json body's type (what follows '#'), or "" when it has no type. */
    public static String problemSlug(Object json) {
        if (!(field(json, "type") instanceof String type)) {
            return "";
        }
        int hash = type.indexOf('#');
        return hash < 0 ? type : type.substring(hash + 1);
    }

    /** An answer's body as JSON, or null when it is empty or not JSON (a driver reports it, never fails on it). */
    public static Object parseOrNull(String body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        try {
            return parse(body);
        } catch (IllegalArgumentException notJson) {
            return null;
        }
    }

    /** The JSON value of this text; IllegalArgumentException when it is not JSON. */
    public static Object parse(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The value at this path of object keys, or null where the path leads nowhere. */
    public static Object field(Object json, String... path) {
        Object node = json;
        for (String name : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(name);
        }
        return node;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
