package io.invokeai.client.tasks.testing;

import io.invokeai.client.Boards;
import io.invokeai.client.ClientOptions;
import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.Images;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.InvokeAIException;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.ModelFilter;
import io.invokeai.client.ModelInfo;
import io.invokeai.client.Models;
import io.invokeai.client.Queue;
import io.invokeai.client.TaskParameter;
import io.invokeai.client.TaskRecipes;
import io.invokeai.client.UnknownInputException;
import io.invokeai.client.WorkflowLibrary;
import io.invokeai.client.internal.Futures;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.spi.FieldTypeProvider;
import io.invokeai.client.spi.TaskRecipe;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;

/**
 * Unit-test support for recipes: an offline client (the bundled InvokeAI 6.14 schema, nothing sent) that lists a
 * fixed set of models, values typed by the real field types, and the graph a workflow would enqueue.
 */
public final class RecipeTests {
    public static final ModelInfo SD1 = model("tiny-sd1", "sd-1", "main");
    public static final ModelInfo SD2 = model("tiny-sd2", "sd-2", "main");
    public static final ModelInfo SDXL = model("tiny-sdxl", "sdxl", "main");
    public static final ModelInfo FLUX = model("tiny-flux", "flux", "main");
    public static final ModelInfo SD1_LORA = model("tiny-sd1-lora", "sd-1", "lora");
    public static final ModelInfo SDXL_LORA = model("tiny-sdxl-lora", "sdxl", "lora");
    public static final ModelInfo SD1_VAE = model("tiny-sd1-vae", "sd-1", "vae");
    public static final ModelInfo SDXL_VAE = model("tiny-sdxl-vae", "sdxl", "vae");
    public static final ModelInfo FLUX_VAE = model("flux-vae", "flux", "vae");
    public static final ModelInfo T5 = model("t5-encoder", "any", "t5_encoder");
    public static final ModelInfo CLIP_EMBED = model("clip-embed", "any", "clip_embed");
    public static final ModelInfo SD1_CONTROLNET = model("tiny-sd1-controlnet", "sd-1", "controlnet");
    public static final ModelInfo SD1_CONTROLNET_2 = model("tiny-sd1-controlnet-2", "sd-1", "controlnet");
    public static final ModelInfo SDXL_CONTROLNET = model("tiny-sdxl-controlnet", "sdxl", "controlnet");
    public static final ModelInfo SD1_IP_ADAPTER = model("tiny-sd1-ip-adapter", "sd-1", "ip_adapter");
    public static final ModelInfo SDXL_IP_ADAPTER = model("tiny-sdxl-ip-adapter", "sdxl", "ip_adapter");

    public static final List<ModelInfo> ALL = List.of(
            SD1,
            SD2,
            SDXL,
            FLUX,
            SD1_LORA,
            SDXL_LORA,
            SD1_VAE,
            SDXL_VAE,
            FLUX_VAE,
            T5,
            CLIP_EMBED,
            SD1_CONTROLNET,
            SD1_CONTROLNET_2,
            SDXL_CONTROLNET,
            SD1_IP_ADAPTER,
            SDXL_IP_ADAPTER);

    private static final InvokeAIClient OFFLINE = InvokeAIClient.offline();

    private RecipeTests() {}

    public static ModelInfo model(String name, String base, String type) {
        return new ModelInfo("key-" + name, "blake3:" + name, name, base, type, "diffusers", "");
    }

    /** An offline client whose server has these models. */
    public static InvokeAIClient client(List<ModelInfo> models) {
        return new StubClient(OFFLINE, models);
    }

    public static InvokeAIClient client() {
        return client(ALL);
    }

    public static TaskRecipe recipe(String name) {
        return OFFLINE.tasks().find(name).orElseThrow(() -> new AssertionError("no recipe " + name));
    }

    /** Values as {@code Task.set} makes them: typed and checked by the registered field types. */
    public static Map<String, InvokeAIField<?>> values(TaskRecipe recipe, Map<String, ?> given) {
        Map<String, InvokeAIField<?>> values = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            TaskParameter p = recipe.parameters().stream()
                    .filter(q -> q.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new UnknownInputException(
                            name,
                            recipe.parameters().stream()
                                    .map(TaskParameter::name)
                                    .toList()));
            values.put(name, typeFor(p.spec()).fromJava(p.spec(), name, value));
        });
        return values;
    }

    /** Builds the recipe's workflow with these values, against the stub server. */
    public static ClientWorkflow workflow(String recipe, Map<String, ?> given) {
        return workflow(client(), recipe, given);
    }

    public static ClientWorkflow workflow(InvokeAIClient client, String recipe, Map<String, ?> given) {
        TaskRecipe r = recipe(recipe);
        return Futures.join(r.workflowAsync(client, values(r, given)));
    }

    /** The graph a submit would enqueue. */
    public static JsonObject graph(ClientWorkflow workflow) {
        return workflow.dryRun().getJsonObject("batch").getJsonObject("graph");
    }

    /** Node id to node type. */
    public static Map<String, String> nodeTypes(JsonObject graph) {
        Map<String, String> types = new LinkedHashMap<>();
        graph.getJsonObject("nodes")
                .forEach((id, node) -> types.put(id, node.asJsonObject().getString("type")));
        return types;
    }

    /** The graph's edges as {@code "source.field -> target.field"}. */
    public static List<String> edges(JsonObject graph) {
        List<String> edges = new ArrayList<>();
        for (JsonValue e : graph.getJsonArray("edges")) {
            JsonObject s = e.asJsonObject().getJsonObject("source");
            JsonObject d = e.asJsonObject().getJsonObject("destination");
            edges.add(s.getString("node_id") + "." + s.getString("field") + " -> " + d.getString("node_id") + "."
                    + d.getString("field"));
        }
        return edges;
    }

    public static JsonObject node(JsonObject graph, String id) {
        JsonObject node = graph.getJsonObject("nodes").getJsonObject(id);
        if (node == null) {
            throw new AssertionError("no node " + id + " in " + nodeTypes(graph));
        }
        return node;
    }

    private static FieldType typeFor(FieldSpec spec) {
        List<FieldTypeProvider> providers = new ArrayList<>();
        ServiceLoader.load(FieldTypeProvider.class).forEach(providers::add);
        providers.sort(Comparator.comparingInt(FieldTypeProvider::priority).reversed());
        for (FieldTypeProvider provider : providers) {
            for (FieldType type : provider.fieldTypes()) {
                if (type.supports(spec)) {
                    return type;
                }
            }
        }
        throw new InvokeAIException("no field type for " + spec);
    }

    /** The offline client with a stub model list. */
    private static final class StubClient implements InvokeAIClient {
        private final InvokeAIClient delegate;
        private final Models models;

        StubClient(InvokeAIClient delegate, List<ModelInfo> installed) {
            this.delegate = delegate;
            this.models = new Models() {
                @Override
                public CompletableFuture<List<ModelInfo>> listAsync(ModelFilter filter) {
                    return CompletableFuture.completedFuture(installed.stream()
                            .filter(m -> filter.name().map(m.name()::equals).orElse(true))
                            .filter(m -> filter.type().map(m.type()::equals).orElse(true))
                            .filter(m ->
                                    filter.bases().isEmpty() || filter.bases().contains(m.base()))
                            .toList());
                }

                @Override
                public CompletableFuture<ModelInfo> getAsync(String key) {
                    return CompletableFuture.completedFuture(installed.stream()
                            .filter(m -> m.key().equals(key))
                            .findFirst()
                            .orElseThrow());
                }

                @Override
                public CompletableFuture<Optional<ModelInfo>> findAsync(
                        String name, Optional<String> base, Optional<String> type) {
                    ModelFilter f = ModelFilter.all().withName(name);
                    if (base.isPresent()) {
                        f = f.withBases(base.get());
                    }
                    if (type.isPresent()) {
                        f = f.withType(type.get());
                    }
                    return listAsync(f).thenApply(l -> l.stream().findFirst());
                }
            };
        }

        @Override
        public ClientOptions options() {
            return delegate.options();
        }

        @Override
        public CompletableFuture<String> versionAsync() {
            return delegate.versionAsync();
        }

        @Override
        public Boards boards() {
            return delegate.boards();
        }

        @Override
        public Images images() {
            return delegate.images();
        }

        @Override
        public Models models() {
            return models;
        }

        @Override
        public Queue queue() {
            return delegate.queue();
        }

        @Override
        public WorkflowLibrary workflowLibrary() {
            return delegate.workflowLibrary();
        }

        @Override
        public TaskRecipes tasks() {
            return delegate.tasks();
        }

        @Override
        public CompletableFuture<ClientWorkflow> workflowAsync(String workflowJson) {
            return delegate.workflowAsync(workflowJson);
        }

        @Override
        public CompletableFuture<ClientWorkflow> workflowFromImageAsync(byte[] png) {
            return delegate.workflowFromImageAsync(png);
        }

        @Override
        public void close() {}
    }
}
