package org.dcis.platform.json;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * How every service of the suite reads JSON: strictly, once, here. A service indexes the platform, so the
 * one {@link ObjectMapper} of the service (request bodies, event data) gets these rules:
 * <ul>
 * <li>a key twice in one object is refused ({@code {"status":"SUSPENDED","status":1}}), naming the field;</li>
 * <li>anything after the JSON value is refused;</li>
 * <li>dates only as ISO strings {@code YYYY-MM-DD} with a year from 1 to 9999, instants only as ISO-8601
 * strings in that range: no epoch numbers, no arrays, no year 0 nor {@code +99999};</li>
 * <li>enum values only by their exact name, never by ordinal ({@code "kind": 0}), never padded
 * ({@code " TECHNICAL"}, {@code "TECHNICAL\u0001"}), never empty;</li>
 * <li>no coercion between JSON types: a string field takes only a JSON string (never {@code 12} or {@code true}),
 * a number or boolean field never a string ({@code "12"}, {@code ""}), and no float where an integer is
 * expected;</li>
 * <li>no NUL character and no unpaired surrogate in any string: they never reach the database.</li>
 * </ul>
 * Every refusal is a Jackson mapping failure with the path of the field, which the platform's problem mapper
 * answers as a 400 naming the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /**
     * Last of all customizers: Quarkus registers the java.time module in a customizer of its own, and the
     * deserializers of the module registered last win, so ours must come after it.
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** The same rules on any mapper (the services' own, or a plain one in a unit test). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        for (LogicalType scalar : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        SimpleModule module = new SimpleModule("dcis-strict-json");
        module.addDeserializer(String.class, new CleanStrings());
        module.addDeserializer(LocalDate.class, new IsoDates());
        module.addDeserializer(Instant.class, new IsoInstants());
        module.setDeserializerModifier(new ExactEnumNames());
        mapper.registerModule(module);
        return mapper;
    }

    /** Why a text cannot be stored, or null when it can: a NUL character or an unpaired UTF-16 surrogate. */
    public static String refusal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain a NUL character";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain an unpaired surrogate (not valid Unicode)";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired surrogate (not valid Unicode)";
            }
        }
        return null;
    }

    /**
     * Only a JSON string makes a string: Jackson would turn {@code 12}, {@code 1.5} or {@code true} into text,
     * which hides a client's mistake. Refused when it holds what no database keeps.
     */
    static final class CleanStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(p, String.class, "expected a string");
            }
            String text = p.getText();
            if (text != null) {
                String refusal = refusal(text);
                if (refusal != null) {
                    throw new RefusedJsonValue(p, refusal, text, String.class);
                }
            }
            return text;
        }
    }

    static final class IsoDates extends StdScalarDeserializer<LocalDate> {
        IsoDates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new RefusedJsonValue(p, "must be a date as a string like \"2025-01-31\"", p.getText(),
                        LocalDate.class);
            }
            String text = p.getText();
            if (!ISO_DATE.matcher(text).matches()) {
                throw new RefusedJsonValue(p, "must be a date like 2025-01-31 (YYYY-MM-DD)", text, LocalDate.class);
            }
            LocalDate date;
            try {
                date = LocalDate.parse(text, DATE);
            } catch (DateTimeException e) {
                throw new RefusedJsonValue(p, "is not a day of the calendar (YYYY-MM-DD)", text, LocalDate.class);
            }
            if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
                throw new RefusedJsonValue(p, "the year must be between " + MIN_YEAR + " and " + MAX_YEAR, text,
                        LocalDate.class);
            }
            return date;
        }
    }

    static final class IsoInstants extends StdScalarDeserializer<Instant> {
        IsoInstants() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new RefusedJsonValue(p, "must be an instant as a string like \"2025-01-31T10:00:00Z\"",
                        p.getText(), Instant.class);
            }
            String text = p.getText();
            Instant instant;
            try {
                instant = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
            } catch (DateTimeException e) {
                throw new RefusedJsonValue(p, "must be an instant like 2025-01-31T10:00:00Z", text, Instant.class);
            }
            int year = instant.atOffset(ZoneOffset.UTC).getYear();
            if (year < MIN_YEAR || year > MAX_YEAR) {
                throw new RefusedJsonValue(p, "the year must be between " + MIN_YEAR + " and " + MAX_YEAR, text,
                        Instant.class);
            }
            return instant;
        }
    }

    /** Every enum of every body read by its exact name: Jackson trims what it is given before looking it up. */
    static final class ExactEnumNames extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                BeanDescription description, JsonDeserializer<?> deserializer) {
            return new ExactEnum(deserializer, type.getRawClass());
        }
    }

    static final class ExactEnum extends DelegatingDeserializer {
        private final Class<?> type;

        ExactEnum(JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ExactEnum(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING) && !isBareName(p.getText())) {
                throw new InvalidFormatException(p, "not a value of the list", p.getText(), type);
            }
            return super.deserialize(p, ctxt);
        }

        private static boolean isBareName(String text) {
            return !text.isEmpty() && text.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
        }
    }
}
