package org.solidarityfunds.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Digits;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.common.BusinessDates;
import org.solidarityfunds.common.Text;
import org.solidarityfunds.problem.FieldRefused;

/**
 * JSON is read strictly: an unknown field, a duplicate key, a number where text is expected
 * (or the reverse), a fraction where a whole number is expected or trailing garbage is
 * refused instead of being guessed at. A client can thus never set a field it was not
 * offered (no mass assignment) and never be misunderstood silently.
 *
 * <p>Values are checked as they are read, before anything else sees them: text by
 * {@link Text}'s rules and the {@code maxLength} the contract gives its field, a decimal by
 * the {@link Digits} of its field, in time that does not depend on the value (a rate of
 * {@code 1e1000000000} is refused from its scale, never expanded), a day by ISO 8601's strict
 * form and {@link BusinessDates#RANGE}.
 */
@Singleton
public class JsonStrictness implements ObjectMapperCustomizer {

    /** Limits: JSON nesting (the deepest body is 4 levels) and the characters of one number. */
    static final int NESTING_DEPTH_MAX = 16;
    static final int NUMBER_LENGTH_MAX = 64;
    /** Limit: the length of a text field whose contract declares none (none should). */
    static final int TEXT_LENGTH_DEFAULT_MAX = 1000;

    /** Last, so that these deserializers come before those of the modules Quarkus registers (java.time's). */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(NESTING_DEPTH_MAX).maxNumberLength(NUMBER_LENGTH_MAX).build());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        // An id (a UUID) of blanks is no id: Jackson would read it as null, an absent optional id.
        mapper.coercionConfigFor(LogicalType.OtherScalar)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setAcceptBlankAsEmpty(true);
        mapper.registerModule(new SimpleModule("checked-values")
                .addDeserializer(String.class, new CheckedText(TEXT_LENGTH_DEFAULT_MAX))
                .addDeserializer(BigDecimal.class, new CheckedDecimal(null))
                .addDeserializer(LocalDate.class, new CheckedDate()));
    }

    /** A day within {@link BusinessDates#RANGE}. */
    static final class CheckedDate extends StdScalarDeserializer<LocalDate> {

        CheckedDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            LocalDate day;
            try {
                day = LocalDate.parse(parser.getText());
            } catch (java.time.format.DateTimeParseException e) {
                throw new FieldRefused(parser, "must be a day such as 2020-10-02");
            }
            var refusal = BusinessDates.refusal(day);
            if (refusal.isPresent()) {
                throw new FieldRefused(parser, refusal.get());
            }
            return day;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    /** Text by {@link Text#refusal}, with the {@code maxLength} of its field's {@link Schema}. */
    static final class CheckedText extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final int lengthMax;

        CheckedText(int lengthMax) {
            super(String.class);
            this.lengthMax = lengthMax;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            Schema schema = property == null ? null : property.getAnnotation(Schema.class);
            return schema == null || schema.maxLength() == Integer.MAX_VALUE ? this : new CheckedText(schema.maxLength());
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null) {
                var refusal = Text.refusal(text, lengthMax);
                if (refusal.isPresent()) {
                    throw new FieldRefused(parser, refusal.get());
                }
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** A decimal within the {@link Digits} of its field, checked from its precision and scale alone. */
    static final class CheckedDecimal extends StdScalarDeserializer<BigDecimal> implements ContextualDeserializer {

        private final Digits digits;

        CheckedDecimal(Digits digits) {
            super(BigDecimal.class);
            this.digits = digits;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            Digits declared = property == null ? null : property.getAnnotation(Digits.class);
            if (declared == null) {
                throw new IllegalStateException("a decimal field without @Digits: " + property);
            }
            return new CheckedDecimal(declared);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
            if (value != null && digits != null) {
                // long arithmetic: a scale near Integer.MIN_VALUE must not wrap around
                long fraction = Math.max(value.scale(), 0);
                long integer = (long) value.precision() - value.scale();
                if (integer > digits.integer() || fraction > digits.fraction()) {
                    throw new FieldRefused(parser, "must have at most " + digits.integer() + " digits before the point and "
                            + digits.fraction() + " after it");
                }
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Float;
        }
    }
}
