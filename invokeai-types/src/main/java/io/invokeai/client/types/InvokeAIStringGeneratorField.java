package io.invokeai.client.types;

import static io.invokeai.client.types.internal.Generators.Key.optional;
import static io.invokeai.client.types.internal.Generators.Key.required;
import static io.invokeai.client.types.internal.Generators.Variant.withStoredValues;
import static io.invokeai.client.types.internal.Generators.num;
import static io.invokeai.client.types.internal.Generators.str;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.types.internal.Generators;
import io.invokeai.client.types.internal.Generators.Kind;
import io.invokeai.client.types.internal.Generators.Variant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * The settings of a {@code string_generator} node ({@code StringGeneratorField}): a JSON object whose {@code type}
 * picks the variant. The GUI (and this client) turns a generator into batch items; the node never runs.
 *
 * <ul>
 *   <li>{@code string_generator_parse_string {input, splitOn}}: split, empty parts dropped;
 *   <li>{@code string_generator_dynamic_prompts_combinatorial {input, maxPrompts}} and
 *       {@code string_generator_dynamic_prompts_random {input, count, seed?}}: expanded by the server's dynamic
 *       prompts route, so {@link #values()} cannot compute them locally.
 * </ul>
 */
public final class InvokeAIStringGeneratorField extends GeneratorField<String> {
    public static final String PARSE_STRING = "string_generator_parse_string";
    public static final String DYNAMIC_PROMPTS_COMBINATORIAL = "string_generator_dynamic_prompts_combinatorial";
    public static final String DYNAMIC_PROMPTS_RANDOM = "string_generator_dynamic_prompts_random";

    private static final JsonValue DYNAMIC_PROMPT = str("a super {cute|ferocious} {dog|cat}");

    static final List<Variant> VARIANTS = List.of(
            withStoredValues(
                    PARSE_STRING,
                    Kind.STRINGS,
                    required("input", Kind.STRING, str("foo,bar,baz,qux")),
                    required("splitOn", Kind.STRING, str(","))),
            withStoredValues(
                    DYNAMIC_PROMPTS_COMBINATORIAL,
                    Kind.STRINGS,
                    required("input", Kind.STRING, DYNAMIC_PROMPT),
                    required("maxPrompts", Kind.COUNT, num(10))),
            withStoredValues(
                    DYNAMIC_PROMPTS_RANDOM,
                    Kind.STRINGS,
                    required("input", Kind.STRING, DYNAMIC_PROMPT),
                    required("count", Kind.COUNT, num(10)),
                    optional("seed", Kind.SEED)));

    /** The field type for {@code StringGeneratorField}. */
    public static final FieldType TYPE = Generators.type(
            "StringGeneratorField",
            VARIANTS,
            (spec, inputName, value, context) -> new InvokeAIStringGeneratorField(spec, value));

    private InvokeAIStringGeneratorField(FieldSpec spec, JsonObject value) {
        super(spec, value);
    }

    /** The parts of {@code input} separated by {@code splitOn} (JSON escapes such as {@code \n} work). */
    public static JsonObject parseString(String input, String splitOn) {
        return Generators.parseString(PARSE_STRING, input, splitOn);
    }

    /** Every combination of a dynamic prompt, at most {@code maxPrompts}. */
    public static JsonObject dynamicPromptsCombinatorial(String prompt, int maxPrompts) {
        return Json.createObjectBuilder()
                .add("type", DYNAMIC_PROMPTS_COMBINATORIAL)
                .add("input", prompt)
                .add("maxPrompts", maxPrompts)
                .build();
    }

    /** {@code count} random expansions of a dynamic prompt. */
    public static JsonObject dynamicPromptsRandom(String prompt, int count, Long seed) {
        return Generators.withSeed(
                Json.createObjectBuilder()
                        .add("type", DYNAMIC_PROMPTS_RANDOM)
                        .add("input", prompt)
                        .add("count", count),
                seed);
    }

    /**
     * The items this generator yields, as the GUI computes them. Stored {@code values} (legacy workflows) stand in
     * for the settings.
     *
     * @throws UnsupportedOperationException for the dynamic prompt variants without stored values: they are expanded
     *     by the server ({@code POST /api/v1/utilities/dynamicprompts}), not locally
     */
    @Override
    public List<String> values() {
        return Generators.values(
                generator(), item -> ((JsonString) item).getString(), InvokeAIStringGeneratorField::compute);
    }

    private static List<String> compute(JsonObject g) {
        String variant = g.getString("type");
        if (!PARSE_STRING.equals(variant)) {
            throw new UnsupportedOperationException(variant
                    + " is expanded by the server's dynamic prompts route (POST /api/v1/utilities/dynamicprompts);"
                    + " it cannot be computed locally");
        }
        return Generators.split(g).stream().filter(s -> !s.isEmpty()).toList();
    }

    @Override
    JsonValue batchValue(String item) {
        return Json.createValue(item);
    }
}
