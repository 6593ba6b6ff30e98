package io.invokeai.client.types;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.ModelInfo;
import io.invokeai.client.internal.Futures;
import io.invokeai.client.spi.FieldContext;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.types.internal.Checks;
import io.invokeai.client.types.internal.Rejection;
import io.invokeai.client.types.internal.SingleType;
import io.invokeai.client.types.internal.Values;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * A model ({@code ModelIdentifierField}, JSON {@code {"key", "hash", "name", "base", "type"}}).
 *
 * <p>Set by model name or key (a {@code String}) or by a {@link ModelInfo} of this server. The allowed bases and
 * types come from the spec (e.g. {@code main_model_loader.model}: bases {@code [sd-1, sd-2]}, type {@code main}); a
 * {@code ModelInfo} of another base or type is rejected at once, a name is resolved among the allowed models when
 * the job is submitted.
 *
 * <p>Identifiers read from a workflow are <em>re-resolved</em> at submit too: model keys are per installation, so a
 * key saved elsewhere means nothing here. They are resolved by <em>name</em>, among the models of their stored base
 * and type (when the spec allows them), which is what survives moving a workflow between machines; when that
 * fails (no such name, or a name several models share) the stored key is tried, which settles it on the machine
 * that saved the workflow. The stored {@code submodel_type}, if any, is kept.
 */
public final class InvokeAIModelField extends InvokeAIField<InvokeAIModelField.Model> {
    /** The field type for {@code ModelIdentifierField} inputs and outputs. */
    public static final FieldType TYPE = SingleType.single(
            "ModelIdentifierField",
            (spec, given, strict) -> check(given, spec.modelBases(), spec.modelTypes(), strict),
            spec -> "model" + describeFilter(spec.modelBases(), spec.modelTypes()) + " (name, key or ModelInfo)",
            (spec, inputName, value, context) -> new InvokeAIModelField(spec, value, inputName));

    /** What the field knows about its model. */
    public sealed interface Model permits ByName, Stored, Resolved {
        /** The model's name, or the name or key given. */
        String displayName();
    }

    /** A name or key given in Java, resolved at submit. */
    public record ByName(String nameOrKey) implements Model {
        public ByName {
            if (nameOrKey == null || nameOrKey.isBlank()) {
                throw new IllegalArgumentException("model name is empty");
            }
        }

        @Override
        public String displayName() {
            return nameOrKey;
        }
    }

    /** An identifier read from a workflow or given as one, possibly from another installation: re-resolved. */
    public record Stored(Identifier identifier) implements Model {
        public Stored {
            Objects.requireNonNull(identifier, "identifier");
        }

        @Override
        public String displayName() {
            return identifier.name().isBlank() ? identifier.key() : identifier.name();
        }
    }

    /** An identifier of this client's server: resolved here, or taken from its {@link ModelInfo}. */
    public record Resolved(Identifier identifier) implements Model {
        public Resolved {
            Objects.requireNonNull(identifier, "identifier");
        }

        @Override
        public String displayName() {
            return identifier.name();
        }
    }

    /**
     * The server's model identifier.
     *
     * @param submodelType e.g. {@code vae} for a main model's VAE; sent only when present
     */
    public record Identifier(
            String key, String hash, String name, String base, String type, Optional<String> submodelType) {
        public Identifier {
            key = key == null ? "" : key;
            hash = hash == null ? "" : hash;
            name = name == null ? "" : name;
            base = base == null ? "" : base;
            type = type == null ? "" : type;
            Objects.requireNonNull(submodelType, "submodelType");
        }

        /** The identifier of an installed model (no submodel). */
        public static Identifier of(ModelInfo info) {
            return new Identifier(info.key(), info.hash(), info.name(), info.base(), info.type(), Optional.empty());
        }

        public JsonObject toJson() {
            JsonObjectBuilder b = Json.createObjectBuilder()
                    .add("key", key)
                    .add("hash", hash)
                    .add("name", name)
                    .add("base", base)
                    .add("type", type);
            submodelType.ifPresent(s -> b.add("submodel_type", s));
            return b.build();
        }

        /**
         * Reads {@code {"key", "hash", "name", "base", "type", "submodel_type"?}} (also as a map).
         *
         * @throws Rejection when it has neither a key nor a name
         */
        static Identifier read(Map<?, ?> map) {
            Identifier id = new Identifier(
                    Values.string(map, "key"),
                    Values.string(map, "hash"),
                    Values.string(map, "name"),
                    Values.string(map, "base"),
                    Values.string(map, "type"),
                    Optional.ofNullable(Values.string(map, "submodel_type")));
            if (id.key().isBlank() && id.name().isBlank()) {
                throw new Rejection("a model identifier needs a \"key\" or a \"name\"");
            }
            return id;
        }
    }

    private final String inputName;

    private InvokeAIModelField(FieldSpec spec, Model value, String inputName) {
        super(spec, value);
        this.inputName = inputName;
    }

    /**
     * A model by name, key, {@link ModelInfo} or identifier.
     *
     * @throws io.invokeai.client.InvalidInputException for other values, or a model of a base or type the input
     *     does not take
     */
    public static InvokeAIModelField of(FieldSpec spec, Object model) {
        return (InvokeAIModelField) TYPE.fromJava(spec, Checks.inputName(spec), model);
    }

    /** The identifier, once known (resolved, or read from a workflow). */
    public Optional<Identifier> identifier() {
        return value().flatMap(m -> m instanceof Resolved r
                ? Optional.of(r.identifier())
                : m instanceof Stored s ? Optional.of(s.identifier()) : Optional.empty());
    }

    /**
     * The identifier; a placeholder {@code {"key": "<resolve:NAME>", "name": NAME}} while a name is unresolved (dry
     * runs), and a stored identifier as read.
     */
    @Override
    public JsonValue toJson() {
        Model model = value().orElse(null);
        if (model == null) {
            return JsonValue.NULL;
        }
        if (model instanceof ByName b) {
            return Json.createObjectBuilder()
                    .add("key", "<resolve:" + b.nameOrKey() + ">")
                    .add("name", b.nameOrKey())
                    .build();
        }
        return identifier().orElseThrow().toJson();
    }

    @Override
    public String displayValue() {
        return value().map(Model::displayName).orElse("<unset>");
    }

    /** True until this client has resolved the model against its server. */
    @Override
    public boolean needsPreparation() {
        return value().map(m -> !(m instanceof Resolved)).orElse(false);
    }

    /** Resolves the model (see the class comment); fails naming the input when none or several match. */
    @Override
    public CompletableFuture<InvokeAIModelField> prepare(FieldContext context) {
        if (!needsPreparation()) {
            return CompletableFuture.completedFuture(this);
        }
        return resolve(context, inputName, value().orElseThrow(), spec().modelBases(), spec().modelTypes())
                .thenApply(id -> new InvokeAIModelField(spec(), new Resolved(id), inputName));
    }

    /** Resolves any model value; shared with {@link InvokeAILoRAField}. */
    static CompletableFuture<Identifier> resolve(
            FieldContext context, String inputName, Model model, List<String> bases, List<String> types) {
        if (model instanceof Resolved r) {
            return CompletableFuture.completedFuture(r.identifier());
        }
        if (model instanceof ByName b) {
            return context.resolveModel(inputName, b.nameOrKey(), bases, types).thenApply(Identifier::of);
        }
        Identifier stored = ((Stored) model).identifier();
        Function<ModelInfo, Identifier> keepSubmodel = info ->
                new Identifier(info.key(), info.hash(), info.name(), info.base(), info.type(), stored.submodelType());
        if (stored.name().isBlank()) {
            return context.resolveModel(inputName, stored.key(), bases, types).thenApply(keepSubmodel);
        }
        CompletableFuture<ModelInfo> byName = context.resolveModel(
                inputName, stored.name(), narrow(bases, stored.base()), narrow(types, stored.type()));
        if (stored.key().isBlank()) {
            return byName.thenApply(keepSubmodel);
        }
        return byName.handle((info, error) -> error == null
                        ? CompletableFuture.completedFuture(info)
                        : context.resolveModel(inputName, stored.key(), bases, types)
                                .handle((byKey, keyError) -> {
                                    if (keyError != null) {
                                        // the name is what the user recognises: report its failure
                                        throw new CompletionException(Futures.unwrap(error));
                                    }
                                    return byKey;
                                }))
                .thenCompose(Function.identity())
                .thenApply(keepSubmodel);
    }

    /** The stored base (or type) alone, when the spec allows it; it tells apart models that share a name. */
    private static List<String> narrow(List<String> allowed, String stored) {
        if (stored.isBlank() || (!allowed.isEmpty() && !allowed.contains(stored))) {
            return allowed;
        }
        return List.of(stored);
    }

    /** Converts a given value; {@code strict} also checks a given model's base and type against the spec. */
    static Model check(Object given, List<String> bases, List<String> types, boolean strict) {
        Object v = Values.unwrap(given);
        Model model;
        if (v instanceof Model m) {
            model = m;
        } else if (v instanceof ModelInfo info) {
            model = new Resolved(Identifier.of(info));
        } else if (v instanceof Identifier id) {
            model = new Stored(id);
        } else if (v instanceof CharSequence cs) {
            if (cs.toString().isBlank()) {
                throw new Rejection("the model name is empty");
            }
            return new ByName(cs.toString().trim());
        } else if (v instanceof Map<?, ?> map) {
            model = new Stored(Identifier.read(map));
        } else {
            throw new Rejection(null);
        }
        if (strict && !(model instanceof ByName)) {
            Identifier id = model instanceof Resolved r ? r.identifier() : ((Stored) model).identifier();
            if (!bases.isEmpty() && !id.base().isBlank() && !bases.contains(id.base())) {
                throw new Rejection("its base is " + id.base());
            }
            if (!types.isEmpty() && !id.type().isBlank() && !types.contains(id.type())) {
                throw new Rejection("its type is " + id.type());
            }
        }
        return model;
    }

    /** {@code " of base [sdxl] and type [main]"}, or the part of it the spec restricts, or empty. */
    static String describeFilter(List<String> bases, List<String> types) {
        StringBuilder sb = new StringBuilder();
        if (!bases.isEmpty()) {
            sb.append(" of base ").append(bases);
        }
        if (!types.isEmpty()) {
            sb.append(bases.isEmpty() ? " of type " : " and type ").append(types);
        }
        return sb.toString();
    }
}
