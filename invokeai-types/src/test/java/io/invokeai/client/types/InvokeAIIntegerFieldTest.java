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
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InvokeAIIntegerFieldTest {
    private static final FieldSpec WIDTH =
            Specs.single("IntegerField", "Width").withConstraints(Specs.range(null, null, "0", null, "8"));
    private static final FieldSpec SEED =
            Specs.single("IntegerField", "Seed").withConstraints(Specs.range("0", "4294967295", null, null, null));

    private static InvokeAIField<?> set(FieldSpec spec, Object value) {
        return InvokeAIIntegerField.TYPE.fromJava(spec, spec.title(), value);
    }

    @Test
    void acceptsEveryIntegralJavaNumber() {
        for (Object v : List.of(
                64,
                64L,
                (short) 64,
                (byte) 64,
                BigInteger.valueOf(64),
                64.0,
                64.0f,
                new BigDecimal("64.00"),
                new AtomicInteger(64))) {
            assertThat(value(set(WIDTH, v))).as("%s", v.getClass()).isEqualTo(64L);
        }
    }

    @Test
    void holdsTheWholeSeedRange() {
        assertThat(set(SEED, 4294967295L).toJson()).hasToString("4294967295");
        assertThat(set(SEED, 0).toJson()).hasToString("0");
    }

    @Test
    void rejectsOutOfRangeWithInputExpectationAndValue() {
        assertThatThrownBy(() -> set(WIDTH, 65))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Input 'Width' expects integer in (0, +inf), a multiple of 8, but was given 65 (Integer)");
        assertThatThrownBy(() -> set(WIDTH, 0)).hasMessageContaining("but was given 0 (Integer)");
        assertThatThrownBy(() -> set(SEED, 4294967296L))
                .hasMessage("Input 'Seed' expects integer in [0, 4294967295], but was given 4294967296 (Long)");
        assertThatThrownBy(() -> set(SEED, -1)).hasMessageContaining("expects integer in [0, 4294967295]");
    }

    @Test
    void rejectsFractionsTextAndOtherTypes() {
        assertThatThrownBy(() -> set(WIDTH, 64.5))
                .hasMessage("Input 'Width' expects integer in (0, +inf), a multiple of 8, but was given 64.5 (Double)"
                        + " (not a whole number)");
        assertThatThrownBy(() -> set(WIDTH, "64"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("but was given \"64\" (String) (text is not converted to a number)");
        assertThatThrownBy(() -> set(WIDTH, true)).hasMessageContaining("but was given true (Boolean)");
        assertThatThrownBy(() -> set(WIDTH, Double.NaN)).hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> set(Specs.single("IntegerField", "N"), BigInteger.ONE.shiftLeft(64)))
                .hasMessageContaining("out of the range of a long");
    }

    @Test
    void exceptionCarriesItsParts() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class, () -> set(WIDTH, 65));
        assertThat(e.input()).isEqualTo("Width");
        assertThat(e.expected()).isEqualTo("integer in (0, +inf), a multiple of 8");
        assertThat(e.given()).isEqualTo("65 (Integer)");
    }

    @Test
    void nullLeavesTheFieldUnset() {
        InvokeAIField<?> field = set(WIDTH, null);
        assertThat(field.isSet()).isFalse();
        assertThat(field.toJson()).isEqualTo(jakarta.json.JsonValue.NULL);
        assertThat(field.displayValue()).isEqualTo("<unset>");
    }

    @Test
    void roundTripsThroughJson() {
        InvokeAIField<?> field = set(WIDTH, 512);
        assertThat(field.toJson()).hasToString("512");
        InvokeAIField<?> read = InvokeAIIntegerField.TYPE.fromJson(WIDTH, field.toJson(), null);
        assertThat(read).isEqualTo(field);
        assertThat(read.displayValue()).isEqualTo("512");
        assertThat(value(InvokeAIIntegerField.TYPE.fromJson(WIDTH, json("512.0"), null)))
                .isEqualTo(512L);
        assertThat(InvokeAIIntegerField.TYPE
                        .fromJson(WIDTH, jakarta.json.JsonValue.NULL, null)
                        .isSet())
                .isFalse();
        assertThat(InvokeAIIntegerField.TYPE.fromJson(WIDTH, null, null).isSet())
                .isFalse();
    }

    @Test
    void jsonIsCheckedForShapeNotLimits() {
        // a workflow saved against other limits still loads; set() then enforces them
        assertThat(value(InvokeAIIntegerField.TYPE.fromJson(WIDTH, json("65"), null)))
                .isEqualTo(65L);
        assertThatThrownBy(() -> InvokeAIIntegerField.TYPE.fromJson(WIDTH, json("\"65\""), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Input 'Width' expects integer");
        assertThatThrownBy(() -> InvokeAIIntegerField.TYPE.fromJson(WIDTH, json("6.5"), null))
                .hasMessageContaining("not a whole number");
    }

    @Test
    void acceptsJsonAndOtherFieldsAsJavaValues() {
        assertThat(value(set(WIDTH, json("64")))).isEqualTo(64L);
        assertThat(value(set(WIDTH, set(WIDTH, 128)))).isEqualTo(128L);
    }

    @Test
    void staticFactoryChecks() {
        assertThat(value(InvokeAIIntegerField.of(WIDTH, 8))).isEqualTo(8L);
        assertThatThrownBy(() -> InvokeAIIntegerField.of(WIDTH, 9)).isInstanceOf(InvalidInputException.class);
        assertThat(InvokeAIIntegerField.unset(WIDTH).isSet()).isFalse();
    }

    @Test
    void singleOrCollectionTakesANumberOrAList() {
        FieldSpec steps = Specs.spec("IntegerField", Cardinality.SINGLE_OR_COLLECTION, "Steps")
                .withConstraints(Specs.items(Specs.range("1", "100", null, null, null), 1, 4));
        assertThat(InvokeAIIntegerField.TYPE.supports(steps)).isTrue();
        assertThat(set(steps, 30)).isInstanceOf(InvokeAIIntegerField.class);
        assertThat(set(steps, 30).toJson()).hasToString("30");

        InvokeAIField<?> list = set(steps, List.of(10, 20));
        assertThat(list).isInstanceOf(InvokeAIIntegerCollectionField.class);
        assertThat(list.toJson()).hasToString("[10,20]");
        assertThat(set(steps, new int[] {1, 2, 3}).toJson()).hasToString("[1,2,3]");

        assertThat(InvokeAIIntegerField.TYPE.describe(steps))
                .isEqualTo("integer in [1, 100] or a list of them (1 to 4 items)");
        assertThatThrownBy(() -> set(steps, new java.util.ArrayList<>(List.of(1, 2, 3, 4, 5))))
                .hasMessage("Input 'Steps' expects integer in [1, 100] or a list of them (1 to 4 items), but was"
                        + " given [1, 2, 3, 4, 5] (ArrayList) (it has 5 items)");
        assertThatThrownBy(() -> set(steps, List.of(1, 200))).hasMessageEndingWith("(item 1 is 200 (Integer))");

        assertThat(InvokeAIIntegerField.TYPE.fromJson(steps, json("[5, 6]"), null))
                .isInstanceOf(InvokeAIIntegerCollectionField.class)
                .extracting(InvokeAIField::value)
                .isEqualTo(java.util.Optional.of(List.of(5L, 6L)));
    }

    @Test
    void describesTheRange() {
        assertThat(InvokeAIIntegerField.TYPE.describe(Specs.single("IntegerField", "N")))
                .isEqualTo("integer");
        assertThat(InvokeAIIntegerField.TYPE.describe(SEED)).isEqualTo("integer in [0, 4294967295]");
        assertThat(InvokeAIIntegerField.TYPE.describe(
                        Specs.single("IntegerField", "N").withConstraints(Specs.range(null, null, null, null, "8"))))
                .isEqualTo("integer, a multiple of 8");
    }

    @Test
    void supportsSingleAndSingleOrCollectionOnly() {
        assertThat(InvokeAIIntegerField.TYPE.typeName()).isEqualTo("IntegerField");
        assertThat(InvokeAIIntegerField.TYPE.supports(Specs.spec("IntegerField", Cardinality.COLLECTION, "")))
                .isFalse();
        assertThat(InvokeAIIntegerField.TYPE.supports(Specs.single("FloatField", "")))
                .isFalse();
    }
}
