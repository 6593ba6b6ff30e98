package io.invokeai.client.core;

import io.invokeai.client.BatchStatus;
import io.invokeai.client.JobStatus;
import io.invokeai.client.Queue;
import io.invokeai.client.QueueItem;
import io.invokeai.client.QueueStatus;
import io.invokeai.client.core.http.HttpCall;
import io.invokeai.client.core.http.HttpCall.Body;
import io.invokeai.client.core.wire.Dtos.Canceled;
import io.invokeai.client.core.wire.Dtos.Deleted;
import io.invokeai.client.core.wire.Dtos.ItemIds;
import io.invokeai.client.core.wire.Dtos.QueueAndProcessorStatus;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

final class DefaultQueue implements Queue {
    static final String QUEUE = "api/v1/queue/default/";
    /** The server's limit for the by-ids endpoints. */
    static final int MAX_IDS_PER_CALL = 1000;

    private final Rest rest;

    DefaultQueue(Rest rest) {
        this.rest = rest;
    }

    @Override
    public CompletableFuture<QueueStatus> statusAsync() {
        return rest.bind(HttpCall.get(QUEUE + "status"), QueueAndProcessorStatus.class)
                .thenApply(s -> new QueueStatus(
                        n(s.queue().pending()),
                        n(s.queue().inProgress()),
                        n(s.queue().completed()),
                        n(s.queue().failed()),
                        n(s.queue().canceled()),
                        n(s.queue().total()),
                        Boolean.TRUE.equals(s.processor().isStarted()),
                        Boolean.TRUE.equals(s.processor().isProcessing())));
    }

    @Override
    public CompletableFuture<List<QueueItem>> itemsAsync() {
        return rest.bind(HttpCall.get(QUEUE + "item_ids"), ItemIds.class).thenCompose(ids -> summaries(ids.itemIds()));
    }

    /** Item summaries (no session), in the order asked, in chunks the server accepts. */
    CompletableFuture<List<QueueItem>> summaries(List<Long> ids) {
        List<CompletableFuture<List<QueueItem>>> parts = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += MAX_IDS_PER_CALL) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + MAX_IDS_PER_CALL));
            JsonArrayBuilder arr = Json.createArrayBuilder();
            chunk.forEach(arr::add);
            String body =
                    Json.createObjectBuilder().add("item_ids", arr).build().toString();
            parts.add(rest.json(HttpCall.post(QUEUE + "item_summaries_by_ids", new Body.Json(body))
                            .asIdempotent())
                    .thenApply(v -> v.asJsonArray().stream()
                            .map(JsonValue::asJsonObject)
                            .map(DefaultQueue::toItem)
                            .toList()));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(v -> parts.stream().flatMap(p -> p.join().stream()).toList());
    }

    /** The full item, session included (results live there). */
    CompletableFuture<JsonObject> fullItem(long itemId) {
        return rest.json(HttpCall.get(QUEUE + "i/" + itemId)).thenApply(JsonValue::asJsonObject);
    }

    @Override
    public CompletableFuture<QueueItem> itemAsync(long itemId) {
        return fullItem(itemId).thenApply(DefaultQueue::toItem);
    }

    @Override
    public CompletableFuture<Void> cancelAsync(long itemId) {
        return rest.discard(HttpCall.put(QUEUE + "i/" + itemId + "/cancel"));
    }

    @Override
    public CompletableFuture<BatchStatus> batchStatusAsync(String batchId) {
        return rest.json(HttpCall.get(QUEUE + "b/" + Paths.segment(batchId) + "/status"))
                .thenApply(v -> {
                    JsonObject o = v.asJsonObject();
                    return new BatchStatus(
                            str(o, "batch_id").orElse(batchId),
                            count(o, "pending"),
                            count(o, "in_progress"),
                            count(o, "waiting"),
                            count(o, "completed"),
                            count(o, "failed"),
                            count(o, "canceled"),
                            count(o, "total"));
                });
    }

    private static int count(JsonObject o, String key) {
        return o.get(key) instanceof jakarta.json.JsonNumber n ? n.intValue() : 0;
    }

    @Override
    public CompletableFuture<Integer> cancelBatchesAsync(List<String> batchIds) {
        JsonArrayBuilder arr = Json.createArrayBuilder();
        batchIds.forEach(arr::add);
        String body = Json.createObjectBuilder().add("batch_ids", arr).build().toString();
        return rest.bind(HttpCall.put(QUEUE + "cancel_by_batch_ids").withBody(new Body.Json(body)), Canceled.class)
                .thenApply(c -> n(c.canceled()));
    }

    @Override
    public CompletableFuture<Integer> clearAsync() {
        return rest.bind(HttpCall.put(QUEUE + "clear"), Deleted.class).thenApply(d -> n(d.deleted()));
    }

    @Override
    public CompletableFuture<Void> pauseAsync() {
        return rest.discard(HttpCall.put(QUEUE + "processor/pause"));
    }

    @Override
    public CompletableFuture<Void> resumeAsync() {
        return rest.discard(HttpCall.put(QUEUE + "processor/resume"));
    }

    static QueueItem toItem(JsonObject o) {
        List<QueueItem.FieldValue> values = new ArrayList<>();
        JsonValue fv = o.get("field_values");
        if (fv != null && fv.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue v : fv.asJsonArray()) {
                JsonObject f = v.asJsonObject();
                values.add(new QueueItem.FieldValue(
                        f.getString("node_path"), f.getString("field_name"), f.getOrDefault("value", JsonValue.NULL)));
            }
        }
        return new QueueItem(
                o.getJsonNumber("item_id").longValue(),
                JobStatus.fromWire(o.getString("status")),
                str(o, "batch_id").orElse(""),
                str(o, "session_id"),
                str(o, "origin"),
                str(o, "destination"),
                str(o, "error_type"),
                str(o, "error_message"),
                str(o, "error_traceback"),
                str(o, "created_at"),
                str(o, "started_at"),
                str(o, "completed_at"),
                values);
    }

    static Optional<String> str(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    private static int n(Integer i) {
        return i == null ? 0 : i;
    }
}
