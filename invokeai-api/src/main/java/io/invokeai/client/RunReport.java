package io.invokeai.client;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a {@link ResumableRun} did.
 *
 * @param total items of the sweep
 * @param alreadyDone items the manifest listed as done before this run started (skipped)
 * @param recovered items that had completed on the server meanwhile and were saved without running again
 * @param reattached items still queued on the server from an earlier run, waited for instead of enqueued again
 * @param enqueued items this run enqueued
 * @param completed items that completed and were saved in this run (including recovered ones)
 * @param failed items that failed or were canceled in this run; the next run retries them
 * @param manifest the manifest file
 */
public record RunReport(
        long total,
        long alreadyDone,
        long recovered,
        long reattached,
        long enqueued,
        long completed,
        long failed,
        Path manifest,
        Duration elapsed) {

    /** Items done now, from this run or earlier ones. */
    public long done() {
        return alreadyDone + completed;
    }

    public boolean isComplete() {
        return done() >= total;
    }
}
