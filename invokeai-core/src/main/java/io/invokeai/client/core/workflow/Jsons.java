package io.invokeai.client.core.workflow;

import io.invokeai.client.InvokeAIException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Small null-tolerant helpers over JSON-P; the provider is looked up once (the lookup is a ServiceLoader scan). */
final class Jsons {
    static final JsonProvider JSON = JsonProvider.provider();

    private Jsons() {}

    static JsonValue parse(String text, String what) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            throw new InvokeAIException(what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    static JsonValue parse(InputStream in, String what) {
        try (JsonReader reader = JSON.createReader(in)) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            throw new InvokeAIException(what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    static Optional<JsonObject> obj(JsonValue parent, String key) {
        JsonValue v = get(parent, key);
        return v instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    }

    static JsonObject objOrEmpty(JsonValue parent, String key) {
        return obj(parent, key).orElse(JsonValue.EMPTY_JSON_OBJECT);
    }

    static Optional<JsonArray> arr(JsonValue parent, String key) {
        JsonValue v = get(parent, key);
        return v instanceof JsonArray a ? Optional.of(a) : Optional.empty();
    }

    static JsonArray arrOrEmpty(JsonValue parent, String key) {
        return arr(parent, key).orElse(JsonValue.EMPTY_JSON_ARRAY);
    }

    static Optional<String> str(JsonValue parent, String key) {
        JsonValue v = get(parent, key);
        return v instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    static String strOr(JsonValue parent, String key, String fallback) {
        return str(parent, key).orElse(fallback);
    }

    static Optional<BigDecimal> num(JsonValue parent, String key) {
        JsonValue v = get(parent, key);
        return v instanceof JsonNumber n ? Optional.of(n.bigDecimalValue()) : Optional.empty();
    }

    static Optional<Boolean> bool(JsonValue parent, String key) {
        JsonValue v = get(parent, key);
        if (v == JsonValue.TRUE) {
            return Optional.of(true);
        }
        return v == JsonValue.FALSE ? Optional.of(false) : Optional.empty();
    }

    /** The member, or {@code null} when the parent is not an object or lacks the key. */
    static JsonValue get(JsonValue parent, String key) {
        return parent instanceof JsonObject o ? o.get(key) : null;
    }

    static boolean isNull(JsonValue v) {
        return v == null || v.getValueType() == JsonValue.ValueType.NULL;
    }

    static List<String> strings(JsonValue parent, String key) {
        return arrOrEmpty(parent, key).stream()
                .filter(JsonString.class::isInstance)
                .map(v -> ((JsonString) v).getString())
                .toList();
    }

    static JsonString string(String s) {
        return JSON.createValue(s);
    }

    /** A JSON number written like JavaScript writes it: integral values without a fraction. */
    static JsonNumber number(long l) {
        return JSON.createValue(l);
    }
}
