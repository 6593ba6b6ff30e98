package io.invokeai.client.core.workflow;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mutable view of a JSON tree for the migration steps, which edit workflows in place like the GUI does: objects
 * become {@link LinkedHashMap}s (key order kept), arrays {@link ArrayList}s, and scalars stay {@link JsonValue}s, so
 * numbers keep their exact text and unknown members survive the round trip.
 */
final class Mutable {
    private Mutable() {}

    static Object of(JsonValue v) {
        if (v instanceof JsonObject o) {
            Map<String, Object> m = new LinkedHashMap<>();
            o.forEach((k, x) -> m.put(k, of(x)));
            return m;
        }
        if (v instanceof JsonArray a) {
            List<Object> l = new ArrayList<>(a.size());
            a.forEach(x -> l.add(of(x)));
            return l;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(JsonObject o) {
        return (Map<String, Object>) of(o);
    }

    static JsonValue json(Object v) {
        if (v instanceof Map<?, ?> m) {
            JsonObjectBuilder b = Jsons.JSON.createObjectBuilder();
            m.forEach((k, x) -> b.add((String) k, json(x)));
            return b.build();
        }
        if (v instanceof List<?> l) {
            JsonArrayBuilder b = Jsons.JSON.createArrayBuilder();
            l.forEach(x -> b.add(json(x)));
            return b.build();
        }
        if (v instanceof JsonValue j) {
            return j;
        }
        if (v instanceof String s) {
            return Jsons.string(s);
        }
        if (v instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (v instanceof Integer i) {
            return Jsons.number(i);
        }
        if (v == null) {
            return JsonValue.NULL;
        }
        throw new IllegalArgumentException("Not a JSON value: " + v.getClass());
    }

    static JsonObject jsonObject(Map<String, Object> m) {
        return (JsonObject) json(m);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object v) {
        return v instanceof Map<?, ?> ? (Map<String, Object>) v : null;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object v) {
        return v instanceof List<?> ? (List<Object>) v : null;
    }

    static String string(Object v) {
        return v instanceof JsonString s ? s.getString() : v instanceof String s2 ? s2 : null;
    }

    static Map<String, Object> mapAt(Map<String, Object> parent, String key) {
        return parent == null ? null : map(parent.get(key));
    }

    static List<Object> listAt(Map<String, Object> parent, String key) {
        return parent == null ? null : list(parent.get(key));
    }

    static String stringAt(Map<String, Object> parent, String key) {
        return parent == null ? null : string(parent.get(key));
    }

    static boolean isBoolean(Object v) {
        return v == JsonValue.TRUE || v == JsonValue.FALSE || v instanceof Boolean;
    }

    /** Deep copy of a mutable tree (scalars are immutable and shared). */
    static Object copy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            m.forEach((k, x) -> c.put((String) k, copy(x)));
            return c;
        }
        if (v instanceof List<?> l) {
            List<Object> c = new ArrayList<>(l.size());
            l.forEach(x -> c.add(copy(x)));
            return c;
        }
        return v;
    }
}
