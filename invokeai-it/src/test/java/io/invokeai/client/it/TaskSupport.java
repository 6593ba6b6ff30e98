package io.invokeai.client.it;

import io.invokeai.client.tasks.txt2img.GenerationResult;
import io.invokeai.client.testkit.InvokeAIServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Shared helpers of the task recipe ITs. */
final class TaskSupport {
    private TaskSupport() {}

    /** A colour gradient, so image-to-image has structure to keep. */
    static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, new Color(x * 255 / width, y * 255 / height, 128).getRGB());
            }
        }
        return image;
    }

    /** A white square on black: clear edges for the canny preprocessor. */
    static BufferedImage square(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = size / 4; y < size * 3 / 4; y++) {
            for (int x = size / 4; x < size * 3 / 4; x++) {
                image.setRGB(x, y, Color.WHITE.getRGB());
            }
        }
        return image;
    }

    static int[] pixels(GenerationResult result) {
        return pixels(result.image().toBufferedImage());
    }

    /** Whether two images have the same pixels (a boolean, so a failure does not print every pixel). */
    static boolean same(int[] a, int[] b) {
        return java.util.Arrays.equals(a, b);
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /**
     * Empties InvokeAI's invocation cache (an admin endpoint the client library does not wrap), so that a repeated
     * run computes its image again instead of reusing cached latents.
     */
    static void clearInvocationCache(InvokeAIServer server) throws Exception {
        String base = server.baseUrl().toString();
        URI uri = URI.create((base.endsWith("/") ? base : base + "/") + "api/v1/app/invocation_cache");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(30))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "clearing the invocation cache: HTTP " + response.statusCode() + " " + response.body());
        }
    }
}
