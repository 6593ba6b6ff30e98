package io.invokeai.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.ConsoleProgressBar;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.Job;
import io.invokeai.client.JobEvent;
import io.invokeai.client.JobResult;
import io.invokeai.client.JobStatus;
import io.invokeai.client.ProgressEvent;
import io.invokeai.client.QueueItem;
import io.invokeai.client.Subscription;
import io.invokeai.client.testkit.InvokeAIServer;
import io.invokeai.client.testkit.InvokeAITest;
import io.invokeai.client.testkit.TinyModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Live events of a job on a real server: progress steps, node events, and completion without the event stream. */
@InvokeAITest
class JobEventsIT {
    private static final int STEPS = 6;

    @BeforeAll
    static void models(InvokeAIServer server) {
        server.tinyModels().install(TinyModel.SDXL);
    }

    @BeforeEach
    void clean(InvokeAIServer server) {
        server.cleanState();
    }

    private static ClientWorkflow sdxl(InvokeAIClient client, int steps) {
        return client.workflowFromJson(Resources.text("workflows/sdxl-text-to-image.json"))
                .set("Model", TinyModel.SDXL.modelName())
                .set("positive prompt", "a red cube")
                .set("negative prompt", "")
                .set("Width", 64)
                .set("Height", 64)
                .set("Steps", steps)
                .set("Scheduler", "euler");
    }

    @Test
    void progressStepsOfATinySdxlJobRiseToTheTotal(InvokeAIServer server) {
        try (InvokeAIClient client =
                InvokeAIClient.builder().baseUrl(server.baseUrl()).build()) {
            List<JobEvent> events = new CopyOnWriteArrayList<>();
            ByteArrayOutputStream barOutput = new ByteArrayOutputStream();
            Job job;
            List<ProgressEvent> streamed = new ArrayList<>();
            try (ConsoleProgressBar bar =
                    ConsoleProgressBar.create(new PrintStream(barOutput, true, StandardCharsets.UTF_8), true)) {
                job = sdxl(client, STEPS).submit().onEvent(events::add).onEvent(bar);
                try (Subscription<ProgressEvent> progress = job.progress()) {
                    progress.forEachRemaining(streamed::add); // ends when the job does
                }
                JobResult result = job.await(Duration.ofMinutes(3));
                assertThat(result.images()).hasSize(1);
            }

            List<ProgressEvent> denoising = events.stream()
                    .filter(ProgressEvent.class::isInstance)
                    .map(ProgressEvent.class::cast)
                    .filter(p -> p.nodeType().equals("denoise_latents"))
                    .filter(p -> p.step().isPresent()) // not the model-loading messages
                    .toList();
            List<Integer> steps =
                    denoising.stream().map(p -> p.step().orElseThrow()).toList();
            System.out.println("denoising steps seen: " + steps);
            assertThat(denoising).allSatisfy(p -> {
                assertThat(p.itemId()).isEqualTo(job.itemId());
                assertThat(p.totalSteps()).contains(STEPS);
                assertThat(p.nodeId()).startsWith("denoise_latents");
            });
            assertThat(steps).isSorted().last().isEqualTo(STEPS);
            assertThat(steps)
                    .as("one per step, and the start")
                    .containsSequence(0, 1)
                    .contains(STEPS);
            assertThat(denoising)
                    .anySatisfy(p -> assertThat(p.previewDataUrl())
                            .hasValueSatisfying(url -> assertThat(url).startsWith("data:image/")));

            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(JobEvent.NodeStarted.class));
            assertThat(events)
                    .anySatisfy(e -> assertThat(e)
                            .isEqualTo(new JobEvent.NodeCompleted(
                                    job.itemId(), "canvas_output:JbPTiAJ26r", "l2i", "image_output")));
            assertThat(events.get(events.size() - 1))
                    .isEqualTo(new JobEvent.StatusChanged(job.itemId(), JobStatus.COMPLETED));
            assertThat(streamed)
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(p.itemId()).isEqualTo(job.itemId()));
            String bar = barOutput.toString(StandardCharsets.UTF_8);
            assertThat(bar).contains("Denoising").contains("100%");
        }
    }

    @Test
    void withTheEventConnectionBlockedTheJobCompletesThroughPolling(InvokeAIServer server) throws Exception {
        Duration poll = Duration.ofMillis(500);
        try (EventBlockingProxy proxy = new EventBlockingProxy(server.baseUrl());
                InvokeAIClient client = InvokeAIClient.builder()
                        .baseUrl(proxy.uri())
                        .pollInterval(poll)
                        .build()) {
            List<JobEvent> events = new CopyOnWriteArrayList<>();
            Job job = sdxl(client, 3).submit().onEvent(events::add);

            JobResult result = job.await(Duration.ofMinutes(3));
            Instant received = Instant.now();

            assertThat(result.images()).hasSize(1);
            assertThat(proxy.blockedUpgrades())
                    .as("the client tried the event connection")
                    .isPositive();
            assertThat(events).noneMatch(e -> e instanceof ProgressEvent || e instanceof JobEvent.NodeStarted);
            assertThat(events)
                    .as("status changes still come, from polling")
                    .contains(new JobEvent.StatusChanged(job.itemId(), JobStatus.COMPLETED));
            QueueItem item = client.queue().item(job.itemId());
            Instant completed = serverTime(item.completedAt().orElseThrow());
            Duration delay = Duration.between(completed, received);
            System.out.println("completion seen " + delay.toMillis() + " ms after the server's completed_at");
            assertThat(delay).isLessThan(poll.plusSeconds(2));
        }
    }

    /** The server's timestamps are UTC without a zone, e.g. {@code 2026-12-04 16:47:02.952}. */
    static Instant serverTime(String text) {
        return LocalDateTime.parse(text.trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }
}
