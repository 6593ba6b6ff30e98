package io.invokeai.client.core.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One logical request. Whether it may be repeated is data on the call, decided per operation (a read-only POST is
 * idempotent; an enqueue or upload is not), never by the HTTP method alone.
 *
 * @param path relative to the base URL, without a leading slash, e.g. {@code api/v1/boards/}
 * @param query already-decoded query parameters, in order; keys may repeat
 */
public record HttpCall(
        String method, String path, List<Param> query, Optional<Body> body, boolean idempotent, int maxResponseBytes) {

    /** Responses larger than this fail; images and the schema need more than Jetty's 2 MiB default. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = List.copyOf(query);
        Objects.requireNonNull(body, "body");
    }

    public static HttpCall get(String path) {
        return new HttpCall("GET", path, List.of(), Optional.empty(), true, DEFAULT_MAX_RESPONSE_BYTES);
    }

    public static HttpCall delete(String path) {
        return new HttpCall("DELETE", path, List.of(), Optional.empty(), true, DEFAULT_MAX_RESPONSE_BYTES);
    }

    /** A PUT that reaches the same end state when repeated (cancel, pause, clear). */
    public static HttpCall put(String path) {
        return new HttpCall("PUT", path, List.of(), Optional.empty(), true, DEFAULT_MAX_RESPONSE_BYTES);
    }

    /** A POST that creates something: never repeated once it may have reached the server. */
    public static HttpCall post(String path, Body body) {
        return new HttpCall("POST", path, List.of(), Optional.of(body), false, DEFAULT_MAX_RESPONSE_BYTES);
    }

    public static HttpCall patch(String path, Body body) {
        return new HttpCall("PATCH", path, List.of(), Optional.of(body), true, DEFAULT_MAX_RESPONSE_BYTES);
    }

    public HttpCall withQuery(String key, Object value) {
        if (value == null) {
            return this;
        }
        var q = new ArrayList<>(query);
        q.add(new Param(key, String.valueOf(value)));
        return new HttpCall(method, path, q, body, idempotent, maxResponseBytes);
    }

    public HttpCall withBody(Body newBody) {
        return new HttpCall(method, path, query, Optional.of(newBody), idempotent, maxResponseBytes);
    }

    /** Marks a read-only POST (e.g. {@code items_by_ids}) as safe to repeat. */
    public HttpCall asIdempotent() {
        return new HttpCall(method, path, query, body, true, maxResponseBytes);
    }

    public record Param(String key, String value) {}

    /** A request body; bytes are kept so that a retry can resend them. */
    public sealed interface Body {
        record Json(String json) implements Body {}

        record Multipart(String partName, String fileName, String contentType, byte[] bytes) implements Body {}
    }
}
