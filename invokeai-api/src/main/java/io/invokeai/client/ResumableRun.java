package io.invokeai.client;

import static io.invokeai.client.internal.Futures.join;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A sweep run for large jobs that survives crashes. Obtained from {@link Sweep#resumable(Path)}.
 *
 * <p>The directory holds the outputs and {@code manifest.jsonl}, an append-only journal: the run's fingerprint,
 * each enqueue (written before and after it is sent) and each item done with its files and input values. Output
 * files are named by the item's index in the sweep ({@code item-000042.png}, {@code item-000042-1.png} for a second
 * image) and written atomically, so a file is either whole or absent.
 *
 * <p>Running the same sweep into the same directory again:
 *
 * <ul>
 *   <li>skips items the manifest lists as done;
 *   <li>saves the outputs of items that completed on the server while no client was running;
 *   <li>waits for items still pending or running on the server from the earlier run (they are not enqueued again);
 *   <li>enqueues the rest (failed, canceled, lost in a server restart, never sent) in one enqueue.
 * </ul>
 *
 * A different sweep in the same directory is refused. Two processes cannot run the same directory at once. Memory
 * stays flat as the item count grows: done items are a bit set, results are not kept.
 */
public interface ResumableRun {
    Path directory();

    /** Called for each item as it is saved (or fails), on a client thread; keep it short. */
    ResumableRun onResult(Consumer<SweepResult> listener);

    /** Registers a listener for the events of every item. */
    ResumableRun onEvent(Consumer<JobEvent> listener);

    /** Runs until every item is done or has failed in this run; completes with what happened. */
    CompletableFuture<RunReport> runAsync();

    /**
     * Runs until every item is done or has failed.
     *
     * @throws InvokeAIException when {@code timeout} passes first; what is done stays done, and items stay queued on
     *     the server for the next run to pick up
     */
    RunReport run(Duration timeout);

    default RunReport run() {
        return join(runAsync());
    }
}
