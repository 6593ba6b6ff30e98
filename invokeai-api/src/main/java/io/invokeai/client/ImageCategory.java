package io.invokeai.client;

import java.util.Arrays;
import java.util.Locale;

/** The server's image categories. Generated images are {@code general}; uploads used as inputs are often {@code user}. */
public enum ImageCategory {
    GENERAL,
    MASK,
    CONTROL,
    USER,
    OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImageCategory fromWire(String name) {
        return Arrays.stream(values())
                .filter(c -> c.wireName().equals(name))
                .findFirst()
                .orElse(OTHER);
    }
}
