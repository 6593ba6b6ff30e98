package io.invokeai.client.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.invokeai.client.testkit.InvokeAIServer;
import io.invokeai.client.testkit.InvokeAITest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The event stream against a real InvokeAI server (started by the testkit), with a model-free graph. */
@InvokeAITest
class EventStreamIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static HttpClient http;
    private static ScheduledExecutorService scheduler;

    @BeforeAll
    static void startClient() throws Exception {
        http = new HttpClient();
        http.start();
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stopClient() throws Exception {
        scheduler.shutdownNow();
        http.stop();
    }

    @Test
    void deliversTheEventsOfAnEnqueuedItemUpToItsCompletedStatus(InvokeAIServer server) throws Exception {
        var events = new Recorder();
        try (var stream = new EventStream(http, server.baseUrl(), Optional.empty(), events, scheduler)) {
            stream.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(stream.isConnected()).isTrue();
            assertThat(events.connects()).containsExactly(false);
            assertThat(stream.lastOpen().pingIntervalMillis()).isPositive();
            assertThat(stream.lastOpen().pingTimeoutMillis()).isPositive();

            long item = enqueueAdd(server.baseUrl());

            JsonObject done = events.await(
                    "queue_item_status_changed",
                    p -> p.getJsonNumber("item_id").longValue() == item && "completed".equals(p.getString("status")));
            assertThat(done.getString("queue_id")).isEqualTo("default");
            assertThat(done.getJsonObject("batch_status").getInt("completed")).isEqualTo(1);

            JsonObject complete = events.await(
                    "invocation_complete", p -> p.getJsonNumber("item_id").longValue() == item);
            assertThat(complete.getString("invocation_source_id")).isEqualTo("a");
            assertThat(complete.getJsonObject("result").getString("type")).isEqualTo("integer_output");
            assertThat(complete.getJsonObject("result").getInt("value")).isEqualTo(3);
            assertThat(events.names(item))
                    .containsSubsequence("invocation_started", "invocation_complete")
                    .contains("queue_item_status_changed");
            assertThat(stream.reconnectCount()).isZero();
        }
        assertThat(http.isRunning())
                .as("the shared HttpClient survives close()")
                .isTrue();
    }

    @Test
    void reconnectsAfterTheWebSocketDropsAndEventsFlowAgain(InvokeAIServer server) throws Exception {
        var events = new Recorder();
        try (var stream = new EventStream(http, server.baseUrl(), Optional.empty(), events, scheduler)) {
            stream.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(stream.dropConnectionForTest()).isTrue();

            awaitTrue(() -> events.connects().contains(true), "onConnected(true)");
            assertThat(events.connects()).containsExactly(false, true);
            assertThat(events.disconnects()).hasSize(1);
            assertThat(stream.reconnectCount()).isEqualTo(1);
            assertThat(stream.isConnected()).isTrue();

            long item = enqueueAdd(server.baseUrl());
            events.await(
                    "queue_item_status_changed",
                    p -> p.getJsonNumber("item_id").longValue() == item && "completed".equals(p.getString("status")));
        }
    }

    @Test
    void answersTheServerHeartbeatSoTheConnectionOutlivesThePingTimeout(InvokeAIServer server) throws Exception {
        var events = new Recorder();
        try (var stream = new EventStream(http, server.baseUrl(), Optional.empty(), events, scheduler)) {
            stream.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            long interval = stream.lastOpen().pingIntervalMillis();
            long timeout = stream.lastOpen().pingTimeoutMillis();

            // the second ping only comes if the server accepted the pong to the first
            awaitTrue(
                    () -> stream.pingCount() >= 2,
                    Duration.ofMillis(2 * interval + timeout + 10_000),
                    "two Engine.IO pings");

            assertThat(stream.isConnected()).isTrue();
            assertThat(stream.connectCount()).isEqualTo(1);
            assertThat(stream.reconnectCount()).isZero();
            assertThat(events.disconnects()).isEmpty();
        }
    }

    @Test
    void closeIsIdempotentAndStopsReconnecting(InvokeAIServer server) throws Exception {
        var events = new Recorder();
        var stream = new EventStream(http, server.baseUrl(), Optional.empty(), events, scheduler);
        stream.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        stream.close();
        stream.close();

        assertThat(stream.isConnected()).isFalse();
        assertThat(stream.dropConnectionForTest()).isFalse();
        Thread.sleep(1_000);
        assertThat(stream.connectCount()).isEqualTo(1);
        assertThat(events.disconnects()).as("no callback after close").isEmpty();
        assertThat(stream.start()).isDone();
        assertThat(http.isRunning()).isTrue();
    }

    /** Enqueues the model-free graph {@code add(1, 2)} over plain HTTP; returns its queue item id. */
    private static long enqueueAdd(URI base) throws Exception {
        String body =
                "{\"batch\":{\"graph\":{\"id\":\"g1\",\"nodes\":{\"a\":{\"id\":\"a\",\"type\":\"add\",\"a\":1,\"b\":2,"
                        + "\"use_cache\":false,\"is_intermediate\":true}},\"edges\":[]},\"runs\":1}}";
        ContentResponse response = http.POST(base.resolve("/api/v1/queue/default/enqueue_batch"))
                .body(new StringRequestContent("application/json", body))
                .timeout(30, TimeUnit.SECONDS)
                .send();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        try (var reader = Json.createReader(new StringReader(response.getContentAsString()))) {
            return reader.readObject().getJsonArray("item_ids").getJsonNumber(0).longValue();
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        awaitTrue(condition, WAIT, what);
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Records every callback; the server sends every socket everyone's events, so lookups filter by item id. */
    private static final class Recorder implements EventStream.Listener {
        private record Received(String name, JsonObject payload) {}

        private final List<Received> events = new ArrayList<>();
        private final List<Boolean> connects = new ArrayList<>();
        private final List<Throwable> disconnects = new ArrayList<>();

        @Override
        public synchronized void onEvent(String name, JsonObject payload) {
            events.add(new Received(name, payload));
            notifyAll();
        }

        @Override
        public synchronized void onConnected(boolean reconnected) {
            connects.add(reconnected);
            notifyAll();
        }

        @Override
        public synchronized void onDisconnected(Throwable cause) {
            disconnects.add(cause);
            notifyAll();
        }

        synchronized List<Boolean> connects() {
            return List.copyOf(connects);
        }

        synchronized List<Throwable> disconnects() {
            return List.copyOf(disconnects);
        }

        synchronized List<String> names(long itemId) {
            return events.stream()
                    .filter(e -> e.payload().containsKey("item_id")
                            && e.payload().getJsonNumber("item_id").longValue() == itemId)
                    .map(Received::name)
                    .toList();
        }

        synchronized JsonObject await(String name, Predicate<JsonObject> match) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                for (Received e : events) {
                    if (e.name().equals(name) && e.payload().containsKey("item_id") && match.test(e.payload())) {
                        return e.payload();
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No matching '" + name + "' within " + WAIT + "; got "
                            + events.stream().map(Received::name).toList());
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }
}
