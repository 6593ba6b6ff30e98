package io.invokeai.client.types;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.types.internal.Checks;
import io.invokeai.client.types.internal.Rejection;
import io.invokeai.client.types.internal.SingleType;
import io.invokeai.client.types.internal.Values;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * A video on the server ({@code VideoField}, JSON {@code {"video_name": ...}}), by name. Uploading videos is not
 * supported: the server's upload route takes images only, so a local file is rejected with that reason.
 */
public final class InvokeAIVideoField extends InvokeAIField<String> {
    /** The field type for {@code VideoField} inputs and outputs. */
    public static final FieldType TYPE = SingleType.single(
            "VideoField",
            (spec, given, strict) -> check(given),
            spec -> "video (server video name)",
            (spec, inputName, value, context) -> new InvokeAIVideoField(spec, value));

    private InvokeAIVideoField(FieldSpec spec, String value) {
        super(spec, value);
    }

    /**
     * A video by its server name.
     *
     * @throws io.invokeai.client.InvalidInputException when empty
     */
    public static InvokeAIVideoField of(FieldSpec spec, String videoName) {
        return (InvokeAIVideoField) TYPE.fromJava(spec, Checks.inputName(spec), videoName);
    }

    /** The server name, when set. */
    public String videoName() {
        return value().orElseThrow(() -> new IllegalStateException("The video field is unset"));
    }

    @Override
    public JsonValue toJson() {
        return value().<JsonValue>map(name ->
                        Json.createObjectBuilder().add("video_name", name).build())
                .orElse(JsonValue.NULL);
    }

    @Override
    public String displayValue() {
        return value().orElse("<unset>");
    }

    private static String check(Object given) {
        Object v = Values.unwrap(given);
        if (v instanceof Map<?, ?> map && map.containsKey("video_name")) {
            v = Values.string(map, "video_name");
        }
        if (v instanceof CharSequence cs) {
            if (cs.toString().isBlank()) {
                throw new Rejection("the video name is empty");
            }
            return cs.toString();
        }
        throw new Rejection("only videos already on the server can be used; uploading videos is not supported");
    }
}
