package io.invokeai.client.types.internal;

import io.invokeai.client.spi.FieldType;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The generator value shapes ({@code {"type": <variant>, ...}}) the GUI's generator nodes store. Values set from Java
 * are checked strictly (known variant, every setting present, no unknown keys, counts of at least 1) to catch typos;
 * values read from workflows are read like the GUI reads them: a missing setting takes the GUI's default, a missing
 * variant is the first, unknown keys are dropped.
 */
public final class Generators {
    private Generators() {}

    /** What a setting must hold. */
    public enum Kind {
        NUMBER,
        INTEGER,
        COUNT,
        STRING,
        SEED,
        NUMBERS,
        INTEGERS,
        STRINGS,
        BOARD,
        CATEGORY
    }

    /**
     * One setting of a variant.
     *
     * @param optional whether it may be absent (seed, stored values, board)
     * @param defaultValue the GUI's default, used for absent settings of stored values; {@code null} if none
     */
    public record Key(String name, Kind kind, boolean optional, JsonValue defaultValue) {
        public static Key required(String name, Kind kind, JsonValue defaultValue) {
            return new Key(name, kind, false, defaultValue);
        }

        public static Key optional(String name, Kind kind) {
            return new Key(name, kind, true, null);
        }
    }

    /** One variant: its {@code type} discriminator and settings. */
    public record Variant(String type, List<Key> keys) {
        public Variant {
            keys = List.copyOf(keys);
        }

        /**
         * A variant whose stored {@code values} (legacy workflows), a list of {@code valuesKind}, may stand in for
         * its settings.
         */
        public static Variant withStoredValues(String type, Kind valuesKind, Key... settings) {
            return new Variant(
                    type,
                    Stream.concat(Stream.of(settings), Stream.of(Key.optional("values", valuesKind)))
                            .toList());
        }

        String keyNames() {
            return keys.stream().map(Key::name).collect(Collectors.joining(", ", "[", "]"));
        }
    }

    public static JsonValue num(double d) {
        return Values.number(BigDecimal.valueOf(d));
    }

    public static JsonValue str(String s) {
        return Json.createValue(s);
    }

    /** {@code "generator {"type": ...} of one of the variants [a, b]"}. */
    public static String describe(List<Variant> variants) {
        return "generator {\"type\": ..., settings} with type "
                + Options.describe(variants.stream().map(Variant::type).toList());
    }

    /**
     * Checks and normalises a generator value.
     *
     * @param strict whether to check as a value set from Java (see the class comment)
     * @throws Rejection with the reason
     */
    public static JsonObject check(List<Variant> variants, Object given, boolean strict) {
        Object unwrapped = Values.unwrap(given);
        if (!(unwrapped instanceof Map<?, ?> map)) {
            throw new Rejection(null);
        }
        Object type = Values.unwrap(map.get("type"));
        Variant variant;
        if (type == null) {
            if (strict) {
                throw new Rejection("\"type\" is missing");
            }
            variant = variants.get(0);
        } else {
            variant = variants.stream()
                    .filter(v -> v.type().equals(type))
                    .findFirst()
                    .orElseThrow(() -> new Rejection("unknown type " + Values.describe(type)));
        }
        if (strict) {
            for (Object key : map.keySet()) {
                if (!"type".equals(key)
                        && variant.keys().stream().noneMatch(k -> k.name().equals(key))) {
                    throw new Rejection("unknown setting \"" + key + "\" for " + variant.type()
                            + ", whose settings are " + variant.keyNames());
                }
            }
        }
        JsonObjectBuilder out = Json.createObjectBuilder().add("type", variant.type());
        for (Key key : variant.keys()) {
            JsonValue value;
            if (!map.containsKey(key.name())) {
                if (key.optional()) {
                    continue;
                }
                if (strict || key.defaultValue() == null) {
                    throw new Rejection(
                            "\"" + key.name() + "\" is missing; " + variant.type() + " needs " + variant.keyNames());
                }
                value = key.defaultValue();
            } else {
                try {
                    value = Values.toJson(map.get(key.name()));
                } catch (Rejection r) {
                    throw new Rejection("\"" + key.name() + "\": " + r.reason());
                }
            }
            if (Values.isNull(value)) {
                if (key.optional()) {
                    continue;
                }
                throw new Rejection("\"" + key.name() + "\" is empty");
            }
            out.add(key.name(), checkSetting(key, value, strict));
        }
        return out.build();
    }

    private static JsonValue checkSetting(Key key, JsonValue value, boolean strict) {
        String name = "\"" + key.name() + "\"";
        switch (key.kind()) {
            case NUMBER:
                if (value instanceof JsonNumber n) {
                    return Values.number(n.bigDecimalValue());
                }
                throw new Rejection(name + " must be a number");
            case INTEGER:
            case SEED:
                return Values.number(integer(name, value));
            case COUNT:
                long count = integer(name, value);
                if (count < (strict ? 1 : 0)) {
                    throw new Rejection(name + " must be at least " + (strict ? 1 : 0));
                }
                if (count > Integer.MAX_VALUE) {
                    throw new Rejection(name + " is too large");
                }
                return Values.number(count);
            case STRING:
                if (value instanceof JsonString) {
                    return value;
                }
                throw new Rejection(name + " must be text");
            case BOARD:
                if (value instanceof JsonString s && !s.getString().isBlank()) {
                    return Json.createValue(s.getString().trim());
                }
                throw new Rejection(name + " must be a board id or name");
            case CATEGORY:
                if (value instanceof JsonString s && List.of("images", "assets").contains(s.getString())) {
                    return value;
                }
                throw new Rejection(name + " must be \"images\" or \"assets\"");
            case NUMBERS:
            case INTEGERS:
            case STRINGS:
                if (!(value instanceof JsonArray array)) {
                    throw new Rejection(name + " must be a list");
                }
                var b = Json.createArrayBuilder();
                for (JsonValue item : array) {
                    if (key.kind() == Kind.STRINGS) {
                        if (!(item instanceof JsonString)) {
                            throw new Rejection(name + " must hold text only");
                        }
                        b.add(item);
                    } else if (key.kind() == Kind.INTEGERS) {
                        b.add(Values.number(integer(name + " item", item)));
                    } else if (item instanceof JsonNumber n) {
                        b.add(Values.number(n.bigDecimalValue()));
                    } else {
                        throw new Rejection(name + " must hold numbers only");
                    }
                }
                return b.build();
            default:
                throw new AssertionError(key.kind());
        }
    }

    private static long integer(String name, JsonValue value) {
        if (!(value instanceof JsonNumber n)) {
            throw new Rejection(name + " must be a whole number");
        }
        try {
            return Numbers.toLong(n.bigDecimalValue());
        } catch (Rejection r) {
            throw new Rejection(name + " must be a whole number");
        }
    }

    // Accessors for computing values: the object was checked, so the settings are present and well typed.

    public static double dbl(JsonObject g, String key) {
        return g.getJsonNumber(key).doubleValue();
    }

    public static long lng(JsonObject g, String key) {
        return g.getJsonNumber(key).longValueExact();
    }

    public static int count(JsonObject g, String key) {
        return g.getJsonNumber(key).intValueExact();
    }

    /** The seeded generator, or a non-reproducible source when the value has no seed (as in the GUI). */
    public static DoubleSupplier rng(JsonObject g) {
        if (g.containsKey("seed") && g.get("seed") instanceof JsonNumber seed) {
            MersenneTwister mt = new MersenneTwister(seed.longValueExact());
            return mt::random;
        }
        return () -> ThreadLocalRandom.current().nextDouble();
    }

    /**
     * The items of a generator value: the items the GUI stored with it (legacy workflows), which stand in for the
     * settings, else those {@code compute} computes from the settings.
     */
    public static <T> List<T> values(
            JsonObject g, Function<JsonValue, T> storedItem, Function<JsonObject, List<T>> compute) {
        if (g.get("values") instanceof JsonArray stored) {
            return stored.stream().map(storedItem).toList();
        }
        return compute.apply(g);
    }

    /**
     * The GUI's parse_string for numbers: the parts of {@code input} between the {@code splitOn} separators
     * ({@link JsText#split}), trimmed; empty parts are skipped and the others parsed, dropping those that parse to
     * {@code null}.
     */
    public static <T> List<T> parseParts(JsonObject g, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        for (String part : split(g)) {
            String trimmed = JsText.trim(part);
            if (!trimmed.isEmpty()) {
                T value = parse.apply(trimmed);
                if (value != null) {
                    out.add(value);
                }
            }
        }
        return out;
    }

    /** The parts of {@code input} between the {@code splitOn} separators, as the GUI splits them. */
    public static List<String> split(JsonObject g) {
        return JsText.split(g.getString("input"), g.getString("splitOn"));
    }

    /** The value of a parse_string variant {@code type}. */
    public static JsonObject parseString(String type, String input, String splitOn) {
        return Json.createObjectBuilder()
                .add("type", type)
                .add("input", input)
                .add("splitOn", splitOn)
                .build();
    }

    /** The value being built, with its {@code seed} when one is given (seeded variants are reproducible). */
    public static JsonObject withSeed(JsonObjectBuilder value, Long seed) {
        if (seed != null) {
            value.add("seed", seed);
        }
        return value.build();
    }

    /** The field type of a generator: single cardinality, a JSON object value checked against the variants. */
    public static FieldType type(String typeName, List<Variant> variants, FieldFactory<JsonObject> factory) {
        List<Variant> known = List.copyOf(variants);
        return SingleType.single(
                typeName, (spec, given, strict) -> check(known, given, strict), spec -> describe(known), factory);
    }
}
