package io.invokeai.client;

import static io.invokeai.client.internal.Futures.join;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A task recipe with its parameters being set; submit it like a workflow. Not thread-safe. */
public interface Task {
    String recipeName();

    List<TaskParameter> parameters();

    /**
     * Sets a parameter, checked at once against its type and range.
     *
     * @throws InvalidInputException naming the parameter, what it expects and the value given
     */
    Task set(String name, Object value);

    /** Builds the workflow the task runs (model family resolved on the server); nothing is enqueued. */
    CompletableFuture<ClientWorkflow> workflowAsync();

    default CompletableFuture<Job> submitAsync() {
        return workflowAsync().thenCompose(ClientWorkflow::submitAsync);
    }

    default ClientWorkflow workflow() {
        return join(workflowAsync());
    }

    default Job submit() {
        return join(submitAsync());
    }
}
