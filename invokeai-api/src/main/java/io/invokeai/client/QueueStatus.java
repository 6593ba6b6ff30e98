package io.invokeai.client;

/** Counts of the queue's items by status, and whether the processor runs. */
public record QueueStatus(
        int pending,
        int inProgress,
        int completed,
        int failed,
        int canceled,
        int total,
        boolean processorStarted,
        boolean processing) {}
