package io.invokeai.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Everything an {@link InvokeAIClient} is configured with. Built by {@link InvokeAIClient.Builder}; immutable.
 *
 * @param baseUrl the server, e.g. {@code http://127.0.0.1:9090}; a sub-path deployment includes its prefix
 * @param connectTimeout bound on opening a connection
 * @param requestTimeout bound on one HTTP exchange (per attempt), so no call can hang forever
 * @param token optional bearer token for multi-user servers
 * @param sslContext optional TLS context (e.g. a private trust store); verification always stays on
 * @param pollInterval how often job state is polled; polling is the authority for completion
 * @param events whether to open the Socket.IO event stream (progress, faster completion)
 */
public record ClientOptions(
        URI baseUrl,
        Duration connectTimeout,
        Duration requestTimeout,
        Optional<BearerToken> token,
        Optional<SSLContext> sslContext,
        RetryPolicy retry,
        CircuitBreakerPolicy circuitBreaker,
        CachePolicy cache,
        Duration pollInterval,
        boolean events,
        String userAgent) {

    public ClientOptions {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("baseUrl must be http or https, was " + baseUrl);
        }
        if (baseUrl.getRawUserInfo() != null || baseUrl.getRawQuery() != null) {
            throw new IllegalArgumentException("baseUrl must not carry user info or a query; use token(...) for auth");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(pollInterval, "pollInterval");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(sslContext, "sslContext");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(circuitBreaker, "circuitBreaker");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(userAgent, "userAgent");
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
