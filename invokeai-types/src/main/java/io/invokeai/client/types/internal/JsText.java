package io.invokeai.client.types.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JavaScript text functions the GUI's "parse string" generators use, reimplemented exactly so that a workflow
 * yields the same items here as in the GUI: {@code String.split}, lodash {@code trim}, {@code parseFloat},
 * {@code parseInt(s, 10)} and {@code JSON.parse} of the separator.
 */
public final class JsText {
    private static final Pattern FLOAT_PREFIX =
            Pattern.compile("^[+-]?(?:Infinity|(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)");
    private static final Pattern INT_PREFIX = Pattern.compile("^[+-]?[0-9]+");

    private JsText() {}

    /**
     * The GUI's splitting: an empty separator keeps the input whole; otherwise the separator is JSON-unescaped first
     * (so {@code \n} means a newline) when that is valid JSON string content, and the input is split on it literally,
     * keeping empty parts.
     */
    public static List<String> split(String input, String splitOn) {
        if (splitOn.isEmpty()) {
            return List.of(input);
        }
        String separator = unescapeJsonString(splitOn);
        if (separator == null) {
            separator = splitOn;
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = input.indexOf(separator, from)) >= 0) {
            parts.add(input.substring(from, at));
            from = at + separator.length();
        }
        parts.add(input.substring(from));
        return parts;
    }

    /**
     * {@code JSON.parse('"' + s + '"')}: the unescaped text, or {@code null} when that is not valid JSON (a raw
     * quote or control character, an unknown or short escape).
     */
    public static String unescapeJsonString(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c < 0x20) {
                return null;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= s.length()) {
                return null;
            }
            switch (s.charAt(i)) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 4 >= s.length()) {
                        return null;
                    }
                    int code = 0;
                    for (int k = 1; k <= 4; k++) {
                        int digit = Character.digit(s.charAt(i + k), 16);
                        if (digit < 0) {
                            return null;
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                    i += 4;
                }
                default -> {
                    return null;
                }
            }
        }
        return out.toString();
    }

    /** lodash {@code trim}: strips JavaScript white space (which includes no-break and other Unicode spaces). */
    public static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isJsWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isJsWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** JavaScript {@code \s}: WhiteSpace and LineTerminator code units. */
    static boolean isJsWhitespace(char c) {
        return switch (c) {
            case '\t',
                    '\n',
                    '\u000B',
                    '\f',
                    '\r',
                    ' ',
                    '\u00A0',
                    '\u1680',
                    '\u2028',
                    '\u2029',
                    '\u202F',
                    '\u205F',
                    '\u3000',
                    '\uFEFF' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }

    /**
     * {@code parseFloat}: the longest numeric prefix after leading white space, or NaN. ({@code "1.5x"} is 1.5,
     * {@code "1e"} is 1, {@code "x1"} is NaN.)
     */
    public static double parseFloat(String s) {
        Matcher m = FLOAT_PREFIX.matcher(trim(s));
        if (!m.find()) {
            return Double.NaN;
        }
        return Double.parseDouble(m.group());
    }

    /**
     * {@code parseInt(s, 10)}: the leading decimal digits after white space and an optional sign ({@code "3.7"} is 3),
     * or {@code null} where JavaScript gives NaN. Values beyond the range of a {@code long} are also {@code null}:
     * JavaScript would round them, which no integer input can use.
     */
    public static Long parseInt(String s) {
        Matcher m = INT_PREFIX.matcher(trim(s));
        if (!m.find()) {
            return null;
        }
        String digits = m.group().startsWith("+") ? m.group().substring(1) : m.group();
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
