package io.invokeai.client.types;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.types.internal.Checks;
import io.invokeai.client.types.internal.Options;
import io.invokeai.client.types.internal.Rejection;
import io.invokeai.client.types.internal.SingleType;
import io.invokeai.client.types.internal.Values;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * Text ({@code StringField}). Takes any {@link CharSequence}; other values are rejected rather than converted with
 * {@code toString()}, which would hide mistakes. Lengths count code points, as the server (Python) does. When the
 * spec has options (a dropdown in the workflow's form), the value must be one of them.
 *
 * <p>For a {@code SINGLE_OR_COLLECTION} input a list yields an {@link InvokeAIStringCollectionField}.
 */
public final class InvokeAIStringField extends InvokeAIField<String> {
    /** The field type for {@code StringField} inputs and outputs, single or single-or-list. */
    public static final FieldType TYPE = SingleType.singleOrList(
            "StringField",
            InvokeAIStringField::check,
            InvokeAIStringField::describeItem,
            (spec, inputName, value, context) -> new InvokeAIStringField(spec, value),
            InvokeAIStringCollectionField.TYPE);

    private InvokeAIStringField(FieldSpec spec, String value) {
        super(spec, value);
    }

    /**
     * A value checked against the spec.
     *
     * @throws io.invokeai.client.InvalidInputException when too long, too short or not an option
     */
    public static InvokeAIStringField of(FieldSpec spec, String value) {
        return (InvokeAIStringField) TYPE.fromJava(spec, Checks.inputName(spec), value);
    }

    /** An unset field: the server's default applies. */
    public static InvokeAIStringField unset(FieldSpec spec) {
        return new InvokeAIStringField(spec, null);
    }

    @Override
    public JsonValue toJson() {
        return value().<JsonValue>map(Json::createValue).orElse(JsonValue.NULL);
    }

    /** Checks a value or a list item; shared with {@link InvokeAIStringCollectionField}. */
    static String check(FieldSpec spec, Object given, boolean constrained) {
        Object v = Values.unwrap(given);
        if (!(v instanceof CharSequence cs)) {
            throw new Rejection(null);
        }
        String s = cs.toString();
        if (!constrained) {
            return s;
        }
        if (!spec.options().isEmpty()) {
            return Options.match(spec.options(), s);
        }
        int length = s.codePointCount(0, s.length());
        if (spec.constraints().minLength().map(n -> length < n).orElse(false)
                || spec.constraints().maxLength().map(n -> length > n).orElse(false)) {
            throw new Rejection("it has " + Checks.count(length, "character"));
        }
        return s;
    }

    static String describeItem(FieldSpec spec) {
        if (!spec.options().isEmpty()) {
            return Options.describe(spec.options());
        }
        Optional<Integer> min = spec.constraints().minLength().filter(n -> n > 0);
        Optional<Integer> max = spec.constraints().maxLength();
        if (min.isPresent() && max.isPresent()) {
            return min.equals(max)
                    ? "string of exactly " + Checks.count(max.get(), "character")
                    : "string of " + min.get() + " to " + max.get() + " characters";
        }
        if (max.isPresent()) {
            return "string of at most " + Checks.count(max.get(), "character");
        }
        return min.map(n -> "string of at least " + Checks.count(n, "character"))
                .orElse("string");
    }
}
