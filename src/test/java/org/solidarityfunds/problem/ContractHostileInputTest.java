package org.solidarityfunds.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.solidarityfunds.support.Api.api;
import static org.solidarityfunds.support.Api.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.donor.Siren;
import org.solidarityfunds.support.ErrorLog;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.Api;
import org.solidarityfunds.support.TestBanks;
import org.solidarityfunds.support.TestDocuments;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * Issue #14's defence that generalises: every operation the contract (openapi/openapi.yaml,
 * as the build writes it) declares, every field of its request body (through $ref, nested
 * objects and arrays) and every path, query and header parameter, each sent with the hostile
 * values of its type and format, one at a time, in a request that is valid otherwise. Each
 * is refused: a 4xx problem+json answer with a type, naming the field when it is a
 * validation problem; the database as it was; no ERROR logged. The last case of each
 * operation sends the valid request unchanged and sees it accepted, so that every refusal
 * above is the hostile value's doing. That valid request is made of the contract's own
 * examples, as written (but for the ids of records, which must exist, and a fresh fund code
 * and SIREN, which must be unique): so every example of the contract is accepted as sent.
 * A field or operation added to the contract is attacked
 * the same way without a line here, but for an operation's valid request ({@link Fixture}).
 */
@QuarkusTest
class ContractHostileInputTest {

    private static final Path CONTRACT = Path.of("openapi", "openapi.yaml");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String MARKER = "hostile-value-goes-here";
    private static final String TWO_63 = "9223372036854775808";
    private static final String TWO_63_MINUS_1 = "9223372036854775807";
    private static final List<String> INVISIBLE = List.of("\u00a0", "\u202f", "\u2007", "\ufeff", "\u200b", "   ");
    private static final java.util.regex.Pattern ROLES = java.util.regex.Pattern.compile("Roles: ([a-z, ]+)\\.");
    private static final String MEMBER = "contract-member-1";
    private static final String NUL = "NUL";

    private JsonNode contract;
    private ErrorLog errors;
    /** The database as the last case left it; null once a request that writes has run since. */
    private Map<String, Long> database;

    @BeforeEach
    void listen() {
        errors = ErrorLog.listen();
    }

    @AfterEach
    void stop_listening() {
        errors.close();
    }

    @TestFactory
    Stream<DynamicNode> every_hostile_value_in_every_field_and_parameter_of_the_contract_is_refused() throws IOException {
        contract = YAML.readTree(CONTRACT.toFile());
        Fixture fixture = new Fixture();
        List<DynamicNode> operations = new ArrayList<>();
        contract.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            Operation operation = new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), method.getValue());
            if (!covers(operation)) {
                return;
            }
            ValidRequest valid = fixture.validRequest(operation);
            if (valid == null) {
                operations.add(dynamicTest(operation.name() + " has a valid request to start from", () -> fail(
                        "No valid request is known for %s (%s): add one to ContractHostileInputTest.Fixture",
                        operation.name(), operation.id())));
                return;
            }
            List<DynamicNode> cases = cases(operation, valid);
            if (!cases.isEmpty()) {
                operations.add(dynamicContainer(operation.name(), cases));
            }
        }));
        return operations.stream();
    }

    /**
     * Every operation but those of the fiscal years, and the readings of what a closing wrote:
     * their valid requests close a year, which is the whole organisation's and would refuse the
     * other tests' postings into it. FiscalYearHostileInputTest runs them, on a database of its own.
     */
    boolean covers(Operation operation) {
        return !closesAYear(operation);
    }

    static boolean closesAYear(Operation operation) {
        return operation.tags().contains(FISCAL_YEARS_TAG) || READ_A_CLOSING.contains(operation.id());
    }

    static final String FISCAL_YEARS_TAG = "Fiscal years";
    private static final Set<String> READ_A_CLOSING = Set.of("getFec", "getFecDescription", "getDedicatedFunds");

    // ---------------------------------------------------------------------------------------
    // The cases of one operation

    private List<DynamicNode> cases(Operation operation, ValidRequest valid) {
        List<DynamicNode> cases = new ArrayList<>();
        for (JsonNode parameter : operation.parameters()) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            JsonNode schema = resolve(parameter.path("schema"));
            String validText = switch (in) {
                case "path" -> valid.path().get(name);
                case "header" -> name.equals("Idempotency-Key") ? UUID.randomUUID().toString() : "\"etag\"";
                default -> validQueryValue(parameter, schema, valid);
            };
            Target target = new Target(in, name, in + "." + name, in.equals("path") ? null : name);
            List<Hostile> values = new ArrayList<>(textValues(schema, validText));
            if (name.equals("after")) {
                values.addAll(cursorValues());
            }
            values.addAll(typedValues(schema, validText, in.equals("query")));
            for (Hostile value : values) {
                if (!legitimate(operation, target, value)) {
                    cases.add(hostileCase(operation, valid, target, value));
                }
            }
        }
        if (valid.body() != null) {
            for (Field field : fields(operation.bodySchema(), new ArrayList<>())) {
                JsonNode current = field.at(valid.body());
                String validText = current == null || current.isMissingNode() ? "" : current.asText();
                List<Hostile> values = new ArrayList<>();
                if (field.schema().path("type").asText().equals("string")) {
                    values.addAll(textValues(field.schema(), validText));
                }
                values.addAll(typedValues(field.schema(), validText, false));
                Target target = new Target("body", field.label(), "body." + field.label(), field.jsonPath());
                for (Hostile value : values) {
                    cases.add(hostileCase(operation, valid, target, value));
                }
            }
        }
        if (!cases.isEmpty()) {
            cases.add(dynamicTest(operation.name() + " accepts the valid request every case above starts from", () -> {
                database = null;
                RawRequests.Answer answer = RawRequests.exchange(request(operation, valid, null, null));
                assertThat(answer.status()).as("%s, valid request %s: %s", operation.name(), valid,
                        answer.body()).isBetween(200, 299);
            }));
        }
        return cases;
    }

    private DynamicNode hostileCase(Operation operation, ValidRequest valid, Target target, Hostile value) {
        boolean beforeTheService = refusedBeforeTheService(target, value);
        String name = operation.name() + " " + target.label() + " = " + value.label()
                + (beforeTheService ? " (refused by the HTTP server, before the service)" : "");
        return dynamicTest(name, () -> {
            Map<String, Long> before = database != null ? database : TestDatabase.snapshot();
            int errorsBefore = errors.lines().size();
            RawRequests.Answer answer = RawRequests.exchange(request(operation, valid, target, value));
            database = TestDatabase.snapshot();
            String context = name + " answered " + answer.status() + " " + answer.contentType() + ": " + answer.body();
            if (beforeTheService) {
                assertThat(answer.status()).as(context + "\nstatus").isEqualTo(400);
                assertThat(answer.body()).as(context + "\nbody").isEmpty();
            } else {
                assertThat(answer.status()).as(context + "\nstatus").isBetween(400, 499);
                assertThat(answer.contentType()).as(context + "\nContent-Type").startsWith("application/problem+json");
                JsonNode problem = JSON.readTree(answer.body());
                assertThat(problem.path("type").asText()).as(context + "\ntype").contains("problems.md#");
                if (target.errorField() != null && problem.path("type").asText().endsWith("#validation-failed")) {
                    assertThat(problem.path("errors").findValuesAsText("field")).as(context + "\nfields named")
                            .contains(target.errorField());
                }
            }
            assertThat(database).as(context + "\nthe database after it").isEqualTo(before);
            assertThat(errors.lines().subList(errorsBefore, errors.lines().size())).as(context + "\nERROR lines").isEmpty();
        });
    }

    /**
     * A NUL in a header never reaches the service: the HTTP server (Netty's header
     * validation, which Vert.x applies to every request and which must stay on) refuses the
     * request before any route sees it, with a 400 and no body, and closes the connection.
     * Quarkus 3.33 offers no way to give that answer a problem body (Vert.x's
     * HttpServer.invalidRequestHandler is not exposed); problems.md says so. The rest is
     * asserted as for any case: a 4xx, nothing written, nothing logged as an error.
     */
    private static boolean refusedBeforeTheService(Target target, Hostile value) {
        return target.in().equals("header") && value.label().equals(NUL);
    }

    /**
     * Values an operation rightly accepts, so not sent as hostile ones; each says why. A NUL
     * is never among them.
     */
    private static boolean legitimate(Operation operation, Target target, Hostile value) {
        if (target.in().equals("header") && target.name().equals("If-None-Match")) {
            // Any value that names no current ETag asks for the body (RFC 9110, 13.1.2), and
            // octets above 0x7F are obs-text, which an entity-tag may hold: the answer is the
            // resource, as without the header. Only what no header may hold (a NUL) is refused.
            return !value.label().equals(NUL);
        }
        if (target.name().equals("after") && value.label().equals("base64url(2^63-1)")) {
            // These lists are ordered by a 64-bit key: 2^63-1 is a position, after the last
            // one there is, and the answer is an empty last page. The committee versions
            // (a 32-bit version) and the change feed (transaction:position) refuse it.
            return Set.of("listFunds", "listDonors", "listFundEntries", "listPledges", "listContributions",
                    "listDisbursements", "listBankAccounts", "listUnreconciledLines").contains(operation.id());
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------
    // Hostile values, by type and format

    /** What every text may not hold: a NUL, half a surrogate pair, an overlong UTF-8 form; and no visible character. */
    private static List<Hostile> textValues(JsonNode schema, String valid) {
        List<Hostile> values = new ArrayList<>();
        int middle = valid.offsetByCodePoints(0, valid.codePointCount(0, valid.length()) / 2);
        String head = valid.substring(0, middle);
        String tail = valid.substring(middle);
        values.add(Hostile.text(NUL, head + "\u0000" + tail));
        values.add(Hostile.text("lone surrogate \\ud800", head + "\ud800" + tail));
        values.add(Hostile.text("lone surrogate \\udc00", head + "\udc00" + tail));
        values.add(new Hostile("overlong UTF-8 C0 AF", List.of(head, new byte[] {(byte) 0xC0, (byte) 0xAF}, tail), false));
        for (String invisible : INVISIBLE) {
            values.add(Hostile.text(invisible.startsWith(" ") ? "only spaces"
                    : "only U+%04X".formatted((int) invisible.charAt(0)), invisible));
        }
        if (schema.has("maxLength")) {
            int length = schema.get("maxLength").asInt() + 1;
            String first = valid.isEmpty() ? "x" : new String(Character.toChars(valid.codePointAt(0)));
            String longer = first.repeat(Math.max(0, length - valid.codePointCount(0, valid.length()))) + valid;
            values.add(Hostile.text("maxLength + 1 = " + length + " characters", longer));
        }
        return values;
    }

    /** The values of the schema's type and format: numbers out of range, days out of any calendar, names outside an enum. */
    private static List<Hostile> typedValues(JsonNode schema, String valid, boolean asText) {
        List<Hostile> values = new ArrayList<>();
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        if (type.equals("integer") || type.equals("number")) {
            values.add(Hostile.number("1e1000000000", "1e1000000000", asText));
            values.add(Hostile.number("2^63", TWO_63, asText));
            if (format.equals("int32")) {
                values.add(Hostile.number("2^31", "2147483648", asText));
            } else if (format.equals("int16")) {
                values.add(Hostile.number("2^15", "32768", asText));
            }
            if (schema.has("maximum")) {
                BigDecimal maximum = schema.get("maximum").decimalValue();
                values.add(Hostile.number("2^63-1", TWO_63_MINUS_1, asText));
                values.add(Hostile.number("maximum + 1", maximum.add(BigDecimal.ONE).toPlainString(), asText));
            }
            if (type.equals("integer")) {
                values.add(Hostile.number("a fraction", (valid.isEmpty() ? "1" : valid) + ".5", asText));
            } else {
                int decimals = schema.has("multipleOf") ? schema.get("multipleOf").decimalValue().stripTrailingZeros()
                        .scale() : 12;
                values.add(Hostile.number((decimals + 1) + " decimals", "0." + "0".repeat(decimals) + "1", asText));
                values.add(Hostile.number("1e-1000000000", "1e-1000000000", asText));
            }
            if (schema.has("minimum")) {
                BigDecimal minimum = schema.get("minimum").decimalValue();
                values.add(Hostile.number("-1", "-1", asText));
                boolean exclusive = schema.path("exclusiveMinimum").asBoolean();
                BigDecimal below = exclusive ? minimum : minimum.subtract(BigDecimal.ONE);
                if (below.signum() >= 0) {
                    values.add(Hostile.number((exclusive ? "the exclusive minimum " : "minimum - 1 = ")
                            + below.toPlainString(), below.toPlainString(), asText));
                }
            }
        }
        // A day, or a text whose example is one (a statement's from and to: a day or an instant)
        if (format.equals("date") || (format.isEmpty() && valid.matches("\\d{4}-\\d{2}-\\d{2}"))) {
            for (String day : List.of("0000-01-01", "-0001-01-01", "+99999-01-01", "-4714-01-01T00:00:00Z")) {
                values.add(Hostile.text(day, day));
            }
        }
        if (format.equals("date-time")) {
            for (String instant : List.of("0000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "+99999-01-01T00:00:00Z",
                    "-4714-01-01T00:00:00Z")) {
                values.add(Hostile.text(instant, instant));
            }
        }
        if (schema.has("enum")) {
            String outside = valid.toLowerCase(Locale.ROOT).equals(valid) ? valid + "X" : valid.toLowerCase(Locale.ROOT);
            values.add(Hostile.text("outside the enum: " + outside, outside));
        }
        return values;
    }

    /** Cursors no list ever gave: past 64 bits, or not base64url as the service writes it. */
    private static List<Hostile> cursorValues() {
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        return List.of(
                Hostile.text("base64url(2^63-1)", base64url.encodeToString(TWO_63_MINUS_1.getBytes(StandardCharsets.US_ASCII))),
                Hostile.text("base64url(2^63)", base64url.encodeToString(TWO_63.getBytes(StandardCharsets.US_ASCII))),
                Hostile.text("base64url(-1)", base64url.encodeToString("-1".getBytes(StandardCharsets.US_ASCII))),
                Hostile.text("padded MQ==", "MQ=="),
                Hostile.text("garbage !!", "!!"),
                Hostile.text("201 characters", "A".repeat(201)));
    }

    /** A value the query parameter accepts, for a hostile one to be made of. */
    private static String validQueryValue(JsonNode parameter, JsonNode schema, ValidRequest valid) {
        String name = parameter.path("name").asText();
        if (parameter.has("example") || schema.has("example")) {
            return parameter.has("example") ? parameter.get("example").asText() : schema.get("example").asText();
        }
        if (schema.has("default")) {
            return schema.get("default").asText();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        if (schema.path("format").asText().equals("date-time")) {
            return "2020-10-02T08:00:00Z";
        }
        return switch (name) {
            // the cursor of position 1
            case "after" -> Base64.getUrlEncoder().withoutPadding().encodeToString("1".getBytes(StandardCharsets.US_ASCII));
            case "donorId" -> valid.donor();
            case "fileName" -> "releve-2020-10.xml";
            case "paymentId" -> UUID.randomUUID().toString();
            default -> throw new IllegalStateException("no valid value known for the query parameter " + name);
        };
    }

    /**
     * A value as the test sends it: text (which may hold what no valid text holds: a NUL, half
     * a surrogate pair), raw octets (what is not UTF-8 at all), or a number's digits.
     */
    record Hostile(String label, List<Object> parts, boolean number) {

        static Hostile text(String label, String text) {
            return new Hostile(label, List.of(text), false);
        }

        static Hostile number(String label, String digits, boolean asText) {
            return new Hostile(label, List.of(digits), !asText);
        }

        /** The value as a JSON token: a string with \\u escapes for all that is not printable ASCII, or the number. */
        byte[] json() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!number) {
                out.write('"');
            }
            for (Object part : parts) {
                if (part instanceof byte[] raw) {
                    out.writeBytes(raw);
                    continue;
                }
                StringBuilder escaped = new StringBuilder();
                for (char c : ((String) part).toCharArray()) {
                    if (c == '"' || c == '\\') {
                        escaped.append('\\').append(c);
                    } else if (c < 0x20 || c >= 0x7f) {
                        escaped.append("\\u%04x".formatted((int) c));
                    } else {
                        escaped.append(c);
                    }
                }
                out.writeBytes(escaped.toString().getBytes(StandardCharsets.US_ASCII));
            }
            if (!number) {
                out.write('"');
            }
            return out.toByteArray();
        }

        /** The value's octets: text in UTF-8, a lone surrogate as the three octets UTF-8 forbids for it. */
        byte[] octets() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Object part : parts) {
                if (part instanceof byte[] raw) {
                    out.writeBytes(raw);
                    continue;
                }
                ((String) part).codePoints().forEach(c -> {
                    if (c < 0x80) {
                        out.write(c);
                    } else if (c < 0x800) {
                        out.write(0xC0 | c >> 6);
                        out.write(0x80 | c & 0x3F);
                    } else if (c < 0x10000) {
                        out.write(0xE0 | c >> 12);
                        out.write(0x80 | c >> 6 & 0x3F);
                        out.write(0x80 | c & 0x3F);
                    } else {
                        out.write(0xF0 | c >> 18);
                        out.write(0x80 | c >> 12 & 0x3F);
                        out.write(0x80 | c >> 6 & 0x3F);
                        out.write(0x80 | c & 0x3F);
                    }
                });
            }
            return out.toByteArray();
        }

        /** The octets percent-encoded, but for the unreserved characters of RFC 3986. */
        String percentEncoded() {
            StringBuilder encoded = new StringBuilder();
            for (byte b : octets()) {
                int c = b & 0xFF;
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                    encoded.append((char) c);
                } else {
                    encoded.append("%%%02X".formatted(c));
                }
            }
            return encoded.toString();
        }
    }

    // ---------------------------------------------------------------------------------------
    // Requests

    /** Where a hostile value goes: a parameter (path, query, header) or a field of the body; and the field a refusal names. */
    record Target(String in, String name, String label, String errorField) {
    }

    /** The valid request, or the valid request with one value replaced by a hostile one, as octets. */
    private byte[] request(Operation operation, ValidRequest valid, Target target, Hostile value) {
        String path = operation.template();
        for (Map.Entry<String, String> parameter : valid.path().entrySet()) {
            String segment = target != null && target.in().equals("path") && target.name().equals(parameter.getKey())
                    ? value.percentEncoded() : Hostile.text("", parameter.getValue()).percentEncoded();
            path = path.replace("{" + parameter.getKey() + "}", segment);
        }
        // The valid request's query parameters, the hostile value in place of its own.
        Map<String, String> query = new java.util.LinkedHashMap<>();
        valid.query().forEach((name, text) -> query.put(name, Hostile.text("", text).percentEncoded()));
        if (target != null && target.in().equals("query")) {
            query.put(target.name(), value.percentEncoded());
        }
        if (!query.isEmpty()) {
            path += "?" + query.entrySet().stream().map(parameter -> parameter.getKey() + "=" + parameter.getValue())
                    .collect(java.util.stream.Collectors.joining("&"));
        }
        byte[] body = valid.body() == null ? null : body(valid.body(), target != null && target.in().equals("body")
                ? target : null, value);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ascii(out, operation.method() + " " + path + " HTTP/1.1\r\n");
        ascii(out, "Host: localhost:" + RestAssured.port + "\r\n");
        ascii(out, "Authorization: Bearer " + valid.token() + "\r\n");
        ascii(out, "Accept: " + operation.accept() + "\r\n");
        ascii(out, "Connection: close\r\n");
        for (JsonNode parameter : operation.parameters()) {
            if (!parameter.path("in").asText().equals("header")) {
                continue;
            }
            String name = parameter.path("name").asText();
            if (target != null && target.in().equals("header") && target.name().equals(name)) {
                ascii(out, name + ": ");
                out.writeBytes(value.octets());
                ascii(out, "\r\n");
            } else if (name.equals("Idempotency-Key")) {
                ascii(out, name + ": " + UUID.randomUUID() + "\r\n");
            }
        }
        if (body == null && valid.file() != null) {
            body = valid.file();
            ascii(out, "Content-Type: " + valid.fileType() + "\r\n");
            ascii(out, "Content-Length: " + body.length + "\r\n");
        } else if (body != null) {
            ascii(out, "Content-Type: application/json\r\n");
            ascii(out, "Content-Length: " + body.length + "\r\n");
        }
        ascii(out, "\r\n");
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private static byte[] body(ObjectNode valid, Target target, Hostile value) {
        try {
            if (target == null) {
                return JSON.writeValueAsBytes(valid);
            }
            ObjectNode body = valid.deepCopy();
            Field.set(body, target.name(), TextNode.valueOf(MARKER));
            String text = JSON.writeValueAsString(body);
            int at = text.indexOf('"' + MARKER + '"');
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(value.json());
            out.writeBytes(text.substring(at + MARKER.length() + 2).getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    // ---------------------------------------------------------------------------------------
    // The contract

    record Operation(String method, String template, JsonNode node) {

        String id() {
            return node.path("operationId").asText();
        }

        String name() {
            return method + " " + template;
        }

        List<JsonNode> parameters() {
            List<JsonNode> parameters = new ArrayList<>();
            node.path("parameters").forEach(parameters::add);
            return parameters;
        }

        JsonNode bodySchema() {
            return node.at("/requestBody/content/application~1json/schema");
        }

        /** What a client asks for: JSON, unless the operation answers only something else (a journal as text). */
        String accept() {
            List<String> types = new ArrayList<>();
            node.path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("2")) {
                    response.getValue().path("content").fieldNames().forEachRemaining(types::add);
                }
            });
            return types.isEmpty() || types.contains("application/json") ? "application/json" : types.get(0);
        }

        List<String> tags() {
            List<String> tags = new ArrayList<>();
            node.path("tags").forEach(tag -> tags.add(tag.asText()));
            return tags;
        }

        List<String> roles() {
            Matcher roles = ROLES.matcher(node.path("description").asText());
            return roles.find() ? List.of(roles.group(1).split(",\\s*")) : List.of();
        }
    }

    /** A schema with its $ref followed and its allOf merged into it, its own keywords last. */
    private JsonNode resolve(JsonNode schema) {
        ObjectNode merged = JSON.createObjectNode();
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            assertThat(ref).as("a reference inside the contract").startsWith("#/");
            merged.setAll((ObjectNode) resolve(contract.at(ref.substring(1))));
        }
        for (JsonNode part : schema.path("allOf")) {
            merged.setAll((ObjectNode) resolve(part));
        }
        schema.fields().forEachRemaining(keyword -> {
            if (!keyword.getKey().equals("$ref") && !keyword.getKey().equals("allOf")) {
                merged.set(keyword.getKey(), keyword.getValue());
            }
        });
        return merged;
    }

    /** Every leaf of a body: its path (a name, or 0 for an array's item) and its schema. */
    record Field(List<Object> path, JsonNode schema) {

        /** {@code instalments[].amountMinor} */
        String label() {
            StringBuilder label = new StringBuilder();
            for (Object step : path) {
                if (step instanceof Integer) {
                    label.append("[]");
                } else {
                    label.append(label.isEmpty() ? "" : ".").append(step);
                }
            }
            return label.toString();
        }

        /** {@code instalments[0].amountMinor}, as a refusal names it. */
        String jsonPath() {
            return label().replace("[]", "[0]");
        }

        JsonNode at(JsonNode body) {
            JsonNode node = body;
            for (Object step : path) {
                node = step instanceof Integer index ? node.path(index) : node.path((String) step);
            }
            return node;
        }

        /** Sets the field at this label ({@code instalments[].amountMinor}) in the body. */
        static void set(ObjectNode body, String label, JsonNode value) {
            String[] steps = label.replace("[]", ".[]").split("\\.");
            JsonNode node = body;
            for (int i = 0; i < steps.length - 1; i++) {
                node = steps[i].equals("[]") ? node.get(0) : node.get(steps[i]);
            }
            String last = steps[steps.length - 1];
            if (last.equals("[]")) {
                ((ArrayNode) node).set(0, value);
            } else {
                ((ObjectNode) node).set(last, value);
            }
        }
    }

    private List<Field> fields(JsonNode schema, List<Object> at) {
        JsonNode resolved = resolve(schema);
        List<Field> fields = new ArrayList<>();
        if (resolved.has("properties")) {
            resolved.get("properties").fields().forEachRemaining(property -> {
                List<Object> path = new ArrayList<>(at);
                path.add(property.getKey());
                fields.addAll(fields(property.getValue(), path));
            });
        } else if (resolved.path("type").asText().equals("array")) {
            List<Object> path = new ArrayList<>(at);
            path.add(0);
            fields.addAll(fields(resolved.get("items"), path));
        } else {
            fields.add(new Field(List.copyOf(at), resolved));
        }
        return fields;
    }

    /**
     * A value the schema describes: the contract's example of the whole object as it is
     * written, else one made field by field with every optional field present (the field's
     * example, the first of an enum, the least integer allowed, one item per array); each
     * UUID from the fixture by the field's name, since an example cannot name records that
     * exist.
     */
    private JsonNode example(JsonNode schema, String name, Map<String, String> ids) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("properties") && resolved.has("example")) {
            JsonNode example = resolved.get("example").deepCopy();
            withIds(example, resolved, ids);
            return example;
        }
        if (resolved.has("properties")) {
            ObjectNode object = JSON.createObjectNode();
            resolved.get("properties").fields().forEachRemaining(property ->
                    object.set(property.getKey(), example(property.getValue(), property.getKey(), ids)));
            return object;
        }
        if (resolved.path("type").asText().equals("array")) {
            return JSON.createArrayNode().add(example(resolved.get("items"), name, ids));
        }
        if (resolved.path("format").asText().equals("uuid")) {
            assertThat(ids).as("a UUID for the field " + name).containsKey(name);
            return TextNode.valueOf(ids.get(name));
        }
        if (resolved.has("example")) {
            JsonNode example = resolved.get("example");
            return resolved.path("type").asText().equals("string") ? TextNode.valueOf(example.asText()) : example;
        }
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        if (resolved.path("type").asText().equals("integer")) {
            BigDecimal minimum = resolved.has("minimum") ? resolved.get("minimum").decimalValue() : BigDecimal.ONE;
            return JSON.getNodeFactory().numberNode(resolved.path("exclusiveMinimum").asBoolean()
                    ? minimum.add(BigDecimal.ONE).toBigInteger() : minimum.toBigInteger());
        }
        throw new IllegalStateException("no example for the field " + name + ": give it one in the contract");
    }

    /** Puts the fixture's UUIDs, by field name, in the place of those of an example. */
    private void withIds(JsonNode value, JsonNode schema, Map<String, String> ids) {
        JsonNode resolved = resolve(schema);
        if (value instanceof ObjectNode object && resolved.has("properties")) {
            resolved.get("properties").fields().forEachRemaining(property -> {
                if (!object.has(property.getKey())) {
                    return;
                }
                if (resolve(property.getValue()).path("format").asText().equals("uuid")) {
                    assertThat(ids).as("a UUID for the field " + property.getKey()).containsKey(property.getKey());
                    object.put(property.getKey(), ids.get(property.getKey()));
                } else {
                    withIds(object.get(property.getKey()), property.getValue(), ids);
                }
            });
        } else if (value instanceof ArrayNode array
                && resolved.path("type").asText().equals("array")) {
            array.forEach(item -> withIds(item, resolved.get("items"), ids));
        }
    }

    // ---------------------------------------------------------------------------------------
    // Valid requests

    /** A valid request: its path parameters, its JSON body, or the file it sends (a bank's statement), and who sends it. */
    record ValidRequest(Map<String, String> path, ObjectNode body, String token, String donor, byte[] file,
            String fileType, Map<String, String> query) {

        ValidRequest(Map<String, String> path, ObjectNode body, String token, String donor) {
            this(path, body, token, donor, null, null, Map.of());
        }

        /** A bank's statement file. */
        ValidRequest(Map<String, String> path, ObjectNode body, String token, String donor, byte[] file) {
            this(path, body, token, donor, file, "application/xml", Map.of());
        }

        @Override
        public String toString() {
            return path + " " + body;
        }
    }

    /**
     * What each operation needs to succeed, made through the API: one fund with a committee,
     * money, a donor, pledges, contributions and disbursements in each state an operation
     * starts from; and a fund of its own for an operation that changes a whole fund.
     */
    private final class Fixture {

        private final String finance = TestTokens.as("contract-finance", Roles.FINANCE);
        private final String admin = TestTokens.admin();
        private final String member = TestTokens.as(MEMBER, Roles.COMMITTEE);
        private final String fund = TestFunds.open("CONTRACT");
        private final String donor = TestFunds.donor("Ville de Contrat");

        Fixture() {
            TestFunds.committee(fund, 1, MEMBER, "contract-member-2");
            TestFunds.contribution(fund, donor, 10_000_000, null);
        }

        /** The operation's valid request, or null when none is known. */
        ValidRequest validRequest(Operation operation) {
            return switch (operation.id()) {
                case "listFunds", "listDonors", "listEvents", "verifyLedger", "getTrialBalance", "getAccountingJournal" ->
                        request(operation, Map.of());
                // a code, a SIREN: the contract's example is taken by the first to use it
                case "createFund" -> request(operation, Map.of(), "/code", TestFunds.newCode("CONTRACT"));
                case "createDonor" -> request(operation, Map.of(), "/siren", freshSiren());
                case "getDonor" -> request(operation, Map.of("id", donor));
                case "getFund", "getFundBalance", "getCommittee", "listCommitteeVersions", "listFundEntries",
                        "listPledges", "listContributions", "listDisbursements", "getFundStatement",
                        "requestDisbursement" -> request(operation, Map.of("code", fund));
                case "changeFundStatus" -> request(operation, Map.of("code", TestFunds.open("CONTRACT")));
                case "setCommittee" -> request(operation, Map.of("code", TestFunds.open("CONTRACT")));
                case "recordPledge" -> request(operation, Map.of("code", fund));
                case "getPledge", "cancelPledge" -> request(operation, Map.of("id", TestFunds.pledge(fund, donor, 1000)));
                case "recordContribution", "importContributions" -> allocating(operation);
                case "getContribution", "reverseContribution" -> request(operation,
                        Map.of("id", TestFunds.contribution(fund, donor, 1000, null)));
                case "getEntry" -> request(operation, Map.of("id", api().get("/api/v1/contributions/{id}",
                        TestFunds.contribution(fund, donor, 1000, null)).then().extract().path("entryId")));
                case "getDisbursement", "cancelDisbursement", "castVote" -> request(operation,
                        Map.of("id", TestFunds.disbursement(fund, 1000)));
                // On a database of their own (covers): the steps run in the contract's order,
                // confirmation, request, withdrawal, each from the state the one before left.
                case "listFiscalYears" -> request(operation, Map.of());
                case "getFiscalYear" -> request(operation, Map.of("code", "2020"));
                // The FEC's operations come first in the contract: they close 2020 (the fund's
                // first year); the steps then close 2021, and ask for 2022's closing.
                case "getDedicatedFunds" -> request(operation, Map.of("year", "2020"));
                case "getFec", "getFecDescription" -> {
                    if (api().get("/api/v1/fiscal-years/2020").then().extract().path("status").equals("OPEN")) {
                        json(finance, Map.of("reason", "Clôture 2020"))
                                .post("/api/v1/fiscal-years/2020/closing-request").then().statusCode(200);
                        json(TestTokens.as("contract-auditor", Roles.AUDITOR), Map.of("reason", "Vérifié"))
                                .post("/api/v1/fiscal-years/2020/closing-confirmation").then().statusCode(200);
                    }
                    yield request(operation, Map.of("year", "2020"));
                }
                case "confirmFiscalYearClosing" -> {
                    TestFunds.contribution(fund, donor, 1000, null, "2022-03-01");
                    json(finance, Map.of("reason", "Clôture 2021")).post("/api/v1/fiscal-years/2021/closing-request")
                            .then().statusCode(200);
                    yield request(operation, Map.of("code", "2021"));
                }
                case "requestFiscalYearClosing", "withdrawFiscalYearClosing" -> request(operation,
                        Map.of("code", "2022"));
                case "listBankAccounts" -> request(operation, Map.of());
                case "openBankAccount" -> request(operation, Map.of(), "/iban", TestBanks.newIban().value(), "/fund",
                        TestFunds.open("CONTRACT"));
                case "getBankAccount", "listUnreconciledLines" -> request(operation, Map.of("id", bankAccount()));
                case "recordDonorIban", "listDonorIbans" -> request(operation, Map.of("id", donor));
                case "stageBankStatement" -> new ValidRequest(Map.of(), null, finance, donor, statementFile());
                case "attachPledgeDocument" -> new ValidRequest(Map.of("id", TestFunds.pledge(fund, donor, 1000)), null,
                        finance, donor, TestDocuments.pdf(), "application/pdf", Map.of("kind", "DELIBERATION"));
                case "attachDisbursementDocument" -> new ValidRequest(Map.of("id", TestFunds.disbursement(fund, 1000)),
                        null, finance, donor, TestDocuments.pdf(), "application/octet-stream", Map.of("kind", "PROJECT"));
                case "listPledgeDocuments" -> request(operation, Map.of("id", TestFunds.pledge(fund, donor, 1000)));
                case "listDisbursementDocuments" -> request(operation, Map.of("id", TestFunds.disbursement(fund, 1000)));
                case "downloadDocument" -> request(operation, Map.of("id", Api.as(finance).contentType("application/pdf")
                        .header("Idempotency-Key", UUID.randomUUID().toString()).queryParam("kind", "DELIBERATION")
                        .body(TestDocuments.pdf()).post("/api/v1/pledges/{id}/documents", TestFunds.pledge(fund, donor, 1000))
                        .then().statusCode(201).extract().path("id")));
                case "getBankStatement", "listBankStatementLines" -> request(operation, Map.of("id", statement()));
                // A credit accepted for a donor, its fund and allocation named: every field of a decision
                // but a debit's disbursement and payment, which a credit refuses.
                case "reconcileBankStatement" -> {
                    String staged = statement(new TestBanks.Movement("CRDT", 1_00, "2020-10-05", "ACR-" + UUID.randomUUID(),
                            "Ville de Contrat", null, "Don"));
                    String line = api().get("/api/v1/bank-statements/{id}/lines", staged).then().statusCode(200)
                            .extract().path("items[0].id");
                    yield new ValidRequest(Map.of("id", staged), (ObjectNode) JSON.valueToTree(Map.of("acceptProposals",
                            "HIGH", "lines", List.of(Map.of("lineId", line, "action", "ACCEPT", "donorId", donor, "fund", fund,
                                    "allocations", List.of(Map.of("pledgeId", TestFunds.pledge(fund, donor, 1_00),
                                            "amountMinor", 1_00)), "reason", "Confirmé par la mairie")))),
                            finance, donor);
                }
                case "payDisbursement" -> {
                    String approved = TestFunds.disbursement(fund, 1000);
                    TestFunds.vote(approved, MEMBER, "FOR");
                    yield request(operation, Map.of("id", approved));
                }
                // The contract's example: a tranche of 1,800,000.00 MZN that cost 25,000.00 EUR for
                // 24,500.00 of the commitment (an exchange loss of 500.00), with 15.00 of charges.
                case "recordDisbursementPayment" -> {
                    TestFunds.contribution(fund, donor, 26_000_00, null);
                    String approved = TestFunds.disbursement(fund, 24_500_00);
                    TestFunds.vote(approved, MEMBER, "FOR");
                    yield request(operation, Map.of("id", approved));
                }
                case "releaseDisbursementRemainder" -> {
                    String approved = TestFunds.disbursement(fund, 1000);
                    TestFunds.vote(approved, MEMBER, "FOR");
                    json(finance, Map.of("paidOn", "2020-11-12", "reference", "VIR-CONTRAT", "amount",
                            Map.of("amountMinor", 400, "currency", "EUR")))
                            .post("/api/v1/disbursements/{id}/payments", approved).then().statusCode(200);
                    yield request(operation, Map.of("id", approved));
                }
                default -> null;
            };
        }

        private String bankIban;
        private String bankAccountId;

        /** The contract fund's own bank account, opened the first time it is needed. */
        private String bankAccount() {
            if (bankAccountId == null) {
                bankIban = TestBanks.newIban().value();
                bankAccountId = json(Map.of("iban", bankIban, "currency", "EUR", "name", "Compte du contrat", "fund", fund))
                        .post("/api/v1/bank-accounts").then().statusCode(201).extract().path("id");
            }
            return bankAccountId;
        }

        /** A statement of the contract fund's account, its one line a debit (bank charges), or this one. */
        private byte[] statementFile(TestBanks.Movement... movements) {
            bankAccount();
            return TestBanks.camt(bankIban, 10_00, movements.length > 0 ? List.of(movements) : List.of(
                    new TestBanks.Movement("DBIT", 1_00, "2020-10-05", "ACR-" + UUID.randomUUID(), null, null, "Frais")));
        }

        /** A newly staged statement (a new line each time: its bank reference is new). */
        private String statement(TestBanks.Movement... movements) {
            return Api.as(finance).contentType("application/xml").header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(statementFile(movements)).post("/api/v1/bank-statements").then().statusCode(201)
                    .extract().path("statements[0].id");
        }

        /** The contract's example of money received, allocated in part to instalment 1 of a pledge. */
        private ValidRequest allocating(Operation operation) {
            return request(operation, Map.of("code", fund), Map.of("donorId", donor, "pledgeId", pledgeInOneInstalment()));
        }

        private ValidRequest request(Operation operation, Map<String, String> path, Object... overrides) {
            return request(operation, path, Map.of("donorId", donor), overrides);
        }

        /** The body from the contract's examples, with these UUIDs, and these JSON pointers set to these values. */
        private ValidRequest request(Operation operation, Map<String, String> path, Map<String, String> ids,
                Object... overrides) {
            ObjectNode body = null;
            if (!operation.bodySchema().isMissingNode()) {
                body = (ObjectNode) example(operation.bodySchema(), "body", ids);
                for (int i = 0; i < overrides.length; i += 2) {
                    String pointer = (String) overrides[i];
                    int slash = pointer.lastIndexOf('/');
                    JsonNode parent = body.at(pointer.substring(0, slash));
                    assertThat(parent).as("the object of " + pointer + " in " + body).isInstanceOf(ObjectNode.class);
                    ((ObjectNode) parent).set(pointer.substring(slash + 1), JSON.valueToTree(overrides[i + 1]));
                }
            }
            return new ValidRequest(path, body, tokenFor(operation), donor);
        }

        /** A caller the operation admits: an administrator, else finance staff, else a member of the fund's committee. */
        private String tokenFor(Operation operation) {
            List<String> roles = operation.roles();
            if (roles.contains(Roles.ADMIN)) {
                return admin;
            }
            if (roles.contains(Roles.FINANCE)) {
                return finance;
            }
            if (roles.contains(Roles.COMMITTEE)) {
                return member;
            }
            throw new IllegalStateException(operation.name() + " admits none of admin, finance, committee: " + roles);
        }

        /** A pledge of 1,500.00 EUR due in one instalment, for an allocation to name it and its instalment 1. */
        private String pledgeInOneInstalment() {
            return json(finance, Map.of("donorId", donor, "amount", Map.of("amountMinor", 150_000, "currency", "EUR"),
                    "pledgedOn", "2020-09-15", "instalments", List.of(Map.of("amountMinor", 150_000,
                            "dueOn", "2020-12-31")))).post("/api/v1/funds/{code}/pledges", fund).then().statusCode(201)
                    .extract().path("id");
        }

        /** A SIREN no other donor has: the contract's example is taken by the first to use it. */
        private String freshSiren() {
            for (long candidate = 100_000_000L + (System.nanoTime() % 800_000_000L); ; candidate++) {
                if (Siren.parse(Long.toString(candidate)).isPresent()) {
                    return Long.toString(candidate);
                }
            }
        }
    }
}
