package io.invokeai.client.types;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.types.internal.Checks;
import io.invokeai.client.types.internal.Options;
import io.invokeai.client.types.internal.SingleType;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * A sampling scheduler ({@code SchedulerField}, e.g. {@code denoise_latents.scheduler}): one of the scheduler
 * names, matched like an {@link InvokeAIEnumField}. The options come from the server's schema; a spec without them
 * uses {@link #SCHEDULERS}, the list of InvokeAI 6.14.
 */
public final class InvokeAISchedulerField extends InvokeAIField<String> {
    /** The field type for {@code SchedulerField} inputs and outputs. */
    public static final FieldType TYPE = SingleType.single(
            "SchedulerField",
            (spec, given, strict) -> InvokeAIEnumField.check(options(spec), given, strict),
            spec -> Options.describe(options(spec)),
            (spec, inputName, value, context) -> new InvokeAISchedulerField(spec, value));

    /** The schedulers of InvokeAI 6.14, used when a spec carries no options. */
    public static final List<String> SCHEDULERS = List.of(
            "ddim",
            "ddpm",
            "deis",
            "deis_k",
            "lms",
            "lms_k",
            "pndm",
            "heun",
            "heun_k",
            "euler",
            "euler_k",
            "euler_a",
            "kdpm_2",
            "kdpm_2_k",
            "kdpm_2_a",
            "kdpm_2_a_k",
            "dpmpp_2s",
            "dpmpp_2s_k",
            "dpmpp_2m",
            "dpmpp_2m_k",
            "dpmpp_2m_sde",
            "dpmpp_2m_sde_k",
            "dpmpp_3m",
            "dpmpp_3m_k",
            "dpmpp_sde",
            "dpmpp_sde_k",
            "er_sde",
            "unipc",
            "unipc_k",
            "lcm",
            "tcd");

    private InvokeAISchedulerField(FieldSpec spec, String value) {
        super(spec, value);
    }

    /**
     * A value checked against the schedulers.
     *
     * @param value a scheduler name or a Java enum constant
     * @throws io.invokeai.client.InvalidInputException when it is not a scheduler
     */
    public static InvokeAISchedulerField of(FieldSpec spec, Object value) {
        return (InvokeAISchedulerField) TYPE.fromJava(spec, Checks.inputName(spec), value);
    }

    /** An unset field: the server's default applies. */
    public static InvokeAISchedulerField unset(FieldSpec spec) {
        return new InvokeAISchedulerField(spec, null);
    }

    @Override
    public JsonValue toJson() {
        return value().<JsonValue>map(Json::createValue).orElse(JsonValue.NULL);
    }

    private static List<String> options(FieldSpec spec) {
        return spec.options().isEmpty() ? SCHEDULERS : spec.options();
    }
}
