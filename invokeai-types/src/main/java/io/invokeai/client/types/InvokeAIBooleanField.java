package io.invokeai.client.types;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.types.internal.Rejection;
import io.invokeai.client.types.internal.SingleType;
import io.invokeai.client.types.internal.Values;
import jakarta.json.JsonValue;

/**
 * A boolean ({@code BooleanField}). Only {@link Boolean} is accepted: the text {@code "false"} is not parsed, since
 * treating it as true or false would both surprise someone.
 */
public final class InvokeAIBooleanField extends InvokeAIField<Boolean> {
    /** The field type for {@code BooleanField} inputs and outputs. */
    public static final FieldType TYPE = SingleType.single(
            "BooleanField",
            (spec, given, strict) -> check(given),
            spec -> "boolean",
            (spec, inputName, value, context) -> new InvokeAIBooleanField(spec, value));

    private InvokeAIBooleanField(FieldSpec spec, Boolean value) {
        super(spec, value);
    }

    public static InvokeAIBooleanField of(FieldSpec spec, boolean value) {
        return new InvokeAIBooleanField(spec, value);
    }

    /** An unset field: the server's default applies. */
    public static InvokeAIBooleanField unset(FieldSpec spec) {
        return new InvokeAIBooleanField(spec, null);
    }

    @Override
    public JsonValue toJson() {
        return value().map(b -> b ? JsonValue.TRUE : JsonValue.FALSE).orElse(JsonValue.NULL);
    }

    private static Boolean check(Object given) {
        Object v = Values.unwrap(given);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new Rejection(v instanceof CharSequence ? "text is not converted to a boolean" : null);
    }
}
