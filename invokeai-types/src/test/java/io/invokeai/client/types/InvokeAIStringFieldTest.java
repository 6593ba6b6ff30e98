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
import org.junit.jupiter.api.Test;

class InvokeAIStringFieldTest {
    private static final FieldSpec NAME = Specs.single("StringField", "Name").withConstraints(Specs.lengths(null, 5));
    private static final FieldSpec STYLE =
            Specs.single("StringField", "Style").withOptions(List.of("photo", "painting"));

    private static InvokeAIField<?> set(FieldSpec spec, Object value) {
        return InvokeAIStringField.TYPE.fromJava(spec, spec.title(), value);
    }

    @Test
    void acceptsText() {
        assertThat(value(set(NAME, "cat"))).isEqualTo("cat");
        assertThat(value(set(NAME, new StringBuilder("dog")))).isEqualTo("dog");
        assertThat(set(NAME, "a\"b").toJson()).hasToString("\"a\\\"b\"");
        assertThat(InvokeAIStringField.of(NAME, "").toJson()).hasToString("\"\"");
    }

    @Test
    void countsCodePointsLikeTheServer() {
        // five emoji are ten UTF-16 units but five characters
        assertThat(value(set(NAME, "😀😀😀😀😀"))).isEqualTo("😀😀😀😀😀");
        assertThatThrownBy(() -> set(NAME, "abcdef"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Input 'Name' expects string of at most 5 characters, but was given \"abcdef\" (String)"
                        + " (it has 6 characters)");
    }

    @Test
    void describesLengths() {
        assertThat(InvokeAIStringField.TYPE.describe(Specs.single("StringField", "")))
                .isEqualTo("string");
        assertThat(InvokeAIStringField.TYPE.describe(NAME)).isEqualTo("string of at most 5 characters");
        assertThat(InvokeAIStringField.TYPE.describe(
                        Specs.single("StringField", "").withConstraints(Specs.lengths(1, null))))
                .isEqualTo("string of at least 1 character");
        assertThat(InvokeAIStringField.TYPE.describe(
                        Specs.single("StringField", "").withConstraints(Specs.lengths(2, 20))))
                .isEqualTo("string of 2 to 20 characters");
        assertThat(InvokeAIStringField.TYPE.describe(STYLE)).isEqualTo("one of [photo, painting]");
    }

    @Test
    void rejectsOtherTypes() {
        assertThatThrownBy(() -> set(NAME, 5))
                .hasMessage("Input 'Name' expects string of at most 5 characters, but was given 5 (Integer)");
        assertThatThrownBy(() -> set(NAME, 'c')).hasMessageContaining("(Character)");
    }

    @Test
    void dropdownOptionsMustMatch() {
        assertThat(value(set(STYLE, "photo"))).isEqualTo("photo");
        assertThatThrownBy(() -> set(STYLE, "sketch"))
                .hasMessage("Input 'Style' expects one of [photo, painting], but was given \"sketch\" (String)");
        assertThatThrownBy(() -> set(STYLE, "Photo")).hasMessageEndingWith("(did you mean \"photo\"?)");
    }

    @Test
    void roundTripsThroughJson() {
        InvokeAIField<?> field = set(NAME, "cat");
        assertThat(InvokeAIStringField.TYPE.fromJson(NAME, field.toJson(), null))
                .isEqualTo(field);
        // shape only: a stored over-long value still loads
        assertThat(value(InvokeAIStringField.TYPE.fromJson(NAME, json("\"abcdefgh\""), null)))
                .isEqualTo("abcdefgh");
        assertThatThrownBy(() -> InvokeAIStringField.TYPE.fromJson(NAME, json("5"), null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(InvokeAIStringField.TYPE.fromJson(NAME, null, null).isSet()).isFalse();
    }

    @Test
    void collectionsAndSingleOrCollection() {
        FieldSpec strings = Specs.spec("StringField", Cardinality.COLLECTION, "Strings")
                .withConstraints(Specs.items(Specs.lengths(null, 3), 1, null));
        InvokeAIField<?> field = InvokeAIStringCollectionField.TYPE.fromJava(strings, "Strings", List.of("a", "bc"));
        assertThat(field.toJson()).hasToString("[\"a\",\"bc\"]");
        assertThat(InvokeAIStringCollectionField.TYPE.fromJson(strings, field.toJson(), null))
                .isEqualTo(field);
        assertThat(InvokeAIStringCollectionField.of(strings, List.of("x")).toJson())
                .hasToString("[\"x\"]");
        assertThatThrownBy(() -> InvokeAIStringCollectionField.TYPE.fromJava(
                        strings, "Strings", new java.util.ArrayList<>(List.of("abcd"))))
                .hasMessage("Input 'Strings' expects list of string of at most 3 characters (at least 1 item), but"
                        + " was given [abcd] (ArrayList) (item 0 is \"abcd\" (String): it has 4 characters)");
        assertThatThrownBy(() -> InvokeAIStringCollectionField.TYPE.fromJava(strings, "Strings", List.of()))
                .hasMessageEndingWith("(it has 0 items)");

        FieldSpec either = Specs.spec("StringField", Cardinality.SINGLE_OR_COLLECTION, "Either");
        assertThat(set(either, "one")).isInstanceOf(InvokeAIStringField.class);
        assertThat(set(either, new String[] {"a", "b"})).isInstanceOf(InvokeAIStringCollectionField.class);
        assertThat(InvokeAIStringField.TYPE.fromJson(either, json("[\"a\"]"), null))
                .isInstanceOf(InvokeAIStringCollectionField.class);
    }
}
