package io.invokeai.client;

import static io.invokeai.client.internal.Futures.join;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The server's workflow library. Each sync method joins its async twin. */
public interface WorkflowLibrary {
    CompletableFuture<List<WorkflowRecord>> listAsync();

    /** Loads a stored workflow as a client workflow, ready to set inputs and submit. */
    CompletableFuture<ClientWorkflow> loadAsync(String workflowId);

    /** Stores a workflow (category {@code user}); returns its library id. */
    CompletableFuture<String> saveAsync(ClientWorkflow workflow);

    CompletableFuture<Void> deleteAsync(String workflowId);

    default List<WorkflowRecord> list() {
        return join(listAsync());
    }

    default ClientWorkflow load(String workflowId) {
        return join(loadAsync(workflowId));
    }

    default String save(ClientWorkflow workflow) {
        return join(saveAsync(workflow));
    }

    default void delete(String workflowId) {
        join(deleteAsync(workflowId));
    }
}
