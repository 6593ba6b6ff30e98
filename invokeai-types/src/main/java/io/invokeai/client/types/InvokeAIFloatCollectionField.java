package io.invokeai.client.types;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.types.internal.Checks;
import io.invokeai.client.types.internal.ListType;
import io.invokeai.client.types.internal.Values;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;

/**
 * A list of numbers ({@code list[float]}): each item is checked and kept exactly like an {@link InvokeAIFloatField},
 * the list against minItems and maxItems. Takes any collection or array of numbers.
 */
public final class InvokeAIFloatCollectionField extends InvokeAIField<List<BigDecimal>> {
    /** The field type for {@code FloatField} collections. */
    public static final FieldType TYPE = new ListType<>(
            "FloatField",
            InvokeAIFloatField::check,
            InvokeAIFloatField::describeItem,
            (spec, inputName, values, context) -> new InvokeAIFloatCollectionField(spec, values));

    private InvokeAIFloatCollectionField(FieldSpec spec, List<BigDecimal> value) {
        super(spec, value);
    }

    /**
     * A list checked against the spec.
     *
     * @throws io.invokeai.client.InvalidInputException naming the offending item
     */
    public static InvokeAIFloatCollectionField of(FieldSpec spec, List<? extends Number> values) {
        return (InvokeAIFloatCollectionField) TYPE.fromJava(spec, Checks.inputName(spec), values);
    }

    @Override
    public JsonValue toJson() {
        return Values.array(value(), Values::number);
    }
}
