package io.invokeai.client;

import java.time.Duration;

/**
 * Caches the client keeps: the server's schema (expensive: about 1.7 MB), model and board look-ups, and uploads
 * deduplicated by content hash. Each can be turned off by a zero size.
 */
public record CachePolicy(
        Duration schemaTtl, int lookupMaxSize, Duration lookupTtl, int uploadMaxSize, Duration uploadTtl) {
    public CachePolicy {
        if (lookupMaxSize < 0 || uploadMaxSize < 0) {
            throw new IllegalArgumentException("cache sizes must not be negative");
        }
    }

    public static CachePolicy defaults() {
        return new CachePolicy(Duration.ofMinutes(30), 1000, Duration.ofSeconds(60), 10_000, Duration.ofHours(1));
    }

    /** No caching at all: every look-up and upload goes to the server. */
    public static CachePolicy disabled() {
        return new CachePolicy(Duration.ZERO, 0, Duration.ZERO, 0, Duration.ZERO);
    }

    public boolean schemaCached() {
        return !schemaTtl.isZero();
    }

    public boolean lookupsCached() {
        return lookupMaxSize > 0 && !lookupTtl.isZero();
    }

    public boolean uploadsDeduplicated() {
        return uploadMaxSize > 0 && !uploadTtl.isZero();
    }
}
