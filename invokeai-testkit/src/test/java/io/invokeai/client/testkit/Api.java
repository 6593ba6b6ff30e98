package io.invokeai.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.imageio.ImageIO;

/** Plain REST calls for the ITs, the way a plugin's own tests would talk to the server. */
final class Api {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Api(InvokeAIServer server) {
        this.base = server.baseUrl();
    }

    JsonValue call(String method, String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .method(
                        method,
                        jsonBody == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s %s: %s", method, path, response.body())
                .isBetween(200, 299);
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readValue();
        }
    }

    JsonValue get(String path) {
        return call("GET", path, null);
    }

    /** Creates a board and returns its id. */
    String createBoard(String name) {
        return call("POST", "/api/v1/boards/?board_name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), null)
                .asJsonObject()
                .getString("board_id");
    }

    /** Enqueues one run of a graph and returns the queue item id. */
    int enqueue(String graphJson) {
        JsonObject result = call(
                        "POST",
                        "/api/v1/queue/default/enqueue_batch",
                        "{\"batch\":{\"graph\":" + graphJson + ",\"runs\":1}}")
                .asJsonObject();
        assertThat(result.getInt("enqueued")).isEqualTo(1);
        return result.getJsonArray("item_ids").getInt(0);
    }

    /** Polls the queue item until it is terminal and returns it. */
    JsonObject awaitTerminal(int itemId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonObject item = get("/api/v1/queue/default/i/" + itemId).asJsonObject();
            String status = item.getString("status");
            if (status.equals("completed") || status.equals("failed") || status.equals("canceled")) {
                return item;
            }
            assertThat(System.nanoTime())
                    .as("queue item %d still %s", itemId, status)
                    .isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Runs a graph to completion; fails with InvokeAI's error and traceback otherwise. */
    JsonObject run(String graphJson) {
        JsonObject item = awaitTerminal(enqueue(graphJson), Duration.ofMinutes(2));
        assertThat(item.getString("status"))
                .as(
                        "%s: %s%n%s",
                        item.getString("error_type", ""),
                        item.getString("error_message", ""),
                        item.getString("error_traceback", ""))
                .isEqualTo("completed");
        return item;
    }

    /** The output of graph node {@code nodeId}: results are keyed by prepared ids, mapped from the source id. */
    static JsonObject result(JsonObject item, String nodeId) {
        JsonObject session = item.getJsonObject("session");
        String prepared = session.getJsonObject("source_prepared_mapping")
                .getJsonArray(nodeId)
                .getString(0);
        return session.getJsonObject("results").getJsonObject(prepared);
    }

    /** The name of the image a node produced. */
    static String imageName(JsonObject item, String nodeId) {
        JsonObject output = result(item, nodeId);
        assertThat(output.getString("type")).isEqualTo("image_output");
        return output.getJsonObject("image").getString("image_name");
    }

    /** Downloads and decodes the full image. */
    BufferedImage image(String imageName) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/images/i/" + imageName + "/full"))
                .timeout(TIMEOUT)
                .build();
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
            assertThat(image).as("decodable image %s", imageName).isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
