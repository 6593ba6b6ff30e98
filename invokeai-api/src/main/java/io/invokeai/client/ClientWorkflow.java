package io.invokeai.client;

import static io.invokeai.client.internal.Futures.join;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A GUI-exported workflow bound to a client: set its public inputs by name with typed values, then submit. Not
 * thread-safe; a submit takes a snapshot, so the workflow can be changed and submitted again.
 *
 * <p>Names are looked up exactly, then case-insensitively; qualified names ({@code "Noise.width"},
 * {@code "<node id>.width"}) always work. A name that several inputs share raises {@link AmbiguousInputException}.
 */
public interface ClientWorkflow {
    String name();

    /** The public inputs in form order. */
    List<WorkflowInput> inputs();

    WorkflowInput input(String name);

    /**
     * Sets an input. Checked at once against the server's schema.
     *
     * @throws InvalidInputException naming the input, the expected type and range and the value given
     * @throws UnknownInputException, AmbiguousInputException when the name does not identify one input
     */
    ClientWorkflow set(String name, Object value);

    /** The current value of an input, typed. */
    default InvokeAIField<?> get(String name) {
        return input(name).field();
    }

    /** How many times the whole batch runs (the GUI's "iterations"); default 1. */
    ClientWorkflow runs(int runs);

    /**
     * Whether submits put their items at the front of the queue, before items already pending (the server gives them
     * a higher priority); default false.
     */
    ClientWorkflow prepend(boolean prepend);

    /**
     * Starts a sweep over this workflow: vary inputs by name (products, zipped groups, runs) and send every point as
     * one enqueue. The workflow's current values are the base; later changes to the workflow do not affect the sweep.
     */
    Sweep sweep();

    /** A readable listing of the inputs: name, type, current value, constraints, description. */
    String describeInputs();

    /**
     * The enqueue request a submit would send (graph, batch data, workflow), without contacting the server: local
     * images and unresolved model names appear as they were given.
     */
    JsonObject dryRun();

    /** The workflow JSON as it would be embedded in output images (migrated, with the current input values). */
    JsonObject toWorkflowJson();

    /**
     * Uploads images, resolves models and boards, and enqueues. The workflow must yield exactly one queue item;
     * use {@link #submitBatchAsync()} for batch nodes or several runs.
     */
    CompletableFuture<Job> submitAsync();

    /** Enqueues every item the workflow yields (batch nodes, runs) as one batch. */
    CompletableFuture<Batch> submitBatchAsync();

    default Job submit() {
        return join(submitAsync());
    }

    default Batch submitBatch() {
        return join(submitBatchAsync());
    }
}
