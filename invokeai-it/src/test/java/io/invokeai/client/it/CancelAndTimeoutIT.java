package io.invokeai.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.Job;
import io.invokeai.client.JobFailedException;
import io.invokeai.client.JobStatus;
import io.invokeai.client.JobTimeoutException;
import io.invokeai.client.ProgressEvent;
import io.invokeai.client.testkit.InvokeAIServer;
import io.invokeai.client.testkit.InvokeAITest;
import io.invokeai.client.testkit.TinyModel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cancel and timeouts on a real server. A long item is the tiny SDXL model with many denoising steps: it runs for
 * tens of seconds, and InvokeAI checks for cancellation between steps, so a cancel stops it within one step.
 */
@InvokeAITest
class CancelAndTimeoutIT {
    private static final int LONG_STEPS = 400;
    private static final Duration SOON = Duration.ofSeconds(30);

    static InvokeAIClient client;

    @BeforeAll
    static void connect(InvokeAIServer server) {
        server.tinyModels().install(TinyModel.SDXL);
        client = InvokeAIClient.builder().baseUrl(server.baseUrl()).build();
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    @BeforeEach
    void clean(InvokeAIServer server) {
        server.cleanState();
    }

    private static ClientWorkflow longJob() {
        return client.workflowFromJson(Resources.text("workflows/sdxl-text-to-image.json"))
                .set("Model", TinyModel.SDXL.modelName())
                .set("positive prompt", "a slow cube")
                .set("negative prompt", "")
                .set("Width", 64)
                .set("Height", 64)
                .set("Steps", LONG_STEPS)
                .set("Scheduler", "euler");
    }

    /** Submits a long job and returns once it is denoising. */
    private static Job running() throws Exception {
        CompletableFuture<ProgressEvent> denoising = new CompletableFuture<>();
        Job job = longJob().submit().onProgress(p -> {
            if (p.step().isPresent()) {
                denoising.complete(p);
            }
        });
        denoising.get(2, TimeUnit.MINUTES);
        return job;
    }

    @Test
    void cancelStopsARunningItem() throws Exception {
        Job job = running();
        assertThat(job.status()).isEqualTo(JobStatus.IN_PROGRESS);
        long start = System.nanoTime();

        job.cancel();

        assertThatThrownBy(() -> job.await(SOON))
                .isInstanceOfSatisfying(
                        JobFailedException.class, e -> assertThat(e.status()).isEqualTo(JobStatus.CANCELED));
        System.out.println("running item canceled after " + (System.nanoTime() - start) / 1_000_000 + " ms");
        assertThat(job.status()).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void cancelRemovesAPendingItemBeforeItRuns() throws Exception {
        Job first = running();
        Job second = longJob().submit();
        assertThat(second.status()).isEqualTo(JobStatus.PENDING);

        second.cancel();

        assertThatThrownBy(() -> second.await(SOON))
                .isInstanceOfSatisfying(
                        JobFailedException.class, e -> assertThat(e.status()).isEqualTo(JobStatus.CANCELED));
        assertThat(client.queue().item(second.itemId()).startedAt())
                .as("it never ran")
                .isEmpty();
        assertThat(first.status()).as("the running item is untouched").isEqualTo(JobStatus.IN_PROGRESS);
        first.cancel();
        assertThatThrownBy(() -> first.await(SOON)).isInstanceOf(JobFailedException.class);
    }

    @Test
    void awaitTimesOutAndLeavesTheItemRunning() throws Exception {
        Job job = running();

        assertThatThrownBy(() -> job.await(Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(JobTimeoutException.class, e -> {
                    assertThat(e.itemId()).isEqualTo(job.itemId());
                    assertThat(e.canceledOnServer()).isFalse();
                    assertThat(e.getMessage()).contains("still on the server");
                });
        assertThat(job.status()).isEqualTo(JobStatus.IN_PROGRESS);
        job.cancel();
    }

    @Test
    void awaitTimesOutAndCancelsTheItemWhenAsked() throws Exception {
        Job job = running();

        assertThatThrownBy(() -> job.await(Duration.ofSeconds(1), true))
                .isInstanceOfSatisfying(JobTimeoutException.class, e -> {
                    assertThat(e.canceledOnServer()).isTrue();
                    assertThat(e.getMessage()).contains("canceled on the server");
                });
        assertThatThrownBy(() -> job.await(SOON))
                .isInstanceOfSatisfying(
                        JobFailedException.class, e -> assertThat(e.status()).isEqualTo(JobStatus.CANCELED));
    }
}
