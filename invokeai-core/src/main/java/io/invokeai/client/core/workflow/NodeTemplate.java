package io.invokeai.client.core.workflow;

import io.invokeai.client.FieldSpec;
import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server's schema says about one invocation type, parsed the way the GUI parses it ({@code parseSchema.ts}).
 *
 * @param type the invocation type, e.g. {@code noise}
 * @param title the schema title without {@code Invocation}, e.g. {@code Create Latent Noise}
 * @param version the node's semver; a workflow node of another version is updated on load like the GUI does
 * @param classification {@code stable}, {@code beta}, {@code prototype}, {@code deprecated} or {@code internal}
 * @param useCache the default of the node's {@code use_cache}
 * @param inputs the inputs in schema order (including the internal {@code board} and {@code metadata}), without the
 *     node attributes {@code id}, {@code type}, {@code use_cache}, {@code is_intermediate}
 * @param initialValues the value the GUI gives an input of a new node (the schema default with the GUI's fallbacks,
 *     e.g. {@code 0} for an integer without default); absent when the GUI leaves it unset
 * @param outputType the output type name of the node's declared output, e.g. {@code image_output}
 * @param outputs output type name to its fields in schema order (several entries only for polymorphic outputs)
 */
public record NodeTemplate(
        String type,
        String title,
        String description,
        String version,
        String classification,
        String nodePack,
        String category,
        List<String> tags,
        boolean useCache,
        Map<String, FieldSpec> inputs,
        Map<String, JsonValue> initialValues,
        String outputType,
        Map<String, Map<String, FieldSpec>> outputs) {

    public NodeTemplate {
        Objects.requireNonNull(type, "type");
        title = title == null ? type : title;
        description = description == null ? "" : description;
        version = version == null ? "1.0.0" : version;
        classification = classification == null ? "stable" : classification;
        nodePack = nodePack == null ? "invokeai" : nodePack;
        category = category == null ? "other" : category;
        tags = List.copyOf(tags);
        inputs = ordered(inputs);
        initialValues = ordered(initialValues);
        outputType = outputType == null ? "" : outputType;
        Map<String, Map<String, FieldSpec>> outs = new LinkedHashMap<>();
        outputs.forEach((k, v) -> outs.put(k, ordered(v)));
        outputs = Collections.unmodifiableMap(outs);
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public Optional<FieldSpec> input(String fieldName) {
        return Optional.ofNullable(inputs.get(fieldName));
    }

    public Optional<JsonValue> initialValue(String fieldName) {
        return Optional.ofNullable(initialValues.get(fieldName));
    }

    /** The fields of the declared output (empty if the output schema was not found). */
    public Map<String, FieldSpec> outputFields() {
        return outputs.getOrDefault(outputType, Map.of());
    }

    /** Whether any output type of this node has the field, e.g. for validating an edge's source handle. */
    public boolean hasOutput(String fieldName) {
        return outputs.values().stream().anyMatch(m -> m.containsKey(fieldName));
    }

    /** The major version, e.g. {@code 1} for {@code 1.3.2}; -1 if it is not a number. */
    int major() {
        return NodeTemplates.major(version);
    }
}
