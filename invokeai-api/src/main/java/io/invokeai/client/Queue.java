package io.invokeai.client;

import static io.invokeai.client.internal.Futures.join;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The server's session queue ({@code default}). Each sync method joins its async twin. */
public interface Queue {
    CompletableFuture<QueueStatus> statusAsync();

    /** Every item's summary, newest first. */
    CompletableFuture<List<QueueItem>> itemsAsync();

    CompletableFuture<QueueItem> itemAsync(long itemId);

    /** Cancels a pending or running item; a finished item is left as it is. */
    CompletableFuture<Void> cancelAsync(long itemId);

    /** Counts of a batch's items by status. */
    CompletableFuture<BatchStatus> batchStatusAsync(String batchId);

    /** Cancels every item of the batches; returns how many were canceled. */
    CompletableFuture<Integer> cancelBatchesAsync(List<String> batchIds);

    /** Removes every item (the running one is canceled); returns how many were deleted. */
    CompletableFuture<Integer> clearAsync();

    /** Stops dequeuing (the running item finishes). Admin only on multi-user servers. */
    CompletableFuture<Void> pauseAsync();

    CompletableFuture<Void> resumeAsync();

    default QueueStatus status() {
        return join(statusAsync());
    }

    default List<QueueItem> items() {
        return join(itemsAsync());
    }

    default QueueItem item(long itemId) {
        return join(itemAsync(itemId));
    }

    default BatchStatus batchStatus(String batchId) {
        return join(batchStatusAsync(batchId));
    }

    default void cancel(long itemId) {
        join(cancelAsync(itemId));
    }

    default int cancelBatches(List<String> batchIds) {
        return join(cancelBatchesAsync(batchIds));
    }

    default int clear() {
        return join(clearAsync());
    }

    default void pause() {
        join(pauseAsync());
    }

    default void resume() {
        join(resumeAsync());
    }
}
