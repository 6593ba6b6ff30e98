package io.invokeai.client.examples;

import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.InvokeAIImage;
import io.invokeai.client.JobResult;
import io.invokeai.client.testkit.InvokeAIServer;
import io.invokeai.client.testkit.ManagedInvokeAIServer;
import io.invokeai.client.testkit.TinyModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The main job: a real GUI-exported workflow ({@code sdxl-text-to-image.json}) on a real InvokeAI. By default it
 * starts a managed local server with a tiny SDXL model; {@code --url} points it at your own server instead.
 *
 * <pre>
 * --url URL        use a running server (default: start a managed one)
 * --model NAME     the SDXL model to use (default: the tiny test model, installed on the managed server)
 * --prompt TEXT    the positive prompt
 * --size N         width and height in pixels (default 64)
 * --steps N        denoising steps (default 4)
 * --out DIR        where the image is saved (default: output)
 * </pre>
 */
public final class MainJob {
    private MainJob() {}

    public static void main(String[] args) {
        Map<String, String> opts = Args.parse(args);
        long started = System.nanoTime();
        Path out = Path.of(opts.getOrDefault("out", "output"));
        String url = opts.get("url");
        try (ManagedInvokeAIServer managed =
                url == null ? ManagedInvokeAIServer.builder().start() : null) {
            InvokeAIServer server = managed != null ? managed : InvokeAIServer.remote(URI.create(url));
            String model = opts.get("model");
            if (model == null) {
                model = server.tinyModels().install(TinyModel.SDXL).name();
            }
            Path saved = run(server.baseUrl(), model, opts, out);
            System.out.printf("Saved %s (%.1f s in all)%n", saved, (System.nanoTime() - started) / 1e9);
        }
    }

    /** Loads the workflow, sets its inputs by the names the GUI shows, runs it and saves the image. */
    static Path run(URI baseUrl, String model, Map<String, String> opts, Path out) {
        int size = Integer.parseInt(opts.getOrDefault("size", "64"));
        try (var client = InvokeAIClient.builder().baseUrl(baseUrl).build()) {
            System.out.println("InvokeAI " + client.version() + " at " + baseUrl);
            ClientWorkflow workflow = client.workflowFromJson(resource("sdxl-text-to-image.json"));
            workflow.set("Model", model)
                    .set("positive prompt", opts.getOrDefault("prompt", "a lighthouse on a cliff at dusk"))
                    .set("negative prompt", "blurry")
                    .set("Width", size)
                    .set("Height", size)
                    .set("Steps", Integer.parseInt(opts.getOrDefault("steps", "4")))
                    .set("Scheduler", "euler");
            System.out.println(workflow.describeInputs());
            var job = workflow.submit();
            job.onProgress(p ->
                    p.percentage().ifPresent(pct -> System.out.printf("  %s %3.0f%%%n", p.nodeType(), pct * 100)));
            JobResult result = job.await(Duration.ofMinutes(10));
            InvokeAIImage image = result.images().get(0);
            Path saved = image.saveTo(out);
            var decoded = image.toBufferedImage();
            System.out.printf(
                    "Queue item %d completed: %s, %dx%d%n",
                    result.itemId(), image.imageName(), decoded.getWidth(), decoded.getHeight());
            return saved;
        }
    }

    private static String resource(String name) {
        try (InputStream in = MainJob.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
