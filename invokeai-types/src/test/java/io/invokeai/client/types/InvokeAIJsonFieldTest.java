package io.invokeai.client.types;

import static io.invokeai.client.types.Jsons.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIField;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvokeAIJsonFieldTest {
    private static final FieldSpec LATENTS = Specs.single("LatentsField", "Latents");

    enum Kind {
        A
    }

    private static InvokeAIField<?> set(Object value) {
        return InvokeAIJsonField.TYPE.fromJava(LATENTS, "Latents", value);
    }

    @Test
    void supportsEverything() {
        assertThat(InvokeAIJsonField.TYPE.supports(LATENTS)).isTrue();
        assertThat(InvokeAIJsonField.TYPE.supports(Specs.spec("Whatever", Cardinality.COLLECTION, "")))
                .isTrue();
        assertThat(InvokeAIJsonField.TYPE.typeName()).isEqualTo("*");
        assertThat(InvokeAIJsonField.TYPE.describe(LATENTS)).isEqualTo("JSON value of LatentsField");
        assertThat(InvokeAIJsonField.TYPE.describe(Specs.spec("X", Cardinality.COLLECTION, "")))
                .isEqualTo("JSON list of X");
    }

    @Test
    void convertsJavaValuesToJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("latents_name", "abc");
        map.put("seed", 7);
        map.put("scale", 0.7f);
        map.put("list", List.of(1, true, "x"));
        map.put("kind", Kind.A);
        map.put("none", null);
        map.put("exact", new BigDecimal("1.50"));
        assertThat(set(map).toJson())
                .isEqualTo(json("{\"latents_name\": \"abc\", \"seed\": 7, \"scale\": 0.7, \"list\": [1, true, \"x\"],"
                        + " \"kind\": \"A\", \"none\": null, \"exact\": 1.5}"));
        assertThat(set(new int[] {1, 2}).toJson()).isEqualTo(json("[1, 2]"));
        assertThat(set("text").toJson()).isEqualTo(json("\"text\""));
        assertThat(set(json("{\"a\": [1]}")).toJson()).isEqualTo(json("{\"a\": [1]}"));
        assertThat(set(null).isSet()).isFalse();
        assertThat(set(json("null")).isSet()).isFalse();
    }

    @Test
    void rejectsValuesWithoutAJsonForm() {
        assertThatThrownBy(() -> set(new Object()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Input 'Latents' expects JSON value of LatentsField, but was given")
                .hasMessageEndingWith("(java.lang.Object has no JSON form)");
        assertThatThrownBy(() -> set(List.of(Double.NaN))).hasMessageEndingWith("(not a finite number)");
    }

    @Test
    void keepsWhatItReads() {
        var stored = json("{\"style_preset_id\": \"p-1\"}");
        InvokeAIField<?> read = InvokeAIJsonField.TYPE.fromJson(Specs.single("StylePresetField", ""), stored, null);
        assertThat(read.toJson()).isEqualTo(stored);
        assertThat(InvokeAIJsonField.TYPE.fromJson(LATENTS, null, null).isSet()).isFalse();
        assertThat(InvokeAIJsonField.of(LATENTS, 3).toJson()).isEqualTo(json("3"));
    }
}
