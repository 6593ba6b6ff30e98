package io.invokeai.client.tasks.txt2img.graph;

import static io.invokeai.client.tasks.txt2img.TextToImage.BOARD;
import static io.invokeai.client.tasks.txt2img.TextToImage.CFG_SCALE;
import static io.invokeai.client.tasks.txt2img.TextToImage.CLIP_EMBED;
import static io.invokeai.client.tasks.txt2img.TextToImage.GUIDANCE;
import static io.invokeai.client.tasks.txt2img.TextToImage.HEIGHT;
import static io.invokeai.client.tasks.txt2img.TextToImage.INIT_IMAGE;
import static io.invokeai.client.tasks.txt2img.TextToImage.LORAS;
import static io.invokeai.client.tasks.txt2img.TextToImage.MODEL;
import static io.invokeai.client.tasks.txt2img.TextToImage.NEGATIVE_PROMPT;
import static io.invokeai.client.tasks.txt2img.TextToImage.PROMPT;
import static io.invokeai.client.tasks.txt2img.TextToImage.SCHEDULER;
import static io.invokeai.client.tasks.txt2img.TextToImage.SEED;
import static io.invokeai.client.tasks.txt2img.TextToImage.STEPS;
import static io.invokeai.client.tasks.txt2img.TextToImage.STRENGTH;
import static io.invokeai.client.tasks.txt2img.TextToImage.T5_ENCODER;
import static io.invokeai.client.tasks.txt2img.TextToImage.VAE;
import static io.invokeai.client.tasks.txt2img.TextToImage.WIDTH;

import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.InvokeAIException;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.ModelInfo;
import io.invokeai.client.TaskParameter;
import io.invokeai.client.WorkflowInput;
import io.invokeai.client.spi.TaskRecipe;
import io.invokeai.client.tasks.txt2img.graph.GenerationGraph.Init;
import io.invokeai.client.tasks.txt2img.graph.WorkflowJson.Port;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A recipe that runs the {@link GenerationGraph} of the main model's family: the text-to-image and image-to-image
 * recipes, and the base of the ControlNet and IP-Adapter recipes, which add their nodes in
 * {@link #extend(GenerationGraph, Context)}.
 *
 * <p>{@link #workflowAsync} checks what it can without the server first (required parameters, parameter
 * combinations), then lists the installed models once to find the main model's family and to check that every other
 * model named (LoRAs, VAE, ...) is of that family, builds the family's graph and binds it through the generic
 * workflow engine, setting each parameter on the form input of the same name. Nothing is uploaded or enqueued.
 */
public abstract class GenerationRecipe implements TaskRecipe {
    /** Largest seed {@code noise} takes. */
    public static final long MAX_SEED = 4_294_967_295L;

    /** Whether the recipe starts from an init image. */
    public enum InitImage {
        NONE,
        OPTIONAL,
        REQUIRED
    }

    private final String name;
    private final String description;
    private final Set<String> capabilities;
    private final Set<ModelFamily> families;
    private final InitImage initImage;
    private final Supplier<Long> seeds;
    private volatile List<TaskParameter> parameters;

    protected GenerationRecipe(
            String name, String description, Set<String> capabilities, Set<ModelFamily> families, InitImage initImage) {
        this(
                name,
                description,
                capabilities,
                families,
                initImage,
                () -> ThreadLocalRandom.current().nextLong(MAX_SEED + 1));
    }

    /** As above, with a source of random seeds (for tests). */
    protected GenerationRecipe(
            String name,
            String description,
            Set<String> capabilities,
            Set<ModelFamily> families,
            InitImage initImage,
            Supplier<Long> seeds) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        Set<String> caps = new LinkedHashSet<>(capabilities);
        families.forEach(f -> caps.add(f.base()));
        this.capabilities = Set.copyOf(caps);
        this.families = Collections.unmodifiableSet(
                families.isEmpty() ? EnumSet.noneOf(ModelFamily.class) : EnumSet.copyOf(families));
        this.initImage = Objects.requireNonNull(initImage, "initImage");
        this.seeds = Objects.requireNonNull(seeds, "seeds");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    /** The recipe's own capabilities, plus the bases of the families it supports (e.g. {@code sdxl}). */
    @Override
    public final Set<String> capabilities() {
        return capabilities;
    }

    public final Set<ModelFamily> families() {
        return families;
    }

    @Override
    public final List<TaskParameter> parameters() {
        List<TaskParameter> ps = parameters;
        if (ps == null) {
            List<TaskParameter> all = new ArrayList<>(generationParameters());
            all.addAll(extraParameters());
            Set<String> names = new HashSet<>();
            for (TaskParameter p : all) {
                if (!names.add(p.name())) {
                    throw new IllegalStateException(name + ": two parameters are named " + p.name());
                }
            }
            ps = List.copyOf(all);
            parameters = ps;
        }
        return ps;
    }

    /** The parameters of the generation graph (model, prompts, size, sampling, seed, LoRAs, VAE, board, init image). */
    private List<TaskParameter> generationParameters() {
        List<String> bases = families.stream().map(ModelFamily::base).toList();
        boolean flux = families.contains(ModelFamily.FLUX);
        String sizes = families.stream()
                .map(f -> f.displayName() + " " + f.defaultSize())
                .collect(Collectors.joining(", "));
        List<TaskParameter> ps = new ArrayList<>();
        ps.add(Parameters.model(
                name,
                MODEL,
                "Model",
                "The main model (name, key or ModelInfo). Its base picks the graph: " + String.join(", ", bases) + ".",
                bases,
                "main",
                true));
        ps.add(Parameters.string(name, PROMPT, "Prompt", "What the image shows.", null, true));
        ps.add(Parameters.string(
                name,
                NEGATIVE_PROMPT,
                "Negative Prompt",
                "What the image should not show" + (flux ? " (SD1 and SDXL only)." : "."),
                "",
                false));
        String sizeNote = initImage == InitImage.NONE
                ? "Default: the family's native size (" + sizes + ")."
                : "Default: the init image's size (set width and height together to resize it); without an init"
                        + " image, the family's native size (" + sizes + ").";
        ps.add(Parameters.integer(
                name,
                WIDTH,
                "Width",
                "Image width in pixels, a multiple of 8 (16 for FLUX). " + sizeNote,
                null,
                64,
                4096,
                8L));
        ps.add(Parameters.integer(
                name, HEIGHT, "Height", "Image height in pixels, like the width. " + sizeNote, null, 64, 4096, 8L));
        ps.add(Parameters.integer(name, STEPS, "Steps", "Denoising steps.", 30L, 1, 500, null));
        ps.add(Parameters.number(
                name,
                CFG_SCALE,
                "CFG Scale",
                "Classifier-free guidance: how closely the image follows the prompt"
                        + (flux ? " (SD1 and SDXL)." : "."),
                "7.5",
                "1",
                "200"));
        if (flux) {
            ps.add(Parameters.number(
                    name, GUIDANCE, "Guidance", "FLUX's distilled guidance (FLUX only).", "4", "1", "20"));
        }
        ps.add(Parameters.scheduler(
                name,
                SCHEDULER,
                "Scheduler",
                "The sampling scheduler" + (flux ? " (FLUX takes euler, heun or lcm)." : "."),
                "euler"));
        ps.add(Parameters.integer(
                name,
                SEED,
                "Seed",
                "The noise seed; the same seed and parameters give the same image. Default: random, chosen"
                        + " before submission and reported (the workflow's 'seed' input and the job's 'seed' output).",
                null,
                0,
                MAX_SEED,
                null));
        ps.add(Parameters.loras(
                name,
                LORAS,
                "LoRAs",
                "LoRAs with weights: LoRA(name, weight) or a list of them, of the main model's base.",
                bases));
        ps.add(Parameters.model(
                name,
                VAE,
                "VAE",
                "A VAE replacing the main model's, of the same base"
                        + (flux ? " (FLUX needs one: default, the first installed FLUX VAE, by name)." : "."),
                bases,
                "vae",
                false));
        if (flux) {
            ps.add(Parameters.model(
                    name,
                    T5_ENCODER,
                    "T5 Encoder",
                    "FLUX's T5 text encoder (FLUX only; default: the first installed, by name).",
                    List.of(),
                    "t5_encoder",
                    false));
            ps.add(Parameters.model(
                    name,
                    CLIP_EMBED,
                    "CLIP Embed",
                    "FLUX's CLIP embedding model (FLUX only; default: the first installed, by name).",
                    List.of(),
                    "clip_embed",
                    false));
        }
        ps.add(Parameters.board(
                name, BOARD, "Board", "The board to save the image to, by name or id. Default: uncategorized."));
        if (initImage != InitImage.NONE) {
            ps.add(Parameters.image(
                    name,
                    INIT_IMAGE,
                    "Init Image",
                    "The image to start from: a Path, bytes, a BufferedImage or the name of an image on the server"
                            + (initImage == InitImage.OPTIONAL ? " (optional: without it, text-to-image)." : "."),
                    initImage == InitImage.REQUIRED));
            ps.add(Parameters.number(
                    name,
                    STRENGTH,
                    "Strength",
                    "How much the init image changes: 0 keeps it, 1 replaces it.",
                    "0.75",
                    "0",
                    "1"));
        }
        return ps;
    }

    /** The recipe's own parameters, after the generation parameters. */
    protected List<TaskParameter> extraParameters() {
        return List.of();
    }

    /**
     * Checks the recipe's own parameters without the server (required combinations, ranges that depend on each
     * other). Runs before anything is requested.
     *
     * @throws InvalidInputException naming the parameter
     */
    protected void checkValues(Map<String, InvokeAIField<?>> values) {}

    /**
     * Resolves and checks the recipe's own models against the family ({@link Context#model}); runs after the main
     * model and the generation models are known, before the graph is built.
     */
    protected void resolveModels(Context context) {}

    /** Adds the recipe's nodes to the graph and binds their inputs ({@link Context#bind}). */
    protected void extend(GenerationGraph graph, Context context) {}

    // -------------------------------------------------------------------------------------------------------------

    @Override
    public final CompletableFuture<ClientWorkflow> workflowAsync(
            InvokeAIClient client, Map<String, InvokeAIField<?>> values) {
        Map<String, InvokeAIField<?>> given = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null && v.isSet()) {
                given.put(k, v);
            }
        });
        try {
            checkCommon(given);
            checkValues(given);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return ModelCatalog.loadAsync(client).thenCompose(catalog -> {
            Context context = new Context(client, catalog, Map.copyOf(given));
            prepare(context);
            resolveModels(context);
            Init init =
                    !given.containsKey(INIT_IMAGE) ? Init.NONE : given.containsKey(WIDTH) ? Init.RESIZE : Init.NATIVE;
            GenerationGraph graph = GenerationGraph.build(
                    name + " (" + context.family.displayName() + ")",
                    description,
                    new GenerationGraph.Options(context.family, given.containsKey(LORAS), context.vae != null, init));
            extend(graph, context);
            return client.workflowAsync(graph.workflow().build().toString())
                    .thenApply(workflow -> bind(workflow, graph, context));
        });
    }

    private void checkCommon(Map<String, InvokeAIField<?>> given) {
        for (TaskParameter p : parameters()) {
            if (p.spec().required() && !given.containsKey(p.name())) {
                throw new InvalidInputException(
                        p.name(), "a value (the parameter is required: " + p.description() + ")", null);
            }
        }
        if (given.containsKey(INIT_IMAGE) && given.containsKey(WIDTH) != given.containsKey(HEIGHT)) {
            String missing = given.containsKey(WIDTH) ? HEIGHT : WIDTH;
            throw new InvalidInputException(
                    missing,
                    "a value when " + (missing.equals(WIDTH) ? HEIGHT : WIDTH)
                            + " is set with an init image (set both to resize the init image, or neither to keep its"
                            + " size)",
                    null);
        }
        if (!given.containsKey(INIT_IMAGE) && given.containsKey(STRENGTH)) {
            throw new InvalidInputException(
                    STRENGTH,
                    "no value without " + INIT_IMAGE,
                    given.get(STRENGTH).displayValue());
        }
    }

    /** Finds the family and the generation models; checks the family's parameters. */
    private void prepare(Context c) {
        Map<String, InvokeAIField<?>> values = c.values;
        c.main = c.catalog.resolve(MODEL, values.get(MODEL), "main");
        c.family = ModelFamily.ofBase(c.main.base())
                .filter(families::contains)
                .orElseThrow(() -> new InvalidInputException(
                        MODEL,
                        "a main model of base "
                                + families.stream().map(ModelFamily::base).collect(Collectors.joining(", "))
                                + " (recipe '" + name + "')",
                        c.main.name(),
                        "its base is " + c.main.base()));
        c.bind(MODEL, c.main);
        if (c.family == ModelFamily.FLUX) {
            if (Parameters.string(values, NEGATIVE_PROMPT)
                    .filter(s -> !s.isBlank())
                    .isPresent()) {
                throw wrongFamily(c, NEGATIVE_PROMPT, "SD1 and SDXL");
            }
            c.consume(NEGATIVE_PROMPT);
            if (values.containsKey(CFG_SCALE)) {
                throw wrongFamily(c, CFG_SCALE, "SD1 and SDXL (FLUX uses '" + GUIDANCE + "')");
            }
            for (String side : List.of(WIDTH, HEIGHT)) {
                Parameters.integer(values, side)
                        .filter(v -> v % ModelFamily.FLUX.sizeMultiple() != 0)
                        .ifPresent(v -> {
                            throw new InvalidInputException(
                                    side,
                                    "a multiple of " + ModelFamily.FLUX.sizeMultiple() + " for FLUX",
                                    values.get(side).displayValue());
                        });
            }
            c.bind(T5_ENCODER, c.modelOrDefault(T5_ENCODER, "t5_encoder", null));
            c.bind(CLIP_EMBED, c.modelOrDefault(CLIP_EMBED, "clip_embed", null));
            c.vae = c.modelOrDefault(VAE, "vae", ModelFamily.FLUX);
        } else {
            for (String fluxOnly : List.of(GUIDANCE, T5_ENCODER, CLIP_EMBED)) {
                if (values.containsKey(fluxOnly)) {
                    throw wrongFamily(c, fluxOnly, "FLUX");
                }
            }
            if (values.containsKey(VAE)) {
                c.vae = c.model(VAE, "vae");
            }
        }
        if (c.vae != null) {
            c.bind(VAE, c.vae);
        }
        if (values.containsKey(LORAS)) {
            for (ModelInfo lora : c.catalog.resolveLoras(LORAS, values.get(LORAS))) {
                ModelCatalog.requireBase(LORAS, lora, c.main, c.family);
            }
        }
        if (!values.containsKey(SEED)) {
            c.bind(SEED, seeds.get());
        }
    }

    private static InvalidInputException wrongFamily(Context c, String parameter, String families) {
        return new InvalidInputException(
                parameter,
                "no value for " + c.family.displayName() + " model '" + c.main.name() + "' (it applies to " + families
                        + " models only)",
                c.values.get(parameter).displayValue());
    }

    /** Sets every exposed input: a bound value, else the given value, else the parameter's default. */
    private ClientWorkflow bind(ClientWorkflow workflow, GenerationGraph graph, Context c) {
        Map<String, Port> exposed = graph.workflow().exposed();
        Set<String> inputs = workflow.inputs().stream().map(WorkflowInput::name).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(exposed.keySet());
        missing.removeAll(inputs);
        if (!missing.isEmpty()) {
            Set<String> nodeTypes = new TreeSet<>();
            for (String label : missing) {
                nodeTypes.add(graph.workflow().get(exposed.get(label).nodeId()).type());
            }
            throw new InvokeAIException("The server cannot run recipe '" + name + "' for "
                    + c.family.displayName() + ": it has no inputs " + missing + " (node types " + nodeTypes
                    + "; is it an InvokeAI without these nodes?)");
        }
        Map<String, TaskParameter> byName = new LinkedHashMap<>();
        parameters().forEach(p -> byName.put(p.name(), p));
        for (String label : graph.workflow().exposedLabels()) {
            Object value;
            if (c.bindings.containsKey(label)) {
                value = c.bindings.get(label);
            } else if (c.values.containsKey(label)) {
                value = c.values.get(label);
            } else if ((label.equals(WIDTH) || label.equals(HEIGHT))
                    && graph.options().init() == Init.NONE) {
                value = c.family.defaultSize();
            } else {
                TaskParameter p = byName.get(label);
                value = p == null ? null : p.spec().defaultValue().orElse(null);
            }
            if (value != null) {
                workflow.set(label, value);
            }
        }
        Set<String> unused = new TreeSet<>(c.values.keySet());
        unused.removeAll(exposed.keySet());
        unused.removeAll(c.consumed);
        if (!unused.isEmpty()) {
            throw new IllegalStateException("recipe " + name + " did not use the parameters " + unused);
        }
        return workflow;
    }

    /** What a recipe run knows: the client, the values given, the installed models, the main model and family. */
    public static final class Context {
        private final InvokeAIClient client;
        private final ModelCatalog catalog;
        private final Map<String, InvokeAIField<?>> values;
        private final Map<String, Object> bindings = new LinkedHashMap<>();
        private final Set<String> consumed = new HashSet<>();
        private ModelInfo main;
        private ModelFamily family;
        private ModelInfo vae;

        Context(InvokeAIClient client, ModelCatalog catalog, Map<String, InvokeAIField<?>> values) {
            this.client = client;
            this.catalog = catalog;
            this.values = values;
        }

        public InvokeAIClient client() {
            return client;
        }

        public ModelCatalog catalog() {
            return catalog;
        }

        /** The parameters that were set, checked by their field types. */
        public Map<String, InvokeAIField<?>> values() {
            return values;
        }

        public boolean isSet(String parameter) {
            return values.containsKey(parameter);
        }

        public ModelInfo mainModel() {
            return main;
        }

        public ModelFamily family() {
            return family;
        }

        /**
         * The model a parameter names, of this type, checked to be of the main model's family.
         *
         * @throws InvalidInputException when it is not installed, ambiguous, or of another base
         */
        public ModelInfo model(String parameter, String type) {
            ModelInfo model = catalog.resolve(parameter, values.get(parameter), type);
            ModelCatalog.requireBase(parameter, model, main, family);
            return model;
        }

        /** The model a parameter names, else the first installed model of the type (and of the family, if given). */
        ModelInfo modelOrDefault(String parameter, String type, ModelFamily ofFamily) {
            if (values.containsKey(parameter)) {
                return ofFamily == null
                        ? catalog.resolve(parameter, values.get(parameter), type)
                        : model(parameter, type);
            }
            return catalog.ofType(type).stream()
                    .filter(m -> ofFamily == null || m.base().equals(ofFamily.base()))
                    .min(java.util.Comparator.comparing(ModelInfo::name))
                    .orElseThrow(() -> new InvalidInputException(
                            parameter,
                            "a " + type + " model for " + family.displayName() + " model '" + main.name() + "'",
                            null,
                            "none is installed on the server"));
        }

        /** Sets the workflow input {@code label} to this value (instead of the parameter's own value). */
        public void bind(String label, Object value) {
            bindings.put(label, value);
        }

        /** Marks a parameter as used by the graph's structure rather than by an input of the same name. */
        public void consume(String parameter) {
            consumed.add(parameter);
        }
    }
}
