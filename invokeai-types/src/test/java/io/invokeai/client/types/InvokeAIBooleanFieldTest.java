package io.invokeai.client.types;

import static io.invokeai.client.types.Jsons.json;
import static io.invokeai.client.types.Jsons.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIField;
import org.junit.jupiter.api.Test;

class InvokeAIBooleanFieldTest {
    private static final FieldSpec SPEC = Specs.single("BooleanField", "Use CPU");

    @Test
    void acceptsBooleansOnly() {
        assertThat(value(InvokeAIBooleanField.TYPE.fromJava(SPEC, "Use CPU", true)))
                .isEqualTo(true);
        assertThat(InvokeAIBooleanField.of(SPEC, false).toJson()).hasToString("false");
        assertThatThrownBy(() -> InvokeAIBooleanField.TYPE.fromJava(SPEC, "Use CPU", "true"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Input 'Use CPU' expects boolean, but was given \"true\" (String)"
                        + " (text is not converted to a boolean)");
        assertThatThrownBy(() -> InvokeAIBooleanField.TYPE.fromJava(SPEC, "Use CPU", 1))
                .hasMessage("Input 'Use CPU' expects boolean, but was given 1 (Integer)");
    }

    @Test
    void roundTripsThroughJson() {
        InvokeAIField<?> field = InvokeAIBooleanField.of(SPEC, true);
        assertThat(InvokeAIBooleanField.TYPE.fromJson(SPEC, field.toJson(), null))
                .isEqualTo(field);
        assertThat(InvokeAIBooleanField.TYPE.fromJson(SPEC, json("null"), null).isSet())
                .isFalse();
        assertThat(InvokeAIBooleanField.unset(SPEC).toJson()).hasToString("null");
        assertThatThrownBy(() -> InvokeAIBooleanField.TYPE.fromJson(SPEC, json("0"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Input 'Use CPU' expects boolean");
    }
}
