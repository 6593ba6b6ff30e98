package io.invokeai.client.spi;

import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.TaskParameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A common job (text-to-image, ControlNet, ...) as a plugin: typed parameters in, a workflow on the generic engine
 * out. Stateless and thread-safe.
 */
public interface TaskRecipe {
    /** Unique name, e.g. {@code text-to-image}. */
    String name();

    String description();

    /** What it can do, e.g. {@code text-to-image}, {@code image-to-image}, {@code controlnet}. */
    Set<String> capabilities();

    /** The parameters, typed and documented, with defaults and ranges in their specs. */
    List<TaskParameter> parameters();

    /**
     * Builds the workflow for checked parameter values (only those that were set), picking the graph for the
     * model family. May look models up on the server; must not enqueue.
     */
    CompletableFuture<ClientWorkflow> workflowAsync(InvokeAIClient client, Map<String, InvokeAIField<?>> values);
}
