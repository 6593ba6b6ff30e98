package io.invokeai.client.types;

import static io.invokeai.client.types.Jsons.json;
import static io.invokeai.client.types.Jsons.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIField;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvokeAIEnumFieldTest {
    private static final FieldSpec MODE = Specs.single("EnumField", "Mode").withOptions(List.of("RGB", "RGBA"));
    private static final FieldSpec NOISE =
            Specs.single("EnumField", "Noise Type").withOptions(List.of("gaussian", "salt_and_pepper"));

    enum Noise {
        GAUSSIAN,
        SALT_AND_PEPPER
    }

    enum Mode {
        RGBA
    }

    private static InvokeAIField<?> set(FieldSpec spec, Object value) {
        return InvokeAIEnumField.TYPE.fromJava(spec, spec.title(), value);
    }

    private static FieldSpec enumSpec(String title, List<String> options, String defaultJson) {
        return new FieldSpec(
                "node",
                "field",
                "EnumField",
                Cardinality.SINGLE,
                title,
                "",
                Optional.ofNullable(defaultJson).map(Jsons::json),
                FieldSpec.Constraints.NONE,
                options,
                Map.of(),
                List.of(),
                List.of(),
                false,
                "any");
    }

    @Test
    void acceptsAnOptionExactly() {
        assertThat(value(set(MODE, "RGBA"))).isEqualTo("RGBA");
        assertThat(set(MODE, "RGB").toJson()).hasToString("\"RGB\"");
        assertThat(InvokeAIEnumField.of(MODE, "RGB").displayValue()).isEqualTo("\"RGB\"");
        assertThat(InvokeAIEnumField.unset(MODE).isSet()).isFalse();
    }

    @Test
    void rejectsOtherTextListingTheOptions() {
        assertThatThrownBy(() -> set(MODE, "CMYK"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Input 'Mode' expects one of [RGB, RGBA], but was given \"CMYK\" (String)");
        assertThatThrownBy(() -> set(NOISE, "Gaussian"))
                .hasMessage("Input 'Noise Type' expects one of [gaussian, salt_and_pepper], but was given"
                        + " \"Gaussian\" (String) (did you mean \"gaussian\"?)");
        assertThatThrownBy(() -> set(MODE, 1)).hasMessageContaining("but was given 1 (Integer)");
    }

    @Test
    void javaEnumsMatchIgnoringCase() {
        assertThat(value(set(NOISE, Noise.SALT_AND_PEPPER))).isEqualTo("salt_and_pepper");
        assertThat(value(set(MODE, Mode.RGBA))).isEqualTo("RGBA");
        assertThatThrownBy(() -> set(MODE, Noise.GAUSSIAN))
                .hasMessage("Input 'Mode' expects one of [RGB, RGBA], but was given GAUSSIAN (Noise)");
    }

    @Test
    void roundTripsThroughJson() {
        InvokeAIField<?> field = set(NOISE, "gaussian");
        assertThat(InvokeAIEnumField.TYPE.fromJson(NOISE, field.toJson(), null)).isEqualTo(field);
        // a stored option the server no longer offers still loads (shape only)
        assertThat(value(InvokeAIEnumField.TYPE.fromJson(NOISE, json("\"perlin\""), null)))
                .isEqualTo("perlin");
        assertThatThrownBy(() -> InvokeAIEnumField.TYPE.fromJson(NOISE, json("true"), null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(InvokeAIEnumField.TYPE.fromJson(NOISE, json("null"), null).isSet())
                .isFalse();
    }

    @Test
    void numericLiteralsAreSentAsNumbers() {
        // e.g. flux_dev_model_loader.max_seq_len: Literal[256, 512], default 512
        FieldSpec seqLen = enumSpec("Max Seq Length", List.of("256", "512"), "512");
        assertThat(set(seqLen, 256).toJson()).isEqualTo(json("256"));
        assertThat(set(seqLen, "512").toJson()).isEqualTo(json("512"));
        assertThat(set(seqLen, 256.0).toJson()).isEqualTo(json("256"));
        assertThat(value(set(seqLen, 256))).isEqualTo("256");
        assertThatThrownBy(() -> set(seqLen, 128))
                .hasMessage("Input 'Max Seq Length' expects one of [256, 512], but was given 128 (Integer)");
        InvokeAIField<?> stored = InvokeAIEnumField.TYPE.fromJson(seqLen, json("256"), null);
        assertThat(stored.toJson()).isEqualTo(json("256"));
        assertThat(stored).isEqualTo(set(seqLen, 256));

        // flux_text_encoder.t5_max_seq_len has no default: all-numeric options are numbers, even when a client
        // filled in the first option as text
        assertThat(set(enumSpec("T5", List.of("256", "512"), null), "512").toJson())
                .isEqualTo(json("512"));
        assertThat(set(enumSpec("T5", List.of("256", "512"), "\"256\""), 512).toJson())
                .isEqualTo(json("512"));
        // in a mixed enum, numeric-looking text stays text
        assertThat(set(enumSpec("M", List.of("auto", "1"), null), "1").toJson()).isEqualTo(json("\"1\""));
    }

    @Test
    void withoutOptionsAnyTextGoes() {
        FieldSpec open = Specs.single("EnumField", "Open");
        assertThat(InvokeAIEnumField.TYPE.describe(open)).isEqualTo("string (an option of the node)");
        assertThat(value(set(open, "anything"))).isEqualTo("anything");
    }

    @Test
    void schedulerUsesSpecOptionsOrTheKnownList() {
        FieldSpec scheduler = Specs.single("SchedulerField", "Scheduler");
        assertThat(InvokeAISchedulerField.TYPE.typeName()).isEqualTo("SchedulerField");
        assertThat(InvokeAISchedulerField.SCHEDULERS).hasSize(31).contains("euler", "dpmpp_3m_k", "tcd");
        assertThat(value(InvokeAISchedulerField.of(scheduler, "dpmpp_2m_sde_k")))
                .isEqualTo("dpmpp_2m_sde_k");
        assertThatThrownBy(() -> InvokeAISchedulerField.of(scheduler, "eulr"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Input 'Scheduler' expects one of [ddim, ddpm, deis, ")
                .hasMessageEndingWith("lcm, tcd], but was given \"eulr\" (String)");
        FieldSpec limited = scheduler.withOptions(List.of("euler", "ddim"));
        assertThat(InvokeAISchedulerField.TYPE.describe(limited)).isEqualTo("one of [euler, ddim]");
        assertThatThrownBy(() -> InvokeAISchedulerField.of(limited, "lcm")).isInstanceOf(InvalidInputException.class);
        InvokeAIField<?> field = InvokeAISchedulerField.of(scheduler, "euler");
        assertThat(InvokeAISchedulerField.TYPE.fromJson(scheduler, field.toJson(), null))
                .isEqualTo(field);
        assertThat(InvokeAISchedulerField.unset(scheduler).toJson()).hasToString("null");
    }
}
