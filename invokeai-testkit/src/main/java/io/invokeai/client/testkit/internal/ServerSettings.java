package io.invokeai.client.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The environment of a managed server, and which server the JUnit extension uses. */
public final class ServerSettings {
    private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final String PREFIX = "INVOKEAI_";
    /** Chosen by the testkit itself: the server must be on loopback, on a port we know, in a root we own. */
    private static final Set<String> RESERVED = Set.of("INVOKEAI_HOST", "INVOKEAI_PORT", "INVOKEAI_ROOT");

    private ServerSettings() {}

    /**
     * The environment variable for an InvokeAI setting: {@code node_cache_size} and {@code INVOKEAI_NODE_CACHE_SIZE}
     * both give {@code INVOKEAI_NODE_CACHE_SIZE} (InvokeAI reads every setting from {@code INVOKEAI_<FIELD>}).
     */
    public static String environmentName(String setting) {
        if (setting == null || !SETTING_NAME.matcher(setting).matches()) {
            throw new IllegalArgumentException("not an InvokeAI setting name: " + setting);
        }
        String upper = setting.toUpperCase(Locale.ROOT);
        String name = upper.startsWith(PREFIX) ? upper : PREFIX + upper;
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException(
                    name + " is chosen by the testkit (loopback host, a free port, the root dir); use rootDir(...)"
                            + " for the root");
        }
        return name;
    }

    /**
     * The documented headless CPU set-up: offline hub, loopback, CPU float32, no patchmatch compile, plain log lines
     * (parsed for the port), no model hashing, fail loudly on models InvokeAI does not recognise, no torch compile
     * workers. {@code settings} override these; other environment variables are set after these and can override the
     * non-InvokeAI ones.
     */
    public static Map<String, String> serverEnvironment(int port, Map<String, String> settings) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HF_HUB_OFFLINE", "1");
        env.put("TRANSFORMERS_OFFLINE", "1");
        env.put("HF_HUB_DISABLE_TELEMETRY", "1");
        env.put("PYTHONUNBUFFERED", "1");
        // torch otherwise forks a pool of inductor compile workers (about 1 GB RSS) that InvokeAI never uses
        env.put("TORCHINDUCTOR_COMPILE_THREADS", "1");
        env.put("INVOKEAI_HOST", "127.0.0.1");
        env.put("INVOKEAI_PORT", Integer.toString(port));
        env.put("INVOKEAI_DEVICE", "cpu");
        env.put("INVOKEAI_PRECISION", "float32");
        env.put("INVOKEAI_PATCHMATCH", "false");
        env.put("INVOKEAI_LOG_FORMAT", "plain");
        env.put("INVOKEAI_HASHING_ALGORITHM", "random");
        env.put("INVOKEAI_MAX_CACHE_RAM_GB", "2");
        env.put("INVOKEAI_ALLOW_UNKNOWN_MODELS", "false");
        env.putAll(settings);
        return env;
    }

    /**
     * The already running server to use instead of starting one: the system property wins over the environment
     * variable; blank means unset.
     *
     * @throws IllegalArgumentException if the value is not an absolute http(s) URL
     */
    public static Optional<URI> remoteUrl(String property, String environment) {
        String value = property != null && !property.isBlank() ? property : environment;
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + value, e);
        }
        if (!uri.isAbsolute()
                || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("not an http(s) URL of an InvokeAI server: " + value);
        }
        return Optional.of(withoutTrailingSlash(uri));
    }

    public static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    /**
     * A loopback port that is free right now. Another process can still take it before InvokeAI binds; InvokeAI then
     * moves on to the next free port, which {@link ServerLog} reads back from the log.
     */
    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
