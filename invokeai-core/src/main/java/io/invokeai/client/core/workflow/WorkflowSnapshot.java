package io.invokeai.client.core.workflow;

import io.invokeai.client.InvokeAIField;
import io.invokeai.client.WorkflowInput;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bound workflow frozen for submission: the document, the templates and the inputs with their values at the time
 * of the snapshot. Immutable, so a submission can prepare it (uploads, model lookups) while the workflow is changed.
 *
 * @param inputs the public inputs in form order, with their current fields
 * @param runs how many times the whole batch runs
 */
public record WorkflowSnapshot(
        WorkflowDocument document, NodeTemplates templates, List<WorkflowInput> inputs, int runs) {

    public WorkflowSnapshot {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(templates, "templates");
        inputs = List.copyOf(inputs);
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, was " + runs);
        }
    }

    /**
     * The inputs' values as the graph builder takes them, {@code nodeId -> fieldName -> JSON}, using each field's
     * {@link InvokeAIField#toJson()} as it is (unprepared: for dry runs, or when no field needs preparation).
     */
    public Map<String, Map<String, JsonValue>> values() {
        Map<String, Map<String, JsonValue>> values = new LinkedHashMap<>();
        for (WorkflowInput input : inputs) {
            values.computeIfAbsent(input.nodeId(), k -> new LinkedHashMap<>())
                    .put(input.fieldName(), input.field().toJson());
        }
        return values;
    }

    /** The same inputs with other fields (e.g. the prepared ones), keyed by {@link WorkflowInput#idName()}. */
    public Map<String, Map<String, JsonValue>> valuesOf(Map<String, ? extends InvokeAIField<?>> fieldsByIdName) {
        Map<String, Map<String, JsonValue>> values = new LinkedHashMap<>();
        for (WorkflowInput input : inputs) {
            InvokeAIField<?> field = fieldsByIdName.get(input.idName());
            values.computeIfAbsent(input.nodeId(), k -> new LinkedHashMap<>())
                    .put(input.fieldName(), (field == null ? input.field() : field).toJson());
        }
        return values;
    }
}
