package io.invokeai.client;

import static io.invokeai.client.internal.Futures.join;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One enqueue: the jobs it created, in the order their values were listed. */
public interface Batch {
    String batchId();

    /** How many items the batch asked for; more than {@link #jobs()} when the server's queue limit dropped some. */
    int requested();

    List<Job> jobs();

    /** Counts of the batch's items by status, as the server reports them now. */
    CompletableFuture<BatchStatus> statusAsync();

    /** Cancels every item of the batch on the server. */
    CompletableFuture<Void> cancelAsync();

    /** Waits for every job; fails with the first failure. */
    default List<JobResult> awaitAll(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        return jobs().stream()
                .map(job -> job.await(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))))
                .toList();
    }

    default BatchStatus status() {
        return join(statusAsync());
    }

    default void cancel() {
        join(cancelAsync());
    }
}
