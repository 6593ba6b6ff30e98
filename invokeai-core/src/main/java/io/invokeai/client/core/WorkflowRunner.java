package io.invokeai.client.core;

import io.invokeai.client.Batch;
import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIException;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.InvokeAIImage;
import io.invokeai.client.Job;
import io.invokeai.client.JobResult;
import io.invokeai.client.NodeOutput;
import io.invokeai.client.QueueItem;
import io.invokeai.client.WorkflowInput;
import io.invokeai.client.core.fields.FieldTypeRegistry;
import io.invokeai.client.core.http.HttpCall;
import io.invokeai.client.core.http.HttpCall.Body;
import io.invokeai.client.core.http.WireJson;
import io.invokeai.client.core.wire.Dtos.EnqueueResult;
import io.invokeai.client.core.workflow.GraphBuilder;
import io.invokeai.client.core.workflow.NodeTemplate;
import io.invokeai.client.core.workflow.NodeTemplates;
import io.invokeai.client.core.workflow.ResultMapper;
import io.invokeai.client.core.workflow.WorkflowSnapshot;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Submits a workflow snapshot: prepares its values (uploads, model and board resolution), builds the GUI's enqueue
 * request, enqueues once (never retried blindly), and hands back jobs that read typed results.
 */
final class WorkflowRunner {
    /** The origin the client stamps on its batches, so its items can be told apart from the GUI's. */
    static final String ORIGIN = "invokeai-java";

    /** Field types whose stored values refer to per-installation keys, so they are re-resolved even when hidden. */
    private static final Set<String> SERVER_BOUND_TYPES = Set.of("ModelIdentifierField", "LoRAField");

    private final Rest rest;
    private final DefaultQueue queue;
    private final JobTracker tracker;
    private final ServerFieldContext context;
    private final FieldTypeRegistry fieldTypes;

    WorkflowRunner(
            Rest rest, DefaultQueue queue, JobTracker tracker, ServerFieldContext context, FieldTypeRegistry types) {
        this.rest = rest;
        this.queue = queue;
        this.tracker = tracker;
        this.context = context;
        this.fieldTypes = types;
    }

    FieldTypeRegistry fieldTypes() {
        return fieldTypes;
    }

    ServerFieldContext context() {
        return context;
    }

    /** The enqueue body for a snapshot with its values as they are (no server contact). */
    JsonObject dryRun(WorkflowSnapshot snapshot) {
        return GraphBuilder.enqueueBody(
                snapshot,
                fieldTypes,
                snapshot.values(),
                options(UUID.randomUUID().toString()));
    }

    static GraphBuilder.Options options(String graphId) {
        return GraphBuilder.Options.of(graphId).withOrigin(ORIGIN, "gallery");
    }

    CompletableFuture<JsonObject> prepareRequest(WorkflowSnapshot snapshot) {
        return prepareRequest(snapshot, false);
    }

    CompletableFuture<JsonObject> prepareRequest(WorkflowSnapshot snapshot, boolean prepend) {
        return prepareValues(snapshot)
                .thenCompose(values -> generatorValues(snapshot, values)
                        .thenApply(generated -> GraphBuilder.enqueueBody(
                                snapshot.document(),
                                snapshot.templates(),
                                fieldTypes,
                                values,
                                snapshot.runs(),
                                options(UUID.randomUUID().toString())
                                        .withGeneratorValues(generated)
                                        .withPrepend(prepend))));
    }

    /** Values of generator nodes that only the server can compute: dynamic prompts and a board's images. */
    CompletableFuture<Map<String, List<JsonValue>>> generatorValues(
            WorkflowSnapshot snapshot, Map<String, Map<String, JsonValue>> values) {
        Map<String, JsonObject> generators =
                GraphBuilder.generatorsNeedingServer(snapshot.document(), snapshot.templates(), values);
        Map<String, List<JsonValue>> result = new java.util.concurrent.ConcurrentHashMap<>();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        generators.forEach(
                (nodeId, generator) -> pending.add(generate(generator).thenAccept(list -> result.put(nodeId, list))));
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .thenApply(v -> Map.copyOf(result));
    }

    private CompletableFuture<List<JsonValue>> generate(JsonObject generator) {
        String type = generator.getString("type", "");
        switch (type) {
            case "string_generator_dynamic_prompts_combinatorial", "string_generator_dynamic_prompts_random" -> {
                boolean combinatorial = type.endsWith("combinatorial");
                var body = Json.createObjectBuilder()
                        .add("prompt", generator.getString("input", ""))
                        .add("max_prompts", generator.getInt(combinatorial ? "maxPrompts" : "count", 10))
                        .add("combinatorial", combinatorial);
                if (!combinatorial && generator.get("seed") instanceof jakarta.json.JsonNumber seed) {
                    body.add("seed", seed);
                }
                return rest.json(HttpCall.post(
                                        "api/v1/utilities/dynamicprompts",
                                        new Body.Json(body.build().toString()))
                                .asIdempotent())
                        .thenApply(v -> {
                            JsonObject answer = v.asJsonObject();
                            if (answer.get("error") instanceof jakarta.json.JsonString error) {
                                throw new InvokeAIException("Dynamic prompt '" + generator.getString("input", "")
                                        + "' failed on the server: " + error.getString());
                            }
                            return List.copyOf(answer.getJsonArray("prompts"));
                        });
            }
            case "image_generator_images_from_board" -> {
                String boardId = generator.getString("board_id", "none");
                String categories = "assets".equals(generator.getString("category", "images"))
                        ? "control,mask,user,other"
                        : "general";
                HttpCall call = HttpCall.get("api/v1/boards/" + Paths.segment(boardId) + "/image_names")
                        .withQuery("is_intermediate", false);
                for (String c : categories.split(",")) {
                    call = call.withQuery("categories", c);
                }
                return rest.json(call)
                        .thenApply(v -> v.asJsonArray().stream()
                                .map(name -> (JsonValue) Json.createObjectBuilder()
                                        .add("image_name", name)
                                        .build())
                                .toList());
            }
            default -> {
                return CompletableFuture.failedFuture(
                        new InvokeAIException("Generator type '" + type + "' is not supported by this client"));
            }
        }
    }

    CompletableFuture<Batch> submit(WorkflowSnapshot snapshot) {
        return submit(snapshot, false);
    }

    CompletableFuture<Batch> submit(WorkflowSnapshot snapshot, boolean prepend) {
        return prepareRequest(snapshot, prepend).thenCompose(body -> enqueue(body, snapshot.templates()));
    }

    /** Every value the graph needs from the server: exposed inputs, plus hidden model fields (keys are per server). */
    CompletableFuture<Map<String, Map<String, JsonValue>>> prepareValues(WorkflowSnapshot snapshot) {
        Map<String, Map<String, JsonValue>> values = snapshot.values();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (WorkflowInput input : snapshot.inputs()) {
            if (input.field().needsPreparation()) {
                pending.add(input.field()
                        .prepare(context)
                        .thenAccept(f -> put(values, input.nodeId(), input.fieldName(), f.toJson())));
            }
        }
        for (JsonObject node : snapshot.document().nodes()) {
            if (!"invocation".equals(node.getString("type", ""))) {
                continue;
            }
            JsonObject data = node.getJsonObject("data");
            String nodeId = node.getString("id");
            Optional<NodeTemplate> template = snapshot.templates().get(data.getString("type", ""));
            JsonObject inputs = data.getJsonObject("inputs");
            if (template.isEmpty() || inputs == null) {
                continue;
            }
            for (var e : inputs.entrySet()) {
                String field = e.getKey();
                if (values.getOrDefault(nodeId, Map.of()).containsKey(field)) {
                    continue; // exposed: handled above
                }
                Optional<FieldSpec> spec = template.get().input(field);
                JsonValue stored = e.getValue() instanceof JsonObject o ? o.get("value") : null;
                if (spec.isEmpty()
                        || stored == null
                        || stored == JsonValue.NULL
                        || !SERVER_BOUND_TYPES.contains(spec.get().typeName())) {
                    continue;
                }
                InvokeAIField<?> typed = fieldTypes.typeFor(spec.get()).fromJson(spec.get(), stored, context);
                if (typed.needsPreparation()) {
                    pending.add(typed.prepare(context).thenAccept(f -> put(values, nodeId, field, f.toJson())));
                }
            }
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .thenApply(v -> values);
    }

    private static synchronized void put(
            Map<String, Map<String, JsonValue>> values, String nodeId, String field, JsonValue value) {
        values.computeIfAbsent(nodeId, k -> new LinkedHashMap<>()).put(field, value);
    }

    /** Sends one enqueue request (once: an enqueue is never retried blindly) and returns the server's answer. */
    CompletableFuture<EnqueueResult> enqueueRaw(JsonObject body) {
        return rest.bind(
                HttpCall.post("api/v1/queue/default/enqueue_batch", new Body.Json(WireJson.write(body))),
                EnqueueResult.class);
    }

    /** Reads finished queue items of a workflow with these templates into typed results. */
    DefaultJob.ResultReader reader(NodeTemplates templates) {
        return new Reader(templates);
    }

    DefaultQueue queue() {
        return queue;
    }

    JobTracker tracker() {
        return tracker;
    }

    private CompletableFuture<Batch> enqueue(JsonObject body, NodeTemplates templates) {
        return enqueueRaw(body).thenApply(result -> {
            List<Long> ids = new ArrayList<>(result.itemIds() == null ? List.of() : result.itemIds());
            ids.sort(Comparator.naturalOrder()); // the server lists them newest first
            String batchId = result.batch() == null ? "" : result.batch().batchId();
            List<Job> jobs = new ArrayList<>(ids.size());
            for (Long id : ids) {
                jobs.add(new DefaultJob(id, batchId, queue, tracker, new Reader(templates)));
            }
            int requested = result.requested() == null ? ids.size() : result.requested();
            return new DefaultBatch(batchId, requested, jobs, queue);
        });
    }

    /** Reads a finished queue item into typed results. */
    private final class Reader implements DefaultJob.ResultReader {
        private final NodeTemplates templates;

        Reader(NodeTemplates templates) {
            this.templates = templates;
        }

        @Override
        public JobResult read(JsonObject item) {
            List<NodeOutput> outputs = ResultMapper.outputs(item, templates, fieldTypes, context);
            FieldSpec imageSpec = FieldSpec.of("ImageField", Cardinality.SINGLE);
            List<InvokeAIImage> images = ResultMapper.outputImages(item).stream()
                    .map(img -> (InvokeAIImage) fieldTypes
                            .typeFor(imageSpec)
                            .fromJson(
                                    imageSpec,
                                    Json.createObjectBuilder()
                                            .add("image_name", img.imageName())
                                            .build(),
                                    context))
                    .toList();
            QueueItem summary = DefaultQueue.toItem(item);
            String sessionId = summary.sessionId().orElse("");
            return new DefaultJobResult(summary.itemId(), sessionId, outputs, images, summary.fieldValues());
        }

        @Override
        public Optional<String> failedNode(JsonObject item) {
            return ResultMapper.failedNode(item, templates).map(f -> f.nodeId());
        }
    }

    record DefaultJobResult(
            long itemId,
            String sessionId,
            List<NodeOutput> outputs,
            List<InvokeAIImage> images,
            List<QueueItem.FieldValue> fieldValues)
            implements JobResult {
        DefaultJobResult {
            outputs = List.copyOf(outputs);
            images = List.copyOf(images);
            fieldValues = List.copyOf(fieldValues);
        }

        @Override
        public List<NodeOutput> outputs(String nodeIdOrLabel) {
            List<NodeOutput> byId = outputs.stream()
                    .filter(o -> o.nodeId().equals(nodeIdOrLabel))
                    .toList();
            if (!byId.isEmpty()) {
                return byId;
            }
            List<NodeOutput> byLabel = outputs.stream()
                    .filter(o -> o.label().equals(nodeIdOrLabel))
                    .toList();
            if (byLabel.stream().map(NodeOutput::nodeId).distinct().count() > 1) {
                throw new InvokeAIException("Several nodes are labelled '" + nodeIdOrLabel + "': "
                        + byLabel.stream().map(NodeOutput::nodeId).distinct().toList() + "; use a node id");
            }
            return byLabel;
        }
    }
}
