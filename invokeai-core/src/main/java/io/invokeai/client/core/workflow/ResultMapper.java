package io.invokeai.client.core.workflow;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.NodeOutput;
import io.invokeai.client.core.fields.FieldTypeRegistry;
import io.invokeai.client.spi.FieldContext;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a finished queue item ({@code GET /api/v1/queue/default/i/{id}}): its node outputs mapped back to the
 * workflow's node ids and labels and typed with the field types, the images it produced (the GUI's gallery rule), and
 * the node that failed. Pure: downloads happen only later, through the fields' {@link FieldContext}.
 *
 * <p>The server runs a copy of each workflow node under a new "prepared" id, one per iteration downstream of an
 * {@code iterate} node; {@code session.prepared_source_mapping} leads back to the workflow node.
 */
public final class ResultMapper {
    /** Node types that pass an existing image through; the GUI does not add their images to the gallery. */
    static final Set<String> PASS_THROUGH_TYPES = Set.of("image", "load_image", "video");

    private ResultMapper() {}

    /**
     * One image a queue item produced.
     *
     * @param nodeId the workflow node id
     * @param preparedId the server's id of the executed copy (the image's {@code node_id})
     * @param fieldName the output field holding it, e.g. {@code image}
     */
    public record OutputImage(
            String nodeId,
            String preparedId,
            String nodeType,
            String fieldName,
            String imageName,
            List<Integer> iterationPath) {
        public OutputImage {
            iterationPath = List.copyOf(iterationPath);
        }
    }

    /**
     * The node a failed queue item stopped at.
     *
     * @param error the session's error text, e.g. {@code "ValueError: ..."}
     */
    public record FailedNode(String nodeId, String preparedId, String nodeType, String label, String error) {}

    /**
     * The outputs in completion order, each mapped to its workflow node and typed via the registry with the output
     * template's spec (unknown output types: a spec from the value's shape, so any value still reads).
     *
     * @param context given to the fields so image outputs can download; may be {@code null}
     */
    public static List<NodeOutput> outputs(
            JsonObject queueItem, NodeTemplates templates, FieldTypeRegistry registry, FieldContext context) {
        Session s = new Session(queueItem);
        List<NodeOutput> outputs = new ArrayList<>();
        for (Map.Entry<String, JsonValue> e : s.results.entrySet()) {
            if (!(e.getValue() instanceof JsonObject result)) {
                continue;
            }
            String preparedId = e.getKey();
            String nodeId = s.sourceOf(preparedId);
            String nodeType = s.nodeType(nodeId, preparedId);
            String outputType = Jsons.strOr(result, "type", "");
            Map<String, FieldSpec> specs = templates
                    .get(nodeType)
                    .map(t -> t.outputs().get(outputType))
                    .or(() -> templates.outputFields(outputType))
                    .orElse(Map.of());
            Map<String, InvokeAIField<?>> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> f : result.entrySet()) {
                if ("type".equals(f.getKey())) {
                    continue;
                }
                FieldSpec spec = specs.get(f.getKey());
                if (spec == null) {
                    spec = sniffedSpec(nodeType, f.getKey(), f.getValue());
                }
                fields.put(f.getKey(), registry.typeFor(spec).fromJson(spec, f.getValue(), context));
            }
            outputs.add(new NodeOutput(
                    nodeId, s.label(nodeId, nodeType, templates), nodeType, outputType, s.path(preparedId), fields));
        }
        return outputs;
    }

    /** A spec for a value without a template: images and videos are recognised by shape, the rest is any JSON. */
    static FieldSpec sniffedSpec(String nodeType, String fieldName, JsonValue value) {
        String type = "AnyField";
        Cardinality cardinality = Cardinality.SINGLE;
        if (isImageField(value)) {
            type = "ImageField";
        } else if (isImageList(value)) {
            type = "ImageField";
            cardinality = Cardinality.COLLECTION;
        } else if (value instanceof JsonObject o && o.get("video_name") instanceof JsonString) {
            type = "VideoField";
        }
        return new FieldSpec(
                nodeType == null ? "" : nodeType,
                fieldName,
                type,
                cardinality,
                NodeTemplates.startCase(fieldName),
                "",
                Optional.empty(),
                FieldSpec.Constraints.NONE,
                List.of(),
                Map.of(),
                List.of(),
                List.of(),
                false,
                "any");
    }

    /**
     * The images the queue item produced, by the GUI's rule: every result value that is an image or a list of images,
     * from nodes that are not intermediate in the graph, skipping pass-through nodes ({@code image},
     * {@code load_image}, {@code video}). In completion order, each image once.
     */
    public static List<OutputImage> outputImages(JsonObject queueItem) {
        Session s = new Session(queueItem);
        List<OutputImage> images = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, JsonValue> e : s.results.entrySet()) {
            if (!(e.getValue() instanceof JsonObject result)) {
                continue;
            }
            String preparedId = e.getKey();
            String nodeId = s.sourceOf(preparedId);
            String nodeType = s.nodeType(nodeId, preparedId);
            if (PASS_THROUGH_TYPES.contains(nodeType) || s.isIntermediate(nodeId, preparedId)) {
                continue;
            }
            for (Map.Entry<String, JsonValue> f : result.entrySet()) {
                List<String> names = new ArrayList<>();
                if (isImageField(f.getValue())) {
                    names.add(f.getValue().asJsonObject().getString("image_name"));
                } else if (isImageList(f.getValue())) {
                    f.getValue()
                            .asJsonArray()
                            .forEach(v -> names.add(v.asJsonObject().getString("image_name")));
                }
                for (String name : names) {
                    if (seen.add(name)) {
                        images.add(new OutputImage(nodeId, preparedId, nodeType, f.getKey(), name, s.path(preparedId)));
                    }
                }
            }
        }
        return images;
    }

    /** The node the item failed at, from {@code session.errors} (prepared id) mapped to the workflow node. */
    public static Optional<FailedNode> failedNode(JsonObject queueItem, NodeTemplates templates) {
        Session s = new Session(queueItem);
        JsonObject errors = Jsons.objOrEmpty(s.session, "errors");
        for (Map.Entry<String, JsonValue> e : errors.entrySet()) {
            String preparedId = e.getKey();
            String nodeId = s.sourceOf(preparedId);
            String nodeType = s.nodeType(nodeId, preparedId);
            String error = e.getValue() instanceof JsonString str
                    ? str.getString()
                    : e.getValue().toString();
            return Optional.of(
                    new FailedNode(nodeId, preparedId, nodeType, s.label(nodeId, nodeType, templates), error));
        }
        return Optional.empty();
    }

    static boolean isImageField(JsonValue v) {
        return v instanceof JsonObject o && o.get("image_name") instanceof JsonString;
    }

    static boolean isImageList(JsonValue v) {
        return v instanceof JsonArray a && !a.isEmpty() && a.stream().allMatch(ResultMapper::isImageField);
    }

    /** The parts of a queue item the mapping needs, indexed. */
    private static final class Session {
        final JsonObject session;
        final JsonObject results;
        final Map<String, String> preparedToSource = new LinkedHashMap<>();
        final JsonObject graphNodes;
        final JsonObject executionNodes;
        final JsonObject paths;
        final Map<String, String> labels = new LinkedHashMap<>();

        Session(JsonObject item) {
            session = Jsons.objOrEmpty(item, "session");
            results = Jsons.objOrEmpty(session, "results");
            Jsons.objOrEmpty(session, "prepared_source_mapping").forEach((p, src) -> {
                if (src instanceof JsonString str) {
                    preparedToSource.put(p, str.getString());
                }
            });
            Jsons.objOrEmpty(session, "source_prepared_mapping").forEach((src, prepared) -> {
                if (prepared instanceof JsonArray a) {
                    a.forEach(p -> {
                        if (p instanceof JsonString str) {
                            preparedToSource.putIfAbsent(str.getString(), src);
                        }
                    });
                }
            });
            graphNodes = Jsons.objOrEmpty(Jsons.objOrEmpty(session, "graph"), "nodes");
            executionNodes = Jsons.objOrEmpty(Jsons.objOrEmpty(session, "execution_graph"), "nodes");
            JsonObject itemPaths = Jsons.objOrEmpty(item, "prepared_iteration_paths");
            paths = itemPaths.isEmpty() ? Jsons.objOrEmpty(session, "prepared_iteration_paths") : itemPaths;
            JsonValue workflow = item.get("workflow");
            if (workflow instanceof JsonString text) {
                try {
                    workflow = Jsons.parse(text.getString(), "The queue item's workflow");
                } catch (RuntimeException e) {
                    workflow = null;
                }
            }
            for (JsonValue node : Jsons.arrOrEmpty(workflow, "nodes")) {
                String label =
                        Jsons.strOr(Jsons.objOrEmpty(node, "data"), "label", "").trim();
                Jsons.str(node, "id").filter(id -> !label.isEmpty()).ifPresent(id -> labels.put(id, label));
            }
        }

        String sourceOf(String preparedId) {
            return preparedToSource.getOrDefault(preparedId, preparedId);
        }

        String nodeType(String nodeId, String preparedId) {
            return Jsons.str(graphNodes.get(nodeId), "type")
                    .or(() -> Jsons.str(executionNodes.get(preparedId), "type"))
                    .orElse("");
        }

        boolean isIntermediate(String nodeId, String preparedId) {
            JsonValue node = graphNodes.containsKey(nodeId) ? graphNodes.get(nodeId) : executionNodes.get(preparedId);
            return Jsons.bool(node, "is_intermediate").orElse(false);
        }

        List<Integer> path(String preparedId) {
            List<Integer> path = new ArrayList<>();
            for (JsonValue v : Jsons.arrOrEmpty(paths, preparedId)) {
                if (v instanceof JsonNumber n) {
                    path.add(n.intValue());
                }
            }
            return path;
        }

        String label(String nodeId, String nodeType, NodeTemplates templates) {
            String label = labels.get(nodeId);
            if (label != null) {
                return label;
            }
            return templates.get(nodeType).map(NodeTemplate::title).orElse(nodeType);
        }
    }
}
