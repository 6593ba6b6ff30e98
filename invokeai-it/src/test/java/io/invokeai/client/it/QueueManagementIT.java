package io.invokeai.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.JobStatus;
import io.invokeai.client.QueueItem;
import io.invokeai.client.QueueStatus;
import io.invokeai.client.Subscription;
import io.invokeai.client.SweepResult;
import io.invokeai.client.SweepRun;
import io.invokeai.client.SweepStatus;
import io.invokeai.client.testkit.InvokeAIServer;
import io.invokeai.client.testkit.InvokeAITest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pause and resume the processor, priority, cancel by batch, clear: on a real server, with model-free jobs. */
@InvokeAITest
class QueueManagementIT {
    private static final Duration WAIT = Duration.ofMinutes(2);

    static InvokeAIClient client;

    @BeforeAll
    static void connect(InvokeAIServer server) {
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

    @AfterEach
    void resume() {
        client.queue().resume();
    }

    private static ClientWorkflow blank() {
        return client.workflowFromJson(Resources.text("workflows/sweep-blank.json"));
    }

    private static List<SweepResult> all(SweepRun run) {
        List<SweepResult> results = new ArrayList<>();
        try (Subscription<SweepResult> stream = run.results()) {
            stream.forEachRemaining(results::add);
        }
        return results;
    }

    @Test
    void aPrependedSweepRunsBeforeWhatWasPendingAndPauseHoldsEverything() throws Exception {
        client.queue().pause();
        SweepRun normal = blank().sweep().vary("Width", 16, 24, 32).submit();
        SweepRun urgent = blank().sweep().vary("Width", 40).prepend(true).submit();

        Thread.sleep(1500);
        QueueStatus paused = client.queue().status();
        assertThat(paused.processorStarted()).isFalse();
        assertThat(paused.pending()).as("nothing runs while paused").isEqualTo(4);
        assertThat(normal.status().pending()).isEqualTo(3);

        client.queue().resume();
        List<SweepResult> first = all(urgent);
        List<SweepResult> rest = all(normal);

        String urgentStarted =
                client.queue().item(first.get(0).itemId()).startedAt().orElseThrow();
        for (SweepResult r : rest) {
            QueueItem item = client.queue().item(r.itemId());
            assertThat(item.startedAt().orElseThrow()).isGreaterThan(urgentStarted);
        }
        assertThat(first).allMatch(SweepResult::succeeded);
        assertThat(rest).hasSize(3).allMatch(SweepResult::succeeded);
    }

    @Test
    void cancelingASweepCancelsEveryItemOfItsBatch() {
        client.queue().pause();
        SweepRun run = blank().sweep().vary("Width", 16, 24, 32, 40).submit();
        SweepRun other = blank().sweep().vary("Width", 48).submit();

        run.cancel();

        SweepStatus status = run.await(WAIT);
        assertThat(status.canceled()).isEqualTo(4);
        assertThat(run.status().canceled()).isEqualTo(4);
        assertThat(other.status().pending()).as("other batches are untouched").isEqualTo(1);
        client.queue().resume();
        assertThat(all(other)).singleElement().matches(SweepResult::succeeded);
    }

    @Test
    void cancelByBatchIdThroughTheQueue() {
        client.queue().pause();
        SweepRun run = blank().sweep().vary("Width", 16, 24).submit();

        int canceled = client.queue().cancelBatches(run.batchIds());

        assertThat(canceled).isEqualTo(2);
        assertThat(all(run)).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(JobStatus.CANCELED));
    }

    @Test
    void clearingTheQueueEndsTheSweepsItems() {
        client.queue().pause();
        SweepRun run = blank().sweep().vary("Width", 16, 24, 32).submit();

        int deleted = client.queue().clear();

        assertThat(deleted).isGreaterThanOrEqualTo(3);
        List<SweepResult> results = all(run);
        assertThat(results).hasSize(3).noneMatch(SweepResult::succeeded);
        assertThat(results).allSatisfy(r -> assertThat(r.error()).isPresent());
    }
}
