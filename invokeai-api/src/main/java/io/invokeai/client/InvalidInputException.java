package io.invokeai.client;

/**
 * A value given for a workflow input or task parameter is wrong. Raised before anything is sent; the message names
 * the input, what it expects and what was given.
 */
public class InvalidInputException extends InvokeAIException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final String expected;
    private final String given;

    public InvalidInputException(String input, String expected, Object given) {
        this(input, expected, given, null);
    }

    public InvalidInputException(String input, String expected, Object given, String reason) {
        super("Input '" + input + "' expects " + expected + ", but was given " + describe(given)
                + (reason == null ? "" : " (" + reason + ")"));
        this.input = input;
        this.expected = expected;
        this.given = describe(given);
    }

    /** Renders a given value for an error message: its text and its Java type. */
    public static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof CharSequence ? "\"" + value + "\"" : String.valueOf(value);
        if (text.length() > 120) {
            text = text.substring(0, 117) + "...";
        }
        return text + " (" + value.getClass().getSimpleName() + ")";
    }

    public String input() {
        return input;
    }

    public String expected() {
        return expected;
    }

    public String given() {
        return given;
    }
}
