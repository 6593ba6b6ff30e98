package io.invokeai.client.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.Test;

class EventStreamTest {

    private static final EventStream.Listener NOOP = (String name, JsonObject payload) -> {};

    @Test
    void mapsTheBaseUrlToTheSocketIoEndpoint() {
        assertThat(EventStream.websocketUri(URI.create("http://127.0.0.1:9090")))
                .hasToString("ws://127.0.0.1:9090/ws/socket.io/?EIO=4&transport=websocket");
        assertThat(EventStream.websocketUri(URI.create("http://localhost:9090/")))
                .hasToString("ws://localhost:9090/ws/socket.io/?EIO=4&transport=websocket");
        assertThat(EventStream.websocketUri(URI.create("https://example.org")))
                .hasToString("wss://example.org/ws/socket.io/?EIO=4&transport=websocket");
        assertThat(EventStream.websocketUri(URI.create("HTTPS://example.org:8443/invoke/")))
                .hasToString("wss://example.org:8443/invoke/ws/socket.io/?EIO=4&transport=websocket");
        assertThat(EventStream.websocketUri(URI.create("ws://[::1]:9090/a%20b")))
                .hasToString("ws://[::1]:9090/a%20b/ws/socket.io/?EIO=4&transport=websocket");
    }

    @Test
    void dropsUserInfoQueryAndFragmentOfTheBaseUrl() {
        assertThat(EventStream.websocketUri(URI.create("http://user:secret@host:1/p?x=1#f")))
                .hasToString("ws://host:1/p/ws/socket.io/?EIO=4&transport=websocket");
    }

    @Test
    void rejectsUnusableBaseUrls() {
        assertThatThrownBy(() -> EventStream.websocketUri(URI.create("ftp://host")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventStream.websocketUri(URI.create("host:9090")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventStream.websocketUri(URI.create("/relative")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backoffGrowsExponentiallyWithJitterUpToTenSeconds() {
        assertThat(EventStream.backoffMillis(0, () -> 0.0)).isEqualTo(125);
        assertThat(EventStream.backoffMillis(0, () -> 1.0)).isEqualTo(250);
        assertThat(EventStream.backoffMillis(1, () -> 1.0)).isEqualTo(500);
        assertThat(EventStream.backoffMillis(3, () -> 1.0)).isEqualTo(2_000);
        assertThat(EventStream.backoffMillis(5, () -> 1.0)).isEqualTo(8_000);
        assertThat(EventStream.backoffMillis(6, () -> 1.0)).isEqualTo(10_000);
        assertThat(EventStream.backoffMillis(6, () -> 0.0)).isEqualTo(5_000);
        assertThat(EventStream.backoffMillis(Integer.MAX_VALUE, () -> 0.5)).isEqualTo(7_500);
        assertThat(EventStream.backoffMillis(-1, () -> 2.0)).isEqualTo(250);
    }

    @Test
    void theTokenNeverShowsInToString() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (EventStream stream =
                new EventStream(new HttpClient(), URI.create("http://127.0.0.1:1"), "s3cr3t-token", NOOP, scheduler)) {
            assertThat(stream.toString()).doesNotContain("s3cr3t").contains("ws://127.0.0.1:1/ws/socket.io/");
            assertThat(stream.isConnected()).isFalse();
            assertThat(stream.reconnectCount()).isZero();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void startFailsWhenTheHttpClientIsNotStarted() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (EventStream stream = new EventStream(
                new HttpClient(), URI.create("http://127.0.0.1:1"), Optional.empty(), NOOP, scheduler)) {
            assertThat(stream.start()).failsWithin(1, TimeUnit.SECONDS);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void closeBeforeTheFirstConnectCancelsStartAndStopsRetrying() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        HttpClient http = new HttpClient();
        http.start();
        try {
            // port 1 refuses connections: the stream keeps retrying until closed
            EventStream stream =
                    new EventStream(http, URI.create("http://127.0.0.1:1"), Optional.empty(), NOOP, scheduler);
            var started = stream.start();
            assertThat(stream.start()).isSameAs(started);
            Thread.sleep(600);
            assertThat(started).isNotDone();
            stream.close();
            stream.close();
            assertThat(started).failsWithin(1, TimeUnit.SECONDS).withThrowableOfType(CancellationException.class);
            assertThat(http.isRunning()).isTrue();
        } finally {
            http.stop();
            scheduler.shutdownNow();
        }
    }
}
