package io.invokeai.client.types;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldContext;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.types.internal.Checks;
import io.invokeai.client.types.internal.Values;
import jakarta.json.JsonValue;

/**
 * Any other value type, as raw JSON: connection-only types ({@code LatentsField}, {@code ConditioningField}, ...),
 * {@code StylePresetField}, metadata, custom nodes' types. It is the fallback, so every field has a type; its provider
 * ranks below the built-in types, so any specific type (built in or from a plugin) wins.
 *
 * <p>Accepts a {@link JsonValue}, or Java values with a JSON form: strings, numbers (exactly), booleans, maps,
 * collections, arrays, enums (by name) and other fields (by their JSON). No checks beyond that: the server validates.
 */
public final class InvokeAIJsonField extends InvokeAIField<JsonValue> {
    /** The fallback field type: supports every spec. Its type name is {@code "*"}. */
    public static final FieldType TYPE = new Type();

    private InvokeAIJsonField(FieldSpec spec, JsonValue value) {
        super(spec, Values.isNull(value) ? null : value);
    }

    /**
     * Raw JSON for a spec.
     *
     * @throws io.invokeai.client.InvalidInputException for values without a JSON form
     */
    public static InvokeAIJsonField of(FieldSpec spec, Object value) {
        return (InvokeAIJsonField) TYPE.fromJava(spec, Checks.inputName(spec), value);
    }

    @Override
    public JsonValue toJson() {
        return value().orElse(JsonValue.NULL);
    }

    private static final class Type implements FieldType {
        @Override
        public String typeName() {
            return "*";
        }

        @Override
        public boolean supports(FieldSpec spec) {
            return true;
        }

        @Override
        public InvokeAIField<?> fromJava(FieldSpec spec, String inputName, Object value) {
            return new InvokeAIJsonField(spec, Checks.single(inputName, describe(spec), value, Values::toJson));
        }

        @Override
        public InvokeAIField<?> fromJson(FieldSpec spec, JsonValue json, FieldContext context) {
            return new InvokeAIJsonField(spec, json);
        }

        @Override
        public String describe(FieldSpec spec) {
            return (spec.cardinality() == Cardinality.COLLECTION ? "JSON list of " : "JSON value of ")
                    + spec.typeName();
        }

        @Override
        public String toString() {
            return "JSON fallback";
        }
    }
}
