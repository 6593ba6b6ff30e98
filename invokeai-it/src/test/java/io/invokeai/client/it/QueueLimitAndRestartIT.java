package io.invokeai.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.JobStatus;
import io.invokeai.client.QueueItem;
import io.invokeai.client.RunReport;
import io.invokeai.client.Subscription;
import io.invokeai.client.Sweep;
import io.invokeai.client.SweepResult;
import io.invokeai.client.SweepRun;
import io.invokeai.client.testkit.ManagedInvokeAIServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a dedicated server with a tiny queue limit ({@code max_queue_size=5}): a sweep reports what the limit dropped,
 * a resumable run sends the rest as the queue drains, and a resumable run survives the server being stopped and
 * started again on the same root.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueueLimitAndRestartIT {
    private static final int LIMIT = 5;

    @TempDir
    static Path root;

    static ManagedInvokeAIServer server;

    @BeforeAll
    static void start() {
        server = ManagedInvokeAIServer.builder()
                .rootDir(root.resolve("invokeai"))
                .setting("max_queue_size", Integer.toString(LIMIT))
                .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static Sweep sweep(InvokeAIClient client, int widths) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < widths; i++) {
            values.add(16 + 8 * i);
        }
        return client.workflowFromJson(Resources.text("workflows/sweep-blank.json"))
                .sweep()
                .vary("Width", values)
                .vary("Blur Radius", 0.5, 1.0);
    }

    @Test
    @Order(1)
    void aSweepBeyondTheQueueLimitSaysHowManyItemsWereDropped() {
        try (InvokeAIClient client =
                InvokeAIClient.builder().baseUrl(server.baseUrl()).build()) {
            SweepRun run = sweep(client, 4).submit();

            assertThat(run.requested()).isEqualTo(8);
            assertThat(run.enqueued()).isEqualTo(LIMIT);
            assertThat(run.dropped()).isEqualTo(3);
            List<SweepResult> results = new ArrayList<>();
            try (Subscription<SweepResult> stream = run.results()) {
                stream.forEachRemaining(results::add);
            }
            assertThat(results).hasSize(LIMIT).allMatch(SweepResult::succeeded);
            assertThat(results)
                    .extracting(SweepResult::index)
                    .as("the server keeps the first items in order")
                    .containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L);
            assertThat(run.await(Duration.ofSeconds(5)).dropped()).isEqualTo(3);
        }
    }

    @Test
    @Order(2)
    void aResumableRunSendsWhatTheLimitDroppedAsTheQueueDrains(@TempDir Path out) {
        try (InvokeAIClient client =
                InvokeAIClient.builder().baseUrl(server.baseUrl()).build()) {
            RunReport report = sweep(client, 4).resumable(out).run(Duration.ofMinutes(3));

            assertThat(report.isComplete()).isTrue();
            assertThat(report.completed()).isEqualTo(8);
            assertThat(report.enqueued()).isEqualTo(8);
            assertThat(pngs(out)).hasSize(8);
        }
    }

    @Test
    @Order(3)
    void aResumableRunSurvivesTheServerStoppingAndStartingAgain(@TempDir Path out) throws Exception {
        int widths = 6;
        CompletableFuture<Void> twoSaved = new CompletableFuture<>();
        List<Long> saved = new ArrayList<>();
        InvokeAIClient first =
                InvokeAIClient.builder().baseUrl(server.baseUrl()).build();
        CompletableFuture<RunReport> firstRun = CompletableFuture.supplyAsync(() -> sweep(first, widths)
                .resumable(out)
                .onResult(r -> {
                    synchronized (saved) {
                        saved.add(r.index());
                        if (saved.size() >= 2) {
                            twoSaved.complete(null);
                        }
                    }
                })
                .run(Duration.ofMinutes(3)));
        twoSaved.get(3, TimeUnit.MINUTES);

        server.stop(); // the server goes away mid-run
        first.close(); // and so does that client, its run ends unfinished
        assertThat(firstRun).failsWithin(Duration.ofMinutes(1));
        // the testkit reads the port from the log in the root; keep the first server's log out of its way
        Path log = root.resolve("invokeai").resolve(ManagedInvokeAIServer.LOG_FILE_NAME);
        Files.move(log, log.resolveSibling("before-restart.log"));
        server = ManagedInvokeAIServer.builder()
                .rootDir(root.resolve("invokeai"))
                .start();

        RunReport report;
        try (InvokeAIClient client =
                InvokeAIClient.builder().baseUrl(server.baseUrl()).build()) {
            report = sweep(client, widths).resumable(out).run(Duration.ofMinutes(3));
        }
        System.out.println("after the restart: " + report);
        assertThat(report.isComplete()).isTrue();
        assertThat(report.alreadyDone()).isGreaterThanOrEqualTo(2);
        assertThat(pngs(out)).hasSize(widths * 2);

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
            System.out.println("the run's items on the server: " + byStatus);
            assertThat(byStatus.get(JobStatus.COMPLETED))
                    .as("each point completed exactly once on the server")
                    .isEqualTo(widths * 2L);
        }
        List<Long> indices = Files.readAllLines(out.resolve("manifest.jsonl")).stream()
                .map(l -> Json.createReader(new StringReader(l)).readObject())
                .filter(o -> o.getString("type").equals("done"))
                .map(o -> o.getJsonNumber("index").longValue())
                .sorted(Comparator.naturalOrder())
                .toList();
        assertThat(indices).doesNotHaveDuplicates().hasSize(widths * 2);
    }

    private static List<String> pngs(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".png"))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static JsonObject parse(String line) {
        return Json.createReader(new StringReader(line)).readObject();
    }
}
