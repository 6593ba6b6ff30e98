package io.invokeai.client;

import java.time.Duration;

/**
 * How idempotent requests are retried: exponential backoff from {@code initialBackoff}, capped at {@code maxBackoff},
 * honouring {@code Retry-After}. Requests that create something (enqueue, upload, model install) are never retried
 * once they may have reached the server, whatever this policy says.
 *
 * @param maxAttempts total attempts including the first; 1 disables retries
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max");
        }
    }

    /** Three attempts, 200 ms doubling up to 5 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    public static RetryPolicy disabled() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    public boolean enabled() {
        return maxAttempts > 1;
    }
}
