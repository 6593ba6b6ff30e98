package io.invokeai.client.testkit;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Builds InvokeAI graph JSON ({@code {"id","nodes":{id:node},"edges":[...]}}) for the ITs. */
final class Graph {
    private final JsonObjectBuilder nodes = Json.createObjectBuilder();
    private final JsonArrayBuilder edges = Json.createArrayBuilder();

    /** A node; {@code fields} are name/value pairs (String, Integer, Double, Boolean or JsonValue). */
    Graph node(String id, String type, Object... fields) {
        JsonObjectBuilder node = Json.createObjectBuilder().add("id", id).add("type", type);
        for (int i = 0; i < fields.length; i += 2) {
            String name = (String) fields[i];
            Object value = fields[i + 1];
            if (value instanceof String s) {
                node.add(name, s);
            } else if (value instanceof Integer n) {
                node.add(name, n);
            } else if (value instanceof Double d) {
                node.add(name, d);
            } else if (value instanceof Boolean b) {
                node.add(name, b);
            } else if (value instanceof JsonValue json) {
                node.add(name, json);
            } else {
                throw new IllegalArgumentException(name + ": " + value);
            }
        }
        nodes.add(id, node);
        return this;
    }

    /** Connects output {@code sourceField} of one node to input {@code targetField} of another. */
    Graph edge(String source, String sourceField, String target, String targetField) {
        edges.add(Json.createObjectBuilder()
                .add("source", Json.createObjectBuilder().add("node_id", source).add("field", sourceField))
                .add(
                        "destination",
                        Json.createObjectBuilder().add("node_id", target).add("field", targetField)));
        return this;
    }

    String toJson() {
        return Json.createObjectBuilder()
                .add("id", java.util.UUID.randomUUID().toString())
                .add("nodes", nodes)
                .add("edges", edges)
                .build()
                .toString();
    }

    /** A model identifier as a node input value. */
    static JsonValue model(InstalledModel model) {
        return json(model.identifierJson());
    }

    static JsonValue json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
