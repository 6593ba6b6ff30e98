package io.invokeai.client.tasks.txt2img.graph;

import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.ModelFilter;
import io.invokeai.client.ModelInfo;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The models installed on the server, listed once per task, and the look-ups a recipe makes in them: by name or key,
 * within a type, the way submission resolves model inputs (key, then exact name, then name ignoring case).
 */
public final class ModelCatalog {
    private static final String UNRESOLVED = "<resolve:";

    private final List<ModelInfo> models;

    public ModelCatalog(List<ModelInfo> models) {
        this.models = List.copyOf(models);
    }

    public static CompletableFuture<ModelCatalog> loadAsync(InvokeAIClient client) {
        return client.models().listAsync(ModelFilter.all()).thenApply(ModelCatalog::new);
    }

    public List<ModelInfo> all() {
        return models;
    }

    public List<ModelInfo> ofType(String type) {
        return models.stream().filter(m -> m.type().equals(type)).toList();
    }

    /** A model parameter's value ({@code ModelIdentifierField}) as the installed model it names. */
    public ModelInfo resolve(String parameter, InvokeAIField<?> field, String type) {
        return resolve(parameter, field.toJson(), field.displayValue(), type);
    }

    /** The installed models a LoRA parameter's entries name, in order. */
    public List<ModelInfo> resolveLoras(String parameter, InvokeAIField<?> field) {
        List<ModelInfo> result = new ArrayList<>();
        JsonValue json = field.toJson();
        List<JsonValue> entries = json.getValueType() == JsonValue.ValueType.ARRAY ? json.asJsonArray() : List.of(json);
        for (JsonValue entry : entries) {
            JsonValue lora = entry.asJsonObject().get("lora");
            result.add(resolve(parameter, lora, lora.asJsonObject().getString("name", ""), "lora"));
        }
        return result;
    }

    private ModelInfo resolve(String parameter, JsonValue identifier, String display, String type) {
        String key = "";
        String name = display;
        if (identifier instanceof JsonObject o) {
            key = o.getString("key", "");
            name = o.getString("name", "");
            if (key.startsWith(UNRESOLVED)) {
                key = name; // a name or a key given as text
            }
        }
        List<ModelInfo> ofType = ofType(type);
        for (ModelInfo m : ofType) {
            if (!key.isEmpty() && m.key().equals(key)) {
                return m;
            }
        }
        String wanted = name.isEmpty() ? key : name;
        List<ModelInfo> byName =
                ofType.stream().filter(m -> m.name().equals(wanted)).toList();
        if (byName.isEmpty()) {
            byName = ofType.stream()
                    .filter(m -> m.name().equalsIgnoreCase(wanted))
                    .toList();
        }
        if (byName.size() == 1) {
            return byName.get(0);
        }
        String expected = "a " + type + " model installed on the server";
        if (byName.isEmpty()) {
            throw new InvalidInputException(
                    parameter,
                    expected,
                    wanted,
                    "no such model; installed " + type + " models: "
                            + ofType.stream().map(ModelInfo::name).sorted().toList());
        }
        throw new InvalidInputException(
                parameter,
                expected,
                wanted,
                "ambiguous; candidates: "
                        + byName.stream()
                                .map(m -> m.name() + " (" + m.base() + ", key " + m.key() + ")")
                                .toList()
                        + " - give the key");
    }

    /**
     * Checks that a model belongs to the family of the main model.
     *
     * @throws InvalidInputException naming the parameter, the family and the model's base
     */
    public static void requireBase(String parameter, ModelInfo model, ModelInfo main, ModelFamily family) {
        if (!model.base().equals(family.base())) {
            throw new InvalidInputException(
                    parameter,
                    "a " + model.type() + " model for " + family.displayName() + " (base " + family.base()
                            + ", like the main model '" + main.name() + "')",
                    model.name(),
                    "its base is " + model.base());
        }
    }
}
