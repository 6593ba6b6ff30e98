package io.invokeai.client.core.workflow;

import io.invokeai.client.InvokeAIException;
import io.invokeai.client.core.fields.FieldTypeRegistry;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a workflow into the enqueue request the GUI would send for it ({@code buildNodesGraph.ts},
 * {@code useEnqueueWorkflows.ts}, {@code resolveBatchValue.ts}, {@code buildWorkflow.ts}). Pure: no I/O, no clock, no
 * randomness except the GUI's own unseeded random generators; the graph id is a parameter.
 *
 * <p>Input values are given as {@code nodeId -> fieldName -> JSON} and replace the workflow's stored values (use
 * {@link JsonValue#NULL} to unset); they must already be prepared (uploaded images, resolved models).
 *
 * <p>One deliberate difference: edges from a batch node into a connector are followed to the connector's
 * invocation targets (the GUI uses the connector id as the batch target, which the server rejects).
 */
public final class GraphBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(GraphBuilder.class);
    private static final String SAVED_WORKFLOW_INPUT_PREFIX = "saved_workflow_input::";

    private GraphBuilder() {}

    /**
     * How to build the request.
     *
     * @param graphId the graph's id (the GUI uses a fresh UUID)
     * @param origin the batch origin ({@code null} to omit); the GUI uses {@code workflows}
     * @param destination the batch destination ({@code null} to omit); the GUI uses {@code gallery}
     * @param prepend whether the batch goes to the front of the queue
     * @param autoAddBoardId the board that {@code BoardField} inputs set to "auto" (or left empty) save to; empty
     *     means none (uncategorized), like the GUI's auto-add board setting "none"
     * @param generatorValues values for generator nodes that need the server (dynamic prompts, images of a board),
     *     by generator node id
     */
    public record Options(
            String graphId,
            String origin,
            String destination,
            boolean prepend,
            Optional<String> autoAddBoardId,
            Map<String, List<JsonValue>> generatorValues) {

        public Options {
            Objects.requireNonNull(graphId, "graphId");
            autoAddBoardId = autoAddBoardId == null ? Optional.empty() : autoAddBoardId.filter(b -> !b.isBlank());
            generatorValues = generatorValues == null ? Map.of() : Map.copyOf(generatorValues);
        }

        /** No origin or destination, appended, no auto-add board, no server-side generator values. */
        public static Options of(String graphId) {
            return new Options(graphId, null, null, false, Optional.empty(), Map.of());
        }

        public Options withOrigin(String newOrigin, String newDestination) {
            return new Options(graphId, newOrigin, newDestination, prepend, autoAddBoardId, generatorValues);
        }

        public Options withPrepend(boolean newPrepend) {
            return new Options(graphId, origin, destination, newPrepend, autoAddBoardId, generatorValues);
        }

        public Options withAutoAddBoard(Optional<String> boardId) {
            return new Options(graphId, origin, destination, prepend, boardId, generatorValues);
        }

        public Options withGeneratorValues(Map<String, List<JsonValue>> values) {
            return new Options(graphId, origin, destination, prepend, autoAddBoardId, values);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // the whole request

    /**
     * The body of {@code POST /api/v1/queue/default/enqueue_batch}: {@code {"batch": {"graph", "workflow", "runs",
     * "origin", "destination", "data"?}, "prepend"}}. {@code data} is left out when there are no batch nodes.
     *
     * @param fieldTypes the field types, whose generator fields compute the values of generator nodes
     * @throws InvokeAIException if a batch node is empty or the batch nodes of a zip group differ in size
     */
    public static JsonObject enqueueBody(
            WorkflowDocument document,
            NodeTemplates templates,
            FieldTypeRegistry fieldTypes,
            Map<String, Map<String, JsonValue>> values,
            int runs,
            Options options) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, was " + runs);
        }
        WorkflowDocument doc = effective(document, templates, values);
        JsonObjectBuilder batch = Jsons.JSON
                .createObjectBuilder()
                .add("graph", graph(doc, templates, options.graphId(), options.autoAddBoardId()))
                .add("workflow", workflowJson(doc))
                .add("runs", runs);
        if (options.origin() != null) {
            batch.add("origin", options.origin());
        }
        if (options.destination() != null) {
            batch.add("destination", options.destination());
        }
        JsonArray data = batchData(doc, templates, fieldTypes, options.generatorValues());
        if (!data.isEmpty()) {
            batch.add("data", data);
        }
        return Jsons.JSON
                .createObjectBuilder()
                .add("batch", batch)
                .add("prepend", options.prepend())
                .build();
    }

    /** {@link #enqueueBody} for a snapshot, with its (prepared) values. */
    public static JsonObject enqueueBody(
            WorkflowSnapshot snapshot,
            FieldTypeRegistry fieldTypes,
            Map<String, Map<String, JsonValue>> preparedValues,
            Options options) {
        return enqueueBody(
                snapshot.document(), snapshot.templates(), fieldTypes, preparedValues, snapshot.runs(), options);
    }

    /**
     * How many queue items the request creates: {@code runs} times the product of the batch group sizes (what the
     * server's {@code calc_session_count} computes from the data).
     */
    public static long itemCount(
            WorkflowDocument document,
            NodeTemplates templates,
            FieldTypeRegistry fieldTypes,
            Map<String, Map<String, JsonValue>> values,
            int runs,
            Map<String, List<JsonValue>> generatorValues) {
        WorkflowDocument doc = effective(document, templates, values);
        long count = runs;
        for (JsonValue group :
                batchData(doc, templates, fieldTypes, generatorValues == null ? Map.of() : generatorValues)) {
            JsonArray datums = group.asJsonArray();
            count *= datums.isEmpty()
                    ? 0
                    : Jsons.arrOrEmpty(datums.get(0), "items").size();
        }
        return count;
    }

    /**
     * The generator nodes whose values need the server (dynamic prompts, images of a board) and that feed a batch
     * node; their values go into {@link Options#generatorValues()}. Maps node id to the generator JSON.
     */
    public static Map<String, JsonObject> generatorsNeedingServer(
            WorkflowDocument document, NodeTemplates templates, Map<String, Map<String, JsonValue>> values) {
        WorkflowDocument doc = effective(document, templates, values);
        Map<String, JsonObject> result = new LinkedHashMap<>();
        Topology t = new Topology(doc);
        for (JsonObject node : t.invocations) {
            if (!WorkflowDocument.isBatchType(type(node))) {
                continue;
            }
            t.generatorFeeding(node, batchField(type(node))).ifPresent(gen -> {
                JsonValue generator = inputValue(gen, "generator");
                if (Generators.needsServer(generator)) {
                    result.put(Jsons.strOr(gen, "id", ""), generator.asJsonObject());
                }
            });
        }
        return result;
    }

    private static WorkflowDocument effective(
            WorkflowDocument document, NodeTemplates templates, Map<String, Map<String, JsonValue>> values) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(templates, "templates");
        return document.validate(templates).withInputValues(values == null ? Map.of() : values);
    }

    // ---------------------------------------------------------------------------------------------------------
    // graph (buildNodesGraph.ts)

    /** The graph {@code {"id", "nodes", "edges"}} of a (validated, value-applied) workflow. */
    public static JsonObject graph(
            WorkflowDocument doc, NodeTemplates templates, String graphId, Optional<String> autoAddBoardId) {
        Topology t = new Topology(doc);
        Map<String, Map<String, JsonValue>> nodes = new LinkedHashMap<>();
        List<String> executableIds = new ArrayList<>();
        for (JsonObject node : t.invocations) {
            if (!isExecutable(node)) {
                continue;
            }
            String id = Jsons.strOr(node, "id", "");
            executableIds.add(id);
            String type = type(node);
            Optional<NodeTemplate> template = templates.get(type);
            if (template.isEmpty()) {
                LOG.warn("Node {} of type {} has no template on the server; it is left out of the graph", id, type);
                continue;
            }
            nodes.put(id, graphNode(node, template.get(), autoAddBoardId));
        }

        List<String[]> edges = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonObject edge : t.defaultEdges) {
            JsonObject target = t.nodes.get(Jsons.strOr(edge, "target", ""));
            if (target == null || !isInvocation(target) || !isExecutable(target)) {
                continue;
            }
            JsonObject source = t.nodes.get(Jsons.strOr(edge, "source", ""));
            if (source == null) {
                continue;
            }
            String sourceId;
            String sourceHandle;
            if (isInvocation(source)) {
                sourceId = Jsons.strOr(source, "id", "");
                sourceHandle = Jsons.strOr(edge, "sourceHandle", "");
            } else if (isConnector(source)) {
                Optional<String[]> resolved = t.resolveConnectorSource(Jsons.strOr(source, "id", ""));
                if (resolved.isEmpty()) {
                    continue;
                }
                sourceId = resolved.get()[0];
                sourceHandle = resolved.get()[1];
            } else {
                continue;
            }
            if (!executableIds.contains(sourceId)) {
                continue;
            }
            String targetId = Jsons.strOr(edge, "target", "");
            String targetHandle = Jsons.strOr(edge, "targetHandle", "");
            if (sourceHandle.isEmpty() || targetHandle.isEmpty()) {
                continue;
            }
            if (seen.add(sourceId + "\u0000" + sourceHandle + "\u0000" + targetId + "\u0000" + targetHandle)) {
                edges.add(new String[] {sourceId, sourceHandle, targetId, targetHandle});
            }
        }

        // a connected input takes its value from the connection; a stale explicit value would fail validation
        for (String[] e : edges) {
            Map<String, JsonValue> destination = nodes.get(e[2]);
            if (destination == null) {
                continue;
            }
            if (e[3].startsWith(SAVED_WORKFLOW_INPUT_PREFIX)
                    && destination.get("workflow_inputs") instanceof JsonObject inputs
                    && destination.get("type") instanceof jakarta.json.JsonString nodeType
                    && "call_saved_workflow".equals(nodeType.getString())) {
                destination.put(
                        "workflow_inputs",
                        Jsons.JSON.createObjectBuilder(inputs).remove(e[3]).build());
                continue;
            }
            destination.remove(e[3]);
        }

        JsonObjectBuilder nodesJson = Jsons.JSON.createObjectBuilder();
        nodes.forEach((id, fields) -> {
            JsonObjectBuilder n = Jsons.JSON.createObjectBuilder();
            fields.forEach(n::add);
            nodesJson.add(id, n);
        });
        JsonArrayBuilder edgesJson = Jsons.JSON.createArrayBuilder();
        for (String[] e : edges) {
            edgesJson.add(Jsons.JSON
                    .createObjectBuilder()
                    .add(
                            "source",
                            Jsons.JSON
                                    .createObjectBuilder()
                                    .add("node_id", e[0])
                                    .add("field", e[1]))
                    .add(
                            "destination",
                            Jsons.JSON
                                    .createObjectBuilder()
                                    .add("node_id", e[2])
                                    .add("field", e[3])));
        }
        return Jsons.JSON
                .createObjectBuilder()
                .add("id", graphId)
                .add("nodes", nodesJson)
                .add("edges", edgesJson)
                .build();
    }

    private static Map<String, JsonValue> graphNode(
            JsonObject node, NodeTemplate template, Optional<String> autoBoard) {
        JsonObject data = Jsons.objOrEmpty(node, "data");
        String type = template.type();
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        fields.put("type", Jsons.string(type));
        fields.put("id", Jsons.string(Jsons.strOr(node, "id", "")));
        Map<String, JsonValue> workflowInputs = null;
        for (Map.Entry<String, JsonValue> e : Jsons.objOrEmpty(data, "inputs").entrySet()) {
            String name = e.getKey();
            JsonValue value = Jsons.get(e.getValue(), "value");
            if ("call_saved_workflow".equals(type) && "workflow_inputs".equals(name)) {
                continue;
            }
            if ("call_saved_workflow".equals(type) && name.startsWith(SAVED_WORKFLOW_INPUT_PREFIX)) {
                if (workflowInputs == null) {
                    workflowInputs = new LinkedHashMap<>();
                }
                if (value != null) {
                    workflowInputs.put(name, value);
                }
                continue;
            }
            Optional<io.invokeai.client.FieldSpec> spec = WorkflowDocument.inputSpec(node, template, name);
            if (spec.isEmpty()) {
                if (WorkflowDocument.EXTRA_INPUT_TYPES.contains(type) && value != null && !Jsons.isNull(value)) {
                    fields.put(name, value);
                } else {
                    LOG.debug("Node {}: input {} has no template on the server; left out", fields.get("id"), name);
                }
                continue;
            }
            if ("BoardField".equals(spec.get().typeName())) {
                boardValue(value, autoBoard).ifPresent(v -> fields.put(name, v));
            } else if (value != null && !Jsons.isNull(value)) {
                fields.put(name, value);
            }
        }
        if ("call_saved_workflow".equals(type)) {
            JsonObjectBuilder wi = Jsons.JSON.createObjectBuilder();
            if (workflowInputs != null) {
                workflowInputs.forEach(wi::add);
            }
            fields.put("workflow_inputs", wi.build());
        }
        fields.put(
                "use_cache",
                Jsons.bool(data, "useCache").orElse(template.useCache()) ? JsonValue.TRUE : JsonValue.FALSE);
        fields.put(
                "is_intermediate", Jsons.bool(data, "isIntermediate").orElse(true) ? JsonValue.TRUE : JsonValue.FALSE);
        return fields;
    }

    /** The GUI's {@code getBoardField}: "auto"/empty → the auto-add board or nothing; "none" → nothing. */
    static Optional<JsonValue> boardValue(JsonValue value, Optional<String> autoBoard) {
        boolean empty = value == null
                || Jsons.isNull(value)
                || (value instanceof jakarta.json.JsonString s && s.getString().isEmpty());
        if (empty
                || (value instanceof jakarta.json.JsonString s1
                        && s1.getString().equals("auto"))) {
            return autoBoard.map(
                    id -> Jsons.JSON.createObjectBuilder().add("board_id", id).build());
        }
        if (value instanceof jakarta.json.JsonString s2 && s2.getString().equals("none")) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    // ---------------------------------------------------------------------------------------------------------
    // batch data (getBatchDataForWorkflowGeneration)

    /**
     * The batch {@code data} of a (validated, value-applied) workflow: one outer entry per ungrouped batch node
     * (cartesian product) and one per zip group ("Group 1".."Group 5", zipped).
     *
     * @throws InvokeAIException if a batch node has no items or the nodes of a group differ in size
     */
    public static JsonArray batchData(
            WorkflowDocument doc,
            NodeTemplates templates,
            FieldTypeRegistry fieldTypes,
            Map<String, List<JsonValue>> generatorValues) {
        Topology t = new Topology(doc);
        Generators generators = new Generators(templates, fieldTypes);
        Map<String, List<JsonObject>> groups = new LinkedHashMap<>();
        for (JsonObject node : t.invocations) {
            if (WorkflowDocument.isBatchType(type(node))) {
                JsonValue group = inputValue(node, "batch_group_id");
                String key = group instanceof jakarta.json.JsonString s ? s.getString() : String.valueOf(group);
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(node);
            }
        }
        Map<String, List<JsonValue>> items = new LinkedHashMap<>();
        for (List<JsonObject> nodes : groups.values()) {
            for (JsonObject node : nodes) {
                items.put(Jsons.strOr(node, "id", ""), batchItems(t, node, generatorValues, generators));
            }
        }
        checkSizes(groups, items);

        JsonArrayBuilder data = Jsons.JSON.createArrayBuilder();
        for (Map.Entry<String, List<JsonObject>> group : groups.entrySet()) {
            boolean zipped = !"None".equals(group.getKey());
            JsonArrayBuilder zip = Jsons.JSON.createArrayBuilder();
            int zipSize = 0;
            for (JsonObject node : group.getValue()) {
                String id = Jsons.strOr(node, "id", "");
                JsonArray nodeItems =
                        Jsons.JSON.createArrayBuilder(items.get(id)).build();
                String handle = "image_batch".equals(type(node)) ? "image" : "value";
                JsonArrayBuilder product = Jsons.JSON.createArrayBuilder();
                int productSize = 0;
                for (String[] target : t.batchTargets(id, handle)) {
                    JsonObject datum = Jsons.JSON
                            .createObjectBuilder()
                            .add("node_path", target[0])
                            .add("field_name", target[1])
                            .add("items", nodeItems)
                            .build();
                    if (zipped) {
                        zip.add(datum);
                        zipSize++;
                    } else {
                        product.add(datum);
                        productSize++;
                    }
                }
                if (!zipped && productSize > 0) {
                    data.add(product);
                }
            }
            if (zipped && zipSize > 0) {
                data.add(zip);
            }
        }
        return data.build();
    }

    private static void checkSizes(Map<String, List<JsonObject>> groups, Map<String, List<JsonValue>> items) {
        for (Map.Entry<String, List<JsonObject>> group : groups.entrySet()) {
            for (JsonObject node : group.getValue()) {
                if (items.get(Jsons.strOr(node, "id", "")).isEmpty()) {
                    throw new InvokeAIException(
                            "Batch node " + describe(node) + " has no items; every batch node" + " needs at least one");
                }
            }
            if ("None".equals(group.getKey()) || group.getValue().size() < 2) {
                continue;
            }
            List<String> sizes = group.getValue().stream()
                    .map(n -> describe(n) + " has "
                            + items.get(Jsons.strOr(n, "id", "")).size())
                    .toList();
            long distinct = group.getValue().stream()
                    .mapToInt(n -> items.get(Jsons.strOr(n, "id", "")).size())
                    .distinct()
                    .count();
            if (distinct > 1) {
                throw new InvokeAIException("The batch nodes of '" + group.getKey() + "' are zipped, so they need the"
                        + " same number of items, but " + String.join(", ", sizes));
            }
        }
    }

    private static String describe(JsonObject node) {
        String label = Jsons.strOr(Jsons.objOrEmpty(node, "data"), "label", "");
        return "'" + (label.isEmpty() ? type(node) : label) + "' (" + Jsons.strOr(node, "id", "") + ")";
    }

    /** The GUI's {@code resolveBatchValue}: the node's own list, or the values of the generator feeding it. */
    private static List<JsonValue> batchItems(
            Topology t, JsonObject node, Map<String, List<JsonValue>> supplied, Generators generators) {
        String field = batchField(type(node));
        Optional<JsonObject> feedingEdge = t.edgeInto(Jsons.strOr(node, "id", ""), field);
        if (feedingEdge.isEmpty()) {
            JsonValue own = inputValue(node, field);
            return own instanceof JsonArray a ? List.copyOf(a) : List.of();
        }
        JsonObject generator = t.generatorFeeding(node, field)
                .orElseThrow(() -> new InvokeAIException("Batch node " + describe(node) + ": the connection into "
                        + field + " does not come from a generator node"));
        String generatorId = Jsons.strOr(generator, "id", "");
        List<JsonValue> given = supplied.get(generatorId);
        if (given != null) {
            return given;
        }
        return generators.values(generatorId, type(generator), inputValue(generator, "generator"));
    }

    private static String batchField(String batchType) {
        return switch (batchType) {
            case "image_batch" -> "images";
            case "string_batch" -> "strings";
            case "integer_batch" -> "integers";
            default -> "floats";
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // workflow (buildWorkflowFast + zWorkflowV3.parse)

    /**
     * The workflow as the GUI embeds it in a batch: the known members only, without the library {@code id}, with the
     * values applied.
     */
    public static JsonObject workflowJson(WorkflowDocument doc) {
        JsonObject wf = doc.json();
        JsonObjectBuilder out = Jsons.JSON.createObjectBuilder();
        for (String key : List.of("name", "author", "description", "version", "contact", "tags", "notes")) {
            out.add(key, Jsons.strOr(wf, key, ""));
        }
        JsonArrayBuilder nodes = Jsons.JSON.createArrayBuilder();
        for (JsonObject node : doc.nodes()) {
            JsonObjectBuilder n = Jsons.JSON.createObjectBuilder();
            for (String key : List.of("id", "type", "data", "position")) {
                if (node.containsKey(key)) {
                    n.add(key, node.get(key));
                }
            }
            nodes.add(n);
        }
        out.add("nodes", nodes);
        JsonArrayBuilder edges = Jsons.JSON.createArrayBuilder();
        for (JsonObject edge : doc.edges()) {
            boolean isDefault = "default".equals(Jsons.strOr(edge, "type", ""));
            List<String> keys = isDefault
                    ? List.of("id", "source", "target", "type", "sourceHandle", "targetHandle", "hidden")
                    : List.of("id", "source", "target", "type");
            JsonObjectBuilder e = Jsons.JSON.createObjectBuilder();
            for (String key : keys) {
                if (edge.containsKey(key)) {
                    e.add(key, edge.get(key));
                }
            }
            edges.add(e);
        }
        out.add("edges", edges);
        out.add("exposedFields", Jsons.arrOrEmpty(wf, "exposedFields"));
        out.add("meta", Jsons.objOrEmpty(wf, "meta"));
        out.add("form", Jsons.objOrEmpty(wf, "form"));
        return out.build();
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    private static String type(JsonObject node) {
        return Jsons.strOr(Jsons.objOrEmpty(node, "data"), "type", "");
    }

    private static boolean isInvocation(JsonObject node) {
        return "invocation".equals(Jsons.strOr(node, "type", ""));
    }

    private static boolean isConnector(JsonObject node) {
        return "connector".equals(Jsons.strOr(node, "type", ""));
    }

    private static boolean isExecutable(JsonObject node) {
        String type = type(node);
        return !WorkflowDocument.isBatchType(type) && !WorkflowDocument.isGeneratorType(type);
    }

    private static JsonValue inputValue(JsonObject node, String field) {
        return Jsons.get(Jsons.objOrEmpty(Jsons.objOrEmpty(Jsons.objOrEmpty(node, "data"), "inputs"), field), "value");
    }

    /** Nodes and edges of a workflow, indexed. */
    private static final class Topology {
        final Map<String, JsonObject> nodes = new LinkedHashMap<>();
        final List<JsonObject> invocations = new ArrayList<>();
        final List<JsonObject> edges;
        final List<JsonObject> defaultEdges;

        Topology(WorkflowDocument doc) {
            for (JsonObject node : doc.nodes()) {
                nodes.putIfAbsent(Jsons.strOr(node, "id", ""), node);
                if (isInvocation(node)) {
                    invocations.add(node);
                }
            }
            edges = doc.edges();
            defaultEdges = edges.stream()
                    .filter(e -> "default".equals(Jsons.strOr(e, "type", "")))
                    .toList();
        }

        /** {@code resolveConnectorSource}: follows connectors upstream to an invocation's output. */
        Optional<String[]> resolveConnectorSource(String connectorId) {
            Set<String> visited = new HashSet<>();
            String current = connectorId;
            while (visited.add(current)) {
                String id = current;
                Optional<JsonObject> incoming = defaultEdges.stream()
                        .filter(e -> id.equals(Jsons.strOr(e, "target", ""))
                                && "in".equals(Jsons.strOr(e, "targetHandle", ""))
                                && Jsons.str(e, "sourceHandle").isPresent())
                        .findFirst();
                if (incoming.isEmpty()) {
                    return Optional.empty();
                }
                JsonObject source = nodes.get(Jsons.strOr(incoming.get(), "source", ""));
                if (source == null) {
                    return Optional.empty();
                }
                if (isInvocation(source)) {
                    return Optional.of(
                            new String[] {Jsons.strOr(source, "id", ""), Jsons.strOr(incoming.get(), "sourceHandle", "")
                            });
                }
                if (!isConnector(source)) {
                    return Optional.empty();
                }
                current = Jsons.strOr(source, "id", "");
            }
            return Optional.empty();
        }

        Optional<JsonObject> edgeInto(String nodeId, String handle) {
            return edges.stream()
                    .filter(e -> nodeId.equals(Jsons.strOr(e, "target", ""))
                            && handle.equals(Jsons.strOr(e, "targetHandle", "")))
                    .findFirst();
        }

        /** The generator node feeding a batch node's list input, directly or through connectors. */
        Optional<JsonObject> generatorFeeding(JsonObject batchNode, String field) {
            Optional<JsonObject> edge = edgeInto(Jsons.strOr(batchNode, "id", ""), field);
            if (edge.isEmpty()) {
                return Optional.empty();
            }
            JsonObject source = nodes.get(Jsons.strOr(edge.get(), "source", ""));
            if (source == null) {
                return Optional.empty();
            }
            if (isConnector(source)) {
                return resolveConnectorSource(Jsons.strOr(source, "id", "")).map(r -> nodes.get(r[0]));
            }
            return isInvocation(source) ? Optional.of(source) : Optional.empty();
        }

        /** The inputs a batch node's output feeds: edge targets, followed through connectors. */
        List<String[]> batchTargets(String batchId, String handle) {
            List<String[]> targets = new ArrayList<>();
            for (JsonObject edge : edges) {
                if (!batchId.equals(Jsons.strOr(edge, "source", ""))
                        || !handle.equals(Jsons.strOr(edge, "sourceHandle", ""))) {
                    continue;
                }
                Optional<String> targetHandle = Jsons.str(edge, "targetHandle");
                if (targetHandle.isEmpty()) {
                    break; // as the GUI does
                }
                collectTargets(Jsons.strOr(edge, "target", ""), targetHandle.get(), targets, new HashSet<>());
            }
            return targets;
        }

        private void collectTargets(String target, String handle, List<String[]> out, Set<String> visited) {
            JsonObject node = nodes.get(target);
            if (node != null && isConnector(node)) {
                if (!visited.add(target)) {
                    return;
                }
                for (JsonObject edge : defaultEdges) {
                    if (target.equals(Jsons.strOr(edge, "source", ""))
                            && "out".equals(Jsons.strOr(edge, "sourceHandle", ""))) {
                        Jsons.str(edge, "targetHandle")
                                .ifPresent(h -> collectTargets(Jsons.strOr(edge, "target", ""), h, out, visited));
                    }
                }
                return;
            }
            if (out.stream().noneMatch(t -> t[0].equals(target) && t[1].equals(handle))) {
                out.add(new String[] {target, handle});
            }
        }
    }
}
