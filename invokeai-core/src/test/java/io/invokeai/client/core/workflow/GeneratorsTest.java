package io.invokeai.client.core.workflow;

import static io.invokeai.client.core.workflow.Fixtures.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.InvokeAIException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The values of generator nodes, as the generator field types compute them (invokeai-types is on the test path). */
class GeneratorsTest {
    private final Generators generators = new Generators(Fixtures.templates(), Fixtures.registry());

    /** The values of a generator node of the type its generator's type names, e.g. float_generator. */
    private List<JsonValue> items(JsonObject generator) {
        String nodeType = generator.getString("type").replaceFirst("_generator_.*", "_generator");
        return generators.values("G", nodeType, generator);
    }

    private String values(String generator) {
        return items(q(generator)).toString();
    }

    @Test
    void floatGenerators() {
        assertThat(values("{'type':'float_generator_arithmetic_sequence','start':0,'step':0.1,'count':4}"))
                .isEqualTo("[0, 0.1, 0.2, 0.30000000000000004]"); // JavaScript arithmetic, printed like JSON.stringify
        assertThat(values("{'type':'float_generator_arithmetic_sequence','start':2,'step':0,'count':4}"))
                .isEqualTo("[2]");
        assertThat(values("{'type':'float_generator_linear_distribution','start':0,'end':1,'count':5}"))
                .isEqualTo("[0, 0.25, 0.5, 0.75, 1]");
        assertThat(values("{'type':'float_generator_linear_distribution','start':3,'end':9,'count':1}"))
                .isEqualTo("[3]");
        assertThat(values("{'type':'float_generator_parse_string','input':' 1.5, x, 2e1,, -.5abc ','splitOn':','}"))
                .isEqualTo("[1.5, 20, -0.5]");
        assertThat(values("{'type':'float_generator_arithmetic_sequence','start':0,'step':1,'count':3,'values':[9,8]}"))
                .isEqualTo("[9, 8]"); // precomputed values win, as in the GUI
    }

    @Test
    void integerGenerators() {
        assertThat(values("{'type':'integer_generator_arithmetic_sequence','start':10,'step':-3,'count':4}"))
                .isEqualTo("[10, 7, 4, 1]");
        assertThat(values("{'type':'integer_generator_linear_distribution','start':0,'end':10,'count':4}"))
                .isEqualTo("[0, 3, 7, 10]"); // Math.round(3.33), Math.round(6.67)
        assertThat(values("{'type':'integer_generator_linear_distribution','start':0,'end':1,'count':3}"))
                .isEqualTo("[0, 1, 1]"); // Math.round(0.5) rounds up
        assertThat(values("{'type':'integer_generator_parse_string','input':'1, 2.9, -3, x7, 8px','splitOn':','}"))
                .isEqualTo("[1, 2, -3, 8]"); // parseInt
    }

    @Test
    void stringParseStringKeepsSpacesAndUnescapesTheSeparator() {
        assertThat(values("{'type':'string_generator_parse_string','input':'a cat, a dog,,x','splitOn':','}"))
                .isEqualTo("[\"a cat\", \" a dog\", \"x\"]");
        assertThat(items(
                                Fixtures.parse(
                                        "{\"type\":\"string_generator_parse_string\",\"input\":\"one\\ntwo\",\"splitOn\":\"\\\\n\"}"))
                        .toString())
                .isEqualTo("[\"one\", \"two\"]");
        assertThat(values("{'type':'string_generator_parse_string','input':'a|b','splitOn':''}"))
                .isEqualTo("[\"a|b\"]");
    }

    @Test
    void seededRandomGeneratorsAreReproducibleAndInRange() {
        String spec = "{'type':'integer_generator_random_distribution_uniform','min':1,'max':6,'count':50,'seed':42}";
        List<JsonValue> a = items(q(spec));
        assertThat(a).hasSize(50).isEqualTo(items(q(spec)));
        assertThat(a).allSatisfy(v -> assertThat(Integer.parseInt(v.toString())).isBetween(1, 6));
        assertThat(values("{'type':'float_generator_random_distribution_uniform','min':0,'max':1,'count':3}"))
                .matches("\\[(0(\\.\\d+(E-\\d+)?)?, ){2}0(\\.\\d+(E-\\d+)?)?]");
    }

    @Test
    void serverGeneratorsAndUnknownTypesFailClearly() {
        assertThat(Generators.needsServer(q("{'type':'image_generator_images_from_board','category':'images'}")))
                .isTrue();
        assertThatThrownBy(() -> values("{'type':'string_generator_dynamic_prompts_random','input':'a','count':2}"))
                .isInstanceOf(InvokeAIException.class)
                .hasMessageContaining("needs the server");
        assertThatThrownBy(() -> values("{'type':'float_generator_wavelet'}"))
                .isInstanceOf(InvokeAIException.class)
                .hasMessageContaining("float_generator_wavelet");
    }
}
