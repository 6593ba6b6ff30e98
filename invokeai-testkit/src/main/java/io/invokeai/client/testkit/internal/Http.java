package io.invokeai.client.testkit.internal;

import io.invokeai.client.testkit.InvokeAIServerException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The few JSON calls the testkit makes; the JDK client keeps the testkit free of our own client modules. */
public final class Http {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client;
    private final URI base;

    public Http(URI base) {
        this.base = base;
        // uvicorn speaks HTTP/1.1 only; skip the h2c upgrade attempt
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    public URI base() {
        return base;
    }

    /** A non-2xx answer, with the status for callers that treat some statuses (e.g. 409) as normal. */
    public static final class StatusException extends InvokeAIServerException {
        private final int status;

        StatusException(String method, URI uri, int status, String body) {
            super(method + " " + uri + " answered " + status + ": " + abbreviate(body));
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public JsonValue get(String pathAndQuery, Duration timeout) {
        return send("GET", pathAndQuery, null, timeout);
    }

    public JsonValue send(String method, String pathAndQuery, JsonValue body, Duration timeout) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(pathAndQuery))
                .timeout(timeout)
                .header("Accept", "application/json")
                .method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = exchange(request.build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        if (text == null || text.isBlank()) {
            return JsonValue.NULL;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            throw new InvokeAIServerException(
                    method + " " + request.build().uri() + " did not answer JSON: " + abbreviate(text), e);
        }
    }

    public JsonObject getObject(String pathAndQuery, Duration timeout) {
        return get(pathAndQuery, timeout).asJsonObject();
    }

    public byte[] getBytes(String pathAndQuery, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(resolve(pathAndQuery))
                .timeout(timeout)
                .GET()
                .build();
        return exchange(request, HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        HttpResponse<T> response;
        try {
            response = client.send(request, handler);
        } catch (IOException e) {
            throw new InvokeAIServerException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvokeAIServerException(request.method() + " " + request.uri() + " interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            Object body = response.body();
            String text =
                    body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
            throw new StatusException(request.method(), request.uri(), response.statusCode(), text);
        }
        return response;
    }

    private URI resolve(String pathAndQuery) {
        String path = pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery;
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        return URI.create(root + path);
    }

    /** Encodes one query parameter value. */
    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "…";
    }
}
