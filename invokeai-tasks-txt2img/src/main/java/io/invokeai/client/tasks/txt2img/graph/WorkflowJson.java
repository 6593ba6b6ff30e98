package io.invokeai.client.tasks.txt2img.graph;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a workflow in the GUI's format (schema 4.0.0): invocation nodes, default edges and a form whose node fields
 * are the public inputs. A recipe exposes each parameter as a form field labelled with the parameter's name, so the
 * generic engine sets it by that name. Not thread-safe; build once.
 */
public final class WorkflowJson {
    /** The workflow schema version written. */
    public static final String SCHEMA_VERSION = "4.0.0";

    private final String name;
    private final String description;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<JsonObject> edges = new ArrayList<>();
    private final Map<String, Port> exposed = new LinkedHashMap<>();

    public WorkflowJson(String name, String description) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** A node output or input: {@code nodeId.field}. */
    public record Port(String nodeId, String field) {
        public Port {
            Objects.requireNonNull(nodeId, "nodeId");
            Objects.requireNonNull(field, "field");
        }

        @Override
        public String toString() {
            return nodeId + "." + field;
        }
    }

    /**
     * Adds an invocation node of the given type. The node version is InvokeAI 6.14's (see {@link NodeTypes}); a
     * server with another version of the same major merges its defaults in when the workflow is bound.
     *
     * @param column where the GUI draws it, left to right in data-flow order
     */
    public Node node(String id, String type, int column) {
        if (nodes.containsKey(id)) {
            throw new IllegalArgumentException("duplicate node id " + id);
        }
        Node node = new Node(id, type, NodeTypes.version(type), column, rowOf(column));
        nodes.put(id, node);
        return node;
    }

    private int rowOf(int column) {
        return (int) nodes.values().stream().filter(n -> n.column == column).count();
    }

    public boolean has(String nodeId) {
        return nodes.containsKey(nodeId);
    }

    public Node get(String nodeId) {
        Node node = nodes.get(nodeId);
        if (node == null) {
            throw new IllegalArgumentException("no node " + nodeId);
        }
        return node;
    }

    /** Connects an output to an input; the input is listed on the target node (without a value). */
    public WorkflowJson connect(Port from, Port to) {
        get(from.nodeId());
        get(to.nodeId()).input(to.field());
        String id = "reactflow__edge-" + from.nodeId() + from.field() + "-" + to.nodeId() + to.field();
        edges.add(Json.createObjectBuilder()
                .add("id", id)
                .add("type", "default")
                .add("source", from.nodeId())
                .add("target", to.nodeId())
                .add("sourceHandle", from.field())
                .add("targetHandle", to.field())
                .build());
        return this;
    }

    /**
     * Puts a node input in the form under a label, so the workflow's input of that name sets it.
     *
     * @throws IllegalArgumentException if the label is taken
     */
    public WorkflowJson expose(Port input, String label) {
        if (exposed.containsKey(label)) {
            throw new IllegalArgumentException("label " + label + " is already exposed at " + exposed.get(label));
        }
        get(input.nodeId()).input(input.field()).label = label;
        exposed.put(label, input);
        return this;
    }

    /** The labels of the form's fields in order, with the node inputs they set. */
    public Map<String, Port> exposed() {
        return Map.copyOf(exposed);
    }

    public Set<String> exposedLabels() {
        return new LinkedHashSet<>(exposed.keySet());
    }

    public JsonObject build() {
        JsonArrayBuilder nodeArray = Json.createArrayBuilder();
        nodes.values().forEach(n -> nodeArray.add(n.toJson()));
        JsonArrayBuilder edgeArray = Json.createArrayBuilder();
        edges.forEach(edgeArray::add);
        JsonObjectBuilder elements = Json.createObjectBuilder();
        JsonArrayBuilder children = Json.createArrayBuilder();
        int i = 0;
        for (Map.Entry<String, Port> e : exposed.entrySet()) {
            String elementId = "node-field-" + (i++);
            children.add(elementId);
            elements.add(
                    elementId,
                    Json.createObjectBuilder()
                            .add("id", elementId)
                            .add("type", "node-field")
                            .add("parentId", "root")
                            .add(
                                    "data",
                                    Json.createObjectBuilder()
                                            .add(
                                                    "fieldIdentifier",
                                                    Json.createObjectBuilder()
                                                            .add(
                                                                    "nodeId",
                                                                    e.getValue().nodeId())
                                                            .add(
                                                                    "fieldName",
                                                                    e.getValue().field()))
                                            .add("showDescription", true)));
        }
        elements.add(
                "root",
                Json.createObjectBuilder()
                        .add("id", "root")
                        .add("type", "container")
                        .add(
                                "data",
                                Json.createObjectBuilder()
                                        .add("layout", "column")
                                        .add("children", children)));
        return Json.createObjectBuilder()
                .add("name", name)
                .add("author", "invokeai-java")
                .add("description", description)
                .add("version", "1.0.0")
                .add("contact", "")
                .add("tags", "")
                .add("notes", "")
                .add("exposedFields", JsonValue.EMPTY_JSON_ARRAY)
                .add("meta", Json.createObjectBuilder().add("category", "user").add("version", SCHEMA_VERSION))
                .add("nodes", nodeArray)
                .add("edges", edgeArray)
                .add(
                        "form",
                        Json.createObjectBuilder().add("rootElementId", "root").add("elements", elements))
                .build();
    }

    @Override
    public String toString() {
        return build().toString();
    }

    /** One invocation node being written. */
    public static final class Node {
        private final String id;
        private final String type;
        private final String version;
        private final int column;
        private final int row;
        private final Map<String, Input> inputs = new LinkedHashMap<>();
        private String label = "";
        private boolean intermediate = true;
        private boolean useCache = true;

        private Node(String id, String type, String version, int column, int row) {
            this.id = id;
            this.type = type;
            this.version = version;
            this.column = column;
            this.row = row;
        }

        public String id() {
            return id;
        }

        public String type() {
            return type;
        }

        /** The node's output or input {@code field}. */
        public Port port(String field) {
            return new Port(id, field);
        }

        public Node label(String newLabel) {
            this.label = Objects.requireNonNull(newLabel, "label");
            return this;
        }

        /** Whether the images it saves are intermediate (hidden from the gallery); default true. */
        public Node intermediate(boolean isIntermediate) {
            this.intermediate = isIntermediate;
            return this;
        }

        public Node useCache(boolean cache) {
            this.useCache = cache;
            return this;
        }

        /** Sets an input's stored value. */
        public Node set(String field, JsonValue value) {
            input(field).value = Objects.requireNonNull(value, "value");
            return this;
        }

        public Node set(String field, String value) {
            return set(field, Json.createValue(value));
        }

        public Node set(String field, long value) {
            return set(field, Json.createValue(value));
        }

        public Node set(String field, double value) {
            return set(field, Json.createValue(value));
        }

        public Node set(String field, java.math.BigDecimal value) {
            return set(field, Json.createValue(value));
        }

        public Node set(String field, boolean value) {
            return set(field, value ? JsonValue.TRUE : JsonValue.FALSE);
        }

        private Input input(String field) {
            return inputs.computeIfAbsent(field, f -> new Input());
        }

        private JsonObject toJson() {
            JsonObjectBuilder ins = Json.createObjectBuilder();
            inputs.forEach((field, input) -> {
                JsonObjectBuilder b = Json.createObjectBuilder()
                        .add("name", field)
                        .add("label", input.label)
                        .add("description", "");
                if (input.value != null) {
                    b.add("value", input.value);
                }
                ins.add(field, b);
            });
            return Json.createObjectBuilder()
                    .add("id", id)
                    .add("type", "invocation")
                    .add(
                            "position",
                            Json.createObjectBuilder().add("x", column * 400).add("y", row * 320))
                    .add(
                            "data",
                            Json.createObjectBuilder()
                                    .add("id", id)
                                    .add("type", type)
                                    .add("version", version)
                                    .add("nodePack", "invokeai")
                                    .add("label", label)
                                    .add("notes", "")
                                    .add("isOpen", true)
                                    .add("isIntermediate", intermediate)
                                    .add("useCache", useCache)
                                    .add("inputs", ins)
                                    .add("dynamicInputTemplates", JsonValue.EMPTY_JSON_OBJECT))
                    .build();
        }
    }

    private static final class Input {
        private String label = "";
        private JsonValue value;
    }
}
