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
import io.invokeai.client.types.internal.JsText;
import io.invokeai.client.types.internal.Values;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The settings of an {@code integer_generator} node ({@code IntegerGeneratorField}): a JSON object whose
 * {@code type} picks the variant. The GUI (and this client) turns a generator into batch items; the node never runs.
 *
 * <ul>
 *   <li>{@code integer_generator_arithmetic_sequence {start, step, count}}
 *   <li>{@code integer_generator_linear_distribution {start, end, count}}: {@code start + round((end - start) * i /
 *       (count - 1))}
 *   <li>{@code integer_generator_random_distribution_uniform {min, max, count, seed?}}: {@code floor(rng * (max -
 *       min + 1)) + min}, a Mersenne Twister when seeded
 *   <li>{@code integer_generator_parse_string {input, splitOn}}
 * </ul>
 *
 * <p>Values set from Java must name a variant and give all its settings (the static builders do); values read from
 * workflows take the GUI's defaults for missing settings. {@link #values()} computes the items as the GUI does.
 */
public final class InvokeAIIntegerGeneratorField extends GeneratorField<Long> {
    public static final String ARITHMETIC_SEQUENCE = "integer_generator_arithmetic_sequence";
    public static final String LINEAR_DISTRIBUTION = "integer_generator_linear_distribution";
    public static final String RANDOM_DISTRIBUTION_UNIFORM = "integer_generator_random_distribution_uniform";
    public static final String PARSE_STRING = "integer_generator_parse_string";

    static final List<Variant> VARIANTS = List.of(
            withStoredValues(
                    ARITHMETIC_SEQUENCE,
                    Kind.INTEGERS,
                    required("start", Kind.INTEGER, num(0)),
                    required("step", Kind.INTEGER, num(1)),
                    required("count", Kind.COUNT, num(10))),
            withStoredValues(
                    LINEAR_DISTRIBUTION,
                    Kind.INTEGERS,
                    required("start", Kind.INTEGER, num(0)),
                    required("end", Kind.INTEGER, num(10)),
                    required("count", Kind.COUNT, num(10))),
            withStoredValues(
                    RANDOM_DISTRIBUTION_UNIFORM,
                    Kind.INTEGERS,
                    required("min", Kind.INTEGER, num(0)),
                    required("max", Kind.INTEGER, num(10)),
                    required("count", Kind.COUNT, num(10)),
                    optional("seed", Kind.SEED)),
            withStoredValues(
                    PARSE_STRING,
                    Kind.INTEGERS,
                    required("input", Kind.STRING, str("1,2,3,4,5,6,7,8,9,10")),
                    required("splitOn", Kind.STRING, str(","))));

    /** The field type for {@code IntegerGeneratorField}. */
    public static final FieldType TYPE = Generators.type(
            "IntegerGeneratorField",
            VARIANTS,
            (spec, inputName, value, context) -> new InvokeAIIntegerGeneratorField(spec, value));

    private InvokeAIIntegerGeneratorField(FieldSpec spec, JsonObject value) {
        super(spec, value);
    }

    /** {@code start, start + step, ...} ({@code count} items; one item when step is 0). */
    public static JsonObject arithmeticSequence(long start, long step, int count) {
        return Json.createObjectBuilder()
                .add("type", ARITHMETIC_SEQUENCE)
                .add("start", start)
                .add("step", step)
                .add("count", count)
                .build();
    }

    /** {@code count} evenly spaced integers from {@code start} to {@code end}, both included, rounded. */
    public static JsonObject linearDistribution(long start, long end, int count) {
        return Json.createObjectBuilder()
                .add("type", LINEAR_DISTRIBUTION)
                .add("start", start)
                .add("end", end)
                .add("count", count)
                .build();
    }

    /** {@code count} uniform random integers in {@code [min, max]}; reproducible (as in the GUI) with a seed. */
    public static JsonObject randomUniform(long min, long max, int count, Long seed) {
        return Generators.withSeed(
                Json.createObjectBuilder()
                        .add("type", RANDOM_DISTRIBUTION_UNIFORM)
                        .add("min", min)
                        .add("max", max)
                        .add("count", count),
                seed);
    }

    /** The integers in {@code input}, separated by {@code splitOn} (JSON escapes such as {@code \n} work). */
    public static JsonObject parseString(String input, String splitOn) {
        return Generators.parseString(PARSE_STRING, input, splitOn);
    }

    /**
     * The items this generator yields, computed as the GUI computes them. Stored {@code values} (legacy workflows)
     * stand in for the settings. A random generator without a seed differs on each call, as in the GUI. Parsing
     * follows JavaScript's {@code parseInt(s, 10)} ({@code "3.7"} is 3; unparseable parts are dropped).
     */
    @Override
    public List<Long> values() {
        return Generators.values(
                generator(), item -> ((JsonNumber) item).longValueExact(), InvokeAIIntegerGeneratorField::compute);
    }

    private static List<Long> compute(JsonObject g) {
        List<Long> out = new ArrayList<>();
        String variant = g.getString("type");
        switch (variant) {
            case ARITHMETIC_SEQUENCE -> {
                long start = Generators.lng(g, "start");
                long step = Generators.lng(g, "step");
                int count = Generators.count(g, "count");
                if (step == 0) {
                    out.add(start);
                } else {
                    for (int i = 0; i < count; i++) {
                        out.add(start + i * step);
                    }
                }
            }
            case LINEAR_DISTRIBUTION -> {
                long start = Generators.lng(g, "start");
                long end = Generators.lng(g, "end");
                int count = Generators.count(g, "count");
                if (count == 1) {
                    out.add(start);
                } else {
                    for (int i = 0; i < count; i++) {
                        out.add(start + Math.round((double) (end - start) * ((double) i / (count - 1))));
                    }
                }
            }
            case RANDOM_DISTRIBUTION_UNIFORM -> {
                long min = Generators.lng(g, "min");
                long max = Generators.lng(g, "max");
                int count = Generators.count(g, "count");
                DoubleSupplier rng = Generators.rng(g);
                for (int i = 0; i < count; i++) {
                    out.add((long) Math.floor(rng.getAsDouble() * (double) (max - min + 1)) + min);
                }
            }
            case PARSE_STRING -> out.addAll(Generators.parseParts(g, JsText::parseInt));
            default -> throw new IllegalStateException("unknown variant " + variant);
        }
        return List.copyOf(out);
    }

    @Override
    JsonValue batchValue(Long item) {
        return Values.number(item);
    }
}
