package io.invokeai.client.core.events;

import io.invokeai.client.core.events.SocketIoCodec.ConnectError;
import io.invokeai.client.core.events.SocketIoCodec.Connected;
import io.invokeai.client.core.events.SocketIoCodec.Disconnected;
import io.invokeai.client.core.events.SocketIoCodec.EngineClose;
import io.invokeai.client.core.events.SocketIoCodec.Event;
import io.invokeai.client.core.events.SocketIoCodec.Malformed;
import io.invokeai.client.core.events.SocketIoCodec.Open;
import io.invokeai.client.core.events.SocketIoCodec.Packet;
import io.invokeai.client.core.events.SocketIoCodec.Ping;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.client.CoreClientUpgradeRequest;
import org.eclipse.jetty.websocket.core.client.WebSocketCoreClient;
import org.eclipse.jetty.websocket.core.exception.UpgradeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * InvokeAI's live event connection: a small Engine.IO v4 / Socket.IO v5 client over Jetty's core WebSocket client
 * (WebSocket transport only, main namespace only).
 *
 * <p>It connects to {@code <base>/ws/socket.io/?EIO=4&transport=websocket}, sends the token (if any) both as the
 * {@code Authorization: Bearer} header of the upgrade and as the Socket.IO CONNECT auth payload {@code {"token":..}},
 * subscribes to the {@code default} queue and hands every event to the {@link Listener}. It answers the server's
 * heartbeat and treats {@code pingInterval + pingTimeout} of silence as a dead connection. Whenever the connection
 * drops (network, watchdog, server restart, server DISCONNECT) it reconnects with exponential backoff and jitter
 * (250 ms doubling to 10 s), forever, until {@link #close()}.
 *
 * <p>Events that happen while disconnected are lost: {@link Listener#onConnected(boolean) onConnected(true)} tells the
 * caller to reconcile through REST. In single-user mode the server sends every socket everyone's events, so filter
 * by {@code item_id}/{@code batch_id}.
 *
 * <p>Listener methods run on a Jetty thread, one at a time and in arrival order per connection; they must not block.
 * Exceptions they throw are logged and never break the connection. The token never appears in logs, in
 * {@link #toString()} or in exception messages.
 */
public final class EventStream implements AutoCloseable {
    /** Receives the events. Runs on a Jetty thread; must not block. */
    public interface Listener {
        /**
         * A Socket.IO event, e.g. {@code invocation_started}, {@code invocation_progress}, {@code invocation_complete},
         * {@code invocation_error}, {@code queue_item_status_changed}, {@code batch_enqueued}.
         *
         * @param payload the event's first argument (an empty object if it had none, or a non-object one)
         */
        void onEvent(String name, JsonObject payload);

        /**
         * The Socket.IO connection is up and the queue subscription was sent.
         *
         * @param reconnected {@code true} after a reconnect: events may have been missed, reconcile through REST
         */
        default void onConnected(boolean reconnected) {}

        /**
         * An established connection was lost (a reconnect is already scheduled), or the server refused a reconnect.
         * Not called for failed connection attempts, nor after {@link EventStream#close()}.
         */
        default void onDisconnected(Throwable cause) {}
    }

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    static final String QUEUE_ID = "default";
    static final long INITIAL_BACKOFF_MILLIS = 250;
    static final long MAX_BACKOFF_MILLIS = 10_000;
    /** Bound on the HTTP upgrade exchange. */
    static final long UPGRADE_TIMEOUT_MILLIS = 15_000;
    /** Bound from WebSocket open to the Socket.IO CONNECT answer. */
    static final long HANDSHAKE_TIMEOUT_MILLIS = 20_000;
    /** Largest text message accepted (events carry base64 preview images); raised to the server's maxPayload. */
    static final long MAX_MESSAGE_BYTES = 32L << 20;
    /** WebSocket idle timeout before the OPEN packet tells the heartbeat timings. */
    static final Duration INITIAL_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** Added to pingInterval + pingTimeout for the WebSocket idle timeout, so that the watchdog fires first. */
    static final long IDLE_TIMEOUT_MARGIN_MILLIS = 15_000;

    private enum State {
        NEW,
        RUNNING,
        CLOSED
    }

    private final HttpClient http;
    private final URI wsUri;
    private final Supplier<String> token;
    private final Listener listener;
    private final ScheduledExecutorService scheduler;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong pings = new AtomicLong();
    private final Object lock = new Object();

    // guarded by lock
    private State state = State.NEW;
    private WebSocketCoreClient wsClient;
    private Connection current;
    private ScheduledFuture<?> pendingConnect;
    private int failedAttempts;
    private boolean everConnected;
    private long nextConnectionId;

    private volatile boolean connected;
    private volatile Open lastOpen;

    /**
     * @param httpClient the shared, started Jetty client; it is used, never stopped
     * @param baseUrl the server, e.g. {@code http://127.0.0.1:9090} or {@code https://host/invoke} (a sub-path is kept)
     * @param bearerToken the login token of a multi-user server, or {@code null}
     * @param listener receives the events
     * @param scheduler runs the heartbeat watchdog and the reconnect timers; not shut down by {@link #close()}
     */
    public EventStream(
            HttpClient httpClient,
            URI baseUrl,
            String bearerToken,
            Listener listener,
            ScheduledExecutorService scheduler) {
        this(() -> bearerToken, httpClient, baseUrl, listener, scheduler);
    }

    /**
     * The same as {@link #EventStream(HttpClient, URI, String, Listener, ScheduledExecutorService)} with an optional
     * token.
     */
    public EventStream(
            HttpClient httpClient,
            URI baseUrl,
            Optional<String> bearerToken,
            Listener listener,
            ScheduledExecutorService scheduler) {
        this(httpClient, baseUrl, bearerToken.orElse(null), listener, scheduler);
    }

    /**
     * Like the constructor, but asks {@code tokenSupplier} for the token at every (re)connect, so a refreshed token
     * (InvokeAI's sliding {@code X-Refreshed-Token}) is used after a reconnect. The supplier may return {@code null}.
     */
    public static EventStream withTokenSupplier(
            HttpClient httpClient,
            URI baseUrl,
            Supplier<String> tokenSupplier,
            Listener listener,
            ScheduledExecutorService scheduler) {
        return new EventStream(
                Objects.requireNonNull(tokenSupplier, "tokenSupplier"), httpClient, baseUrl, listener, scheduler);
    }

    private EventStream(
            Supplier<String> token,
            HttpClient httpClient,
            URI baseUrl,
            Listener listener,
            ScheduledExecutorService scheduler) {
        this.http = Objects.requireNonNull(httpClient, "httpClient");
        this.wsUri = websocketUri(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.token = token;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /**
     * Connects in the background. The future completes at the first successful Socket.IO connect; until then failed
     * attempts are retried with backoff (bound the wait with {@code orTimeout} and {@link #close()} if needed). It
     * fails, and the stream stops, if the server refuses the connection ({@link EventStreamException.Refused}: a
     * Socket.IO CONNECT_ERROR or an HTTP 4xx upgrade answer), or with {@link java.util.concurrent.CancellationException}
     * if the stream is closed first. Calling it again returns the same future.
     */
    public CompletableFuture<Void> start() {
        synchronized (lock) {
            if (state == State.CLOSED && !started.isDone()) {
                started.completeExceptionally(new IllegalStateException("The event stream is closed"));
            }
            if (state != State.NEW) {
                return started;
            }
            if (!http.isStarted()) {
                state = State.CLOSED;
                started.completeExceptionally(new IllegalStateException("The HttpClient must be started first"));
                return started;
            }
            try {
                wsClient = newWebSocketClient(http);
                wsClient.start();
            } catch (Exception e) {
                state = State.CLOSED;
                started.completeExceptionally(new EventStreamException("Cannot start the WebSocket client", e));
                return started;
            }
            state = State.RUNNING;
        }
        LOG.debug("Connecting the event stream to {}", wsUri);
        connect();
        return started;
    }

    /** Whether the Socket.IO connection is up now. */
    public boolean isConnected() {
        return connected;
    }

    /** How many times a lost connection was re-established (the first connect does not count). */
    public long reconnectCount() {
        return reconnects.get();
    }

    /**
     * Sends Socket.IO DISCONNECT ({@code 41}), closes the WebSocket and stops reconnecting. Idempotent; does not block;
     * no listener method is called afterwards (one already running may finish).
     */
    @Override
    public void close() {
        Connection c;
        WebSocketCoreClient client;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            connected = false;
            c = current;
            current = null;
            if (pendingConnect != null) {
                pendingConnect.cancel(false);
                pendingConnect = null;
            }
            client = wsClient;
            if (c != null) {
                c.dead = true;
                c.cancelTimers();
            }
        }
        started.completeExceptionally(new CancellationException("The event stream was closed"));
        CoreSession session = c == null ? null : c.session;
        if (session == null) {
            stop(client);
        } else {
            try {
                if (c.sioConnected) {
                    send(session, SocketIoCodec.DISCONNECT);
                }
                session.close(
                        CloseStatus.NORMAL, "client closed", Callback.from(() -> stop(client), x -> stop(client)));
            } catch (RuntimeException e) { // close() must not throw
                LOG.debug("Closing the WebSocket failed", e);
                stop(client);
            }
        }
        LOG.debug("Event stream to {} closed", wsUri);
    }

    @Override
    public String toString() {
        return "EventStream[" + wsUri + ", connected=" + connected + ", reconnects=" + reconnects.get() + "]";
    }

    // ---- test hooks ----------------------------------------------------------------------------------------------

    /** Aborts the current WebSocket without a close handshake, like a network failure. Returns whether there was one. */
    boolean dropConnectionForTest() {
        Connection c;
        synchronized (lock) {
            c = current;
        }
        CoreSession session = c == null ? null : c.session;
        if (session == null) {
            return false;
        }
        session.abort();
        return true;
    }

    /** The last Engine.IO OPEN packet, or {@code null}. */
    Open lastOpen() {
        return lastOpen;
    }

    /** Successful Socket.IO connects so far. */
    long connectCount() {
        return connects.get();
    }

    /** Engine.IO pings answered so far, over all connections. */
    long pingCount() {
        return pings.get();
    }

    URI websocketUri() {
        return wsUri;
    }

    // ---- connection management -----------------------------------------------------------------------------------

    private void connect() {
        Connection c;
        WebSocketCoreClient client;
        synchronized (lock) {
            pendingConnect = null;
            if (state != State.RUNNING || current != null) {
                return;
            }
            c = new Connection(++nextConnectionId);
            current = c;
            client = wsClient;
        }
        try {
            CoreClientUpgradeRequest request = CoreClientUpgradeRequest.from(client, wsUri, c);
            request.timeout(UPGRADE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            String t = token.get();
            c.tokenAtConnect = t;
            if (t != null && !t.isEmpty()) {
                request.headers(h -> h.put(HttpHeader.AUTHORIZATION, "Bearer " + t));
            }
            Configuration.ConfigurationCustomizer config = new Configuration.ConfigurationCustomizer();
            config.setIdleTimeout(INITIAL_IDLE_TIMEOUT);
            config.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
            config.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
            request.setConfiguration(config);
            client.connect(request).whenComplete((session, failure) -> {
                if (failure != null) {
                    lost(c, failure);
                }
            });
        } catch (Exception e) { // IOException, or the client was stopped under us
            lost(c, e);
        }
    }

    /** A connection attempt failed or an established connection died: clean up, notify, schedule the reconnect. */
    private void lost(Connection c, Throwable cause) {
        boolean wasConnected;
        boolean refused;
        boolean refusedFirst = false;
        Throwable reported = cause;
        long delay = -1;
        synchronized (lock) {
            if (c.dead) {
                return;
            }
            c.dead = true;
            c.cancelTimers();
            wasConnected = c.sioConnected;
            if (current == c) {
                current = null;
                connected = false;
            }
            if (state != State.RUNNING) {
                return;
            }
            int status = cause instanceof UpgradeException u ? u.getResponseStatusCode() : 0;
            refused = cause instanceof EventStreamException.Refused
                    || (status >= 400 && status < 500 && status != 408 && status != 429);
            if (refused && !(cause instanceof EventStreamException.Refused)) {
                reported = new EventStreamException.Refused(
                        "The server refused the event connection to " + wsUri + " with HTTP " + status,
                        "HTTP " + status);
            }
            if (refused && !everConnected) {
                refusedFirst = true;
                state = State.CLOSED;
            } else {
                // a refusal after a working connection (e.g. an expired token) retries at the slowest pace
                delay = backoffMillis(
                        refused ? Integer.MAX_VALUE : failedAttempts++, ThreadLocalRandom.current()::nextDouble);
            }
        }
        abort(c);
        if (refusedFirst) {
            LOG.warn("Event stream to {} refused: {}", wsUri, reported.getMessage());
            started.completeExceptionally(reported);
            stop(wsClientOrNull());
            return;
        }
        if (wasConnected) {
            LOG.warn("Event stream to {} lost ({}); reconnecting in {} ms", wsUri, describe(cause), delay);
        } else {
            LOG.debug("Event stream connection to {} failed ({}); retrying in {} ms", wsUri, describe(cause), delay);
        }
        if (wasConnected || refused) {
            try {
                listener.onDisconnected(reported);
            } catch (RuntimeException e) {
                LOG.warn("Event listener onDisconnected failed", e);
            }
        }
        // scheduled only now, so that onDisconnected always runs before the next onConnected
        synchronized (lock) {
            if (state == State.RUNNING && current == null && pendingConnect == null) {
                schedule(delay);
            }
        }
    }

    private void schedule(long delayMillis) { // holds lock
        try {
            pendingConnect = scheduler.schedule(this::connect, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.error("Event stream to {} stops: its scheduler rejected the reconnect", wsUri, e);
            state = State.CLOSED;
            started.completeExceptionally(new EventStreamException("The scheduler rejected the reconnect", e));
        }
    }

    private WebSocketCoreClient wsClientOrNull() {
        synchronized (lock) {
            return wsClient;
        }
    }

    private void opened(Connection c, Open open) {
        lastOpen = open;
        CoreSession session = c.session;
        long window = open.pingIntervalMillis() + open.pingTimeoutMillis();
        c.pingWindowMillis = window;
        session.setIdleTimeout(Duration.ofMillis(window + IDLE_TIMEOUT_MARGIN_MILLIS));
        long max = Math.max(MAX_MESSAGE_BYTES, open.maxPayload());
        session.setMaxTextMessageSize(max);
        c.maxMessageBytes = max;
        c.rearmWatchdog();
        LOG.debug(
                "Engine.IO open: pingInterval={} ms, pingTimeout={} ms, maxPayload={}",
                open.pingIntervalMillis(),
                open.pingTimeoutMillis(),
                open.maxPayload());
        send(session, SocketIoCodec.encodeConnect(c.tokenAtConnect));
        c.tokenAtConnect = null;
    }

    private void socketIoConnected(Connection c) {
        send(c.session, SocketIoCodec.subscribeQueue(QUEUE_ID));
        boolean reconnected;
        synchronized (lock) {
            if (c.dead || current != c || state != State.RUNNING) {
                return;
            }
            c.sioConnected = true;
            c.cancelHandshakeTimer();
            connected = true;
            reconnected = everConnected;
            everConnected = true;
            failedAttempts = 0;
        }
        connects.incrementAndGet();
        if (reconnected) {
            reconnects.incrementAndGet();
            LOG.info("Event stream to {} reconnected", wsUri);
        } else {
            LOG.debug("Event stream to {} connected", wsUri);
        }
        try {
            listener.onConnected(reconnected);
        } catch (RuntimeException e) {
            LOG.warn("Event listener onConnected failed", e);
        }
        started.complete(null);
    }

    private void handleText(Connection c, String text) {
        Packet packet = SocketIoCodec.decode(text);
        if (c.pingWindowMillis > 0) {
            c.rearmWatchdog(); // any packet proves the connection alive
        }
        if (packet instanceof Ping ping) {
            send(c.session, SocketIoCodec.PONG + ping.data());
            pings.incrementAndGet();
            LOG.trace("Engine.IO ping answered");
        } else if (packet instanceof Event e) {
            if (SocketIoCodec.MAIN_NAMESPACE.equals(e.namespace()) && !c.dead) {
                dispatch(e);
            }
        } else if (packet instanceof Open open) {
            opened(c, open);
        } else if (packet instanceof Connected connectedPacket) {
            if (SocketIoCodec.MAIN_NAMESPACE.equals(connectedPacket.namespace())) {
                socketIoConnected(c);
            }
        } else if (packet instanceof ConnectError error) {
            lost(
                    c,
                    new EventStreamException.Refused(
                            "The server refused the Socket.IO connection: " + error.message(), error.message()));
        } else if (packet instanceof Disconnected d) {
            if (SocketIoCodec.MAIN_NAMESPACE.equals(d.namespace())) {
                lost(c, new EventStreamException("The server disconnected the Socket.IO session"));
            }
        } else if (packet instanceof EngineClose) {
            lost(c, new EventStreamException("The server closed the Engine.IO session"));
        } else if (packet instanceof Malformed m) {
            LOG.warn("Ignoring a malformed Socket.IO message: {}", m.reason());
        } else {
            LOG.trace("Ignoring {}", packet);
        }
    }

    private void dispatch(Event e) {
        try {
            listener.onEvent(e.name(), e.payload());
        } catch (RuntimeException x) {
            LOG.warn("Event listener failed on '{}'", e.name(), x);
        }
    }

    private static void send(CoreSession session, String text) {
        if (session == null) {
            return;
        }
        // never log the frame: the CONNECT packet carries the token
        session.sendFrame(
                new Frame(OpCode.TEXT, text),
                Callback.from(() -> {}, x -> LOG.debug("Sending an event-stream packet failed: {}", describe(x))),
                false);
    }

    private static void abort(Connection c) {
        CoreSession session = c.session;
        if (session != null && !session.isClosed()) {
            try {
                session.abort();
            } catch (RuntimeException e) {
                LOG.debug("Aborting the WebSocket failed", e);
            }
        }
    }

    private static void stop(WebSocketCoreClient client) {
        if (client == null) {
            return;
        }
        try {
            client.stop();
        } catch (Exception e) {
            LOG.debug("Stopping the WebSocket client failed", e);
        }
    }

    /**
     * A WebSocket client over the shared HttpClient that never stops it, its executor or its buffer pool: only the
     * WebSocket components of its own (extension registry, compression pools) are started and stopped with it.
     */
    private static WebSocketCoreClient newWebSocketClient(HttpClient http) {
        var client = new WebSocketCoreClient(http, null);
        client.unmanage(http);
        WebSocketComponents components = client.getWebSocketComponents();
        Executor executor = components.getExecutor();
        if (executor == http.getExecutor()) {
            components.unmanage(executor);
        }
        if (components.getByteBufferPool() == http.getByteBufferPool()) {
            components.unmanage(components.getByteBufferPool());
        }
        return client;
    }

    // ---- pure helpers (package-private for tests) ----------------------------------------------------------------

    /** {@code <base>/ws/socket.io/?EIO=4&transport=websocket}, http(s) mapped to ws(s); user info and query dropped. */
    static URI websocketUri(URI base) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        String ws = switch (scheme) {
            case "http", "ws" -> "ws";
            case "https", "wss" -> "wss";
            default ->
                throw new IllegalArgumentException("The base URL must be http(s) or ws(s), not '" + scheme + "'");
        };
        if (base.getHost() == null) {
            throw new IllegalArgumentException("The base URL has no host");
        }
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String port = base.getPort() < 0 ? "" : ":" + base.getPort();
        return URI.create(ws + "://" + base.getHost() + port + path + "/ws/socket.io/?EIO=4&transport=websocket");
    }

    /** Exponential backoff with jitter: 250 ms doubling to a 10 s cap, then a random point in its upper half. */
    static long backoffMillis(int attempt, DoubleSupplier random) {
        int shift = Math.max(0, Math.min(attempt, 30));
        long ceiling = Math.min(MAX_BACKOFF_MILLIS, INITIAL_BACKOFF_MILLIS << shift);
        double r = Math.min(1.0, Math.max(0.0, random.getAsDouble()));
        return ceiling / 2 + Math.round(ceiling / 2.0 * r);
    }

    /** The exception's type and message, short (Jetty's messages hold the URI, never the token). */
    private static String describe(Throwable t) {
        Throwable c = t;
        while (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    /** One WebSocket connection attempt and, once it is up, the connection. */
    private final class Connection implements FrameHandler {
        final long id;
        volatile CoreSession session;
        volatile boolean dead;
        volatile boolean sioConnected;
        volatile long pingWindowMillis;
        volatile String tokenAtConnect;
        private ScheduledFuture<?> watchdog;
        private ScheduledFuture<?> handshakeTimer;
        private Throwable error;
        // fragment reassembly, touched only from onFrame (never concurrent)
        private byte[] buffer = new byte[0];
        private int length;
        private boolean inText;
        private boolean inBinary;
        private boolean skipping;
        long maxMessageBytes = MAX_MESSAGE_BYTES;

        Connection(long id) {
            this.id = id;
        }

        @Override
        public void onOpen(CoreSession coreSession, Callback callback) {
            session = coreSession;
            boolean live;
            synchronized (lock) {
                live = !dead && current == this && state == State.RUNNING;
                if (live) {
                    armHandshakeTimer();
                }
            }
            callback.succeeded();
            if (!live) {
                coreSession.close(CloseStatus.NORMAL, "client closed", Callback.NOOP);
                return;
            }
            LOG.trace("WebSocket #{} open", id);
            coreSession.demand();
        }

        @Override
        public void onFrame(Frame frame, Callback callback) {
            byte op = frame.getOpCode();
            String text = null;
            try {
                if (op == OpCode.TEXT || op == OpCode.BINARY || op == OpCode.CONTINUATION) {
                    text = reassemble(frame);
                } else if (op == OpCode.PING && !dead) {
                    // Jetty's core API leaves the answer to us; uvicorn drops the socket (1011) without it
                    session.sendFrame(new Frame(OpCode.PONG, true, copy(frame.getPayload())), Callback.NOOP, false);
                }
            } catch (RuntimeException e) {
                LOG.warn("Cannot read an event-stream frame", e);
            }
            callback.succeeded();
            if (text != null && !dead) {
                try {
                    handleText(this, text);
                } catch (RuntimeException e) {
                    LOG.warn("Cannot handle an event-stream message", e);
                }
            }
            if (op != OpCode.CLOSE && !dead) {
                try {
                    session.demand();
                } catch (RuntimeException e) {
                    LOG.debug("WebSocket #{}: demand failed", id, e);
                }
            }
        }

        private static ByteBuffer copy(ByteBuffer payload) {
            if (payload == null || !payload.hasRemaining()) {
                return ByteBuffer.allocate(0);
            }
            ByteBuffer copy = ByteBuffer.allocate(payload.remaining());
            copy.put(payload.slice()).flip();
            return copy;
        }

        /** Collects a data frame; returns the complete text message, or {@code null}. */
        private String reassemble(Frame frame) {
            byte op = frame.getOpCode();
            if (op == OpCode.TEXT) {
                inText = true;
                inBinary = false;
                length = 0;
                skipping = false;
                if (frame.isFin()) { // the common case: one frame, one packet
                    inText = false;
                    return frame.getPayloadAsUTF8();
                }
            } else if (op == OpCode.BINARY) {
                inBinary = !frame.isFin(); // Engine.IO binary packets are not used by InvokeAI
                inText = false;
                return null;
            } else if (inBinary) {
                inBinary = !frame.isFin();
                return null;
            } else if (!inText) {
                return null;
            }
            ByteBuffer payload = frame.getPayload();
            int n = payload == null ? 0 : payload.remaining();
            if (!skipping && (long) length + n > maxMessageBytes) {
                LOG.warn("Skipping an event-stream message larger than {} bytes", maxMessageBytes);
                skipping = true;
                buffer = new byte[0];
                length = 0;
            }
            if (!skipping && n > 0) {
                if (length + n > buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.max(length + n, Math.max(8192, buffer.length * 2)));
                }
                payload.slice().get(buffer, length, n);
                length += n;
            }
            if (!frame.isFin()) {
                return null;
            }
            inText = false;
            String text = skipping ? null : new String(buffer, 0, length, StandardCharsets.UTF_8);
            skipping = false;
            length = 0;
            if (buffer.length > 1 << 20) {
                buffer = new byte[0]; // do not keep a big buffer for the life of the connection
            }
            return text;
        }

        @Override
        public void onError(Throwable cause, Callback callback) {
            error = cause;
            callback.succeeded();
        }

        @Override
        public void onClosed(CloseStatus closeStatus, Callback callback) {
            callback.succeeded();
            Throwable cause = error != null
                    ? error
                    : new EventStreamException("The WebSocket closed: " + closeStatus.getCode()
                            + (closeStatus.getReason() == null ? "" : " " + closeStatus.getReason()));
            lost(this, cause);
        }

        void rearmWatchdog() {
            long window = pingWindowMillis;
            synchronized (lock) {
                if (dead) {
                    return;
                }
                if (watchdog != null) {
                    watchdog.cancel(false);
                }
                watchdog = scheduleQuietly(
                        () -> lost(
                                this, new EventStreamException("No heartbeat from the server for " + window + " ms")),
                        window);
            }
        }

        private void armHandshakeTimer() { // holds lock
            handshakeTimer = scheduleQuietly(
                    () -> lost(
                            this,
                            new EventStreamException(
                                    "No Socket.IO handshake within " + HANDSHAKE_TIMEOUT_MILLIS + " ms")),
                    HANDSHAKE_TIMEOUT_MILLIS);
        }

        void cancelHandshakeTimer() { // holds lock
            if (handshakeTimer != null) {
                handshakeTimer.cancel(false);
                handshakeTimer = null;
            }
        }

        void cancelTimers() { // holds lock
            cancelHandshakeTimer();
            if (watchdog != null) {
                watchdog.cancel(false);
                watchdog = null;
            }
        }

        private ScheduledFuture<?> scheduleQuietly(Runnable task, long delayMillis) {
            try {
                return scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("The scheduler rejected an event-stream timer", e);
                return null;
            }
        }
    }
}
