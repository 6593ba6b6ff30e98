package io.invokeai.client;

import java.time.Duration;

/**
 * Stops calling a server that keeps failing, so that thousands of queued requests fail fast instead of each waiting
 * for a timeout.
 *
 * @param failureRateThreshold percentage of failed calls (0–100] in the window that opens the breaker
 * @param slidingWindowSize number of recent calls considered
 * @param openDuration how long the breaker stays open before trying again
 */
public record CircuitBreakerPolicy(
        boolean enabled, float failureRateThreshold, int slidingWindowSize, Duration openDuration) {
    public CircuitBreakerPolicy {
        if (enabled && (failureRateThreshold <= 0 || failureRateThreshold > 100 || slidingWindowSize < 1)) {
            throw new IllegalArgumentException("failureRateThreshold must be in (0, 100] and slidingWindowSize >= 1");
        }
    }

    /** Opens at 50 % failures over the last 20 calls, for 10 s. */
    public static CircuitBreakerPolicy defaults() {
        return new CircuitBreakerPolicy(true, 50f, 20, Duration.ofSeconds(10));
    }

    public static CircuitBreakerPolicy disabled() {
        return new CircuitBreakerPolicy(false, 100f, 1, Duration.ZERO);
    }
}
