package io.invokeai.client.types;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.types.internal.Checks;
import io.invokeai.client.types.internal.Numbers;
import io.invokeai.client.types.internal.Rejection;
import io.invokeai.client.types.internal.SingleType;
import io.invokeai.client.types.internal.Values;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.awt.Color;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A colour ({@code ColorField}, JSON {@code {"r", "g", "b", "a"}} with integers 0..255), held as a {@link Color}.
 * Accepts a {@link Color}, a hex string {@code "#RRGGBB"} (opaque) or {@code "#RRGGBBAA"}, or a map or JSON object
 * with {@code r}, {@code g}, {@code b} and optionally {@code a} (default 255, opaque).
 */
public final class InvokeAIColorField extends InvokeAIField<Color> {
    /** The field type for {@code ColorField} inputs and outputs. */
    public static final FieldType TYPE = SingleType.single(
            "ColorField",
            (spec, given, strict) -> check(given),
            spec -> "color (java.awt.Color, \"#RRGGBB\", \"#RRGGBBAA\" or {r, g, b[, a]} of integers 0..255)",
            (spec, inputName, value, context) -> new InvokeAIColorField(spec, value));

    private static final Pattern HEX = Pattern.compile("#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})");

    private InvokeAIColorField(FieldSpec spec, Color value) {
        super(spec, value);
    }

    public static InvokeAIColorField of(FieldSpec spec, Color color) {
        return (InvokeAIColorField) TYPE.fromJava(spec, Checks.inputName(spec), color);
    }

    @Override
    public JsonValue toJson() {
        return value().<JsonValue>map(c -> Json.createObjectBuilder()
                        .add("r", c.getRed())
                        .add("g", c.getGreen())
                        .add("b", c.getBlue())
                        .add("a", c.getAlpha())
                        .build())
                .orElse(JsonValue.NULL);
    }

    /** {@code #RRGGBBAA}. */
    @Override
    public String displayValue() {
        return value().map(c -> String.format("#%02x%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha()))
                .orElse("<unset>");
    }

    private static Color check(Object given) {
        Object v = Values.unwrap(given);
        if (v instanceof Color c) {
            return c;
        }
        if (v instanceof CharSequence cs) {
            String s = cs.toString().trim();
            if (!HEX.matcher(s).matches()) {
                throw new Rejection(null);
            }
            long rgba = Long.parseLong(s.substring(1), 16);
            if (s.length() == 7) {
                rgba = (rgba << 8) | 0xff;
            }
            return new Color(
                    (int) (rgba >>> 24) & 0xff,
                    (int) (rgba >>> 16) & 0xff,
                    (int) (rgba >>> 8) & 0xff,
                    (int) rgba & 0xff);
        }
        if (v instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (!"r".equals(key) && !"g".equals(key) && !"b".equals(key) && !"a".equals(key)) {
                    throw new Rejection("unknown key \"" + key + "\"");
                }
            }
            return new Color(
                    channel(map, "r"),
                    channel(map, "g"),
                    channel(map, "b"),
                    map.containsKey("a") ? channel(map, "a") : 255);
        }
        throw new Rejection(null);
    }

    private static int channel(Map<?, ?> map, String key) {
        if (!map.containsKey(key)) {
            throw new Rejection("\"" + key + "\" is missing");
        }
        long n;
        try {
            n = Numbers.toLong(Numbers.number(Values.unwrap(map.get(key))));
        } catch (Rejection r) {
            throw new Rejection("\"" + key + "\" must be an integer 0..255");
        }
        if (n < 0 || n > 255) {
            throw new Rejection("\"" + key + "\" must be an integer 0..255");
        }
        return (int) n;
    }
}
