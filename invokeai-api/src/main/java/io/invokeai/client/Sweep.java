package io.invokeai.client;

import static io.invokeai.client.internal.Futures.join;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs a workflow for many input values at once: seed and parameter sweeps, prompt lists. Obtained from
 * {@link ClientWorkflow#sweep()}; the workflow's current values are the base, and the sweep varies some of its
 * inputs by name.
 *
 * <ul>
 *   <li>{@link #vary(String, List)} adds an axis: every value is combined with every value of the other axes (a
 *       cartesian product);
 *   <li>{@link #zip(Map)} adds a group of inputs that change together (the i-th values of all of them form one
 *       point), e.g. prompts with their matching negative prompts;
 *   <li>{@link #runs(int)} repeats the whole sweep.
 * </ul>
 *
 * <p>The sweep is sent as the server's batch {@code data}, so thousands of jobs are one enqueue: the queue fills at
 * once and the server never waits for the client. Values are converted and checked when added, so a bad value fails
 * before anything is sent, naming the input. Images are uploaded once each, however many points use them. Inputs
 * whose values the server cannot take as batch data (models, boards, colors, booleans) are still allowed: the sweep
 * then sends one enqueue per combination of their values.
 *
 * <pre>{@code
 * SweepRun run = workflow.sweep()
 *         .vary("positive prompt", prompts)
 *         .vary("Steps", 20, 30)
 *         .submit();
 * try (Subscription<SweepResult> results = run.results()) {
 *     results.forEachRemaining(r -> System.out.println(r.inputs() + " -> " + r.result().map(JobResult::images)));
 * }
 * }</pre>
 *
 * <p>Not thread-safe; {@link #submitAsync()} takes a snapshot, so a sweep can be changed and submitted again.
 */
public interface Sweep {

    /**
     * Adds an axis of the product: the input takes each of the values in turn.
     *
     * @throws InvalidInputException if a value is wrong for the input (naming it, what it expects and the value)
     * @throws UnknownInputException, AmbiguousInputException when the name does not identify one input
     * @throws IllegalArgumentException if the list is empty or the input is already swept
     */
    Sweep vary(String input, List<?> values);

    default Sweep vary(String input, Object... values) {
        return vary(input, Arrays.asList(values));
    }

    /**
     * Adds a zipped group: the inputs change together, the i-th point using the i-th value of each list. All lists
     * must have the same length. Iteration order of the map is kept (use a {@link java.util.LinkedHashMap}).
     *
     * @throws IllegalArgumentException if the lists differ in length (naming each input and its length) or are empty
     */
    Sweep zip(Map<String, ? extends List<?>> inputs);

    /** How many times the whole sweep runs; default 1 (or the workflow's own runs). */
    Sweep runs(int runs);

    /** Puts the sweep's items at the front of the queue, before items already pending. */
    Sweep prepend(boolean prepend);

    /**
     * Delivers every result to {@code listener} as it arrives (on a client thread; keep it short) instead of
     * through {@link SweepRun#results()}. Nothing is buffered then, however long the sweep.
     */
    Sweep onResult(Consumer<SweepResult> listener);

    /** Registers a listener for the events of every item (node started, progress, completed, status). */
    Sweep onEvent(Consumer<JobEvent> listener);

    /**
     * How many queue items the sweep yields: runs times the product of the axis and group sizes, times the items of
     * the workflow's own batch nodes (those fed by server-side generators count once until submitted).
     */
    long size();

    /**
     * The enqueue request(s) a submit would send, without contacting the server: {@code {"requests": [body...],
     * "items": n}}. Local images and model names appear as they were given.
     */
    JsonObject dryRun();

    /**
     * Uploads images, resolves models, and enqueues the sweep (one enqueue, or one per combination of values the
     * server cannot take as batch data). If the server's queue limit drops items, {@link SweepRun#dropped()} says how
     * many and a warning is logged.
     */
    CompletableFuture<SweepRun> submitAsync();

    default SweepRun submit() {
        return join(submitAsync());
    }

    /**
     * A resumable run of this sweep for large jobs: outputs are saved into {@code directory} as they complete, with
     * a manifest of what is done. Running the same sweep into the same directory again (after a crash of the
     * client or the server) skips what is done, picks up items still queued on the server, and neither loses nor
     * duplicates an output.
     */
    ResumableRun resumable(Path directory);
}
