package io.invokeai.client.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Path segments from user or server input, encoded so they cannot change the request path. */
final class Paths {
    private Paths() {}

    static String segment(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a path segment must not be empty");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
