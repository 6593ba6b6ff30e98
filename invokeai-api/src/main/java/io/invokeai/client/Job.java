package io.invokeai.client;

import static io.invokeai.client.internal.Futures.join;

import io.invokeai.client.internal.QueueSubscription;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** One queue item on the server: follow it, wait for it, cancel it, read its typed results. */
public interface Job {
    long itemId();

    String batchId();

    /** The status now, as the server reports it. */
    CompletableFuture<JobStatus> statusAsync();

    /**
     * Completes with the results when the item completes; fails with {@link JobFailedException} when it fails or is
     * canceled. Never hangs: with events off or broken, polling decides.
     */
    CompletableFuture<JobResult> resultAsync();

    /**
     * As {@link #resultAsync()}, but fails with {@link JobTimeoutException} after {@code timeout}; the item is then
     * also canceled on the server when {@code cancelOnTimeout}.
     */
    CompletableFuture<JobResult> resultAsync(Duration timeout, boolean cancelOnTimeout);

    /** Cancels the item on the server, pending or running. */
    CompletableFuture<Void> cancelAsync();

    /** Registers a progress listener (called on the client's event thread; keep it short). */
    Job onProgress(Consumer<ProgressEvent> listener);

    /**
     * Registers a listener for every event of this item: node started, progress, node completed or failed, status
     * changes. Called on a client thread (events or polling); keep it short. Events that happened before the call
     * are not replayed.
     */
    Job onEvent(Consumer<JobEvent> listener);

    /**
     * This item's events as a blocking sequence that ends when the job ends (its result is ready or it failed).
     * Progress updates a slow consumer has not taken are dropped beyond 256 (oldest first); other events are kept.
     */
    default Subscription<JobEvent> events() {
        QueueSubscription<JobEvent> events = new QueueSubscription<>(256, e -> e instanceof ProgressEvent);
        onEvent(events::offer);
        resultAsync().whenComplete((r, t) -> events.end());
        return events;
    }

    /** This item's progress updates as a blocking sequence that ends with the job (oldest dropped beyond 256). */
    default Subscription<ProgressEvent> progress() {
        QueueSubscription<ProgressEvent> progress = new QueueSubscription<>(256, e -> true);
        onProgress(progress::offer);
        resultAsync().whenComplete((r, t) -> progress.end());
        return progress;
    }

    default JobStatus status() {
        return join(statusAsync());
    }

    /** Waits for the result; on timeout the item keeps running on the server. */
    default JobResult await(Duration timeout) {
        return join(resultAsync(timeout, false));
    }

    default JobResult await(Duration timeout, boolean cancelOnTimeout) {
        return join(resultAsync(timeout, cancelOnTimeout));
    }

    default void cancel() {
        join(cancelAsync());
    }
}
