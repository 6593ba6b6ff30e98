package io.invokeai.client.core.http;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.invokeai.client.CircuitBreakerPolicy;
import io.invokeai.client.InvokeAIIOException;
import io.invokeai.client.InvokeAIServiceException;
import io.invokeai.client.RetryPolicy;
import io.invokeai.client.internal.Futures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retry (outer) and circuit breaker (inner) around an {@link Exchange}, then error mapping. Idempotent calls are
 * retried on I/O errors and on 408/429/502/503/504 with backoff, honouring {@code Retry-After}. Calls that create
 * something are retried only when the failure proves the request never left (connection refused), so an enqueue is
 * never sent twice.
 */
public final class ResilientTransport {
    static final Set<Integer> RETRYABLE_STATUS = Set.of(408, 429, 502, 503, 504);

    private final Exchange exchange;
    private final ScheduledExecutorService scheduler;
    private final Retry idempotentRetry;
    private final Retry createRetry;
    private final Optional<CircuitBreaker> breaker;

    public ResilientTransport(
            Exchange exchange,
            RetryPolicy retry,
            CircuitBreakerPolicy circuitBreaker,
            ScheduledExecutorService scheduler) {
        this.exchange = exchange;
        this.scheduler = scheduler;
        this.idempotentRetry = Retry.of("invokeai-idempotent", retryConfig(retry, true));
        this.createRetry = Retry.of("invokeai-create", retryConfig(retry, false));
        this.breaker = circuitBreaker.enabled()
                ? Optional.of(CircuitBreaker.of(
                        "invokeai",
                        CircuitBreakerConfig.custom()
                                .failureRateThreshold(circuitBreaker.failureRateThreshold())
                                .slidingWindowSize(circuitBreaker.slidingWindowSize())
                                .minimumNumberOfCalls(circuitBreaker.slidingWindowSize())
                                .waitDurationInOpenState(circuitBreaker.openDuration())
                                .recordException(t -> Futures.unwrap(t) instanceof InvokeAIIOException)
                                .recordResult(r -> r instanceof HttpResult h && h.status() >= 500)
                                .build()))
                : Optional.empty();
    }

    /** Sends the call under the policies; fails with the library's typed exceptions for error statuses. */
    public CompletableFuture<HttpResult> execute(HttpCall call) {
        Retry retry = call.idempotent() ? idempotentRetry : createRetry;
        return Retry.decorateCompletionStage(retry, scheduler, () -> attempt(call))
                .get()
                .toCompletableFuture()
                .exceptionallyCompose(t -> CompletableFuture.failedFuture(mapFailure(call, Futures.unwrap(t))))
                .thenCompose(result -> result.isSuccess()
                        ? CompletableFuture.completedFuture(result)
                        : CompletableFuture.failedFuture(toServiceException(call, result)));
    }

    private CompletableFuture<HttpResult> attempt(HttpCall call) {
        if (breaker.isEmpty()) {
            return exchange.send(call);
        }
        return CircuitBreaker.decorateCompletionStage(breaker.get(), () -> exchange.send(call))
                .get()
                .toCompletableFuture();
    }

    private static RetryConfig retryConfig(RetryPolicy policy, boolean idempotent) {
        return RetryConfig.<HttpResult>custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnException(t -> idempotent ? isTransient(t) : provesNotSent(t))
                .retryOnResult(r -> idempotent && RETRYABLE_STATUS.contains(r.status()))
                .failAfterMaxAttempts(false)
                .intervalBiFunction((Integer attempt, Either<Throwable, HttpResult> outcome) -> backoffMillis(
                        policy, attempt, outcome.isRight() ? outcome.get().retryAfter() : Optional.empty()))
                .build();
    }

    /** Exponential backoff with full jitter, never shorter than the server's {@code Retry-After}. */
    static long backoffMillis(RetryPolicy policy, int attempt, Optional<String> retryAfter) {
        long cap = policy.maxBackoff().toMillis();
        long exp = policy.initialBackoff().toMillis() << Math.min(20, Math.max(0, attempt - 1));
        long jittered = Math.min(cap, exp) / 2 + ThreadLocalRandom.current().nextLong(Math.min(cap, exp) / 2 + 1);
        long serverAsked = retryAfter
                .flatMap(ResilientTransport::parseSeconds)
                .map(Duration::toMillis)
                .orElse(0L);
        return Math.max(jittered, Math.min(serverAsked, Math.max(cap, 1000)));
    }

    private static Optional<Duration> parseSeconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean isTransient(Throwable t) {
        Throwable cause = Futures.unwrap(t);
        return cause instanceof InvokeAIIOException && !(cause instanceof CircuitOpenException);
    }

    /** Only a refused or unroutable connection proves the request never reached the server. */
    static boolean provesNotSent(Throwable t) {
        for (Throwable c = Futures.unwrap(t); c != null; c = c.getCause()) {
            if (c instanceof ConnectException
                    || c instanceof NoRouteToHostException
                    || c instanceof UnresolvedAddressException) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static RuntimeException mapFailure(HttpCall call, Throwable t) {
        if (t instanceof CallNotPermittedException) {
            return new CircuitOpenException(
                    call.method() + " " + call.path()
                            + " not sent: the circuit breaker is open after repeated failures",
                    t);
        }
        return Futures.rethrow(t);
    }

    static InvokeAIServiceException toServiceException(HttpCall call, HttpResult result) {
        return InvokeAIServiceException.of(result.status(), call.method(), "/" + call.path(), detail(result));
    }

    /** FastAPI's {@code detail} (a string or a validation list), else the raw body, shortened. */
    static String detail(HttpResult result) {
        String text = result.bodyText();
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonObject obj = reader.readObject();
            var detail = obj.get("detail");
            if (detail != null) {
                text = detail instanceof JsonString s ? s.getString() : detail.toString();
            }
        } catch (RuntimeException notJson) {
            // keep the raw body
        }
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }

    /** The circuit breaker is open: the call was not sent. */
    public static final class CircuitOpenException extends InvokeAIIOException {
        private static final long serialVersionUID = 1L;

        CircuitOpenException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
