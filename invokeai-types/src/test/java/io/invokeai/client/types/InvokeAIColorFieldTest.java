package io.invokeai.client.types;

import static io.invokeai.client.types.Jsons.json;
import static io.invokeai.client.types.Jsons.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIField;
import java.awt.Color;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvokeAIColorFieldTest {
    private static final FieldSpec COLOR = Specs.single("ColorField", "Color");

    private static InvokeAIField<?> set(Object value) {
        return InvokeAIColorField.TYPE.fromJava(COLOR, "Color", value);
    }

    @Test
    void acceptsColorsHexAndMaps() {
        assertThat(value(set(new Color(1, 2, 3, 4)))).isEqualTo(new Color(1, 2, 3, 4));
        assertThat(value(set("#ff8000"))).isEqualTo(new Color(255, 128, 0, 255));
        assertThat(value(set("#FF800080"))).isEqualTo(new Color(255, 128, 0, 128));
        assertThat(value(set(Map.of("r", 1, "g", 2, "b", 3)))).isEqualTo(new Color(1, 2, 3, 255));
        assertThat(value(set(json("{\"r\": 1, \"g\": 2, \"b\": 3, \"a\": 0}")))).isEqualTo(new Color(1, 2, 3, 0));
    }

    @Test
    void writesTheServerShape() {
        InvokeAIField<?> field = InvokeAIColorField.of(COLOR, new Color(10, 20, 30, 40));
        assertThat(field.toJson()).isEqualTo(json("{\"r\": 10, \"g\": 20, \"b\": 30, \"a\": 40}"));
        assertThat(field.displayValue()).isEqualTo("#0a141e28");
        assertThat(InvokeAIColorField.TYPE.fromJson(COLOR, field.toJson(), null))
                .isEqualTo(field);
        assertThat(InvokeAIColorField.TYPE.fromJson(COLOR, json("null"), null).isSet())
                .isFalse();
    }

    @Test
    void rejectsBadColors() {
        assertThatThrownBy(() -> set("#ff80"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Input 'Color' expects color (java.awt.Color, \"#RRGGBB\", \"#RRGGBBAA\" or {r, g, b[, a]}"
                        + " of integers 0..255), but was given \"#ff80\" (String)");
        assertThatThrownBy(() -> set(Map.of("r", 256, "g", 0, "b", 0)))
                .hasMessageEndingWith("(\"r\" must be an integer 0..255)");
        assertThatThrownBy(() -> set(Map.of("r", 1, "g", 0))).hasMessageEndingWith("(\"b\" is missing)");
        assertThatThrownBy(() -> set(Map.of("r", 1, "g", 0, "b", 0, "alpha", 1)))
                .hasMessageEndingWith("(unknown key \"alpha\")");
        assertThatThrownBy(() -> set(Map.of("r", 1.5, "g", 0, "b", 0))).hasMessageContaining("\"r\" must be");
        assertThatThrownBy(() -> InvokeAIColorField.TYPE.fromJson(COLOR, json("\"red\""), null))
                .isInstanceOf(InvalidInputException.class);
    }
}
