package io.invokeai.client.types;

import static io.invokeai.client.types.Jsons.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.invokeai.client.Board;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldContext;
import io.invokeai.client.spi.FieldType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class GeneratorFieldsTest {
    private static final FieldSpec FLOATS = Specs.single("FloatGeneratorField", "Generator");
    private static final FieldSpec INTEGERS = Specs.single("IntegerGeneratorField", "Generator");
    private static final FieldSpec STRINGS = Specs.single("StringGeneratorField", "Generator");
    private static final FieldSpec IMAGES = Specs.single("ImageGeneratorField", "Generator");

    private static InvokeAIFloatGeneratorField floats(Object value) {
        return (InvokeAIFloatGeneratorField) InvokeAIFloatGeneratorField.TYPE.fromJava(FLOATS, "Generator", value);
    }

    private static InvokeAIIntegerGeneratorField integers(Object value) {
        return (InvokeAIIntegerGeneratorField)
                InvokeAIIntegerGeneratorField.TYPE.fromJava(INTEGERS, "Generator", value);
    }

    private static InvokeAIStringGeneratorField strings(Object value) {
        return (InvokeAIStringGeneratorField) InvokeAIStringGeneratorField.TYPE.fromJava(STRINGS, "Generator", value);
    }

    private static List<BigDecimal> decimals(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    // Expected values below were computed with the GUI's formulas in JavaScript (node).

    @Test
    void floatArithmeticSequenceUsesDoubleArithmeticLikeTheGui() {
        var field = floats(InvokeAIFloatGeneratorField.arithmeticSequence(0, 0.1, 10));
        assertThat(field.variant()).isEqualTo("float_generator_arithmetic_sequence");
        assertThat(field.values())
                .isEqualTo(decimals(
                        "0",
                        "0.1",
                        "0.2",
                        "0.30000000000000004",
                        "0.4",
                        "0.5",
                        "0.6000000000000001",
                        "0.7000000000000001",
                        "0.8",
                        "0.9"));
        assertThat(floats(InvokeAIFloatGeneratorField.arithmeticSequence(2.5, 0, 10))
                        .values())
                .isEqualTo(decimals("2.5"));
    }

    @Test
    void floatLinearDistributionIncludesBothEnds() {
        assertThat(floats(InvokeAIFloatGeneratorField.linearDistribution(0, 1, 7))
                        .values())
                .isEqualTo(decimals(
                        "0",
                        "0.16666666666666666",
                        "0.3333333333333333",
                        "0.5",
                        "0.6666666666666666",
                        "0.8333333333333334",
                        "1"));
        assertThat(floats(InvokeAIFloatGeneratorField.linearDistribution(3, 9, 1))
                        .values())
                .isEqualTo(decimals("3"));
    }

    @Test
    void seededRandomMatchesTheGuisMersenneTwister() {
        assertThat(floats(InvokeAIFloatGeneratorField.randomUniform(0, 1, 5, 42L))
                        .values())
                .isEqualTo(decimals(
                        "0.37454011430963874",
                        "0.7965429842006415",
                        "0.9507143115624785",
                        "0.18343478767201304",
                        "0.7319939383305609"));
        assertThat(floats(InvokeAIFloatGeneratorField.randomUniform(-2.5, 7.5, 5, 42L))
                        .values())
                .isEqualTo(decimals(
                        "1.2454011430963874",
                        "5.465429842006415",
                        "7.007143115624785",
                        "-0.6656521232798696",
                        "4.819939383305609"));
        assertThat(integers(InvokeAIIntegerGeneratorField.randomUniform(0, 10, 10, 7L))
                        .values())
                .containsExactly(0L, 2L, 8L, 3L, 4L, 10L, 7L, 5L, 10L, 3L);
        // a negative seed is taken as its unsigned 32 bits, like JavaScript's seed >>> 0
        assertThat(integers(InvokeAIIntegerGeneratorField.randomUniform(-5, 5, 6, -1L))
                        .values())
                .containsExactly(-4L, -4L, 5L, 1L, 3L, 0L);
    }

    @Test
    void unseededRandomStaysInRange() {
        assertThat(floats(InvokeAIFloatGeneratorField.randomUniform(1, 2, 50, null))
                        .values())
                .hasSize(50)
                .allMatch(d -> d.compareTo(BigDecimal.ONE) >= 0 && d.compareTo(BigDecimal.valueOf(2)) < 0);
        assertThat(integers(InvokeAIIntegerGeneratorField.randomUniform(3, 4, 50, null))
                        .values())
                .hasSize(50)
                .allMatch(n -> n == 3 || n == 4);
    }

    @Test
    void parseStringFollowsJavaScriptParsing() {
        assertThat(floats(InvokeAIFloatGeneratorField.parseString("1, 2.5x, abc, , .5,1e3, -0", ","))
                        .values())
                .isEqualTo(decimals("1", "2.5", "0.5", "1000", "0"));
        assertThat(integers(InvokeAIIntegerGeneratorField.parseString("3.7,-12abc, abc,+5,1e3, 42,", ","))
                        .values())
                .containsExactly(3L, -12L, 5L, 1L, 42L);
        // the separator is JSON-unescaped first: \n means a newline
        assertThat(strings(InvokeAIStringGeneratorField.parseString("a\nb\n\nc", "\\n"))
                        .values())
                .containsExactly("a", "b", "c");
        assertThat(strings(InvokeAIStringGeneratorField.parseString(" a ,b", ","))
                        .values())
                .containsExactly(" a ", "b");
        assertThat(strings(InvokeAIStringGeneratorField.parseString("a,b", "")).values())
                .containsExactly("a,b");
    }

    @Test
    void integerSequencesAndLinearRounding() {
        assertThat(integers(InvokeAIIntegerGeneratorField.arithmeticSequence(5, -2, 4))
                        .values())
                .containsExactly(5L, 3L, 1L, -1L);
        assertThat(integers(InvokeAIIntegerGeneratorField.linearDistribution(0, 10, 4))
                        .values())
                .containsExactly(0L, 3L, 7L, 10L);
        assertThat(integers(InvokeAIIntegerGeneratorField.linearDistribution(10, -5, 6))
                        .values())
                .containsExactly(10L, 7L, 4L, 1L, -2L, -5L);
        // JavaScript rounds halves up: -3 + round(1.5) = -1
        assertThat(integers(InvokeAIIntegerGeneratorField.linearDistribution(-3, 0, 5))
                        .values())
                .containsExactly(-3L, -2L, -1L, -1L, 0L);
    }

    @Test
    void storedValuesStandInForTheSettings() {
        var read = (InvokeAIFloatGeneratorField) InvokeAIFloatGeneratorField.TYPE.fromJson(
                FLOATS,
                json("{\"type\": \"float_generator_arithmetic_sequence\", \"start\": 0, \"step\": 0.2, \"count\": 3,"
                        + " \"values\": [0.2, 0.4, 0.6]}"),
                null);
        assertThat(read.values()).isEqualTo(decimals("0.2", "0.4", "0.6"));
        var prompts = (InvokeAIStringGeneratorField) InvokeAIStringGeneratorField.TYPE.fromJson(
                STRINGS,
                json("{\"type\": \"string_generator_dynamic_prompts_random\", \"input\": \"{a|b}\", \"count\": 2,"
                        + " \"values\": [\"a\", \"b\"]}"),
                null);
        assertThat(prompts.values()).containsExactly("a", "b");
    }

    @Test
    void serverSideVariantsSaySo() {
        var combinatorial = strings(InvokeAIStringGeneratorField.dynamicPromptsCombinatorial("{a|b}", 10));
        assertThatThrownBy(combinatorial::values)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith("string_generator_dynamic_prompts_combinatorial is expanded by the server");
        var random = strings(InvokeAIStringGeneratorField.dynamicPromptsRandom("{a|b}", 3, 1L));
        assertThatThrownBy(random::values).hasMessageStartingWith("string_generator_dynamic_prompts_random");
        var board = (InvokeAIImageGeneratorField) InvokeAIImageGeneratorField.TYPE.fromJava(
                IMAGES, "Generator", InvokeAIImageGeneratorField.imagesFromBoard("Cats", false));
        assertThatThrownBy(board::values)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith("image_generator_images_from_board lists a board's images on the server");
    }

    @Test
    void javaValuesAreCheckedStrictly() {
        assertThatThrownBy(() -> floats(new java.util.HashMap<>(Map.of("type", "float_generator_geometric"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Input 'Generator' expects generator {\"type\": ..., settings} with type one of"
                        + " [float_generator_arithmetic_sequence, float_generator_linear_distribution,"
                        + " float_generator_random_distribution_uniform, float_generator_parse_string], but was given"
                        + " {type=float_generator_geometric} (HashMap) (unknown type \"float_generator_geometric\""
                        + " (String))");
        assertThatThrownBy(() -> floats(Map.of("start", 0))).hasMessageEndingWith("(\"type\" is missing)");
        assertThatThrownBy(() -> floats(Map.of("type", "float_generator_arithmetic_sequence", "start", 0, "step", 1)))
                .hasMessageEndingWith("(\"count\" is missing; float_generator_arithmetic_sequence needs [start, step,"
                        + " count, values])");
        assertThatThrownBy(() -> floats(Map.of("type", "float_generator_parse_string", "input", "1", "split_on", ",")))
                .hasMessageContaining("unknown setting \"split_on\" for float_generator_parse_string");
        assertThatThrownBy(() -> integers(
                        Map.of("type", "integer_generator_arithmetic_sequence", "start", 0.5, "step", 1, "count", 3)))
                .hasMessageEndingWith("(\"start\" must be a whole number)");
        assertThatThrownBy(() -> integers(InvokeAIIntegerGeneratorField.arithmeticSequence(0, 1, 0)))
                .hasMessageEndingWith("(\"count\" must be at least 1)");
        assertThatThrownBy(() -> floats(Map.of("type", "float_generator_parse_string", "input", 1, "splitOn", ",")))
                .hasMessageEndingWith("(\"input\" must be text)");
        assertThatThrownBy(() -> floats("0,1")).hasMessageEndingWith("but was given \"0,1\" (String)");
        // a Java map works as well as a JSON object
        assertThat(floats(Map.of("type", "float_generator_parse_string", "input", "1;2", "splitOn", ";"))
                        .values())
                .isEqualTo(decimals("1", "2"));
    }

    @Test
    void storedValuesTakeTheGuiDefaults() {
        InvokeAIField<?> read = InvokeAIFloatGeneratorField.TYPE.fromJson(
                FLOATS, json("{\"type\": \"float_generator_linear_distribution\", \"extra\": 1}"), null);
        assertThat(read.toJson())
                .isEqualTo(json("{\"type\": \"float_generator_linear_distribution\", \"start\": 0, \"end\": 1,"
                        + " \"count\": 10}"));
        // no type: the first variant, as the GUI reads it
        InvokeAIField<?> empty = InvokeAIIntegerGeneratorField.TYPE.fromJson(INTEGERS, json("{}"), null);
        assertThat(((InvokeAIIntegerGeneratorField) empty).values())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThatThrownBy(() -> InvokeAIFloatGeneratorField.TYPE.fromJson(
                        FLOATS, json("{\"type\": \"float_generator_arithmetic_sequence\", \"start\": \"x\"}"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("(\"start\" must be a number)");
        assertThat(InvokeAIFloatGeneratorField.TYPE
                        .fromJson(FLOATS, json("null"), null)
                        .isSet())
                .isFalse();
    }

    @Test
    void roundTripsThroughJson() {
        for (var pair : List.of(
                Map.entry(InvokeAIFloatGeneratorField.TYPE, InvokeAIFloatGeneratorField.randomUniform(0, 1, 3, 9L)),
                Map.entry(InvokeAIIntegerGeneratorField.TYPE, InvokeAIIntegerGeneratorField.parseString("1,2", ",")),
                Map.entry(InvokeAIStringGeneratorField.TYPE, InvokeAIStringGeneratorField.parseString("a", ",")),
                Map.entry(InvokeAIImageGeneratorField.TYPE, InvokeAIImageGeneratorField.imagesFromBoard(null, true)))) {
            FieldType type = pair.getKey();
            FieldSpec spec = Specs.single(type.typeName(), "Generator");
            InvokeAIField<?> field = type.fromJava(spec, "Generator", pair.getValue());
            assertThat(field.toJson()).isEqualTo(pair.getValue());
            assertThat(type.fromJson(spec, field.toJson(), null)).isEqualTo(field);
        }
    }

    @Test
    void imageGeneratorResolvesItsBoard() {
        InvokeAIField<?> field = InvokeAIImageGeneratorField.TYPE.fromJava(
                IMAGES, "Images", InvokeAIImageGeneratorField.imagesFromBoard("Cats", false));
        assertThat(field.needsPreparation()).isTrue();
        FieldContext context = mock(FieldContext.class);
        when(context.resolveBoard("Images", "Cats"))
                .thenReturn(CompletableFuture.completedFuture(new Board("b-9", "Cats", 1, 0, false, "")));
        InvokeAIField<?> prepared = field.prepare(context).join();
        verify(context).resolveBoard("Images", "Cats");
        assertThat(prepared.toJson())
                .isEqualTo(json("{\"type\": \"image_generator_images_from_board\", \"board_id\": \"b-9\","
                        + " \"category\": \"images\"}"));
        assertThat(prepared.needsPreparation()).isFalse();
        InvokeAIField<?> uncategorized = InvokeAIImageGeneratorField.TYPE.fromJava(
                IMAGES, "Images", InvokeAIImageGeneratorField.imagesFromBoard(null, false));
        assertThat(uncategorized.needsPreparation()).isFalse();
        assertThatThrownBy(() -> InvokeAIImageGeneratorField.TYPE.fromJava(
                        IMAGES, "Images", Map.of("type", "image_generator_images_from_board", "category", "masks")))
                .hasMessageEndingWith("(\"category\" must be \"images\" or \"assets\")");
    }
}
