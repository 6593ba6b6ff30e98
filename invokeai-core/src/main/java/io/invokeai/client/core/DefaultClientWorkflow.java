package io.invokeai.client.core;

import io.invokeai.client.Batch;
import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.InvokeAIException;
import io.invokeai.client.Job;
import io.invokeai.client.Sweep;
import io.invokeai.client.WorkflowInput;
import io.invokeai.client.core.fields.FieldTypeRegistry;
import io.invokeai.client.core.workflow.BoundWorkflow;
import io.invokeai.client.core.workflow.GraphBuilder;
import io.invokeai.client.core.workflow.NodeTemplates;
import io.invokeai.client.core.workflow.WorkflowDocument;
import io.invokeai.client.core.workflow.WorkflowSnapshot;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A GUI workflow bound to a client: inputs by name over a {@link BoundWorkflow}, submission by the runner. */
final class DefaultClientWorkflow implements ClientWorkflow {
    private final BoundWorkflow bound;
    private final WorkflowRunner runner;
    private boolean prepend;

    DefaultClientWorkflow(
            WorkflowDocument document, NodeTemplates templates, FieldTypeRegistry types, WorkflowRunner runner) {
        this.bound = BoundWorkflow.bind(document, templates, types, runner.context());
        this.runner = runner;
    }

    @Override
    public String name() {
        return bound.name();
    }

    @Override
    public List<WorkflowInput> inputs() {
        return bound.inputs();
    }

    @Override
    public WorkflowInput input(String name) {
        return bound.input(name);
    }

    @Override
    public ClientWorkflow set(String name, Object value) {
        bound.set(name, value);
        return this;
    }

    @Override
    public ClientWorkflow runs(int runs) {
        bound.runs(runs);
        return this;
    }

    @Override
    public ClientWorkflow prepend(boolean prepend) {
        this.prepend = prepend;
        return this;
    }

    @Override
    public Sweep sweep() {
        return new DefaultSweep(bound, runner, prepend);
    }

    @Override
    public String describeInputs() {
        return bound.describeInputs();
    }

    @Override
    public JsonObject dryRun() {
        return runner.dryRun(bound.snapshot());
    }

    @Override
    public JsonObject toWorkflowJson() {
        WorkflowSnapshot s = bound.snapshot();
        return GraphBuilder.workflowJson(s.document().validate(s.templates()).withInputValues(s.values()));
    }

    @Override
    public CompletableFuture<Job> submitAsync() {
        WorkflowSnapshot snapshot = bound.snapshot();
        long items;
        try {
            items = GraphBuilder.itemCount(
                    snapshot.document(),
                    snapshot.templates(),
                    runner.fieldTypes(),
                    snapshot.values(),
                    snapshot.runs(),
                    Map.of());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (items != 1) {
            // checked before anything is sent, so nothing is enqueued by mistake
            return CompletableFuture.failedFuture(new InvokeAIException(
                    "The workflow yields " + items + " queue items (batch nodes or runs > 1); use submitBatch()"));
        }
        return runner.submit(snapshot, prepend).thenApply(batch -> {
            if (batch.jobs().size() != 1) {
                throw new InvokeAIException(
                        "The workflow was enqueued as " + batch.jobs().size() + " queue items (batch " + batch.batchId()
                                + "); use submitBatch() for batch nodes or runs > 1");
            }
            return batch.jobs().get(0);
        });
    }

    @Override
    public CompletableFuture<Batch> submitBatchAsync() {
        return runner.submit(bound.snapshot(), prepend);
    }

    @Override
    public String toString() {
        return "ClientWorkflow[" + name() + ", " + inputs().size() + " inputs]";
    }
}
