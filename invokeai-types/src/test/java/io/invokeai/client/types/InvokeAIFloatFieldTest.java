package io.invokeai.client.types;

import static io.invokeai.client.types.Jsons.json;
import static io.invokeai.client.types.Jsons.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvokeAIFloatFieldTest {
    private static final FieldSpec STRENGTH =
            Specs.single("FloatField", "Strength").withConstraints(Specs.range("0", "1", null, null, null));
    private static final FieldSpec CFG = Specs.spec("FloatField", Cardinality.SINGLE_OR_COLLECTION, "CFG Scale")
            .withConstraints(Specs.range("1", null, null, null, null));

    private static InvokeAIField<?> set(FieldSpec spec, Object value) {
        return InvokeAIFloatField.TYPE.fromJava(spec, spec.title(), value);
    }

    @Test
    void keepsTheDecimalTheUserMeant() {
        // a Float goes through Float.toString: 0.7f is 0.7, not 0.699999988079071
        assertThat(set(STRENGTH, 0.7f).toJson()).hasToString("0.7");
        assertThat(set(STRENGTH, 0.1d).toJson()).hasToString("0.1");
        assertThat(set(STRENGTH, new BigDecimal("0.750")).toJson()).hasToString("0.75");
        assertThat(value(set(STRENGTH, new BigDecimal("0.750")))).isEqualTo(new BigDecimal("0.75"));
        assertThat(set(STRENGTH, 1).toJson()).hasToString("1");
        assertThat(set(STRENGTH, 1.0).toJson()).hasToString("1");
        assertThat(InvokeAIFloatField.of(STRENGTH, 0.3f).displayValue()).isEqualTo("0.3");
        assertThat(InvokeAIFloatField.of(STRENGTH, 0.25).doubleValue()).isEqualTo(0.25);
    }

    @Test
    void checksRangesAndStepsExactly() {
        FieldSpec tenths =
                Specs.single("FloatField", "Tenths").withConstraints(Specs.range(null, null, null, null, "0.1"));
        // 0.3 is a multiple of 0.1 in decimal, though not in binary floating point
        assertThat(value(set(tenths, 0.3))).isEqualTo(new BigDecimal("0.3"));
        assertThatThrownBy(() -> set(tenths, 0.35))
                .hasMessage("Input 'Tenths' expects number, a multiple of 0.1, but was given 0.35 (Double)");
        assertThatThrownBy(() -> set(STRENGTH, 1.5))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Input 'Strength' expects number in [0, 1], but was given 1.5 (Double)");
    }

    @Test
    void rejectsTextAndNonFiniteNumbers() {
        assertThatThrownBy(() -> set(STRENGTH, "0.5"))
                .hasMessage("Input 'Strength' expects number in [0, 1], but was given \"0.5\" (String)"
                        + " (text is not converted to a number)");
        assertThatThrownBy(() -> set(STRENGTH, Double.NaN)).hasMessageContaining("(not a finite number)");
        assertThatThrownBy(() -> set(STRENGTH, Float.POSITIVE_INFINITY)).hasMessageContaining("not a finite");
        assertThatThrownBy(() -> set(STRENGTH, false)).hasMessageContaining("but was given false (Boolean)");
    }

    @Test
    void roundTripsThroughJson() {
        InvokeAIField<?> field = set(STRENGTH, 0.7f);
        assertThat(InvokeAIFloatField.TYPE.fromJson(STRENGTH, field.toJson(), null))
                .isEqualTo(field);
        assertThat(value(InvokeAIFloatField.TYPE.fromJson(STRENGTH, json("7.50"), null)))
                .isEqualTo(new BigDecimal("7.5"));
        assertThat(InvokeAIFloatField.TYPE
                        .fromJson(STRENGTH, json("null"), null)
                        .isSet())
                .isFalse();
        assertThatThrownBy(() -> InvokeAIFloatField.TYPE.fromJson(STRENGTH, json("\"x\""), null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void cfgScaleTakesANumberOrAList() {
        assertThat(set(CFG, 7.5)).isInstanceOf(InvokeAIFloatField.class);
        assertThat(set(CFG, 7.5).toJson()).hasToString("7.5");
        InvokeAIField<?> perStep = set(CFG, List.of(7.5, 6.0f, 5));
        assertThat(perStep).isInstanceOf(InvokeAIFloatCollectionField.class);
        assertThat(perStep.toJson()).hasToString("[7.5,6,5]");
        assertThat(set(CFG, new double[] {2.5}).toJson()).hasToString("[2.5]");
        assertThatThrownBy(() -> set(CFG, new ArrayList<>(List.of(7.5, 0.5))))
                .hasMessage("Input 'CFG Scale' expects number in [1, +inf) or a list of them, but was given"
                        + " [7.5, 0.5] (ArrayList) (item 1 is 0.5 (Double))");
        assertThat(InvokeAIFloatField.TYPE.fromJson(CFG, json("[3, 4.5]"), null).toJson())
                .hasToString("[3,4.5]");
        assertThat(InvokeAIFloatField.TYPE.fromJson(CFG, json("7.5"), null)).isInstanceOf(InvokeAIFloatField.class);
    }

    @Test
    void collectionChecksItems() {
        FieldSpec floats = Specs.spec("FloatField", Cardinality.COLLECTION, "Floats")
                .withConstraints(Specs.items(Specs.range("0", "1", null, null, null), null, 2));
        assertThat(InvokeAIFloatCollectionField.TYPE.supports(floats)).isTrue();
        InvokeAIField<?> field = InvokeAIFloatCollectionField.TYPE.fromJava(floats, "Floats", List.of(0.1f, 0.2));
        assertThat(field.toJson()).hasToString("[0.1,0.2]");
        assertThat(value(field)).isEqualTo(List.of(new BigDecimal("0.1"), new BigDecimal("0.2")));
        assertThat(InvokeAIFloatCollectionField.TYPE.fromJson(floats, field.toJson(), null))
                .isEqualTo(field);
        assertThat(InvokeAIFloatCollectionField.of(floats, List.of(1)).toJson()).hasToString("[1]");
        assertThatThrownBy(() -> InvokeAIFloatCollectionField.TYPE.fromJava(floats, "Floats", List.of(1, 2, 3)))
                .hasMessageContaining("expects list of number in [0, 1] (at most 2 items)")
                .hasMessageEndingWith("(it has 3 items)");
        assertThat(InvokeAIFloatCollectionField.TYPE
                        .fromJava(floats, "Floats", null)
                        .value())
                .isEqualTo(Optional.empty());
    }
}
