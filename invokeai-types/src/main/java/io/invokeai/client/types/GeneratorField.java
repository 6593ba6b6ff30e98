package io.invokeai.client.types;

import io.invokeai.client.BatchGenerator;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * What the generator fields share: the value is the settings of a generator node, a JSON object whose {@code type}
 * picks the variant, checked against the variants of the field's type; its items are the values of a batch.
 *
 * @param <T> the Java type of an item
 */
abstract class GeneratorField<T> extends InvokeAIField<JsonObject> implements BatchGenerator {
    GeneratorField(FieldSpec spec, JsonObject value) {
        super(spec, value);
    }

    /** The variant ({@code type}). */
    public String variant() {
        return generator().getString("type");
    }

    /** The items this generator yields; see each generator field. */
    public abstract List<T> values();

    /** An item as the batch data carries it. */
    abstract JsonValue batchValue(T item);

    @Override
    public List<JsonValue> batchValues() {
        return values().stream().map(this::batchValue).toList();
    }

    /**
     * The settings.
     *
     * @throws IllegalStateException when the field is unset
     */
    JsonObject generator() {
        return value().orElseThrow(() -> new IllegalStateException("The generator field is unset"));
    }

    @Override
    public JsonValue toJson() {
        return value().<JsonValue>map(v -> v).orElse(JsonValue.NULL);
    }
}
