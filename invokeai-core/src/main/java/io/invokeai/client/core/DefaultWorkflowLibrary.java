package io.invokeai.client.core;

import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.WorkflowLibrary;
import io.invokeai.client.WorkflowRecord;
import io.invokeai.client.core.http.HttpCall;
import io.invokeai.client.core.http.HttpCall.Body;
import io.invokeai.client.core.wire.Dtos.WorkflowPage;
import io.invokeai.client.core.workflow.WorkflowDocument;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

final class DefaultWorkflowLibrary implements WorkflowLibrary {
    private static final String BASE = "api/v1/workflows/";

    private final Rest rest;
    private final Function<WorkflowDocument, CompletableFuture<ClientWorkflow>> binder;

    DefaultWorkflowLibrary(Rest rest, Function<WorkflowDocument, CompletableFuture<ClientWorkflow>> binder) {
        this.rest = rest;
        this.binder = binder;
    }

    @Override
    public CompletableFuture<List<WorkflowRecord>> listAsync() {
        return rest.bind(HttpCall.get(BASE), WorkflowPage.class)
                .thenApply(page -> page.items() == null
                        ? List.<WorkflowRecord>of()
                        : page.items().stream()
                                .map(i -> new WorkflowRecord(
                                        i.workflowId(),
                                        i.name(),
                                        i.category(),
                                        i.description() == null ? "" : i.description(),
                                        i.tags() == null ? "" : i.tags(),
                                        Optional.ofNullable(i.updatedAt())))
                                .toList());
    }

    @Override
    public CompletableFuture<ClientWorkflow> loadAsync(String workflowId) {
        return rest.json(HttpCall.get(BASE + "i/" + Paths.segment(workflowId)))
                .thenCompose(v -> binder.apply(WorkflowDocument.parse(
                        v.asJsonObject().getJsonObject("workflow").toString())));
    }

    @Override
    public CompletableFuture<String> saveAsync(ClientWorkflow workflow) {
        JsonObject source = workflow.toWorkflowJson();
        var wf = Json.createObjectBuilder(source);
        wf.remove("id");
        JsonObject meta = source.getJsonObject("meta");
        wf.add(
                "meta",
                Json.createObjectBuilder(meta == null ? JsonValue.EMPTY_JSON_OBJECT : meta)
                        .add("category", "user"));
        String body = Json.createObjectBuilder().add("workflow", wf).build().toString();
        return rest.json(HttpCall.post(BASE, new Body.Json(body)))
                .thenApply(v -> v.asJsonObject().getString("workflow_id"));
    }

    @Override
    public CompletableFuture<Void> deleteAsync(String workflowId) {
        return rest.discard(HttpCall.delete(BASE + "i/" + Paths.segment(workflowId)));
    }
}
