package io.invokeai.client.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.invokeai.client.CircuitBreakerPolicy;
import io.invokeai.client.InvokeAIIOException;
import io.invokeai.client.InvokeAIServiceException;
import io.invokeai.client.RetryPolicy;
import io.invokeai.client.internal.Futures;
import java.io.EOFException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The retry and breaker policies on faults a real server cannot produce on demand (a connection dropped after the
 * request was sent, a 503 storm). The wire is a mocked {@link Exchange}; nothing here stands in for InvokeAI's API.
 */
class ResilientTransportTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Exchange exchange = mock(Exchange.class);
    private final RetryPolicy fastRetry = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** The exchange answers these, in order, one per attempt. */
    private void respond(java.util.List<CompletableFuture<HttpResult>> answers) {
        var queue = new java.util.ArrayDeque<>(answers);
        when(exchange.send(any())).thenAnswer(inv -> queue.size() > 1 ? queue.poll() : queue.peek());
    }

    private ResilientTransport transport(CircuitBreakerPolicy breaker) {
        return new ResilientTransport(exchange, fastRetry, breaker, scheduler);
    }

    private static CompletableFuture<HttpResult> status(int code, String body) {
        return CompletableFuture.completedFuture(
                new HttpResult(code, Optional.empty(), "application/json", body.getBytes(StandardCharsets.UTF_8)));
    }

    private static CompletableFuture<HttpResult> io(Throwable cause) {
        return CompletableFuture.failedFuture(new InvokeAIIOException("wire failed", cause));
    }

    @Test
    void idempotentReadIsRetriedOn503UntilItSucceeds() {
        respond(java.util.List.of(status(503, "{}"), status(503, "{}"), status(200, "{\"ok\":1}")));
        HttpResult r = Futures.join(transport(CircuitBreakerPolicy.disabled()).execute(HttpCall.get("api/v1/x")));
        assertThat(r.bodyText()).isEqualTo("{\"ok\":1}");
        verify(exchange, times(3)).send(any());
    }

    @Test
    void enqueueIsNotRepeatedWhenTheConnectionDropsAfterSending() {
        respond(java.util.List.of(io(new EOFException("reset")), status(200, "{}")));
        HttpCall enqueue = HttpCall.post("api/v1/queue/default/enqueue_batch", new HttpCall.Body.Json("{}"));
        assertThatThrownBy(() ->
                        Futures.join(transport(CircuitBreakerPolicy.disabled()).execute(enqueue)))
                .isInstanceOf(InvokeAIIOException.class);
        verify(exchange, times(1)).send(any());
    }

    @Test
    void enqueueIsNotRepeatedOnA503Either() {
        respond(java.util.List.of(status(503, "{\"detail\":\"busy\"}"), status(200, "{}")));
        HttpCall enqueue = HttpCall.post("api/v1/queue/default/enqueue_batch", new HttpCall.Body.Json("{}"));
        assertThatThrownBy(() ->
                        Futures.join(transport(CircuitBreakerPolicy.disabled()).execute(enqueue)))
                .isInstanceOfSatisfying(InvokeAIServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.detail()).isEqualTo("busy");
                });
        verify(exchange, times(1)).send(any());
    }

    @Test
    void enqueueIsRetriedWhenTheConnectionWasRefusedBecauseNothingWasSent() {
        respond(java.util.List.of(io(new ConnectException("refused")), status(200, "{}")));
        HttpCall enqueue = HttpCall.post("api/v1/queue/default/enqueue_batch", new HttpCall.Body.Json("{}"));
        Futures.join(transport(CircuitBreakerPolicy.disabled()).execute(enqueue));
        verify(exchange, times(2)).send(any());
    }

    @Test
    void errorStatusesBecomeTypedExceptionsWithTheServerDetail() {
        respond(java.util.List.of(status(404, "{\"detail\":\"Board not found\"}")));
        assertThatThrownBy(() -> Futures.join(
                        transport(CircuitBreakerPolicy.disabled()).execute(HttpCall.get("api/v1/boards/nope"))))
                .isInstanceOf(InvokeAIServiceException.NotFoundException.class)
                .hasMessageContaining("GET /api/v1/boards/nope")
                .hasMessageContaining("Board not found");
        verify(exchange, times(1)).send(any());
    }

    @Test
    void openBreakerFailsFastWithoutSending() {
        when(exchange.send(any())).thenAnswer(inv -> io(new EOFException("down")));
        var breaker = new CircuitBreakerPolicy(true, 50f, 4, Duration.ofMinutes(1));
        ResilientTransport transport = transport(breaker);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> Futures.join(transport.execute(HttpCall.get("api/v1/app/version"))))
                    .isInstanceOf(InvokeAIIOException.class);
        }
        int sentBefore =
                org.mockito.Mockito.mockingDetails(exchange).getInvocations().size();
        assertThatThrownBy(() -> Futures.join(transport.execute(HttpCall.get("api/v1/app/version"))))
                .isInstanceOf(ResilientTransport.CircuitOpenException.class)
                .hasMessageContaining("circuit breaker is open");
        assertThat(org.mockito.Mockito.mockingDetails(exchange).getInvocations())
                .hasSize(sentBefore);
    }

    @Test
    void backoffHonoursRetryAfterAndGrowsExponentiallyWithinTheCap() {
        var policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(2));
        assertThat(ResilientTransport.backoffMillis(policy, 1, Optional.empty()))
                .isBetween(50L, 100L);
        assertThat(ResilientTransport.backoffMillis(policy, 3, Optional.empty()))
                .isBetween(200L, 400L);
        assertThat(ResilientTransport.backoffMillis(policy, 10, Optional.empty()))
                .isBetween(1000L, 2000L);
        assertThat(ResilientTransport.backoffMillis(policy, 1, Optional.of("2")))
                .isEqualTo(2000L);
    }
}
