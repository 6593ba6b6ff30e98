package io.invokeai.client.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.invokeai.client.core.events.SocketIoCodec.ConnectError;
import io.invokeai.client.core.events.SocketIoCodec.Connected;
import io.invokeai.client.core.events.SocketIoCodec.Disconnected;
import io.invokeai.client.core.events.SocketIoCodec.EngineClose;
import io.invokeai.client.core.events.SocketIoCodec.Event;
import io.invokeai.client.core.events.SocketIoCodec.Ignored;
import io.invokeai.client.core.events.SocketIoCodec.Malformed;
import io.invokeai.client.core.events.SocketIoCodec.Noop;
import io.invokeai.client.core.events.SocketIoCodec.Open;
import io.invokeai.client.core.events.SocketIoCodec.Packet;
import io.invokeai.client.core.events.SocketIoCodec.Ping;
import io.invokeai.client.core.events.SocketIoCodec.Pong;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SocketIoCodecTest {

    @Test
    void parsesTheEngineIoOpenPacketOfPythonEngineIo() {
        Packet p = SocketIoCodec.decode(
                "0{\"sid\":\"lfo6fPSj8w8oQ0xvAAAA\",\"upgrades\":[],\"pingTimeout\":20000,\"pingInterval\":25000,"
                        + "\"maxPayload\":1000000}");

        assertThat(p).isEqualTo(new Open("lfo6fPSj8w8oQ0xvAAAA", 25_000, 20_000, 1_000_000));
    }

    @Test
    void openFallsBackToPythonEngineIoDefaultsForMissingOrInvalidTimings() {
        Packet p = SocketIoCodec.decode("0{\"sid\":\"x\",\"pingInterval\":-5,\"pingTimeout\":\"soon\"}");

        assertThat(p).isEqualTo(new Open("x", 25_000, 20_000, 1_000_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0not json", "0[1,2]", "0\"str\"", "0{\"sid\":"})
    void anOpenWithoutAJsonObjectIsMalformed(String text) {
        assertThat(SocketIoCodec.decode(text)).isInstanceOf(Malformed.class);
    }

    @Test
    void parsesTheEngineIoControlPackets() {
        assertThat(SocketIoCodec.decode("1")).isEqualTo(new EngineClose());
        assertThat(SocketIoCodec.decode("2")).isEqualTo(new Ping(""));
        assertThat(SocketIoCodec.decode("2probe")).isEqualTo(new Ping("probe"));
        assertThat(SocketIoCodec.decode("3")).isEqualTo(new Pong(""));
        assertThat(SocketIoCodec.decode("5")).isInstanceOf(Ignored.class);
        assertThat(SocketIoCodec.decode("6")).isEqualTo(new Noop());
    }

    @Test
    void parsesSocketIoConnectAndDisconnect() {
        assertThat(SocketIoCodec.decode("40{\"sid\":\"wZX3oN0bSVIhsaknAAAI\"}"))
                .isEqualTo(new Connected("/", "wZX3oN0bSVIhsaknAAAI"));
        assertThat(SocketIoCodec.decode("40")).isEqualTo(new Connected("/", ""));
        assertThat(SocketIoCodec.decode("40/admin,{\"sid\":\"a\"}")).isEqualTo(new Connected("/admin", "a"));
        assertThat(SocketIoCodec.decode("41")).isEqualTo(new Disconnected("/"));
        assertThat(SocketIoCodec.decode("41/admin,")).isEqualTo(new Disconnected("/admin"));
    }

    @Test
    void parsesAnInvokeAiEvent() {
        Packet p = SocketIoCodec.decode("42[\"queue_item_status_changed\",{\"queue_id\":\"default\",\"item_id\":7,"
                + "\"status\":\"completed\",\"batch_status\":{\"completed\":1},\"error_type\":null}]");

        assertThat(p).isInstanceOf(Event.class);
        Event e = (Event) p;
        assertThat(e.namespace()).isEqualTo("/");
        assertThat(e.ackId()).isEqualTo(-1);
        assertThat(e.name()).isEqualTo("queue_item_status_changed");
        JsonObject payload = e.payload();
        assertThat(payload.getInt("item_id")).isEqualTo(7);
        assertThat(payload.getString("status")).isEqualTo("completed");
        assertThat(payload.getJsonObject("batch_status").getInt("completed")).isEqualTo(1);
        assertThat(payload.isNull("error_type")).isTrue();
    }

    @Test
    void eventPayloadsMayHoldBracketsQuotesCommasEscapesAndUnicode() {
        String message = "a [bracketed], \"quoted\" {braced} text\\ with ünïcödé ✓ 🎨 and a\nnewline";
        String json = Json.createArrayBuilder()
                .add("invocation_error")
                .add(Json.createObjectBuilder()
                        .add("error_message", message)
                        .add(
                                "nested",
                                Json.createArrayBuilder().add("]").add("[").add("\",\"")))
                .build()
                .toString();

        Event e = (Event) SocketIoCodec.decode("42" + json);

        assertThat(e.name()).isEqualTo("invocation_error");
        assertThat(e.payload().getString("error_message")).isEqualTo(message);
        assertThat(e.payload().getJsonArray("nested").getString(2)).isEqualTo("\",\"");
    }

    @Test
    void parsesRawJsonEscapesAndSurrogatePairs() {
        Event e = (Event) SocketIoCodec.decode("42[\"n\",{\"s\":\"\\u00fc\\ud83c\\udfa8 \\\"x\\\" ]\"}]");

        assertThat(e.payload().getString("s")).isEqualTo("ü🎨 \"x\" ]");
    }

    @Test
    void aBigBase64PreviewSurvives() {
        String dataUrl = "data:image/jpeg;base64," + "A".repeat(2_000_000);
        Event e = (Event) SocketIoCodec.decode("42[\"invocation_progress\",{\"image\":{\"width\":64,\"height\":64,"
                + "\"dataURL\":\"" + dataUrl + "\"},\"percentage\":0.5}]");

        assertThat(e.payload().getJsonObject("image").getString("dataURL")).hasSize(dataUrl.length());
    }

    @Test
    void eventsWithANamespaceOrAnAckIdAreParsed() {
        Event withAck = (Event) SocketIoCodec.decode("4212[\"ev\",{\"a\":1}]");
        assertThat(withAck.ackId()).isEqualTo(12);
        assertThat(withAck.payload().getInt("a")).isEqualTo(1);

        Event namespaced = (Event) SocketIoCodec.decode("42/admin,3[\"ev\",{}]");
        assertThat(namespaced.namespace()).isEqualTo("/admin");
        assertThat(namespaced.ackId()).isEqualTo(3);
    }

    @Test
    void anEventWithoutAnObjectArgumentHasAnEmptyPayload() {
        Event none = (Event) SocketIoCodec.decode("42[\"ping_me\"]");
        assertThat(none.payload()).isEmpty();
        assertThat(none.args()).isEmpty();

        Event scalar = (Event) SocketIoCodec.decode("42[\"n\",\"text\",2]");
        assertThat(scalar.payload()).isEmpty();
        assertThat(scalar.args()).hasSize(2);
        assertThat(((JsonString) scalar.args().get(0)).getString()).isEqualTo("text");
    }

    @Test
    void parsesConnectErrors() {
        ConnectError rejected =
                (ConnectError) SocketIoCodec.decode("44{\"message\":\"Connection rejected by server\"}");
        assertThat(rejected.namespace()).isEqualTo("/");
        assertThat(rejected.message()).isEqualTo("Connection rejected by server");

        ConnectError withData = (ConnectError) SocketIoCodec.decode("44{\"message\":\"no\",\"data\":{\"code\":401}}");
        assertThat(withData.message()).isEqualTo("no");
        assertThat(withData.data().asJsonObject().getJsonObject("data").getInt("code"))
                .isEqualTo(401);

        assertThat(((ConnectError) SocketIoCodec.decode("44\"Unable to connect\"")).message())
                .isEqualTo("Unable to connect");
        assertThat(((ConnectError) SocketIoCodec.decode("44")).message()).isEqualTo("connection refused");
        assertThat(((ConnectError) SocketIoCodec.decode("44{oops")).message()).startsWith("unreadable error");
    }

    @Test
    void acksAndBinaryPacketsAreIgnored() {
        assertThat(SocketIoCodec.decode("431[\"ok\"]")).isInstanceOf(Ignored.class);
        assertThat(SocketIoCodec.decode("451-[\"ev\",{\"_placeholder\":true,\"num\":0}]"))
                .isInstanceOf(Ignored.class);
        assertThat(SocketIoCodec.decode("461-0[{\"_placeholder\":true,\"num\":0}]"))
                .isInstanceOf(Ignored.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "7",
                "x",
                "4",
                "49",
                "4x",
                "42",
                "42[",
                "42[]",
                "42[1,2]",
                "42{\"name\":\"x\"}",
                "42[\"a\",{]",
                "42[\"a\"]trailing",
                "40[1]",
                "40/admin",
                "42/admin,",
                "4299999999999999999999999[\"a\"]"
            })
    void malformedInputNeverThrows(String text) {
        Packet p = SocketIoCodec.decode(text);

        assertThat(p).isNotNull();
        if (!text.equals("40/admin")) { // a CONNECT to a namespace without a payload is well-formed
            assertThat(p).isInstanceOf(Malformed.class);
        }
    }

    @Test
    void nullInputIsMalformed() {
        assertThat(SocketIoCodec.decode(null)).isInstanceOf(Malformed.class);
    }

    @Test
    void malformedReasonsQuoteOnlyAShortPrefix() {
        Malformed m = (Malformed) SocketIoCodec.decode("42[" + "x".repeat(10_000));

        assertThat(m.reason()).hasSizeLessThan(200).contains("10001 chars");
    }

    @Test
    void encodesConnectWithAndWithoutAToken() {
        assertThat(SocketIoCodec.encodeConnect(null)).isEqualTo("40");
        assertThat(SocketIoCodec.encodeConnect("")).isEqualTo("40");
        assertThat(SocketIoCodec.encodeConnect("ey.J\"x\\")).isEqualTo("40{\"token\":\"ey.J\\\"x\\\\\"}");
    }

    @Test
    void encodesEventsAndTheQueueSubscription() {
        assertThat(SocketIoCodec.subscribeQueue("default"))
                .isEqualTo("42[\"subscribe_queue\",{\"queue_id\":\"default\"}]");
        assertThat(SocketIoCodec.encodeEvent("n", JsonValue.TRUE, Json.createValue("ü")))
                .isEqualTo("42[\"n\",true,\"ü\"]");
        assertThat(SocketIoCodec.PONG).isEqualTo("3");
        assertThat(SocketIoCodec.DISCONNECT).isEqualTo("41");
    }

    @Test
    void encodedEventsRoundTrip() {
        JsonObject payload =
                Json.createObjectBuilder().add("s", "[\"]},{").add("n", 1.5).build();

        Event e = (Event) SocketIoCodec.decode(SocketIoCodec.encodeEvent("x", payload));

        assertThat(e.name()).isEqualTo("x");
        assertThat(e.payload()).isEqualTo(payload);
    }
}
