package io.invokeai.client.types;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.types.internal.Checks;
import io.invokeai.client.types.internal.ListType;
import io.invokeai.client.types.internal.Values;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * A list of strings ({@code list[str]}): each item is checked like an {@link InvokeAIStringField}, the list against
 * minItems and maxItems.
 */
public final class InvokeAIStringCollectionField extends InvokeAIField<List<String>> {
    /** The field type for {@code StringField} collections. */
    public static final FieldType TYPE = new ListType<>(
            "StringField",
            InvokeAIStringField::check,
            InvokeAIStringField::describeItem,
            (spec, inputName, values, context) -> new InvokeAIStringCollectionField(spec, values));

    private InvokeAIStringCollectionField(FieldSpec spec, List<String> value) {
        super(spec, value);
    }

    /**
     * A list checked against the spec.
     *
     * @throws io.invokeai.client.InvalidInputException naming the offending item
     */
    public static InvokeAIStringCollectionField of(FieldSpec spec, List<String> values) {
        return (InvokeAIStringCollectionField) TYPE.fromJava(spec, Checks.inputName(spec), values);
    }

    @Override
    public JsonValue toJson() {
        return Values.array(value(), Json::createValue);
    }
}
