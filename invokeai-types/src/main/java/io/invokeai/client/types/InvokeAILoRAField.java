package io.invokeai.client.types;

import static io.invokeai.client.Cardinality.COLLECTION;
import static io.invokeai.client.Cardinality.SINGLE;
import static io.invokeai.client.Cardinality.SINGLE_OR_COLLECTION;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldContext;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.types.InvokeAIModelField.ByName;
import io.invokeai.client.types.InvokeAIModelField.Identifier;
import io.invokeai.client.types.InvokeAIModelField.Model;
import io.invokeai.client.types.InvokeAIModelField.Resolved;
import io.invokeai.client.types.InvokeAIModelField.Stored;
import io.invokeai.client.types.internal.BaseFieldType;
import io.invokeai.client.types.internal.Checks;
import io.invokeai.client.types.internal.Numbers;
import io.invokeai.client.types.internal.Rejection;
import io.invokeai.client.types.internal.Values;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * LoRAs with weights ({@code LoRAField}, JSON {@code [{"lora": <model identifier>, "weight": w}]}), e.g.
 * {@code lora_collection_loader.loras}.
 *
 * <p>Set with a {@link LoRA}, a list of them, or the GUI's JSON entries ({@code {"lora": identifier or name,
 * "weight": w}}). Each model is resolved at submit like an {@link InvokeAIModelField}, among the spec's bases and
 * types (type {@code lora} when the spec names none). A {@code COLLECTION} or {@code SINGLE_OR_COLLECTION} input is
 * sent as a list, like the GUI does; a {@code SINGLE} one (an output such as {@code lora_selector}'s) holds one entry
 * and is sent as an object.
 */
public final class InvokeAILoRAField extends InvokeAIField<List<LoRA>> {
    /** The field type for {@code LoRAField} inputs and outputs of any cardinality. */
    public static final FieldType TYPE = new Type();

    private final List<Entry> entries;
    private final String inputName;

    private InvokeAILoRAField(FieldSpec spec, List<Entry> entries, String inputName) {
        super(spec, entries == null ? null : entries.stream().map(Entry::lora).toList());
        this.entries = entries == null ? List.of() : List.copyOf(entries);
        this.inputName = inputName;
    }

    /** One entry: the model as known (name, stored or resolved identifier) and the weight. */
    private record Entry(Model model, BigDecimal weight) {
        LoRA lora() {
            return new LoRA(model.displayName(), weight.doubleValue());
        }
    }

    /**
     * LoRAs checked against the spec.
     *
     * @throws InvalidInputException naming the offending entry
     */
    public static InvokeAILoRAField of(FieldSpec spec, List<LoRA> loras) {
        return (InvokeAILoRAField) TYPE.fromJava(spec, Checks.inputName(spec), loras);
    }

    /** The model identifiers, once resolved or read from a workflow (empty entries while only a name is known). */
    public List<Optional<Identifier>> identifiers() {
        return entries.stream().map(e -> identifier(e.model())).toList();
    }

    private static Optional<Identifier> identifier(Model model) {
        if (model instanceof Resolved r) {
            return Optional.of(r.identifier());
        }
        return model instanceof Stored s ? Optional.of(s.identifier()) : Optional.empty();
    }

    @Override
    public JsonValue toJson() {
        if (!isSet()) {
            return JsonValue.NULL;
        }
        List<JsonObject> objects = entries.stream()
                .map(e -> Json.createObjectBuilder()
                        .add("lora", modelJson(e.model()))
                        .add("weight", Values.number(e.weight()))
                        .build())
                .toList();
        if (spec().cardinality() == SINGLE) {
            return objects.isEmpty() ? JsonValue.NULL : objects.get(0);
        }
        JsonArrayBuilder b = Json.createArrayBuilder();
        objects.forEach(b::add);
        return b.build();
    }

    private static JsonValue modelJson(Model model) {
        if (model instanceof ByName b) {
            return Json.createObjectBuilder()
                    .add("key", "<resolve:" + b.nameOrKey() + ">")
                    .add("name", b.nameOrKey())
                    .build();
        }
        return identifier(model).orElseThrow().toJson();
    }

    @Override
    public boolean needsPreparation() {
        return entries.stream().anyMatch(e -> !(e.model() instanceof Resolved));
    }

    /** Resolves every LoRA model; fails naming the input when one matches no model or several. */
    @Override
    public CompletableFuture<InvokeAILoRAField> prepare(FieldContext context) {
        if (!needsPreparation()) {
            return CompletableFuture.completedFuture(this);
        }
        List<CompletableFuture<Identifier>> resolved = entries.stream()
                .map(e -> InvokeAIModelField.resolve(context, inputName, e.model(), spec().modelBases(), types(spec())))
                .toList();
        return CompletableFuture.allOf(resolved.toArray(CompletableFuture<?>[]::new))
                .thenApply(done -> {
                    List<Entry> out = new ArrayList<>();
                    for (int i = 0; i < entries.size(); i++) {
                        out.add(new Entry(
                                new Resolved(resolved.get(i).join()),
                                entries.get(i).weight()));
                    }
                    return new InvokeAILoRAField(spec(), out, inputName);
                });
    }

    private static List<String> types(FieldSpec spec) {
        return spec.modelTypes().isEmpty() ? List.of("lora") : spec.modelTypes();
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && entries.equals(((InvokeAILoRAField) o).entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), entries);
    }

    private static Entry entry(FieldSpec spec, Object given, boolean strict) {
        Object v = Values.unwrap(given);
        if (v instanceof LoRA lora) {
            return new Entry(new ByName(lora.model()), Numbers.canonical(BigDecimal.valueOf(lora.weight())));
        }
        if (v instanceof Map<?, ?> map && map.containsKey("lora")) {
            Model model = InvokeAIModelField.check(map.get("lora"), spec.modelBases(), types(spec), strict);
            BigDecimal weight;
            try {
                weight = Numbers.number(Values.unwrap(map.get("weight")));
            } catch (Rejection r) {
                throw new Rejection("\"weight\" must be a number");
            }
            return new Entry(model, Numbers.canonical(weight));
        }
        throw new Rejection(null);
    }

    private static final class Type extends BaseFieldType {
        Type() {
            super("LoRAField", SINGLE, COLLECTION, SINGLE_OR_COLLECTION);
        }

        @Override
        public InvokeAIField<?> fromJava(FieldSpec spec, String inputName, Object value) {
            return create(spec, inputName, value, true);
        }

        @Override
        public InvokeAIField<?> fromJson(FieldSpec spec, JsonValue json, FieldContext context) {
            return create(spec, Checks.inputName(spec), Values.isNull(json) ? null : json, false);
        }

        private InvokeAIField<?> create(FieldSpec spec, String inputName, Object value, boolean strict) {
            Object v = Values.unwrap(value);
            if (v == null) {
                return new InvokeAILoRAField(spec, null, inputName);
            }
            String expected = describe(spec);
            List<Entry> entries;
            if (Checks.asList(v) != null) {
                entries = Checks.list(spec, inputName, expected, value, strict, item -> entry(spec, item, strict));
            } else {
                Entry single = Checks.single(inputName, expected, value, item -> entry(spec, item, strict));
                entries = List.of(single);
            }
            if (spec.cardinality() == Cardinality.SINGLE && entries.size() > 1) {
                throw new InvalidInputException(inputName, expected, value, "it takes one LoRA");
            }
            return new InvokeAILoRAField(spec, entries, inputName);
        }

        @Override
        public String describe(FieldSpec spec) {
            String item = "LoRA" + InvokeAIModelField.describeFilter(spec.modelBases(), types(spec))
                    + " (LoRA(name or key, weight))";
            return spec.cardinality() == SINGLE ? item : "list of " + item + Checks.itemsText(spec);
        }
    }
}
