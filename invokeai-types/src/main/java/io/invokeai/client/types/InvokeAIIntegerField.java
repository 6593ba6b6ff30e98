package io.invokeai.client.types;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.types.internal.Checks;
import io.invokeai.client.types.internal.Numbers;
import io.invokeai.client.types.internal.SingleType;
import io.invokeai.client.types.internal.Values;
import jakarta.json.JsonValue;
import java.math.BigDecimal;

/**
 * An integer ({@code IntegerField}), held as a {@code long} because the schema's integers go beyond {@code int}
 * (seeds reach 4294967295).
 *
 * <p>Accepts every Java integer type, and floating-point or decimal numbers without a fractional part ({@code 64.0}
 * but not {@code 64.5}). Text is never parsed, so a mistaken string fails here instead of silently becoming a number.
 * Checked against the schema's minimum, maximum, exclusive bounds and multipleOf.
 *
 * <p>For a {@code SINGLE_OR_COLLECTION} input (the server's {@code int | list[int]}) this type also takes a list,
 * which yields an {@link InvokeAIIntegerCollectionField}: each form is sent as given, since the server treats a
 * one-item list differently from a number.
 */
public final class InvokeAIIntegerField extends InvokeAIField<Long> {
    /** The field type for {@code IntegerField} inputs and outputs, single or single-or-list. */
    public static final FieldType TYPE = SingleType.singleOrList(
            "IntegerField",
            InvokeAIIntegerField::check,
            InvokeAIIntegerField::describeItem,
            (spec, inputName, value, context) -> new InvokeAIIntegerField(spec, value),
            InvokeAIIntegerCollectionField.TYPE);

    private InvokeAIIntegerField(FieldSpec spec, Long value) {
        super(spec, value);
    }

    /**
     * A value checked against the spec.
     *
     * @throws io.invokeai.client.InvalidInputException when out of range
     */
    public static InvokeAIIntegerField of(FieldSpec spec, long value) {
        return (InvokeAIIntegerField) TYPE.fromJava(spec, Checks.inputName(spec), value);
    }

    /** An unset field: the server's default applies. */
    public static InvokeAIIntegerField unset(FieldSpec spec) {
        return new InvokeAIIntegerField(spec, null);
    }

    @Override
    public JsonValue toJson() {
        return value().<JsonValue>map(Values::number).orElse(JsonValue.NULL);
    }

    @Override
    public String displayValue() {
        return value().map(String::valueOf).orElse("<unset>");
    }

    /** Checks a value or a list item; shared with {@link InvokeAIIntegerCollectionField}. */
    static long check(FieldSpec spec, Object given, boolean constrained) {
        long n = Numbers.toLong(Numbers.number(Values.unwrap(given)));
        if (constrained) {
            Numbers.checkRange(spec, BigDecimal.valueOf(n));
        }
        return n;
    }

    static String describeItem(FieldSpec spec) {
        return Checks.withRange("integer", spec);
    }
}
