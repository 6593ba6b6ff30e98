package io.invokeai.client.testkit;

import io.invokeai.client.testkit.internal.Http;
import io.invokeai.client.testkit.internal.Log;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;

/** {@link InvokeAIServer#cleanState()} over REST, shared by the managed and the remote server. */
final class ServerState {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private ServerState() {}

    static void clean(Http http) {
        long started = System.nanoTime();
        // clear cancels the running items first, then deletes every queue item
        http.send("PUT", "api/v1/queue/default/clear", null, CALL_TIMEOUT);
        awaitIdle(http);
        for (JsonObject board : http.get("api/v1/boards/?all=true&include_archived=true", CALL_TIMEOUT)
                .asJsonArray()
                .getValuesAs(JsonObject.class)) {
            http.send(
                    "DELETE",
                    "api/v1/boards/" + Http.query(board.getString("board_id")) + "?include_images=true",
                    null,
                    CALL_TIMEOUT);
        }
        // images on no board, of every category, intermediate or not
        http.send("DELETE", "api/v1/images/uncategorized", null, CALL_TIMEOUT);
        http.send("DELETE", "api/v1/images/intermediates", null, CALL_TIMEOUT);
        // cached node outputs may name images that are gone now
        http.send("DELETE", "api/v1/app/invocation_cache", null, CALL_TIMEOUT);
        Log.debug(() -> "cleaned server state in " + Log.seconds(System.nanoTime() - started));
    }

    /** A cancelled item may still be finishing its current node; wait so it cannot save an image after the cleanup. */
    private static void awaitIdle(Http http) {
        long deadline = System.nanoTime() + IDLE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonValue processor =
                    http.getObject("api/v1/queue/default/status", CALL_TIMEOUT).get("processor");
            if (processor == null
                    || processor.getValueType() != JsonValue.ValueType.OBJECT
                    || !processor.asJsonObject().getBoolean("is_processing", false)) {
                return;
            }
            TinyModels.sleep(100);
        }
        throw new InvokeAIServerException(
                "the queue processor was still busy " + IDLE_TIMEOUT + " after clearing the queue");
    }
}
