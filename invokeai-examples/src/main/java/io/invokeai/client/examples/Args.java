package io.invokeai.client.examples;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --key value} command-line options. */
final class Args {
    private Args() {}

    static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + a + "'");
            }
            opts.put(a.substring(2), args[++i]);
        }
        return opts;
    }
}
