package io.invokeai.client.types;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.types.internal.Checks;
import io.invokeai.client.types.internal.Numbers;
import io.invokeai.client.types.internal.Options;
import io.invokeai.client.types.internal.Rejection;
import io.invokeai.client.types.internal.SingleType;
import io.invokeai.client.types.internal.Values;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One of a fixed set of strings ({@code EnumField}, the schema's {@code enum}/{@code Literal}). The options come
 * from the server's schema, so custom nodes work without client code.
 *
 * <p>A string must match an option exactly (the server compares exactly); a case-only mismatch is rejected with a
 * "did you mean" hint. A Java enum constant selects the option equal to its {@code toString()} or {@code name()},
 * else the only option equal ignoring case, so {@code Mode.RGBA} selects {@code "RGBA"} and {@code Noise.GAUSSIAN}
 * selects {@code "gaussian"}. Errors list the options.
 *
 * <p>Some enums are numbers ({@code Literal[256, 512]}, e.g. {@code flux_text_encoder.t5_max_seq_len}); their
 * options are sent as JSON numbers, and a Java number selects them too. The spec's options are text, so an option
 * counts as a number when it is written as one and either the spec's default is a JSON number or every option is a
 * number. (A string default is not taken as evidence: a client may fill a missing default with the first option as
 * text. No enum of InvokeAI 6.14 has numeric-looking string options.)
 */
public final class InvokeAIEnumField extends InvokeAIField<String> {
    /** The field type for {@code EnumField} inputs and outputs. */
    public static final FieldType TYPE = SingleType.single(
            "EnumField",
            InvokeAIEnumField::choose,
            spec -> spec.options().isEmpty() ? "string (an option of the node)" : Options.describe(spec.options()),
            (spec, inputName, choice, context) ->
                    choice == null ? unset(spec) : new InvokeAIEnumField(spec, choice.option(), choice.number()));

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

    private final boolean number;

    private InvokeAIEnumField(FieldSpec spec, String value, boolean number) {
        super(spec, value);
        this.number = number;
    }

    /**
     * A value checked against the spec's options.
     *
     * @param value a string or a Java enum constant
     * @throws io.invokeai.client.InvalidInputException when it is not an option
     */
    public static InvokeAIEnumField of(FieldSpec spec, Object value) {
        return (InvokeAIEnumField) TYPE.fromJava(spec, Checks.inputName(spec), value);
    }

    /** An unset field: the server's default applies. */
    public static InvokeAIEnumField unset(FieldSpec spec) {
        return new InvokeAIEnumField(spec, null, false);
    }

    @Override
    public JsonValue toJson() {
        return value().<JsonValue>map(v -> number ? Values.number(new BigDecimal(v)) : Json.createValue(v))
                .orElse(JsonValue.NULL);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && ((InvokeAIEnumField) o).number == number;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), number);
    }

    /** A checked value: the option, and whether it is sent as a JSON number. */
    private record Choice(String option, boolean number) {}

    private static Choice choose(FieldSpec spec, Object given, boolean strict) {
        if (!strict) {
            if (given instanceof JsonNumber n) {
                return new Choice(Numbers.canonical(n.bigDecimalValue()).toPlainString(), true);
            }
            return new Choice(check(spec.options(), given, false), false);
        }
        Object v = Values.unwrap(given);
        if (!(v instanceof Number n)) {
            String option = check(spec.options(), v, true);
            return new Choice(option, sendsNumber(spec, option));
        }
        BigDecimal d = Numbers.exact(n);
        if (d == null) {
            throw new Rejection("not a finite number");
        }
        if (spec.options().isEmpty()) {
            return new Choice(Numbers.canonical(d).toPlainString(), true);
        }
        String option = spec.options().stream()
                .filter(o -> JSON_NUMBER.matcher(o).matches() && new BigDecimal(o).compareTo(d) == 0)
                .findFirst()
                .orElseThrow(() -> new Rejection(null));
        return new Choice(option, sendsNumber(spec, option));
    }

    /** Whether an option is a JSON number on the server's side (see the class comment). */
    private static boolean sendsNumber(FieldSpec spec, String option) {
        if (!JSON_NUMBER.matcher(option).matches()) {
            return false;
        }
        if (spec.defaultValue().orElse(JsonValue.NULL) instanceof JsonNumber) {
            return true;
        }
        return !spec.options().isEmpty()
                && spec.options().stream().allMatch(o -> JSON_NUMBER.matcher(o).matches());
    }

    /** Shared with {@link InvokeAISchedulerField}. Without options (a spec lacking them), any text is taken. */
    static String check(List<String> options, Object given, boolean constrained) {
        Object v = Values.unwrap(given);
        if (!constrained || options.isEmpty()) {
            if (v instanceof CharSequence cs) {
                return cs.toString();
            }
            if (v instanceof Enum<?> e && constrained) {
                return e.toString();
            }
            throw new Rejection(null);
        }
        return Options.match(options, v);
    }
}
