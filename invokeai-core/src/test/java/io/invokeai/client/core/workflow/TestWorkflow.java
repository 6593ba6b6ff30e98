package io.invokeai.client.core.workflow;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds 4.0.0 workflows by hand, with nodes shaped as the GUI creates them from the bundled templates. */
final class TestWorkflow {
    private final JsonArrayBuilder nodes = Json.createArrayBuilder();
    private final JsonArrayBuilder edges = Json.createArrayBuilder();
    private final JsonArrayBuilder exposed = Json.createArrayBuilder();
    private JsonObject form;
    private int edgeCount;

    static TestWorkflow create() {
        return new TestWorkflow();
    }

    /** An invocation node with the template's inputs (initial values), overridden by {@code values}. */
    TestWorkflow node(String id, String type, String label, Map<String, ?> values) {
        NodeTemplate template = Fixtures.templates().get(type).orElseThrow();
        JsonObjectBuilder inputs = Json.createObjectBuilder();
        Map<String, Object> merged = new LinkedHashMap<>();
        template.inputs()
                .keySet()
                .forEach(name -> merged.put(name, template.initialValue(name).orElse(null)));
        merged.putAll(values);
        merged.forEach((name, value) -> {
            JsonObjectBuilder input = Json.createObjectBuilder()
                    .add("name", name)
                    .add("label", "")
                    .add("description", "");
            JsonValue json = toJson(value);
            if (json != null) {
                input.add("value", json);
            }
            inputs.add(name, input);
        });
        nodes.add(Json.createObjectBuilder()
                .add("id", id)
                .add("type", "invocation")
                .add("position", Json.createObjectBuilder().add("x", 0).add("y", 0))
                .add(
                        "data",
                        Json.createObjectBuilder()
                                .add("id", id)
                                .add("type", type)
                                .add("version", template.version())
                                .add("nodePack", "invokeai")
                                .add("label", label)
                                .add("notes", "")
                                .add("isOpen", true)
                                .add("isIntermediate", !"save_image".equals(type))
                                .add("useCache", template.useCache())
                                .add("inputs", inputs)
                                .add("dynamicInputTemplates", JsonValue.EMPTY_JSON_OBJECT)));
        return this;
    }

    TestWorkflow node(String id, String type, Map<String, ?> values) {
        return node(id, type, "", values);
    }

    TestWorkflow connector(String id) {
        nodes.add(Json.createObjectBuilder()
                .add("id", id)
                .add("type", "connector")
                .add("position", Json.createObjectBuilder().add("x", 0).add("y", 0))
                .add(
                        "data",
                        Json.createObjectBuilder()
                                .add("id", id)
                                .add("type", "connector")
                                .add("label", "")
                                .add("isOpen", true)));
        return this;
    }

    TestWorkflow notes(String id, String text) {
        nodes.add(Json.createObjectBuilder()
                .add("id", id)
                .add("type", "notes")
                .add("position", Json.createObjectBuilder().add("x", 0).add("y", 0))
                .add(
                        "data",
                        Json.createObjectBuilder()
                                .add("id", id)
                                .add("type", "notes")
                                .add("label", "")
                                .add("isOpen", true)
                                .add("notes", text)));
        return this;
    }

    TestWorkflow edge(String source, String sourceHandle, String target, String targetHandle) {
        edges.add(Json.createObjectBuilder()
                .add("id", "e" + edgeCount++)
                .add("type", "default")
                .add("source", source)
                .add("target", target)
                .add("sourceHandle", sourceHandle)
                .add("targetHandle", targetHandle));
        return this;
    }

    TestWorkflow collapsed(String source, String target) {
        edges.add(Json.createObjectBuilder()
                .add("id", "e" + edgeCount++)
                .add("type", "collapsed")
                .add("source", source)
                .add("target", target));
        return this;
    }

    TestWorkflow expose(String nodeId, String fieldName) {
        exposed.add(Json.createObjectBuilder().add("nodeId", nodeId).add("fieldName", fieldName));
        return this;
    }

    TestWorkflow form(JsonObject newForm) {
        this.form = newForm;
        return this;
    }

    JsonObject build() {
        JsonObjectBuilder wf = Json.createObjectBuilder()
                .add("id", "library-id")
                .add("name", "test")
                .add("author", "")
                .add("description", "")
                .add("version", "")
                .add("contact", "")
                .add("tags", "")
                .add("notes", "")
                .add("exposedFields", exposed)
                .add("meta", Json.createObjectBuilder().add("category", "user").add("version", "4.0.0"))
                .add("nodes", nodes)
                .add("edges", edges);
        if (form != null) {
            wf.add("form", form);
        }
        return wf.build();
    }

    WorkflowDocument document() {
        return WorkflowDocument.parse(build(), Fixtures.templates());
    }

    static JsonValue toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonValue j) {
            return j;
        }
        if (value instanceof String s) {
            return Json.createValue(s);
        }
        if (value instanceof Integer i) {
            return Json.createValue(i);
        }
        if (value instanceof Double d) {
            return Json.createValue(d);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Iterable<?> list) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            list.forEach(v -> a.add(toJson(v)));
            return a.build();
        }
        throw new IllegalArgumentException(value.getClass().getName());
    }
}
