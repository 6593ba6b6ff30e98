package io.invokeai.client.benchmarks;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The floor the client is measured against: the least a program can do to run one job over raw HTTP. Enqueue a
 * prepared body, poll the item's summary at a short interval until it is terminal, read the full item once for the
 * output's name, download the image. No retries, no checks beyond the status, no events.
 */
final class RawHttpLoop {
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;
    private final Duration poll;
    private final String outputNode;

    /**
     * @param outputNode the workflow node whose image is the job's output
     */
    RawHttpLoop(URI baseUrl, Duration poll, String outputNode) {
        String b = baseUrl.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.poll = poll;
        this.outputNode = outputNode;
    }

    /** Runs one job from its enqueue body; returns the output PNG. */
    byte[] run(String enqueueBody) throws IOException, InterruptedException {
        JsonObject enqueued = json(send(HttpRequest.newBuilder(api("api/v1/queue/default/enqueue_batch"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(enqueueBody))));
        long item = enqueued.getJsonArray("item_ids").getJsonNumber(0).longValue();
        String ids = "{\"item_ids\":[" + item + "]}";
        while (true) {
            JsonObject summary = Json.createReader(new StringReader(
                            send(HttpRequest.newBuilder(api("api/v1/queue/default/item_summaries_by_ids"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(ids)))))
                    .readArray()
                    .getJsonObject(0);
            String status = summary.getString("status");
            if (status.equals("completed")) {
                break;
            }
            if (status.equals("failed") || status.equals("canceled")) {
                throw new IOException("item " + item + " " + status);
            }
            Thread.sleep(poll.toMillis());
        }
        JsonObject full = json(send(HttpRequest.newBuilder(api("api/v1/queue/default/i/" + item))));
        JsonObject session = full.getJsonObject("session");
        String prepared = session.getJsonObject("source_prepared_mapping")
                .getJsonArray(outputNode)
                .getString(0);
        String image = session.getJsonObject("results")
                .getJsonObject(prepared)
                .getJsonObject("image")
                .getString("image_name");
        HttpResponse<byte[]> png = http.send(
                HttpRequest.newBuilder(api("api/v1/images/i/" + image + "/full"))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (png.statusCode() != 200) {
            throw new IOException("GET image " + image + ": HTTP " + png.statusCode());
        }
        return png.body();
    }

    private URI api(String path) {
        return base.resolve(path);
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(response.request().method() + " "
                    + response.request().uri().getPath() + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue v = reader.readValue();
            return v.asJsonObject();
        }
    }
}
