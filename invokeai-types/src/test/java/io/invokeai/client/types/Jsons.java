package io.invokeai.client.types;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** JSON helpers for tests. */
final class Jsons {
    private Jsons() {}

    /** The value of a field, or null. */
    static Object value(io.invokeai.client.InvokeAIField<?> field) {
        return field.value().orElse(null);
    }

    static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
