package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.osc.OscWriter;
import org.vernissage.sensors.phone.PhoneServerSettings;
import org.vernissage.sensors.phone.PhoneTestFrames;
import org.vernissage.sensors.phone.RawWebSocket;
import org.vernissage.sensors.phone.TestPhone;
import org.vernissage.showcontrol.control.ControlSettings;

/**
 * The audience cannot reach the show's control: a real Tidewater run with the phones' server, the
 * control port and a cue list. Phones send well-formed frames of every kind (which move only the
 * parameters bound to phones) and crafted ones (random bytes, OSC control and parameter messages
 * as binary and text, frames with OSC appended, oversized, fragments, upgrades on other paths),
 * and plain HTTP asks the phones' port for the console's and the control's routes. Then: no cue
 * ran (hue, which only cue 1 moves here and no phone is bound to, never left its default in any
 * frame, and the first GO from the real control port still runs cue 1, not cue 2), the phones'
 * port answered 404 for every control route, and, as a check that the watching works, that GO
 * then shows in the frames.
 */
class AudienceIsolationTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");
    private static final int ENERGY = 0;
    private static final int HUE = 1;
    private static final float ENERGY_DEFAULT = 0.35f;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    @Test
    void phonesReachOnlyTheParametersTheyAreBoundToAndNeverACue() throws Exception {
        Path artwork = TidewaterCopy.withCues(folder, """
                { "cues": [ { "number": "1", "name": "Amber", "targets": { "hue": 0.9 } },
                            { "number": "2", "name": "Rose", "targets": { "hue": 0.5 } } ] }
                """);
        int controlPort = ControlPortPeer.freePort();
        AtomicLong frames = new AtomicLong();
        AtomicReference<Float> hueMoved = new AtomicReference<>();
        AtomicReference<float[]> last = new AtomicReference<>(new float[0]);
        FrameListener watcher = (frame, parameters, image) -> {
            float[] values = new float[parameters.slotCount()];
            parameters.copyValuesInto(values);
            if (values[HUE] != 0f && hueMoved.get() == null) {
                hueMoved.set(values[HUE]);
            }
            last.set(values);
            frames.incrementAndGet();
        };
        try (DatagramChannel replies = DatagramChannel.open(StandardProtocolFamily.INET)
                .bind(new InetSocketAddress("127.0.0.1", 0));
             HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            int replyPort = ((InetSocketAddress) replies.getLocalAddress()).getPort();
            RunOptions options = RunOptions.defaults(artwork).withSize(new FrameSize(64, 36)).withFramesPerSecond(60)
                    .withSensors(SensorOptions.defaults().withOsc(List.of()).withPhones("127.0.0.1", 0))
                    .withControl(new ControlSettings("127.0.0.1", controlPort, replyPort, Optional.empty(), 4));
            try (BackgroundRun playing = BackgroundRun.start(options, List.of(watcher))) {
                String inputs = playing.run().sources().orElseThrow().describe();
                int phones = Integer.parseInt(inputs.replaceAll("(?s).*phones at http://127\\.0\\.0\\.1:(\\d+)/.*", "$1"));
                await(() -> frames.get() > 5, "the run renders");

                wellFormedFramesOfEveryKind(http, phones);
                craftedFrames(http, phones);
                craftedConnections(phones);
                controlRoutesAreNotThere(http, phones);

                long seen = frames.get();
                await(() -> frames.get() > seen + 30, "half a second more of frames");
                assertEquals(null, hueMoved.get(), "hue (no phone binding; only cue 1 moves it) never moved");
                assertTrue(last.get()[ENERGY] != ENERGY_DEFAULT,
                        "the phones did reach what they are bound to: energy " + last.get()[ENERGY]);

                // The cue stage's state stayed put: the first GO runs cue 1 (a GO smuggled in by a phone
                // would have run cue 1 already, and this one would run cue 2) ...
                ControlPortPeer.oscsend(controlPort, "/go");
                JsonNode go = ControlPortPeer.reply(replies, "/reply/go");
                assertEquals("ok", go.get("status").asText(), go.toString());
                assertEquals("1", go.get("data").get("cue").asText(), go.toString());
                // ... and the watching sees a cue when one runs.
                await(() -> hueMoved.get() != null, "cue 1 shows in the frames");
                assertEquals(0.9f, hueMoved.get(), 1e-6f);
                playing.run().requestStop();
                playing.awaitEnd(10);
                String console = playing.console();
                assertTrue(console.contains("control udp+tcp 127.0.0.1:" + controlPort + ": 1 commands"), console);
            }
        }
    }

    /** Touches, orientation, motion, all three at once, a keep-alive: the page's vocabulary. */
    private static void wellFormedFramesOfEveryKind(HttpClient http, int port) throws Exception {
        try (TestPhone phone = TestPhone.join(http, port)) {
            for (int i = 0; i < 20; i++) {
                phone.send(PhoneTestFrames.frame().touches(0, 0.2f, 0.3f, 1, 0.8f, 0.7f));
                phone.send(PhoneTestFrames.frame().orientation(120, 45, 30));
                phone.send(PhoneTestFrames.frame().motion(9, 9, 9));
                phone.send(PhoneTestFrames.frame().touches().orientation(10, -20, -60).motion(-5, 4, 3));
                phone.send(PhoneTestFrames.frame());
                Thread.sleep(60); // within the page's rate: these are meant to arrive
            }
            assertFalse(phone.isClosed(), "a well-behaved phone stays");
        }
    }

    /** Random bytes and OSC control and parameter messages, as binary and as text frames. */
    private static void craftedFrames(HttpClient http, int port) throws Exception {
        List<byte[]> osc = List.of(osc("/go"), osc("/cue/1/start"), osc("/workspace/tidewater/go"),
                osc("/cue/selected/start"), osc("/panic"), oscFloat("/vernissage/tidewater/hue", 0.9f),
                oscFloat("/tidewater/hue", 0.9f), oscFloat("/hue", 0.9f));
        Random random = new Random(20261205L);
        try (TestPhone phone = TestPhone.join(http, port)) {
            for (byte[] message : osc) {
                phone.send(message);
                phone.send(PhoneTestFrames.frame().raw(toInts(message)).bytes()); // a frame with OSC after it
                phone.send(PhoneTestFrames.frame().motion(1, 1, 1).raw(toInts(message)).bytes());
                Thread.sleep(50);
            }
            // Paced under the per-phone message rate, so that the decoder (not the rate limiter) meets them.
            for (int i = 0; i < 120; i++) {
                byte[] noise = new byte[1 + random.nextInt(PhoneServerSettings.DEFAULT_MAX_MESSAGE_BYTES)];
                random.nextBytes(noise);
                if (i % 2 == 0) {
                    noise[0] = 1; // past the version byte, into the records
                }
                phone.send(noise);
                Thread.sleep(17);
            }
            assertFalse(phone.isClosed(), "bad frames are refused one by one; the phone may stay");
        }
        for (byte[] message : osc) { // a text frame ends nothing but its own message
            try (TestPhone phone = TestPhone.join(http, port)) {
                phone.sendText(new String(message, StandardCharsets.ISO_8859_1));
                phone.sendText("/go");
                phone.sendText("{\"command\":\"go\",\"cue\":\"1\"}");
            }
        }
        try (TestPhone phone = TestPhone.join(http, port)) {
            byte[] huge = new byte[70_000];
            System.arraycopy(osc("/go"), 0, huge, 0, osc("/go").length);
            try {
                phone.send(huge);
            } catch (Exception closedWhileSending) {
                // the server closes an oversized message's connection (1009); it may do so mid-send
            }
            TestPhone.Closed closed = phone.awaitClosed();
            assertTrue(closed.code() == 1009 || closed.error() != null, "an oversized frame ends the connection: "
                    + closed);
        }
    }

    /** Raw WebSocket tricks: fragments carrying OSC, an upgrade on a path that is not /ws. */
    private static void craftedConnections(int port) throws Exception {
        try (RawWebSocket raw = RawWebSocket.open(port)) {
            raw.read(); // "joined"
            byte[] go = osc("/go");
            byte[] first = RawWebSocket.frame(RawWebSocket.BINARY, go);
            first[0] &= 0x7F; // not final: a fragment
            raw.writeRaw(first);
            raw.send(RawWebSocket.CONTINUATION, osc("/cue/1/start"));
            raw.send(RawWebSocket.PING, go);
            raw.sendClose(1000);
        }
        for (String path : List.of("/api/go", "/go", "/control", "/console", "/oscquery", "/ws/../api/go")) {
            try (RawWebSocket raw = RawWebSocket.connect(port, 0)) {
                raw.writeRaw(RawWebSocket.upgradeRequest().replace("GET /ws ", "GET " + path + " ")
                        .getBytes(StandardCharsets.US_ASCII));
                String head = raw.readHead();
                assertTrue(head.startsWith("HTTP/1.1 404"), path + ": " + head);
            }
        }
    }

    /** The console's and the control's routes, and OSCQuery's, on the phones' port: none is there. */
    private static void controlRoutesAreNotThere(HttpClient http, int port) throws Exception {
        for (String path : List.of("/api/status", "/api/preview.jpg", "/api/go", "/api/stop", "/api/panic", "/go",
                "/cue/1/start", "/workspace/tidewater/go", "/vernissage/tidewater/hue", "/index.html",
                "/tidewater", "/ws/go", "//api/status", "/%2e%2e/api/status")) {
            for (String method : List.of("GET", "POST")) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + path)).timeout(Duration.ofSeconds(5)).method(method, HttpRequest.BodyPublishers.noBody())
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(404, answer.statusCode(), method + " " + path + ": " + answer.body());
            }
        }
        // OSCQuery's queries are on "/": the phones' server answers them with its page, never a namespace.
        for (String query : List.of("/?HOST_INFO", "/?VALUE", "/vernissage?VALUE")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + query)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(answer.statusCode() == 404 || answer.headers().firstValue("content-type").orElse("")
                    .startsWith("text/html"), query + ": " + answer.statusCode() + " " + answer.body());
            assertFalse(answer.body().contains("CONTENTS") || answer.body().contains("OSC_PORT"), query);
        }
    }

    private static byte[] osc(String address) {
        ByteBuffer out = ByteBuffer.allocate(512);
        int length = new OscWriter().wrap(out).message(address).end().length();
        byte[] bytes = new byte[length];
        out.get(0, bytes);
        return bytes;
    }

    private static byte[] oscFloat(String address, float value) {
        ByteBuffer out = ByteBuffer.allocate(512);
        int length = new OscWriter().wrap(out).message(address).f(value).end().length();
        byte[] bytes = new byte[length];
        out.get(0, bytes);
        return bytes;
    }

    private static int[] toInts(byte[] bytes) {
        int[] ints = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ints[i] = bytes[i] & 0xFF;
        }
        return ints;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(5);
        }
    }
}
