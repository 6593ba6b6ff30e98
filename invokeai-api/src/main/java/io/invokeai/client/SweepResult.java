package io.invokeai.client;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One finished item of a sweep, with the input values that produced it.
 *
 * @param index the item's position in the sweep (runs outermost, then the workflow's batch nodes, axes and groups in
 *     the order they were added, the last changing fastest); stable across resumed runs
 * @param run which repetition ({@code 0} to {@code runs - 1})
 * @param inputs the swept inputs' values for this item, by the names the sweep was given
 * @param itemId the queue item
 * @param status how the item ended
 * @param result the typed results, when it completed
 * @param error why it did not complete: a {@link JobFailedException} (failed or canceled) or another error (e.g.
 *     the item was deleted, or its outputs could not be saved)
 * @param files where a resumable run saved its outputs (empty otherwise)
 */
public record SweepResult(
        long index,
        int run,
        Map<String, InvokeAIField<?>> inputs,
        long itemId,
        JobStatus status,
        Optional<JobResult> result,
        Optional<InvokeAIException> error,
        List<Path> files) {

    public SweepResult {
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
        files = List.copyOf(files);
    }

    public boolean succeeded() {
        return result.isPresent();
    }

    /** The results, or the error that kept the item from completing. */
    public JobResult orElseThrow() {
        return result.orElseThrow(() -> error.orElseGet(() -> new InvokeAIException("Item " + itemId + " " + status)));
    }

    /** The Java value of a swept input for this item (e.g. the prompt string), or null when unset. */
    public Object value(String input) {
        InvokeAIField<?> field = inputs.get(input);
        if (field == null) {
            throw new IllegalArgumentException("'" + input + "' is not swept; swept inputs: " + inputs.keySet());
        }
        return field.value().orElse(null);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SweepResult[#")
                .append(index)
                .append(", item ")
                .append(itemId);
        s.append(", ").append(status.wireName());
        inputs.forEach((k, v) -> s.append(", ").append(k).append('=').append(v.displayValue()));
        return s.append(']').toString();
    }
}
