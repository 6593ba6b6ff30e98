package io.invokeai.client.core.events;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.List;

/**
 * Encodes and decodes the text packets of Engine.IO v4 and Socket.IO v5 over a WebSocket: one Engine.IO packet per
 * WebSocket text message, so no record separators and no HTTP long-polling framing.
 *
 * <p>Pure and stateless. {@link #decode(String)} never throws: anything it cannot read becomes {@link Malformed}, and
 * packets this client does not use (acks, binary events, upgrades) become {@link Ignored}.
 */
final class SocketIoCodec {
    /** Engine.IO PONG, the answer to the server's PING ({@code 2}). */
    static final String PONG = "3";
    /** Socket.IO DISCONNECT on the main namespace. */
    static final String DISCONNECT = "41";
    /** The namespace InvokeAI uses. */
    static final String MAIN_NAMESPACE = "/";

    /** python-engineio's defaults, used when the OPEN packet leaves a value out. */
    static final long DEFAULT_PING_INTERVAL_MILLIS = 25_000;

    static final long DEFAULT_PING_TIMEOUT_MILLIS = 20_000;
    static final long DEFAULT_MAX_PAYLOAD = 1_000_000;

    private static final int MAX_ACK_ID_DIGITS = 18;
    private static final int SNIPPET = 80;
    private static final JsonProvider JSON = JsonProvider.provider();

    private SocketIoCodec() {}

    /** A decoded packet. */
    sealed interface Packet
            permits Open,
                    Ping,
                    Pong,
                    EngineClose,
                    Noop,
                    Connected,
                    Disconnected,
                    Event,
                    ConnectError,
                    Ignored,
                    Malformed {}

    /** Engine.IO OPEN ({@code 0{...}}): the handshake with the heartbeat timings. */
    record Open(String sid, long pingIntervalMillis, long pingTimeoutMillis, long maxPayload) implements Packet {}

    /** Engine.IO PING ({@code 2}), sent by the server in v4. */
    record Ping(String data) implements Packet {}

    /** Engine.IO PONG ({@code 3}). */
    record Pong(String data) implements Packet {}

    /** Engine.IO CLOSE ({@code 1}). */
    record EngineClose() implements Packet {}

    /** Engine.IO NOOP ({@code 6}). */
    record Noop() implements Packet {}

    /** Socket.IO CONNECT ({@code 40{"sid":...}}): the namespace accepted us. */
    record Connected(String namespace, String sid) implements Packet {}

    /** Socket.IO DISCONNECT ({@code 41}): the server ended the namespace session. */
    record Disconnected(String namespace) implements Packet {}

    /**
     * Socket.IO EVENT ({@code 42["name", arg...]}).
     *
     * @param ackId the id the server wants acknowledged, or -1
     */
    record Event(String namespace, long ackId, String name, List<JsonValue> args) implements Packet {
        Event {
            args = List.copyOf(args);
        }

        /** The first argument when it is a JSON object (all InvokeAI events are), else an empty object. */
        JsonObject payload() {
            return !args.isEmpty() && args.get(0) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    /**
     * Socket.IO CONNECT_ERROR ({@code 44{"message":...}} or {@code 44"text"}): the server refused the connection,
     * for InvokeAI a missing or invalid token in multi-user mode.
     */
    record ConnectError(String namespace, String message, JsonValue data) implements Packet {}

    /** A well-formed packet this client does not use. */
    record Ignored(String what) implements Packet {}

    /** Unreadable input. {@code reason} quotes at most a short prefix of the input. */
    record Malformed(String reason) implements Packet {}

    /** Decodes one WebSocket text message. Never throws. */
    static Packet decode(String text) {
        if (text == null || text.isEmpty()) {
            return new Malformed("empty message");
        }
        String rest = text.substring(1);
        return switch (text.charAt(0)) {
            case '0' -> decodeOpen(rest);
            case '1' -> new EngineClose();
            case '2' -> new Ping(rest);
            case '3' -> new Pong(rest);
            case '4' -> decodeSocketIo(rest);
            case '5' -> new Ignored("Engine.IO UPGRADE");
            case '6' -> new Noop();
            default -> new Malformed("unknown Engine.IO packet type: " + snippet(text));
        };
    }

    private static Packet decodeOpen(String json) {
        JsonValue value = parse(json);
        if (!(value instanceof JsonObject o)) {
            return new Malformed("Engine.IO OPEN without a JSON object: " + snippet(json));
        }
        String sid = o.get("sid") instanceof JsonString s ? s.getString() : "";
        return new Open(
                sid,
                positiveLong(o, "pingInterval", DEFAULT_PING_INTERVAL_MILLIS),
                positiveLong(o, "pingTimeout", DEFAULT_PING_TIMEOUT_MILLIS),
                positiveLong(o, "maxPayload", DEFAULT_MAX_PAYLOAD));
    }

    private static Packet decodeSocketIo(String s) {
        if (s.isEmpty()) {
            return new Malformed("empty Socket.IO packet");
        }
        char type = s.charAt(0);
        if (type < '0' || type > '6') {
            return new Malformed("unknown Socket.IO packet type: " + snippet(s));
        }
        if (type == '5' || type == '6') {
            return new Ignored(type == '5' ? "Socket.IO BINARY_EVENT" : "Socket.IO BINARY_ACK");
        }
        int i = 1;
        String namespace = MAIN_NAMESPACE;
        if (i < s.length() && s.charAt(i) == '/') {
            int comma = s.indexOf(',', i);
            int end = comma < 0 ? s.length() : comma;
            namespace = s.substring(i, end);
            i = comma < 0 ? end : comma + 1;
        }
        int digitsStart = i;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && i - digitsStart < MAX_ACK_ID_DIGITS) {
            i++;
        }
        long ackId = i > digitsStart ? Long.parseLong(s.substring(digitsStart, i)) : -1;
        String payload = s.substring(i);
        return switch (type) {
            case '0' -> decodeConnect(namespace, payload);
            case '1' -> new Disconnected(namespace);
            case '2' -> decodeEvent(namespace, ackId, payload);
            case '3' -> new Ignored("Socket.IO ACK");
            default -> decodeConnectError(namespace, payload);
        };
    }

    private static Packet decodeConnect(String namespace, String payload) {
        JsonValue v = payload.isEmpty() ? JsonValue.EMPTY_JSON_OBJECT : parse(payload);
        if (!(v instanceof JsonObject o)) {
            return new Malformed("Socket.IO CONNECT without a JSON object: " + snippet(payload));
        }
        return new Connected(namespace, o.get("sid") instanceof JsonString sid ? sid.getString() : "");
    }

    private static Packet decodeEvent(String namespace, long ackId, String payload) {
        JsonValue v = parse(payload);
        if (!(v instanceof JsonArray array) || array.isEmpty() || !(array.get(0) instanceof JsonString name)) {
            return new Malformed("Socket.IO EVENT without [\"name\", ...]: " + snippet(payload));
        }
        return new Event(namespace, ackId, name.getString(), array.subList(1, array.size()));
    }

    private static Packet decodeConnectError(String namespace, String payload) {
        JsonValue v = payload.isEmpty() ? JsonValue.NULL : parse(payload);
        if (v == null) {
            return new ConnectError(namespace, "unreadable error: " + snippet(payload), JsonValue.NULL);
        }
        String message;
        if (v instanceof JsonObject o && o.get("message") instanceof JsonString m) {
            message = m.getString();
        } else if (v instanceof JsonString m) {
            message = m.getString();
        } else {
            message = "connection refused";
        }
        return new ConnectError(namespace, message, v);
    }

    /** Socket.IO CONNECT on the main namespace, with the auth payload {@code {"token": ...}} when there is a token. */
    static String encodeConnect(String token) {
        if (token == null || token.isEmpty()) {
            return "40";
        }
        return "40" + JSON.createObjectBuilder().add("token", token).build();
    }

    /** Socket.IO EVENT on the main namespace, without an ack id. */
    static String encodeEvent(String name, JsonValue... args) {
        var array = JSON.createArrayBuilder().add(name);
        for (JsonValue arg : args) {
            array.add(arg);
        }
        return "42" + array.build();
    }

    /** {@code subscribe_queue}, which joins the queue's room. */
    static String subscribeQueue(String queueId) {
        return encodeEvent(
                "subscribe_queue",
                JSON.createObjectBuilder().add("queue_id", queueId).build());
    }

    /** Parses exactly one JSON text, or returns {@code null}. */
    private static JsonValue parse(String json) {
        if (json.isEmpty()) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(new StringReader(json))) {
            parser.next();
            JsonValue value = parser.getValue();
            return parser.hasNext() ? null : value; // trailing content makes the packet malformed
        } catch (RuntimeException e) { // JsonException, and anything else a parser may throw on hostile input
            return null;
        }
    }

    private static long positiveLong(JsonObject o, String key, long fallback) {
        if (o.get(key) instanceof JsonNumber n) {
            long v = n.longValue();
            return v > 0 ? v : fallback;
        }
        return fallback;
    }

    /** A short prefix of untrusted input for diagnostics, so a huge message never floods a log line. */
    static String snippet(String s) {
        return s.length() <= SNIPPET ? s : s.substring(0, SNIPPET) + "...(" + s.length() + " chars)";
    }
}
