package io.invokeai.client.testkit.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the server's log. InvokeAI silently moves to the next free port when its port is taken, so the real address
 * is the one it logs ({@code Invoke running on http://HOST:PORT (Press CTRL+C to quit)}), not the one we asked for.
 */
public final class ServerLog {
    private static final Pattern RUNNING_ON =
            Pattern.compile("Invoke running on (https?)://([^\\s:/]+|\\[[^\\]]+]):(\\d+)");

    private ServerLog() {}

    /** The base URL announced by a log line, if the line is the start-up announcement. */
    public static Optional<URI> parseRunningOn(String line) {
        Matcher m = RUNNING_ON.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        String host = m.group(2);
        // a wildcard bind address is reachable on loopback
        if (host.equals("0.0.0.0") || host.equals("[::]")) {
            host = "127.0.0.1";
        }
        int port = Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            return Optional.empty();
        }
        return Optional.of(URI.create(m.group(1) + "://" + host + ":" + port));
    }

    /** The first announcement in the text, if any. */
    public static Optional<URI> findRunningOn(List<String> lines) {
        for (String line : lines) {
            Optional<URI> url = parseRunningOn(line);
            if (url.isPresent()) {
                return url;
            }
        }
        return Optional.empty();
    }

    /** All lines of the log, decoded leniently (the server's progress bars write odd bytes). */
    public static List<String> readLines(Path log) {
        return readLines(log, 0);
    }

    /** The lines written after byte {@code offset}, e.g. by the current start when a root (and its log) is reused. */
    public static List<String> readLines(Path log, long offset) {
        try {
            if (!Files.exists(log)) {
                return List.of();
            }
            byte[] bytes = Files.readAllBytes(log);
            int from = (int) Math.min(Math.max(0, offset), bytes.length);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The last {@code n} lines, joined, for error messages. */
    public static String tail(Path log, int n) {
        return tail(readLines(log), n);
    }

    public static String tail(List<String> lines, int n) {
        Deque<String> last = new ArrayDeque<>();
        for (String line : lines) {
            last.addLast(line);
            if (last.size() > n) {
                last.removeFirst();
            }
        }
        return String.join(System.lineSeparator(), last);
    }
}
