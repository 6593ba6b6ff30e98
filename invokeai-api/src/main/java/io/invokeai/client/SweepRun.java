package io.invokeai.client;

import static io.invokeai.client.internal.Futures.join;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A submitted sweep: its results as they finish (in completion order, each with the input values that produced
 * it), its status, cancel and wait. Keeps no result after handing it out, so memory stays flat however many items
 * the sweep has.
 */
public interface SweepRun {
    /** The server batches of the sweep: one, or one per combination of values that cannot be batch data. */
    List<String> batchIds();

    long requested();

    long enqueued();

    /** Items the server's queue limit dropped (they never run). */
    default long dropped() {
        return requested() - enqueued();
    }

    /**
     * The results in completion order, one per enqueued item, ending after the last. One consumer; results not yet
     * taken are buffered.
     *
     * @throws IllegalStateException if the sweep delivers to an {@link Sweep#onResult} listener, or if called twice
     */
    Subscription<SweepResult> results();

    /** Counts by status, as the server reports them now. */
    CompletableFuture<SweepStatus> statusAsync();

    /** Cancels every item of the sweep on the server, pending or running. */
    CompletableFuture<Void> cancelAsync();

    /** Completes when every enqueued item has finished (completed, failed or canceled), with the final counts. */
    CompletableFuture<SweepStatus> completionAsync();

    /**
     * Waits until every item has finished.
     *
     * @throws InvokeAIException after {@code timeout} (the items keep running; see {@link #await(Duration, boolean)})
     */
    default SweepStatus await(Duration timeout) {
        return await(timeout, false);
    }

    /** Waits until every item has finished; on timeout, also cancels the remaining items when asked. */
    SweepStatus await(Duration timeout, boolean cancelOnTimeout);

    default SweepStatus status() {
        return join(statusAsync());
    }

    default void cancel() {
        join(cancelAsync());
    }
}
