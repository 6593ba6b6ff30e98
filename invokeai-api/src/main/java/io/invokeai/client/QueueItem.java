package io.invokeai.client;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * A queue item as the server reports it (without its heavy session).
 *
 * @param fieldValues the batch values substituted into this item's graph
 */
public record QueueItem(
        long itemId,
        JobStatus status,
        String batchId,
        Optional<String> sessionId,
        Optional<String> origin,
        Optional<String> destination,
        Optional<String> errorType,
        Optional<String> errorMessage,
        Optional<String> errorTraceback,
        Optional<String> createdAt,
        Optional<String> startedAt,
        Optional<String> completedAt,
        List<FieldValue> fieldValues) {

    /** One batch value substituted into a graph: {@code graph.nodes[nodePath][fieldName] = value}. */
    public record FieldValue(String nodePath, String fieldName, JsonValue value) {}
}
