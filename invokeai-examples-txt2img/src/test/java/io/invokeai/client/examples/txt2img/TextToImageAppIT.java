package io.invokeai.client.examples.txt2img;

import static org.assertj.core.api.Assertions.assertThat;

import io.invokeai.client.testkit.InvokeAIServer;
import io.invokeai.client.testkit.InvokeAITest;
import io.invokeai.client.testkit.TinyModel;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Launches the application as a user would: its jar and its runtime dependencies (the text-to-image task module, the
 * core and the field types, nothing of the other task modules) in a JVM of its own, against a managed server with
 * the tiny SD1 model.
 */
@InvokeAITest
class TextToImageAppIT {
    static final String MAIN_CLASS = "io.invokeai.client.examples.txt2img.TextToImageApp";
    static InvokeAIServer server;
    static List<String> runtime;

    @BeforeAll
    static void setUp(InvokeAIServer s) throws Exception {
        server = s;
        server.tinyModels().install(TinyModel.SD1);
        runtime = new ArrayList<>();
        runtime.add(System.getProperty("app.jar"));
        String dependencies = Files.readString(Path.of(System.getProperty("app.module.path.file")))
                .strip();
        runtime.addAll(List.of(dependencies.split(File.pathSeparator)));
    }

    @Test
    void theRuntimeHasTheTextToImageModuleAndNoOtherTaskModule() {
        assertThat(runtime).anyMatch(p -> p.contains("invokeai-tasks-txt2img"));
        assertThat(runtime).anyMatch(p -> p.contains("invokeai-core")).anyMatch(p -> p.contains("invokeai-types"));
        assertThat(runtime)
                .noneMatch(p -> p.contains("invokeai-tasks-controlnet") || p.contains("invokeai-tasks-ipadapter"));
    }

    @Test
    void itRunsOnTheClassPath(@TempDir Path out) throws Exception {
        Map<String, String> lines = run(out, "-cp", String.join(File.pathSeparator, runtime), MAIN_CLASS);
        assertThat(lines.get("task modules")).isEmpty(); // no named modules on the class path
        assertGenerated(lines, out);
    }

    @Test
    void itRunsOnTheModulePath(@TempDir Path out) throws Exception {
        Map<String, String> lines = run(
                out,
                "--module-path",
                String.join(File.pathSeparator, runtime),
                "-m",
                "io.invokeai.client.examples.txt2img/" + MAIN_CLASS);
        assertThat(lines.get("task modules")).isEqualTo("io.invokeai.client.tasks.txt2img");
        assertGenerated(lines, out);
    }

    static void assertGenerated(Map<String, String> lines, Path out) throws Exception {
        assertThat(lines.get("other task classes")).isEqualTo("[]");
        assertThat(lines.get("recipes")).isEqualTo("image-to-image, text-to-image");
        assertThat(lines.get("seed")).matches("\\d+");
        String image = lines.get("image");
        assertThat(image).endsWith(" 64x80");
        Path saved = Path.of(image.substring(0, image.lastIndexOf(' ')));
        assertThat(saved.getParent()).isEqualTo(out.toAbsolutePath());
        assertThat(ImageIO.read(saved.toFile()).getHeight()).isEqualTo(80);
    }

    /** Runs the application; returns its {@code key: value} lines. */
    static Map<String, String> run(Path out, String... launch) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(launch));
        command.addAll(List.of(
                server.baseUrl().toString(),
                out.toString(),
                TinyModel.SD1.modelName(),
                "a lighthouse at dusk",
                "64",
                "80",
                "3"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as(output).isZero();
        Map<String, String> lines = new LinkedHashMap<>();
        output.lines().filter(l -> l.contains(": ")).forEach(l -> {
            int colon = l.indexOf(": ");
            lines.putIfAbsent(l.substring(0, colon), l.substring(colon + 2));
        });
        return lines;
    }
}
