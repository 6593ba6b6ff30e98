package io.invokeai.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.JobStatus;
import io.invokeai.client.QueueItem;
import io.invokeai.client.RunReport;
import io.invokeai.client.testkit.InvokeAIServer;
import io.invokeai.client.testkit.InvokeAITest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resumable run survives the client being killed: the test runs the client in a child JVM, kills it (SIGKILL)
 * after a few items are saved, and runs the same sweep again. Every output then exists exactly once, and no item
 * ran twice on the server.
 */
@InvokeAITest
class ResumableRunIT {
    private static final int WIDTHS = 8;
    private static final int ITEMS = WIDTHS * 3;

    @BeforeEach
    void clean(InvokeAIServer server) {
        server.cleanState();
    }

    @Test
    void killTheClientMidRunThenRunAgainAndEveryOutputExistsExactlyOnce(InvokeAIServer server, @TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("run");
        Process child = new ProcessBuilder(
                        javaExecutable(),
                        "-cp",
                        testClassPath(),
                        ResumableRunMain.class.getName(),
                        server.baseUrl().toString(),
                        out.toString(),
                        Integer.toString(WIDTHS))
                .redirectErrorStream(true)
                .start();
        List<String> saved = new ArrayList<>();
        CompletableFuture<Void> threeSaved = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("saved ")) {
                        synchronized (saved) {
                            saved.add(line);
                            if (saved.size() >= 3) {
                                threeSaved.complete(null);
                            }
                        }
                    } else if (!line.contains("DEBUG")) {
                        System.out.println("[child] " + line);
                    }
                }
            } catch (Exception e) {
                // the child was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            threeSaved.get(3, TimeUnit.MINUTES);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            child.waitFor(30, TimeUnit.SECONDS);
        }
        int doneBeforeKill = doneLines(out).size();
        System.out.println("killed the client after " + doneBeforeKill + " of " + ITEMS + " items were saved");
        assertThat(doneBeforeKill).isBetween(3, ITEMS - 1);

        RunReport report;
        try (InvokeAIClient client =
                InvokeAIClient.builder().baseUrl(server.baseUrl()).build()) {
            report = ResumableRunMain.sweep(client, WIDTHS).resumable(out).run(Duration.ofMinutes(5));
        }
        System.out.println(report);

        assertThat(report.isComplete()).isTrue();
        assertThat(report.alreadyDone()).isEqualTo(doneBeforeKill);
        assertThat(report.completed()).isEqualTo(ITEMS - doneBeforeKill);
        assertThat(report.recovered() + report.reattached())
                .as("items left on the server by the killed client are picked up, not sent again")
                .isEqualTo(ITEMS - doneBeforeKill);
        assertThat(report.enqueued()).isZero();

        // every output exactly once, with the right content, and nothing else in the directory
        List<JsonObject> done = doneLines(out);
        assertThat(done).hasSize(ITEMS);
        Set<Long> indices =
                done.stream().map(d -> d.getJsonNumber("index").longValue()).collect(Collectors.toSet());
        assertThat(indices).hasSize(ITEMS);
        Set<String> images = new HashSet<>();
        try (Stream<Path> files = Files.list(out)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".png"))
                    .forEach(images::add);
        }
        assertThat(images).hasSize(ITEMS);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no partial downloads left")
                    .allMatch(n -> n.endsWith(".png") || n.equals("manifest.jsonl") || n.equals(".manifest.lock"));
        }
        for (JsonObject d : done) {
            String file = d.getJsonArray("files").getString(0);
            long index = d.getJsonNumber("index").longValue();
            assertThat(file).isEqualTo(String.format("item-%06d.png", index));
            BufferedImage image = ImageIO.read(out.resolve(file).toFile());
            int width = d.getJsonObject("inputs").getInt("Width");
            assertThat(width).isEqualTo(16 + 8 * (int) (index / 3));
            assertThat(image.getWidth()).isEqualTo(width);
        }

        // on the server: each point ran once
        Set<String> batches = Files.readAllLines(out.resolve("manifest.jsonl")).stream()
                .map(l -> Json.createReader(new StringReader(l)).readObject())
                .filter(o -> o.getString("type").equals("submit"))
                .map(o -> o.getString("batch_id"))
                .collect(Collectors.toSet());
        try (InvokeAIClient client =
                InvokeAIClient.builder().baseUrl(server.baseUrl()).build()) {
            Map<JobStatus, Long> byStatus = client.queue().items().stream()
                    .filter(i -> batches.contains(i.batchId()))
                    .collect(Collectors.groupingBy(QueueItem::status, Collectors.counting()));
            assertThat(byStatus).isEqualTo(Map.of(JobStatus.COMPLETED, (long) ITEMS));
        }

        // and a third run finds everything done
        try (InvokeAIClient client =
                InvokeAIClient.builder().baseUrl(server.baseUrl()).build()) {
            RunReport again =
                    ResumableRunMain.sweep(client, WIDTHS).resumable(out).run(Duration.ofMinutes(1));
            assertThat(again.alreadyDone()).isEqualTo(ITEMS);
            assertThat(again.enqueued()).isZero();
        }
    }

    private static List<JsonObject> doneLines(Path dir) throws Exception {
        Path manifest = dir.resolve("manifest.jsonl");
        if (!Files.exists(manifest)) {
            return List.of();
        }
        List<JsonObject> done = new ArrayList<>();
        for (String line : Files.readAllLines(manifest)) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject o;
            try {
                o = Json.createReader(new StringReader(line)).readObject();
            } catch (RuntimeException e) {
                continue; // the line the killed client was writing
            }
            if (o.getString("type").equals("done")) {
                done.add(o);
            }
        }
        return done;
    }

    private static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Failsafe runs the tests from a manifest-only jar; it names the real class path in a property. */
    private static String testClassPath() {
        String path = System.getProperty("surefire.test.class.path");
        return path != null && !path.isBlank() ? path : System.getProperty("java.class.path");
    }
}
