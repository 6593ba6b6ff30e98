package io.invokeai.client.core;

import io.invokeai.client.Job;
import io.invokeai.client.JobEvent;
import io.invokeai.client.JobFailedException;
import io.invokeai.client.JobResult;
import io.invokeai.client.JobStatus;
import io.invokeai.client.JobTimeoutException;
import io.invokeai.client.ProgressEvent;
import io.invokeai.client.internal.Futures;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** A queue item followed by the {@link JobTracker}. */
final class DefaultJob implements Job {
    /** Reads a terminal queue item: its typed results, or the node that failed. */
    interface ResultReader {
        JobResult read(JsonObject item);

        Optional<String> failedNode(JsonObject item);
    }

    private final long itemId;
    private final String batchId;
    private final DefaultQueue queue;
    private final JobTracker.Tracked tracked;
    private final CompletableFuture<JobResult> result;

    DefaultJob(long itemId, String batchId, DefaultQueue queue, JobTracker tracker, ResultReader reader) {
        this.itemId = itemId;
        this.batchId = batchId;
        this.queue = queue;
        this.tracked = tracker.track(itemId, batchId);
        this.result = tracked.terminal.thenApply(item -> toResult(item, reader));
    }

    private JobResult toResult(JsonObject item, ResultReader reader) {
        JobStatus status = JobStatus.fromWire(item.getString("status"));
        if (status == JobStatus.COMPLETED) {
            return reader.read(item);
        }
        throw new JobFailedException(
                itemId,
                status,
                DefaultQueue.str(item, "error_type").orElse(null),
                DefaultQueue.str(item, "error_message").orElse(null),
                DefaultQueue.str(item, "error_traceback").orElse(null),
                reader.failedNode(item).orElse(null));
    }

    @Override
    public long itemId() {
        return itemId;
    }

    @Override
    public String batchId() {
        return batchId;
    }

    @Override
    public CompletableFuture<JobStatus> statusAsync() {
        return queue.itemAsync(itemId).thenApply(i -> i.status());
    }

    @Override
    public CompletableFuture<JobResult> resultAsync() {
        return result.copy();
    }

    @Override
    public CompletableFuture<JobResult> resultAsync(Duration timeout, boolean cancelOnTimeout) {
        return result.copy().orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).exceptionallyCompose(t -> {
            if (!(Futures.unwrap(t) instanceof TimeoutException)) {
                return CompletableFuture.failedFuture(Futures.unwrap(t));
            }
            JobStatus last = tracked.lastStatus;
            if (!cancelOnTimeout) {
                return CompletableFuture.failedFuture(new JobTimeoutException(itemId, timeout, last, false));
            }
            return cancelAsync().handle((v, cancelError) -> {
                throw new JobTimeoutException(itemId, timeout, last, cancelError == null);
            });
        });
    }

    @Override
    public CompletableFuture<Void> cancelAsync() {
        return queue.cancelAsync(itemId);
    }

    @Override
    public Job onProgress(Consumer<ProgressEvent> listener) {
        tracked.listeners.add(listener);
        return this;
    }

    @Override
    public Job onEvent(Consumer<JobEvent> listener) {
        tracked.eventListeners.add(listener);
        return this;
    }

    @Override
    public String toString() {
        return "Job[item " + itemId + ", batch " + batchId + ", " + tracked.lastStatus.wireName() + "]";
    }
}
