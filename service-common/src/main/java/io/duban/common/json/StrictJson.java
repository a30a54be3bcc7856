package io.duban.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.duban.common.text.ControlCharacters;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * JSON as clients should expect it: dates as ISO strings, and no silent guessing when a body has
 * the wrong type (a string where a number belongs is a 400, not a 0; {@code 123} is not a date,
 * {@code true} is not a name, {@code 1.5} is not a quarter). Duplicate keys, trailing tokens after
 * the body and control characters inside strings (a NUL makes PostgreSQL fail) are refused too.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    /** Last, after Quarkus has registered its modules: of two deserializers for a type, the later module's wins. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** Applies the strict rules to any mapper (the services' REST mapper and tests). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        for (CoercionInputShape s : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(s, CoercionAction.Fail);
            // a number is not a date (123 would be read as 1970-05-04, an epoch day)
            mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(s, CoercionAction.Fail);
        }
        mapper.registerModule(new SimpleModule("duban-strict-scalars")
                .addDeserializer(String.class, new NoControlCharacters())
                .addDeserializer(LocalDate.class, new IsoDateOnly()));
        return mapper;
    }

    /** Reads strings as Jackson does, then refuses control characters (the field is named by the problem mapper). */
    static final class NoControlCharacters extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            boolean scalarString = p.hasToken(JsonToken.VALUE_STRING);
            String s = super.deserialize(p, ctxt);
            if (scalarString && s != null && ControlCharacters.firstForbidden(s) >= 0) {
                throw new ControlCharacterException(p, s);
            }
            return s;
        }
    }

    /** Dates only as ISO strings: Jackson would also read {@code [2024,5,6]} as a date and {@code []} as null. */
    static final class IsoDateOnly extends StdScalarDeserializer<LocalDate> {

        IsoDateOnly() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText().strip();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not an ISO date (YYYY-MM-DD)");
            }
        }
    }

    /** A string in a request body holding a control character (a NUL, an escape, …). */
    public static final class ControlCharacterException extends InvalidFormatException {
        ControlCharacterException(JsonParser p, String value) {
            super(p, "control character in string", value, String.class);
        }
    }
}
