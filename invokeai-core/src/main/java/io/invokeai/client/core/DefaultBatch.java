package io.invokeai.client.core;

import io.invokeai.client.Batch;
import io.invokeai.client.BatchStatus;
import io.invokeai.client.Job;
import java.util.List;
import java.util.concurrent.CompletableFuture;

record DefaultBatch(String batchId, int requested, List<Job> jobs, DefaultQueue queue) implements Batch {
    DefaultBatch {
        jobs = List.copyOf(jobs);
    }

    @Override
    public CompletableFuture<BatchStatus> statusAsync() {
        return queue.batchStatusAsync(batchId);
    }

    @Override
    public CompletableFuture<Void> cancelAsync() {
        return queue.cancelBatchesAsync(List.of(batchId)).thenApply(n -> null);
    }
}
