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
import io.invokeai.client.types.internal.Numbers;
import io.invokeai.client.types.internal.Values;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The settings of a {@code float_generator} node ({@code FloatGeneratorField}): a JSON object whose {@code type}
 * picks the variant. The GUI (and this client) turns a generator into batch items; the node never runs.
 *
 * <ul>
 *   <li>{@code float_generator_arithmetic_sequence {start, step, count}}
 *   <li>{@code float_generator_linear_distribution {start, end, count}}
 *   <li>{@code float_generator_random_distribution_uniform {min, max, count, seed?}}
 *   <li>{@code float_generator_parse_string {input, splitOn}}
 * </ul>
 *
 * <p>Values set from Java must name a variant and give all its settings (the static builders do); values read from
 * workflows take the GUI's defaults for missing settings. {@link #values()} computes the items as the GUI does.
 */
public final class InvokeAIFloatGeneratorField extends GeneratorField<BigDecimal> {
    public static final String ARITHMETIC_SEQUENCE = "float_generator_arithmetic_sequence";
    public static final String LINEAR_DISTRIBUTION = "float_generator_linear_distribution";
    public static final String RANDOM_DISTRIBUTION_UNIFORM = "float_generator_random_distribution_uniform";
    public static final String PARSE_STRING = "float_generator_parse_string";

    static final List<Variant> VARIANTS = List.of(
            withStoredValues(
                    ARITHMETIC_SEQUENCE,
                    Kind.NUMBERS,
                    required("start", Kind.NUMBER, num(0)),
                    required("step", Kind.NUMBER, num(0.1)),
                    required("count", Kind.COUNT, num(10))),
            withStoredValues(
                    LINEAR_DISTRIBUTION,
                    Kind.NUMBERS,
                    required("start", Kind.NUMBER, num(0)),
                    required("end", Kind.NUMBER, num(1)),
                    required("count", Kind.COUNT, num(10))),
            withStoredValues(
                    RANDOM_DISTRIBUTION_UNIFORM,
                    Kind.NUMBERS,
                    required("min", Kind.NUMBER, num(0)),
                    required("max", Kind.NUMBER, num(1)),
                    required("count", Kind.COUNT, num(10)),
                    optional("seed", Kind.SEED)),
            withStoredValues(
                    PARSE_STRING,
                    Kind.NUMBERS,
                    required("input", Kind.STRING, str("0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1")),
                    required("splitOn", Kind.STRING, str(","))));

    /** The field type for {@code FloatGeneratorField}. */
    public static final FieldType TYPE = Generators.type(
            "FloatGeneratorField",
            VARIANTS,
            (spec, inputName, value, context) -> new InvokeAIFloatGeneratorField(spec, value));

    private InvokeAIFloatGeneratorField(FieldSpec spec, JsonObject value) {
        super(spec, value);
    }

    /** {@code start, start + step, ...} ({@code count} items; one item when step is 0). */
    public static JsonObject arithmeticSequence(double start, double step, int count) {
        return Json.createObjectBuilder()
                .add("type", ARITHMETIC_SEQUENCE)
                .add("start", num(start))
                .add("step", num(step))
                .add("count", count)
                .build();
    }

    /** {@code count} evenly spaced items from {@code start} to {@code end}, both included. */
    public static JsonObject linearDistribution(double start, double end, int count) {
        return Json.createObjectBuilder()
                .add("type", LINEAR_DISTRIBUTION)
                .add("start", num(start))
                .add("end", num(end))
                .add("count", count)
                .build();
    }

    /** {@code count} uniform random items in {@code [min, max)}; reproducible (as in the GUI) with a seed. */
    public static JsonObject randomUniform(double min, double max, int count, Long seed) {
        return Generators.withSeed(
                Json.createObjectBuilder()
                        .add("type", RANDOM_DISTRIBUTION_UNIFORM)
                        .add("min", num(min))
                        .add("max", num(max))
                        .add("count", count),
                seed);
    }

    /** The numbers in {@code input}, separated by {@code splitOn} (JSON escapes such as {@code \n} work). */
    public static JsonObject parseString(String input, String splitOn) {
        return Generators.parseString(PARSE_STRING, input, splitOn);
    }

    /**
     * The items this generator yields, computed as the GUI computes them (in {@code double} arithmetic, so
     * {@code 0 + 3 * 0.1} is {@code 0.30000000000000004} there and here). Stored {@code values} (legacy workflows)
     * stand in for the settings. A random generator without a seed differs on each call, as in the GUI. Parsing
     * follows JavaScript's {@code parseFloat} ({@code "1.5x"} is 1.5; unparseable parts are dropped; infinities too,
     * since JSON cannot carry them).
     */
    @Override
    public List<BigDecimal> values() {
        return Generators.values(
                generator(),
                item -> Numbers.canonical(((JsonNumber) item).bigDecimalValue()),
                InvokeAIFloatGeneratorField::compute);
    }

    private static List<BigDecimal> compute(JsonObject g) {
        List<Double> out = new ArrayList<>();
        String variant = g.getString("type");
        switch (variant) {
            case ARITHMETIC_SEQUENCE -> {
                double start = Generators.dbl(g, "start");
                double step = Generators.dbl(g, "step");
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
                double start = Generators.dbl(g, "start");
                double end = Generators.dbl(g, "end");
                int count = Generators.count(g, "count");
                if (count == 1) {
                    out.add(start);
                } else {
                    for (int i = 0; i < count; i++) {
                        out.add(start + (end - start) * ((double) i / (count - 1)));
                    }
                }
            }
            case RANDOM_DISTRIBUTION_UNIFORM -> {
                double min = Generators.dbl(g, "min");
                double max = Generators.dbl(g, "max");
                int count = Generators.count(g, "count");
                DoubleSupplier rng = Generators.rng(g);
                for (int i = 0; i < count; i++) {
                    out.add(rng.getAsDouble() * (max - min) + min);
                }
            }
            case PARSE_STRING -> out.addAll(Generators.parseParts(g, JsText::parseFloat));
            default -> throw new IllegalStateException("unknown variant " + variant);
        }
        return out.stream()
                .filter(Double::isFinite)
                .map(d -> Numbers.canonical(BigDecimal.valueOf(d)))
                .toList();
    }

    @Override
    JsonValue batchValue(BigDecimal item) {
        return Values.number(item);
    }
}
