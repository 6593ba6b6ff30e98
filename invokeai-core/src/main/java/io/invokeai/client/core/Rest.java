package io.invokeai.client.core;

import io.invokeai.client.core.http.HttpCall;
import io.invokeai.client.core.http.HttpResult;
import io.invokeai.client.core.http.ResilientTransport;
import io.invokeai.client.core.http.WireJson;
import jakarta.json.JsonValue;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;

/** Typed calls over the resilient transport: bind the body with JSON-B, parse it with JSON-P, or drop it. */
final class Rest {
    private final ResilientTransport transport;

    Rest(ResilientTransport transport) {
        this.transport = transport;
    }

    CompletableFuture<HttpResult> send(HttpCall call) {
        return transport.execute(call);
    }

    <T> CompletableFuture<T> bind(HttpCall call, Class<T> type) {
        return transport.execute(call).thenApply(r -> WireJson.bind(r.body(), type));
    }

    <T> CompletableFuture<T> bind(HttpCall call, Type type) {
        return transport.execute(call).thenApply(r -> WireJson.<T>bind(r.body(), type));
    }

    CompletableFuture<JsonValue> json(HttpCall call) {
        return transport.execute(call).thenApply(r -> r.body().length == 0 ? JsonValue.NULL : WireJson.parse(r.body()));
    }

    CompletableFuture<Void> discard(HttpCall call) {
        return transport.execute(call).thenApply(r -> null);
    }

    CompletableFuture<byte[]> bytes(HttpCall call) {
        return transport.execute(call).thenApply(HttpResult::body);
    }
}
