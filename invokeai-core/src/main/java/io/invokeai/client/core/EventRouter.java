package io.invokeai.client.core;

import io.invokeai.client.JobEvent;
import io.invokeai.client.ProgressEvent;
import io.invokeai.client.core.events.EventStream;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes server events to the jobs in flight by item id. Events of items this client does not follow (other users,
 * the GUI) are dropped by the tracker. After a reconnect every job is polled, since events were lost meanwhile.
 */
final class EventRouter implements EventStream.Listener {
    private static final Pattern STEP = Pattern.compile("(\\d+)\\s*/\\s*(\\d+)");

    private final JobTracker tracker;

    EventRouter(JobTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void onEvent(String name, JsonObject payload) {
        switch (name) {
            case "queue_items_canceled" -> {
                // a bulk cancel (by batch, all) sends no per-item status events for pending items
                if (payload.get("canceled_item_ids") instanceof jakarta.json.JsonArray ids) {
                    for (JsonValue id : ids) {
                        if (id instanceof JsonNumber n) {
                            tracker.onStatusEvent(n.longValue(), "canceled");
                        }
                    }
                }
                return;
            }
            case "queue_cleared" -> {
                tracker.pollNow();
                return;
            }
            default -> {
                // per-item events below
            }
        }
        JsonValue id = payload.get("item_id");
        if (!(id instanceof JsonNumber itemId)) {
            return;
        }
        long item = itemId.longValue();
        switch (name) {
            case "queue_item_status_changed" ->
                tracker.onStatusEvent(item, text(payload, "status").orElse(""));
            case "invocation_progress" -> tracker.onProgress(progress(item, payload));
            case "invocation_started" ->
                tracker.onJobEvent(new JobEvent.NodeStarted(item, nodeId(payload), nodeType(payload)));
            case "invocation_complete" ->
                tracker.onJobEvent(new JobEvent.NodeCompleted(
                        item,
                        nodeId(payload),
                        nodeType(payload),
                        payload.get("result") instanceof JsonObject r
                                ? text(r, "type").orElse("")
                                : ""));
            case "invocation_error" ->
                tracker.onJobEvent(new JobEvent.NodeFailed(
                        item,
                        nodeId(payload),
                        nodeType(payload),
                        text(payload, "error_type").orElse(""),
                        text(payload, "error_message").orElse("")));
            default -> {
                // other events carry nothing a job needs
            }
        }
    }

    private static String nodeId(JsonObject p) {
        return text(p, "invocation_source_id").orElse("");
    }

    private static String nodeType(JsonObject p) {
        return p.get("invocation") instanceof JsonObject o ? text(o, "type").orElse("") : "";
    }

    @Override
    public void onConnected(boolean reconnected) {
        if (reconnected) {
            tracker.pollNow();
        }
    }

    static ProgressEvent progress(long itemId, JsonObject p) {
        String message = text(p, "message").orElse("");
        Optional<Double> percentage =
                p.get("percentage") instanceof JsonNumber n ? Optional.of(n.doubleValue()) : Optional.empty();
        Optional<Integer> step = Optional.empty();
        Optional<Integer> total = Optional.empty();
        Matcher m = STEP.matcher(message);
        JsonValue inv = p.get("invocation");
        if (m.find()) {
            step = Optional.of(Integer.parseInt(m.group(1)));
            total = Optional.of(Integer.parseInt(m.group(2)));
        } else if (percentage.isPresent() && inv instanceof JsonObject node) {
            // denoising reports "Denoising" and step/total as the percentage; the node's steps give the total
            Optional<Integer> steps = fullDenoiseSteps(node);
            if (steps.isPresent()) {
                total = steps;
                step = Optional.of((int) Math.round(percentage.get() * steps.get()));
            }
        }
        Optional<String> preview = p.get("image") instanceof JsonObject img ? text(img, "dataURL") : Optional.empty();
        String nodeType = inv instanceof JsonObject o ? text(o, "type").orElse("") : "";
        return new ProgressEvent(
                itemId,
                text(p, "invocation_source_id").orElse(""),
                nodeType,
                message,
                percentage,
                step,
                total,
                preview);
    }

    /** A node's {@code steps} input, when it denoises the whole schedule (start 0, end 1) so steps is the total. */
    static Optional<Integer> fullDenoiseSteps(JsonObject node) {
        if (!(node.get("steps") instanceof JsonNumber steps) || steps.intValue() < 1) {
            return Optional.empty();
        }
        double start = node.get("denoising_start") instanceof JsonNumber n ? n.doubleValue() : 0.0;
        double end = node.get("denoising_end") instanceof JsonNumber n ? n.doubleValue() : 1.0;
        return start == 0.0 && end == 1.0 ? Optional.of(steps.intValue()) : Optional.empty();
    }

    private static Optional<String> text(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }
}
