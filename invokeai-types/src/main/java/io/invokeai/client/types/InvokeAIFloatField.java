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
 * A number ({@code FloatField}), held as an exact {@link BigDecimal} so that the JSON carries the decimal the user
 * meant: a {@code Float} converts through {@link Float#toString} ({@code 0.7f} is sent as {@code 0.7}, not
 * {@code 0.699999988079071}), a {@code Double} through {@link Double#toString}. Trailing zeros are dropped
 * ({@code 7.50} is {@code 7.5}). Range and multipleOf checks are exact too ({@code 0.3} is a multiple of {@code 0.1}).
 *
 * <p>Accepts any finite Java number; text is never parsed. For a {@code SINGLE_OR_COLLECTION} input (e.g.
 * {@code denoise_latents.cfg_scale}, {@code float | list[float]}) a list yields an
 * {@link InvokeAIFloatCollectionField}; each form is sent as given.
 */
public final class InvokeAIFloatField extends InvokeAIField<BigDecimal> {
    /** The field type for {@code FloatField} inputs and outputs, single or single-or-list. */
    public static final FieldType TYPE = SingleType.singleOrList(
            "FloatField",
            InvokeAIFloatField::check,
            InvokeAIFloatField::describeItem,
            (spec, inputName, value, context) -> new InvokeAIFloatField(spec, value),
            InvokeAIFloatCollectionField.TYPE);

    private InvokeAIFloatField(FieldSpec spec, BigDecimal value) {
        super(spec, value);
    }

    /**
     * A value checked against the spec. Takes a {@link Number} rather than a {@code double} so that a {@code float}
     * argument keeps its decimal text.
     *
     * @throws io.invokeai.client.InvalidInputException when out of range or not finite
     */
    public static InvokeAIFloatField of(FieldSpec spec, Number value) {
        return (InvokeAIFloatField) TYPE.fromJava(spec, Checks.inputName(spec), value);
    }

    /** An unset field: the server's default applies. */
    public static InvokeAIFloatField unset(FieldSpec spec) {
        return new InvokeAIFloatField(spec, null);
    }

    /** The value as a {@code double}, e.g. for arithmetic. */
    public double doubleValue() {
        return value().orElseThrow(() -> new IllegalStateException("the field is unset"))
                .doubleValue();
    }

    @Override
    public JsonValue toJson() {
        return value().<JsonValue>map(Values::number).orElse(JsonValue.NULL);
    }

    @Override
    public String displayValue() {
        return value().map(BigDecimal::toPlainString).orElse("<unset>");
    }

    /** Checks a value or a list item; shared with {@link InvokeAIFloatCollectionField}. */
    static BigDecimal check(FieldSpec spec, Object given, boolean constrained) {
        BigDecimal d = Numbers.canonical(Numbers.number(Values.unwrap(given)));
        if (constrained) {
            Numbers.checkRange(spec, d);
        }
        return d;
    }

    static String describeItem(FieldSpec spec) {
        return Checks.withRange("number", spec);
    }
}
