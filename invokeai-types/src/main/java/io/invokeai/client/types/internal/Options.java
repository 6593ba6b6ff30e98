package io.invokeai.client.types.internal;

import java.util.List;
import java.util.Locale;

/** Matching a value against a fixed list of options (enums, schedulers, form dropdowns). */
public final class Options {
    private Options() {}

    /** {@code "one of [a, b, c]"}. */
    public static String describe(List<String> options) {
        return "one of [" + String.join(", ", options) + "]";
    }

    /**
     * The option a value selects. A string must match exactly (the server compares exactly); a near miss in case is
     * rejected with a hint. A Java enum constant matches by {@code toString()} or {@code name()}, then ignoring case,
     * since Java constants are conventionally upper case ({@code Scheduler.EULER_A} selects {@code euler_a}).
     *
     * @throws Rejection when the value selects no option
     */
    public static String match(List<String> options, Object value) {
        if (value instanceof Enum<?> e) {
            for (String candidate : List.of(e.toString(), e.name())) {
                if (options.contains(candidate)) {
                    return candidate;
                }
            }
            for (String candidate : List.of(e.toString(), e.name())) {
                List<String> ci = ignoringCase(options, candidate);
                if (ci.size() == 1) {
                    return ci.get(0);
                }
            }
            throw new Rejection(null);
        }
        if (value instanceof CharSequence cs) {
            String s = cs.toString();
            if (options.contains(s)) {
                return s;
            }
            List<String> ci = ignoringCase(options, s);
            throw new Rejection(ci.size() == 1 ? "did you mean \"" + ci.get(0) + "\"?" : null);
        }
        throw new Rejection(null);
    }

    private static List<String> ignoringCase(List<String> options, String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return options.stream()
                .filter(o -> o.toLowerCase(Locale.ROOT).equals(lower))
                .toList();
    }
}
