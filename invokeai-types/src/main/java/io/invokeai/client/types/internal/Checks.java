package io.invokeai.client.types.internal;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shared checks and wording, so that every type reports errors the same way: input name, expectation, value given.
 */
public final class Checks {
    private Checks() {}

    /**
     * The name used in messages when no input name was given (values read from JSON, errors while preparing): the
     * schema title, else the field name, else the type name.
     */
    public static String inputName(FieldSpec spec) {
        if (!spec.title().isBlank()) {
            return spec.title();
        }
        return spec.fieldName().isEmpty() ? spec.typeName() : spec.fieldName();
    }

    /** {@code noun} followed by the numeric range and step of the spec, e.g. {@code "integer in [0, 10]"}. */
    public static String withRange(String noun, FieldSpec spec) {
        String range = spec.constraints().describeRange();
        if (range.isEmpty()) {
            return noun;
        }
        return noun + (range.startsWith("in ") ? " " : ", ") + range;
    }

    /** The list size limits, e.g. {@code " (1 to 4 items)"}, or empty. */
    public static String itemsText(FieldSpec spec) {
        Optional<Integer> min = spec.constraints().minItems().filter(n -> n > 0);
        Optional<Integer> max = spec.constraints().maxItems();
        if (min.isPresent() && max.isPresent()) {
            return min.equals(max)
                    ? " (exactly " + count(max.get(), "item") + ")"
                    : " (" + min.get() + " to " + max.get() + " items)";
        }
        if (max.isPresent()) {
            return " (at most " + count(max.get(), "item") + ")";
        }
        return min.map(n -> " (at least " + count(n, "item") + ")").orElse("");
    }

    /** {@code "3 items"}, {@code "1 item"}. */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * Describes a type that takes one item, or for {@code SINGLE_OR_COLLECTION} one item or a list of them, or for
     * {@code COLLECTION} a list.
     */
    public static String describe(String item, FieldSpec spec) {
        return switch (spec.cardinality()) {
            case SINGLE -> item;
            case COLLECTION -> "list of " + item + itemsText(spec);
            case SINGLE_OR_COLLECTION -> item + " or a list of them" + itemsText(spec);
        };
    }

    /** Whether a value given for a {@code SINGLE_OR_COLLECTION} input is the list form. */
    public static boolean listGiven(FieldSpec spec, Object value) {
        return spec.cardinality() == Cardinality.SINGLE_OR_COLLECTION && asList(Values.unwrap(value)) != null;
    }

    /** Checks one value, turning a {@link Rejection} into an {@link InvalidInputException}. */
    public static <T> T single(String input, String expected, Object given, Function<Object, T> check) {
        try {
            return check.apply(given);
        } catch (Rejection r) {
            throw new InvalidInputException(input, expected, given, r.reason());
        }
    }

    /**
     * Checks a list: its size (when {@code checkSize}) and each item. The message shows the whole list and names the
     * offending item by index.
     */
    public static <T> List<T> list(
            FieldSpec spec, String input, String expected, Object given, boolean checkSize, Function<Object, T> check) {
        List<?> items = asList(Values.unwrap(given));
        if (items == null) {
            throw new InvalidInputException(input, expected, given, "not a list");
        }
        if (checkSize) {
            int size = items.size();
            boolean tooFew = spec.constraints().minItems().map(n -> size < n).orElse(false);
            boolean tooMany = spec.constraints().maxItems().map(n -> size > n).orElse(false);
            if (tooFew || tooMany) {
                throw new InvalidInputException(input, expected, given, "it has " + count(size, "item"));
            }
        }
        List<T> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            Object unwrapped = Values.unwrap(item);
            if (unwrapped == null) {
                throw new InvalidInputException(input, expected, given, "item " + i + " is null");
            }
            try {
                out.add(check.apply(item));
            } catch (Rejection r) {
                throw new InvalidInputException(
                        input,
                        expected,
                        given,
                        "item " + i + " is " + InvalidInputException.describe(item)
                                + (r.reason() == null ? "" : ": " + r.reason()));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The items of a list-like value (a collection or an array), or {@code null} when the value is not one. A
     * {@code byte[]} is never a list: it is an encoded image.
     */
    public static List<?> asList(Object value) {
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (value instanceof Object[] a) {
            return Arrays.asList(a);
        }
        if (value instanceof int[] a) {
            return Arrays.stream(a).boxed().toList();
        }
        if (value instanceof long[] a) {
            return Arrays.stream(a).boxed().toList();
        }
        if (value instanceof double[] a) {
            return Arrays.stream(a).boxed().toList();
        }
        if (value instanceof float[] a) {
            List<Float> out = new ArrayList<>(a.length);
            for (float f : a) {
                out.add(f);
            }
            return out;
        }
        if (value instanceof short[] a) {
            List<Short> out = new ArrayList<>(a.length);
            for (short s : a) {
                out.add(s);
            }
            return out;
        }
        if (value instanceof boolean[] a) {
            List<Boolean> out = new ArrayList<>(a.length);
            for (boolean b : a) {
                out.add(b);
            }
            return out;
        }
        return null;
    }

    /** The error for a JSON value whose shape does not fit (values read from workflows and outputs). */
    public static InvalidInputException badJson(FieldSpec spec, String expected, Object json, String reason) {
        return new InvalidInputException(inputName(spec), expected, json, reason);
    }
}
