package io.invokeai.client.types;

import static io.invokeai.client.types.Jsons.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIField;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvokeAIIntegerCollectionFieldTest {
    private static final FieldSpec LIST = Specs.spec("IntegerField", Cardinality.COLLECTION, "Integers")
            .withConstraints(Specs.items(Specs.range("0", "10", null, null, null), 1, 3));

    private static InvokeAIField<?> set(Object value) {
        return InvokeAIIntegerCollectionField.TYPE.fromJava(LIST, "Integers", value);
    }

    @Test
    void acceptsCollectionsAndArrays() {
        assertThat(set(List.of(1, 2L, 3.0)).value()).isEqualTo(Optional.of(List.of(1L, 2L, 3L)));
        assertThat(set(new long[] {4, 5}).toJson()).hasToString("[4,5]");
        assertThat(set(new Integer[] {6}).toJson()).hasToString("[6]");
        assertThat(InvokeAIIntegerCollectionField.of(LIST, List.of(1, 2)).toJson())
                .hasToString("[1,2]");
    }

    @Test
    void checksEachItemAndTheSize() {
        assertThatThrownBy(() -> set(new java.util.ArrayList<>(List.of(1, 11))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Input 'Integers' expects list of integer in [0, 10] (1 to 3 items), but was given"
                        + " [1, 11] (ArrayList) (item 1 is 11 (Integer))");
        assertThatThrownBy(() -> set(List.of("1")))
                .hasMessageEndingWith("(item 0 is \"1\" (String): text is not converted to a number)");
        assertThatThrownBy(() -> set(List.of())).hasMessageEndingWith("(it has 0 items)");
        assertThatThrownBy(() -> set(List.of(1, 2, 3, 4))).hasMessageEndingWith("(it has 4 items)");
        assertThatThrownBy(() -> set(5)).hasMessageEndingWith("(not a list)");
        assertThatThrownBy(() -> set(java.util.Arrays.asList(1, null))).hasMessageEndingWith("(item 1 is null)");
    }

    @Test
    void roundTripsThroughJson() {
        InvokeAIField<?> field = set(List.of(1, 2, 3));
        InvokeAIField<?> read = InvokeAIIntegerCollectionField.TYPE.fromJson(LIST, field.toJson(), null);
        assertThat(read).isEqualTo(field);
        assertThat(InvokeAIIntegerCollectionField.TYPE
                        .fromJson(LIST, json("[]"), null)
                        .value())
                .isEqualTo(Optional.of(List.of()));
        assertThat(InvokeAIIntegerCollectionField.TYPE
                        .fromJson(LIST, json("null"), null)
                        .isSet())
                .isFalse();
        assertThatThrownBy(() -> InvokeAIIntegerCollectionField.TYPE.fromJson(LIST, json("[\"a\"]"), null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void supportsCollectionsOnly() {
        assertThat(InvokeAIIntegerCollectionField.TYPE.supports(LIST)).isTrue();
        assertThat(InvokeAIIntegerCollectionField.TYPE.supports(Specs.single("IntegerField", "")))
                .isFalse();
        assertThat(InvokeAIIntegerCollectionField.TYPE.supports(
                        Specs.spec("IntegerField", Cardinality.SINGLE_OR_COLLECTION, "")))
                .isFalse();
    }
}
