package io.invokeai.client.core;

import io.invokeai.client.InvokeAIField;
import io.invokeai.client.JobEvent;
import io.invokeai.client.ResumableRun;
import io.invokeai.client.Sweep;
import io.invokeai.client.SweepResult;
import io.invokeai.client.SweepRun;
import io.invokeai.client.WorkflowInput;
import io.invokeai.client.core.fields.FieldTypeRegistry;
import io.invokeai.client.core.wire.Dtos.EnqueueResult;
import io.invokeai.client.core.workflow.BoundWorkflow;
import io.invokeai.client.core.workflow.GraphBuilder;
import io.invokeai.client.core.workflow.WorkflowSnapshot;
import io.invokeai.client.internal.Futures;
import io.invokeai.client.spi.FieldType;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sweep over a bound workflow: inputs by name with their value lists, checked as they are added; prepared (uploads,
 * model resolution) once per distinct value; planned by {@link SweepPlan}; enqueued once per segment.
 */
final class DefaultSweep implements Sweep {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultSweep.class);
    /** Node types that are never sent to the server (the GUI turns them into batch data). */
    private static final Set<String> NOT_IN_GRAPH = Set.of(
            "image_batch",
            "string_batch",
            "integer_batch",
            "float_batch",
            "image_generator",
            "string_generator",
            "integer_generator",
            "float_generator");

    /** One swept input with its typed values. */
    record Swept(String name, WorkflowInput input, List<InvokeAIField<?>> fields) {}

    private final BoundWorkflow bound;
    private final WorkflowSnapshot base;
    private final WorkflowRunner runner;
    private final List<List<Swept>> groups = new ArrayList<>();
    private final Set<String> sweptIds = new LinkedHashSet<>();
    private final List<Consumer<JobEvent>> eventListeners = new ArrayList<>();
    private Consumer<SweepResult> resultListener;
    private boolean prepend;
    private int runs;

    DefaultSweep(BoundWorkflow bound, WorkflowRunner runner, boolean prepend) {
        this.bound = bound;
        this.base = bound.snapshot();
        this.runner = runner;
        this.prepend = prepend;
        this.runs = base.runs();
    }

    /** A frozen copy for one submission, so the sweep can be changed afterwards. */
    private DefaultSweep(DefaultSweep other) {
        this.bound = other.bound;
        this.base = other.base;
        this.runner = other.runner;
        other.groups.forEach(g -> this.groups.add(List.copyOf(g)));
        this.sweptIds.addAll(other.sweptIds);
        this.eventListeners.addAll(other.eventListeners);
        this.resultListener = other.resultListener;
        this.prepend = other.prepend;
        this.runs = other.runs;
    }

    // ---------------------------------------------------------------------------------------------------------
    // building

    @Override
    public Sweep vary(String input, List<?> values) {
        Objects.requireNonNull(input, "input");
        Map<String, List<?>> one = new LinkedHashMap<>();
        one.put(input, values);
        return zip(one);
    }

    @Override
    public Sweep zip(Map<String, ? extends List<?>> inputs) {
        Objects.requireNonNull(inputs, "inputs");
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("zip needs at least one input");
        }
        List<Swept> group = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Map.Entry<String, ? extends List<?>> e : inputs.entrySet()) {
            Swept s = convert(e.getKey(), e.getValue());
            if (sweptIds.contains(s.input().idName()) || !ids.add(s.input().idName())) {
                throw new IllegalArgumentException("Input '" + e.getKey() + "' ("
                        + s.input().idName() + ") is already swept; give all its values in one place");
            }
            group.add(s);
        }
        if (group.stream().map(s -> s.fields().size()).distinct().count() > 1) {
            throw new IllegalArgumentException("Zipped inputs change together, so they need the same number of"
                    + " values, but "
                    + String.join(
                            ", ",
                            group.stream()
                                    .map(s -> "'" + s.name() + "' has "
                                            + s.fields().size())
                                    .toList()));
        }
        sweptIds.addAll(ids);
        groups.add(List.copyOf(group));
        return this;
    }

    private Swept convert(String name, List<?> values) {
        WorkflowInput input = bound.input(name);
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(
                    "Input '" + name + "' is swept over no values; give at least one (" + describe(input) + ")");
        }
        String nodeType = bound.document()
                .node(input.nodeId())
                .map(n -> n.getJsonObject("data").getString("type", ""))
                .orElse("");
        if (NOT_IN_GRAPH.contains(nodeType)) {
            throw new IllegalArgumentException("Input '" + name + "' belongs to the " + nodeType + " node '"
                    + input.nodeId() + "', which the server never sees (its values become batch data); sweep"
                    + " the input it feeds instead, or set its list");
        }
        FieldType type = runner.fieldTypes().typeFor(input.spec());
        List<InvokeAIField<?>> fields = new ArrayList<>(values.size());
        for (Object value : values) {
            fields.add(type.fromJava(input.spec(), name, value));
        }
        return new Swept(name, input, fields);
    }

    private String describe(WorkflowInput input) {
        return runner.fieldTypes().typeFor(input.spec()).describe(input.spec());
    }

    @Override
    public Sweep runs(int newRuns) {
        if (newRuns < 1) {
            throw new IllegalArgumentException("runs must be at least 1, was " + newRuns);
        }
        this.runs = newRuns;
        return this;
    }

    @Override
    public Sweep prepend(boolean newPrepend) {
        this.prepend = newPrepend;
        return this;
    }

    @Override
    public Sweep onResult(Consumer<SweepResult> listener) {
        this.resultListener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    @Override
    public Sweep onEvent(Consumer<JobEvent> listener) {
        eventListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public long size() {
        long count = GraphBuilder.itemCount(
                base.document(), base.templates(), runner.fieldTypes(), base.values(), runs, Map.of());
        for (List<Swept> g : groups) {
            count = Math.multiplyExact(count, g.get(0).fields().size());
        }
        return count;
    }

    // ---------------------------------------------------------------------------------------------------------
    // planning

    /** The plan and how to build each segment's request, from prepared (or, for a dry run, as-given) values. */
    record Prepared(
            SweepPlan plan,
            WorkflowSnapshot snapshot,
            FieldTypeRegistry fieldTypes,
            Map<String, Map<String, JsonValue>> values,
            Map<String, List<JsonValue>> generated,
            boolean prepend) {

        /** The request for a set of points of one segment, or for a whole segment when {@code points} is empty. */
        JsonObject request(long segment, Optional<Ranges> points, String batchId) {
            Map<String, Map<String, JsonValue>> v = new LinkedHashMap<>();
            values.forEach((node, fields) -> v.put(node, new LinkedHashMap<>(fields)));
            plan.segmentValues(segment)
                    .forEach((node, fields) ->
                            v.computeIfAbsent(node, k -> new LinkedHashMap<>()).putAll(fields));
            JsonObject body = GraphBuilder.enqueueBody(
                    snapshot.document(),
                    snapshot.templates(),
                    fieldTypes,
                    v,
                    plan.runs(),
                    WorkflowRunner.options(UUID.randomUUID().toString())
                            .withGeneratorValues(generated)
                            .withPrepend(prepend));
            if (points.isEmpty()) {
                return SweepPlan.withData(body, plan.freshData(), plan.runs(), batchId);
            }
            var data = plan.explicitData(points.get());
            int n = data.isEmpty() ? Math.toIntExact(points.get().size()) : 1;
            return SweepPlan.withData(body, data, n, batchId);
        }
    }

    private WorkflowSnapshot snapshot() {
        return new WorkflowSnapshot(base.document(), base.templates(), base.inputs(), runs);
    }

    /** Plans with the values as given (nothing sent): for dry runs. */
    Prepared planAsGiven() {
        WorkflowSnapshot snapshot = snapshot();
        Map<String, Map<String, JsonValue>> values = snapshot.values();
        Map<InvokeAIField<?>, JsonValue> json = new HashMap<>();
        groups.forEach(g -> g.forEach(s -> s.fields().forEach(f -> json.put(f, f.toJson()))));
        return plan(snapshot, values, Map.of(), json);
    }

    /** Prepares the workflow's values and every distinct swept value (uploads once each), then plans. */
    CompletableFuture<Prepared> prepare() {
        WorkflowSnapshot snapshot = snapshot();
        return runner.prepareValues(snapshot)
                .thenCompose(values -> runner.generatorValues(snapshot, values)
                        .thenCompose(generated ->
                                prepareSwept().thenApply(json -> plan(snapshot, values, generated, json))));
    }

    private CompletableFuture<Map<InvokeAIField<?>, JsonValue>> prepareSwept() {
        Map<InvokeAIField<?>, CompletableFuture<JsonValue>> distinct = new LinkedHashMap<>();
        for (List<Swept> g : groups) {
            for (Swept s : g) {
                for (InvokeAIField<?> f : s.fields()) {
                    distinct.computeIfAbsent(
                            f,
                            k -> k.needsPreparation()
                                    ? k.prepare(runner.context()).thenApply(InvokeAIField::toJson)
                                    : CompletableFuture.completedFuture(k.toJson()));
                }
            }
        }
        return CompletableFuture.allOf(distinct.values().toArray(CompletableFuture[]::new))
                .thenApply(v -> {
                    Map<InvokeAIField<?>, JsonValue> json = new HashMap<>();
                    distinct.forEach((f, future) -> json.put(f, future.join()));
                    return json;
                });
    }

    private Prepared plan(
            WorkflowSnapshot snapshot,
            Map<String, Map<String, JsonValue>> values,
            Map<String, List<JsonValue>> generated,
            Map<InvokeAIField<?>, JsonValue> json) {
        JsonObject body = GraphBuilder.enqueueBody(
                snapshot.document(),
                snapshot.templates(),
                runner.fieldTypes(),
                values,
                runs,
                WorkflowRunner.options(UUID.randomUUID().toString()).withGeneratorValues(generated));
        List<SweepPlan.Group> planGroups = new ArrayList<>(SweepPlan.workflowGroups(body));
        Map<String, String> workflowTargets = new HashMap<>();
        planGroups.forEach(g ->
                g.columns().forEach(c -> workflowTargets.put(c.nodeId() + "." + c.fieldName(), c.name())));
        JsonObject graphNodes =
                body.getJsonObject("batch").getJsonObject("graph").getJsonObject("nodes");
        for (List<Swept> g : groups) {
            List<SweepPlan.Column> columns = new ArrayList<>();
            for (Swept s : g) {
                String id = s.input().idName();
                if (workflowTargets.containsKey(id)) {
                    throw new IllegalArgumentException("Input '" + s.name() + "' (" + id
                            + ") is already fed by the workflow's batch node; sweep one or the other");
                }
                if (!graphNodes.containsKey(s.input().nodeId())) {
                    throw new IllegalArgumentException(
                            "Input '" + s.name() + "' is on node '" + s.input().nodeId()
                                    + "', which is not part of the graph sent to the server, so it cannot be swept");
                }
                columns.add(new SweepPlan.Column(
                        s.name(),
                        s.input().nodeId(),
                        s.input().fieldName(),
                        s.fields().stream().map(json::get).toList(),
                        s.fields()));
            }
            planGroups.add(new SweepPlan.Group(columns));
        }
        return new Prepared(new SweepPlan(planGroups, runs), snapshot, runner.fieldTypes(), values, generated, prepend);
    }

    @Override
    public JsonObject dryRun() {
        Prepared p = planAsGiven();
        JsonArrayBuilder requests = Json.createArrayBuilder();
        for (long s = 0; s < p.plan().segments(); s++) {
            requests.add(p.request(s, Optional.empty(), UUID.randomUUID().toString()));
        }
        return Json.createObjectBuilder()
                .add("requests", requests)
                .add("items", p.plan().total())
                .build();
    }

    /**
     * A fingerprint of what the sweep computes: the workflow with its values, the swept inputs and their values, the
     * runs. The same sweep gives the same fingerprint in another process.
     */
    String fingerprint() {
        WorkflowSnapshot s = snapshot();
        JsonArrayBuilder swept = Json.createArrayBuilder();
        for (List<Swept> g : groups) {
            JsonArrayBuilder group = Json.createArrayBuilder();
            for (Swept sw : g) {
                JsonArrayBuilder vals = Json.createArrayBuilder();
                sw.fields().forEach(f -> vals.add(f.toJson()).add(f.displayValue()));
                group.add(Json.createObjectBuilder()
                        .add("input", sw.input().idName())
                        .add("name", sw.name())
                        .add("values", vals));
            }
            swept.add(group);
        }
        JsonObject canonical = Json.createObjectBuilder()
                .add(
                        "workflow",
                        GraphBuilder.workflowJson(
                                s.document().validate(s.templates()).withInputValues(s.values())))
                .add("runs", runs)
                .add("sweep", swept)
                .build();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    String workflowName() {
        return base.document().name();
    }

    List<String> sweptNames() {
        List<String> names = new ArrayList<>();
        groups.forEach(g -> g.forEach(s -> names.add(s.name())));
        return names;
    }

    WorkflowRunner runner() {
        return runner;
    }

    List<Consumer<JobEvent>> eventListeners() {
        return eventListeners;
    }

    // ---------------------------------------------------------------------------------------------------------
    // submitting

    @Override
    public CompletableFuture<SweepRun> submitAsync() {
        DefaultSweep frozen = new DefaultSweep(this);
        try {
            frozen.size(); // validates the workflow's own batch nodes before anything is sent
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return frozen.prepare().thenCompose(frozen::submit);
    }

    private CompletableFuture<SweepRun> submit(Prepared p) {
        DefaultSweepRun run = new DefaultSweepRun(
                p.plan(),
                runner.tracker(),
                runner.queue(),
                runner.reader(p.snapshot().templates()),
                resultListener,
                eventListeners,
                null);
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (long s = 0; s < p.plan().segments(); s++) {
            long segment = s;
            chain = chain.thenCompose(v -> {
                String batchId = UUID.randomUUID().toString();
                return runner.enqueueRaw(p.request(segment, Optional.empty(), batchId))
                        .thenAccept(result -> {
                            Ranges ids = ascending(result);
                            String id = result.batch() == null
                                    ? batchId
                                    : result.batch().batchId();
                            long requested = result.requested() == null ? ids.size() : result.requested();
                            run.enqueued(id, requested, ids.size());
                            warnIfDropped(p.plan(), segment, id, requested, ids.size());
                            run.follow(id, ids, position -> p.plan().indexInSegment(segment, position));
                        });
            });
        }
        return chain.handle((v, error) -> {
            if (error != null) {
                if (!run.batchIds().isEmpty()) {
                    LOG.warn(
                            "Enqueueing the sweep failed after batches {} were enqueued; canceling them",
                            run.batchIds());
                    run.cancelAsync();
                }
                run.fail(error);
                throw Futures.rethrow(error);
            }
            run.seal();
            return run;
        });
    }

    static Ranges ascending(EnqueueResult result) {
        List<Long> ids = new ArrayList<>(result.itemIds() == null ? List.of() : result.itemIds());
        ids.sort(Comparator.naturalOrder()); // the server lists them newest first
        Ranges r = new Ranges();
        ids.forEach(r::add);
        return r;
    }

    private static void warnIfDropped(SweepPlan plan, long segment, String batchId, long requested, long enqueued) {
        if (enqueued >= requested) {
            return;
        }
        List<String> examples = new ArrayList<>();
        for (long p = enqueued; p < requested && examples.size() < 3; p++) {
            examples.add(plan.inputs(plan.indexInSegment(segment, p)).toString());
        }
        LOG.warn(
                "The server's queue limit (max_queue_size) accepted {} of the {} items of batch {}; the other {} were"
                        + " dropped and will not run (e.g. {}). Use a resumable run to send the rest as the queue"
                        + " drains, or raise max_queue_size.",
                enqueued,
                requested,
                batchId,
                requested - enqueued,
                examples);
    }

    @Override
    public ResumableRun resumable(Path directory) {
        return new DefaultResumableRun(new DefaultSweep(this), directory);
    }

    Consumer<SweepResult> resultListener() {
        return resultListener;
    }

    @Override
    public String toString() {
        return "Sweep[" + base.document().name() + ", " + sweptNames() + ", runs " + runs + "]";
    }
}
