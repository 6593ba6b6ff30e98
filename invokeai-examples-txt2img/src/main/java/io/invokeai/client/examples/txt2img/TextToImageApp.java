package io.invokeai.client.examples.txt2img;

import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.spi.TaskRecipe;
import io.invokeai.client.tasks.txt2img.GenerationResult;
import io.invokeai.client.tasks.txt2img.TextToImage;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Generates one image with the {@code text-to-image} recipe and saves it.
 *
 * <pre>
 * java --module-path &lt;jars&gt; -m io.invokeai.client.examples.txt2img/io.invokeai.client.examples.txt2img.TextToImageApp \
 *     http://127.0.0.1:9090 out stable-diffusion-v1-5 "a lighthouse at dusk" [width height steps]
 * </pre>
 *
 * <p>It prints what it found and did, one {@code key: value} per line: the task modules in its module layer (on the
 * module path), which classes of the other task modules it can load (none), the recipes, the seed and the saved
 * image. It runs on the class path too ({@code java -cp <jars> io.invokeai.client.examples.txt2img.TextToImageApp}).
 */
public final class TextToImageApp {
    private TextToImageApp() {}

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, TextToImageApp.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: TextToImageApp <server url> <output dir> <model> <prompt> [width height steps]");
            System.exit(2);
        }
        int width = args.length > 4 ? Integer.parseInt(args[4]) : 512;
        int height = args.length > 5 ? Integer.parseInt(args[5]) : 512;
        int steps = args.length > 6 ? Integer.parseInt(args[6]) : 30;

        System.out.println("task modules: "
                + ModuleLayer.boot().modules().stream()
                        .map(Module::getName)
                        .filter(name -> name.startsWith("io.invokeai.client.tasks."))
                        .sorted()
                        .collect(Collectors.joining(", ")));
        System.out.println("other task classes: "
                + Stream.of(
                                "io.invokeai.client.tasks.controlnet.ControlNet",
                                "io.invokeai.client.tasks.ipadapter.IpAdapter")
                        .filter(TextToImageApp::loadable)
                        .collect(Collectors.joining(", ", "[", "]")));
        try (InvokeAIClient client = InvokeAIClient.builder().baseUrl(args[0]).build()) {
            System.out.println("recipes: "
                    + client.tasks().list().stream().map(TaskRecipe::name).collect(Collectors.joining(", ")));
            GenerationResult result = GenerationResult.of(client.tasks()
                    .task(TextToImage.RECIPE)
                    .set(TextToImage.MODEL, args[2])
                    .set(TextToImage.PROMPT, args[3])
                    .set(TextToImage.WIDTH, width)
                    .set(TextToImage.HEIGHT, height)
                    .set(TextToImage.STEPS, steps)
                    .submit()
                    .await(Duration.ofMinutes(10)));
            Path saved = result.image().saveTo(Path.of(args[1]));
            BufferedImage image = result.image().toBufferedImage();
            System.out.println("seed: " + result.seed());
            System.out.println("image: " + saved.toAbsolutePath() + " " + image.getWidth() + "x" + image.getHeight());
        }
    }
}
