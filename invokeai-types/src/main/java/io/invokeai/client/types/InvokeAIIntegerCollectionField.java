package io.invokeai.client.types;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.types.internal.Checks;
import io.invokeai.client.types.internal.ListType;
import io.invokeai.client.types.internal.Values;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * A list of integers ({@code list[int]}): each item is checked like an {@link InvokeAIIntegerField}, the list against
 * minItems and maxItems. Takes any collection or array of numbers.
 */
public final class InvokeAIIntegerCollectionField extends InvokeAIField<List<Long>> {
    /** The field type for {@code IntegerField} collections. */
    public static final FieldType TYPE = new ListType<>(
            "IntegerField",
            InvokeAIIntegerField::check,
            InvokeAIIntegerField::describeItem,
            (spec, inputName, values, context) -> new InvokeAIIntegerCollectionField(spec, values));

    private InvokeAIIntegerCollectionField(FieldSpec spec, List<Long> value) {
        super(spec, value);
    }

    /**
     * A list checked against the spec.
     *
     * @throws io.invokeai.client.InvalidInputException naming the offending item
     */
    public static InvokeAIIntegerCollectionField of(FieldSpec spec, List<? extends Number> values) {
        return (InvokeAIIntegerCollectionField) TYPE.fromJava(spec, Checks.inputName(spec), values);
    }

    @Override
    public JsonValue toJson() {
        return Values.array(value(), Values::number);
    }
}
