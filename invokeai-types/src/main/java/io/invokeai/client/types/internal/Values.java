package io.invokeai.client.types.internal;

import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIField;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Conversions between Java values and JSON that all types share. */
public final class Values {
    private Values() {}

    /**
     * Normalises a given value before a type looks at it: another field becomes its value (so an output can feed an
     * input), JSON scalars become Java scalars (numbers as exact {@link BigDecimal}), JSON null and empty optionals
     * become {@code null}. JSON arrays and objects stay as they are; they are a {@link List} and a {@link Map}.
     */
    public static Object unwrap(Object value) {
        if (value instanceof InvokeAIField<?> field) {
            return field.value().orElse(null);
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(Values::unwrap).orElse(null);
        }
        if (value instanceof JsonValue json) {
            return switch (json.getValueType()) {
                case NULL -> null;
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case NUMBER -> ((JsonNumber) json).bigDecimalValue();
                case STRING -> ((JsonString) json).getString();
                case ARRAY, OBJECT -> json;
            };
        }
        return value;
    }

    /** Whether a JSON value is absent: Java {@code null} or JSON {@code null}. */
    public static boolean isNull(JsonValue json) {
        return json == null || json.getValueType() == JsonValue.ValueType.NULL;
    }

    /**
     * Converts a Java value to JSON: JSON values as they are, strings, booleans, numbers (exactly; a {@code Float}
     * through its decimal text), maps (keys as text), collections and arrays, enums by name, other fields by their
     * JSON.
     *
     * @throws Rejection for values without a JSON form (e.g. NaN, arbitrary objects)
     */
    public static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof InvokeAIField<?> field) {
            return field.toJson();
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(Values::toJson).orElse(JsonValue.NULL);
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return Json.createValue(value.toString());
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Enum<?> e) {
            return Json.createValue(e.name());
        }
        if (value instanceof Number n) {
            BigDecimal d = Numbers.exact(n);
            if (d == null) {
                throw new Rejection("not a finite number");
            }
            return number(d);
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                b.add(String.valueOf(e.getKey()), toJson(e.getValue()));
            }
            return b.build();
        }
        List<?> list = Checks.asList(value);
        if (list != null) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            for (Object item : list) {
                b.add(toJson(item));
            }
            return b.build();
        }
        throw new Rejection(value.getClass().getName() + " has no JSON form");
    }

    /** The JSON of a list field: its items as a JSON array, or JSON null when the field is unset. */
    public static <T> JsonValue array(Optional<List<T>> items, Function<? super T, ? extends JsonValue> toJson) {
        return items.<JsonValue>map(list -> {
                    JsonArrayBuilder b = Json.createArrayBuilder();
                    list.forEach(item -> b.add(toJson.apply(item)));
                    return b.build();
                })
                .orElse(JsonValue.NULL);
    }

    /** A JSON number: integral values as integers (so {@code 7} stays {@code 7}), others as exact decimals. */
    public static JsonNumber number(BigDecimal d) {
        BigDecimal c = Numbers.canonical(d);
        if (c.scale() == 0 && c.unscaledValue().bitLength() < 64) {
            return Json.createValue(c.longValueExact());
        }
        if (c.scale() == 0) {
            return Json.createValue(c.toBigIntegerExact());
        }
        return Json.createValue(c);
    }

    /** A JSON number for a long. */
    public static JsonNumber number(long n) {
        return Json.createValue(n);
    }

    /** Reads a string member of a JSON object or map, or {@code null} when absent or not a string. */
    public static String string(Map<?, ?> map, String key) {
        Object v = unwrap(map.get(key));
        return v instanceof CharSequence cs ? cs.toString() : null;
    }

    /** A message-friendly rendering of the value given, for errors raised outside a check. */
    public static String describe(Object value) {
        return InvalidInputException.describe(value);
    }
}
