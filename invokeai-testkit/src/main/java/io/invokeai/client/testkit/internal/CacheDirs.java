package io.invokeai.client.testkit.internal;

import java.nio.file.Path;
import java.util.Map;

/** Where provisioned venvs, extracted scripts and tiny models live; shared by every run on the machine. */
public final class CacheDirs {
    /** Overrides the cache directory. */
    public static final String CACHE_ENV = "INVOKEAI_TESTKIT_CACHE";

    private CacheDirs() {}

    /** The default cache dir of this JVM's environment. */
    public static Path defaultCacheDir() {
        return resolve(System.getenv(), System.getProperty("user.home"));
    }

    /**
     * {@code $INVOKEAI_TESTKIT_CACHE}, else {@code $XDG_CACHE_HOME/invokeai-testkit}, else
     * {@code ~/.cache/invokeai-testkit}. Blank values and a relative XDG dir (invalid per the XDG spec) are ignored.
     */
    public static Path resolve(Map<String, String> env, String userHome) {
        String explicit = env.get(CACHE_ENV);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit.strip()).toAbsolutePath().normalize();
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg.strip()).isAbsolute()) {
            return Path.of(xdg.strip()).resolve("invokeai-testkit").normalize();
        }
        return Path.of(userHome)
                .resolve(".cache")
                .resolve("invokeai-testkit")
                .toAbsolutePath()
                .normalize();
    }
}
