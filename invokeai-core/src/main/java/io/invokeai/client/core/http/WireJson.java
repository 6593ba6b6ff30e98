package io.invokeai.client.core.http;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * JSON on the wire: JSON-B (Yasson) binds the server's fixed DTOs to records in this package; JSON-P handles the
 * dynamic documents (workflows, graphs, session results), keeping numbers and unknown fields as they are.
 */
public final class WireJson {
    private static final Jsonb JSONB = JsonbBuilder.create(
            new JsonbConfig().withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

    private WireJson() {}

    public static <T> T bind(byte[] json, Class<T> type) {
        return JSONB.fromJson(new String(json, StandardCharsets.UTF_8), type);
    }

    public static <T> T bind(byte[] json, Type type) {
        return JSONB.fromJson(new String(json, StandardCharsets.UTF_8), type);
    }

    public static String toJson(Object dto) {
        return JSONB.toJson(dto);
    }

    public static JsonValue parse(byte[] json) {
        try (var reader = Json.createReader(new ByteArrayInputStream(json))) {
            return reader.readValue();
        }
    }

    public static String write(JsonValue value) {
        var out = new StringWriter();
        try (var writer = Json.createWriter(out)) {
            writer.write(value);
        }
        return out.toString();
    }
}
