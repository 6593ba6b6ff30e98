package io.invokeai.client.testkit.internal;

import java.lang.System.Logger.Level;
import java.util.function.Supplier;

/** Testkit messages go through {@link System.Logger} so that users can route them to their own logging. */
public final class Log {
    private static final System.Logger LOGGER = System.getLogger("io.invokeai.client.testkit");

    private Log() {}

    public static void info(String message) {
        LOGGER.log(Level.INFO, message);
    }

    public static void info(Supplier<String> message) {
        LOGGER.log(Level.INFO, message);
    }

    public static void debug(Supplier<String> message) {
        LOGGER.log(Level.DEBUG, message);
    }

    public static void warn(String message, Throwable error) {
        LOGGER.log(Level.WARNING, message, error);
    }

    /** Seconds with one decimal, for the timing messages. */
    public static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
