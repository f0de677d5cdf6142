package org.vernissage.showcontrol.oscquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OSCQuery server over real sockets on 127.0.0.1, fed by a real conductor, outbox and outbox
 * agent ({@link OscQueryRig}): the JDK's HTTP client reads the namespace (types, ranges, current
 * values, attribute queries, HOST_INFO, refusals); the JDK's WebSocket client LISTENs and gets
 * changes as binary OSC frames, and stops getting them after IGNORE; the conductor posts nothing
 * while nobody wants values.
 */
class OscQueryServerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final String LEVEL = "/vernissage/tide/level";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();
    private OscQueryRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new OscQueryRig(List.of(new OscQueryMethod("/go", "", "runs the cue at the playhead"),
                new OscQueryMethod("/cue/start", "s", "starts a cue by number")));
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(rig.base() + pathAndQuery)).timeout(PATIENCE).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String pathAndQuery) throws Exception {
        HttpResponse<String> response = get(pathAndQuery);
        assertEquals(200, response.statusCode(), pathAndQuery + ": " + response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        return json.readTree(response.body());
    }

    @Test
    void theNamespaceListsEveryParameterWithTypeRangeAndCurrentValue() throws Exception {
        JsonNode root = getJson("/");
        assertEquals("/", root.get("FULL_PATH").asText());
        JsonNode tide = root.at("/CONTENTS/vernissage/CONTENTS/tide");
        assertEquals("/vernissage/tide", tide.get("FULL_PATH").asText());
        assertEquals("Tide", tide.get("DESCRIPTION").asText());
        assertEquals(List.of("level", "waves", "calm", "centre", "tint", "flash"), fieldNames(tide.get("CONTENTS")));

        JsonNode level = tide.at("/CONTENTS/level");
        assertEquals(LEVEL, level.get("FULL_PATH").asText());
        assertEquals("f", level.get("TYPE").asText());
        assertEquals(3, level.get("ACCESS").asInt());
        assertEquals(0.0, level.at("/RANGE/0/MIN").asDouble());
        assertEquals(1.0, level.at("/RANGE/0/MAX").asDouble());
        assertEquals(0.25, level.at("/VALUE/0").asDouble(), 1e-6);
        assertEquals("how high the tide is", level.get("DESCRIPTION").asText());
        assertNull(level.get("UNIT"), "no unit declared, none listed");

        JsonNode waves = tide.at("/CONTENTS/waves");
        assertEquals("i", waves.get("TYPE").asText());
        assertTrue(waves.at("/VALUE/0").isInt(), waves.toString());
        assertEquals(3, waves.at("/VALUE/0").asInt());
        assertEquals(10, waves.at("/RANGE/0/MAX").asInt());
        assertEquals("waves", waves.at("/UNIT/0").asText());

        JsonNode calm = tide.at("/CONTENTS/calm");
        assertEquals("T", calm.get("TYPE").asText());
        assertTrue(calm.at("/VALUE/0").isBoolean());
        assertFalse(calm.at("/VALUE/0").asBoolean());

        JsonNode centre = tide.at("/CONTENTS/centre");
        assertEquals("ff", centre.get("TYPE").asText());
        assertEquals(2, centre.get("RANGE").size());
        assertEquals(-1.0, centre.at("/RANGE/1/MIN").asDouble());
        assertEquals(0.5, centre.at("/VALUE/1").asDouble(), 1e-6);

        JsonNode tint = tide.at("/CONTENTS/tint");
        assertEquals("ffff", tint.get("TYPE").asText());
        assertEquals(4, tint.get("VALUE").size());
        assertEquals(0.3, tint.at("/VALUE/2").asDouble(), 1e-6);

        JsonNode flash = tide.at("/CONTENTS/flash");
        assertEquals("I", flash.get("TYPE").asText());
        assertEquals(2, flash.get("ACCESS").asInt(), "a trigger is write-only");
        assertNull(flash.get("VALUE"));

        JsonNode go = root.at("/CONTENTS/go");
        assertEquals("/go", go.get("FULL_PATH").asText());
        assertEquals(2, go.get("ACCESS").asInt());
        assertEquals("s", root.at("/CONTENTS/cue/CONTENTS/start/TYPE").asText());
    }

    @Test
    void aValueSetInTheShowIsWhatTheNextReadSays() throws Exception {
        rig.set(OscQueryRig.LEVEL, 0.75f);
        rig.set(OscQueryRig.WAVES, 42f); // clamped by the conductor to the range's 10
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode value;
        do {
            value = getJson(LEVEL + "?VALUE");
        } while (value.at("/VALUE/0").asDouble() != 0.75 && System.nanoTime() < deadline);
        assertEquals(List.of("VALUE"), fieldNames(value), "an attribute query answers that attribute alone");
        assertEquals(0.75, value.at("/VALUE/0").asDouble(), 1e-6);
        assertEquals(10, getJson("/vernissage/tide/waves?VALUE").at("/VALUE/0").asInt());
        assertEquals("f", getJson(LEVEL + "?TYPE").get("TYPE").asText());
        assertEquals(1.0, getJson(LEVEL + "?RANGE").at("/RANGE/0/MAX").asDouble());
    }

    @Test
    void hostInfoNamesTheOscPortAndTheExtensions() throws Exception {
        JsonNode info = getJson("/?HOST_INFO");
        assertEquals("Vernissage: Tide", info.get("NAME").asText());
        assertEquals(9000, info.get("OSC_PORT").asInt());
        assertEquals("UDP", info.get("OSC_TRANSPORT").asText());
        assertEquals("127.0.0.1", info.get("OSC_IP").asText());
        assertTrue(info.at("/EXTENSIONS/LISTEN").asBoolean());
        assertTrue(info.at("/EXTENSIONS/VALUE").asBoolean());
        assertTrue(info.at("/EXTENSIONS/PATH_ADDED").asBoolean());
        assertTrue(info.at("/EXTENSIONS/PATH_REMOVED").asBoolean());
        assertFalse(info.at("/EXTENSIONS/PATH_RENAMED").asBoolean());
    }

    @Test
    void unknownPathsAndAttributesAreRefusedWithAReason() throws Exception {
        HttpResponse<String> missing = get("/vernissage/tide/nothing");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("/vernissage/tide/nothing is not in the namespace"), missing.body());
        HttpResponse<String> badAttribute = get(LEVEL + "?LOUDNESS");
        assertEquals(400, badAttribute.statusCode());
        assertTrue(badAttribute.body().contains("?LOUDNESS is not an attribute"), badAttribute.body());
        assertEquals(204, get(LEVEL + "?UNIT").statusCode(), "a known attribute the node lacks: no content");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(rig.base() + LEVEL))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).timeout(PATIENCE).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals(1, rig.server.stats().notFound());
        assertEquals(2, rig.server.stats().badRequests());
        assertEquals(200, get("/").statusCode(), "the server goes on");
    }

    @Test
    void followedMethodsChangeTheNamespaceAndAListThatCollidesIsRefusedWhole() throws Exception {
        rig.close();
        AtomicReference<List<OscQueryMethod>> listed =
                new AtomicReference<>(List.of(new OscQueryMethod("/cue/1/start", "", "starts cue 1")));
        AtomicLong generation = new AtomicLong();
        rig = new OscQueryRig(List.of(), new OscQueryMethods() {
            @Override
            public long generation() {
                return generation.get();
            }

            @Override
            public List<OscQueryMethod> methods() {
                return listed.get();
            }
        });
        assertEquals(2, getJson("/cue/1/start").get("ACCESS").asInt(), "listed from the start");
        Texts texts = new Texts();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + rig.server.port() + "/"),
                texts).get(5, TimeUnit.SECONDS);
        try {
            // A method at a parameter's path cannot be listed: the namespace stays as it was.
            listed.set(List.of(new OscQueryMethod(LEVEL, "f", "collides")));
            generation.incrementAndGet();
            assertNull(texts.received.poll(2_500, TimeUnit.MILLISECONDS), "nothing changed, nothing said");
            assertEquals(2, getJson("/cue/1/start").get("ACCESS").asInt(), "the last good namespace");

            listed.set(List.of(new OscQueryMethod("/cue/2/start", "", "starts cue 2")));
            generation.incrementAndGet();
            List<String> said = List.of(texts.next(), texts.next(), texts.next(), texts.next());
            assertEquals(List.of("PATH_REMOVED /cue/1/start", "PATH_REMOVED /cue/1", "PATH_ADDED /cue/2",
                    "PATH_ADDED /cue/2/start"), said);
            assertEquals(404, get("/cue/1/start").statusCode());
            assertEquals(2, getJson("/cue/2/start").get("ACCESS").asInt());
            assertEquals(0.25, getJson(LEVEL).at("/VALUE/0").asDouble(), 1e-6);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    /** Collects the JSON commands a WebSocket receives as text, as "COMMAND DATA". */
    private final class Texts implements WebSocket.Listener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode command = json.readTree(partial.toString());
                    received.add(command.get("COMMAND").asText() + " " + command.get("DATA").asText());
                } catch (Exception e) {
                    received.add("unreadable: " + partial);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        String next() throws InterruptedException {
            String text = received.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                throw new AssertionError("no command within " + PATIENCE);
            }
            return text;
        }
    }

    @Test
    void aListenerGetsEachChangeAsAnOscFrameUntilItIgnores() throws Exception {
        Frames frames = new Frames();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + rig.server.port() + "/"),
                frames).get(5, TimeUnit.SECONDS);
        try {
            socket.sendText("{\"COMMAND\":\"LISTEN\",\"DATA\":\"" + LEVEL + "\"}", true).get(5, TimeUnit.SECONDS);
            Osc message = frames.next();
            assertEquals(LEVEL, message.address);
            assertEquals(0.25f, message.buffer.getFloat(message.argumentsAt), "LISTEN brings the current value first");
            awaitDemand();
            rig.set(OscQueryRig.LEVEL, 0.5f);
            message = frames.next();
            assertEquals(LEVEL, message.address);
            assertEquals(",f", message.tags);
            assertEquals(0.5f, message.buffer.getFloat(message.argumentsAt));
            rig.set(OscQueryRig.CALM, 1f); // not listened to: no frame for it
            rig.set(OscQueryRig.LEVEL, 0.625f);
            message = frames.next();
            assertEquals(LEVEL, message.address);
            assertEquals(0.625f, message.buffer.getFloat(message.argumentsAt));

            socket.sendText("{\"COMMAND\":\"IGNORE\",\"DATA\":\"" + LEVEL + "\"}", true).get(5, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (rig.demand.wanted() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertFalse(rig.demand.wanted(), "nobody listens and nobody read over HTTP: no values wanted");
            rig.set(OscQueryRig.LEVEL, 0.875f);
            assertNull(frames.received.poll(300, TimeUnit.MILLISECONDS), "no frame after IGNORE");

            socket.sendText("{\"COMMAND\":\"LISTEN\",\"DATA\":\"/vernissage/tide/nothing\"}", true);
            socket.sendText("not json", true);
            socket.sendText("{\"COMMAND\":\"DANCE\"}", true);
            deadline = System.nanoTime() + PATIENCE.toNanos();
            while (rig.server.stats().badCommands() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(3, rig.server.stats().badCommands());
            assertEquals(2, rig.server.stats().commands());
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Test
    void theConductorPostsNothingWhileNobodyWantsValues() throws Exception {
        for (int i = 1; i <= 20; i++) {
            rig.set(OscQueryRig.LEVEL, i / 20f);
            Thread.sleep(5); // several frames pass
        }
        assertEquals(0, rig.outbox.posted(), "no one listens: the outbox carries nothing for OSCQuery");
        getJson(LEVEL);
        assertTrue(rig.outbox.posted() >= OscQueryRig.LAYOUT.slotCount() + 1,
                "a read asks for one full report (every slot and its end marker): " + rig.outbox.posted());
        long afterReport = rig.outbox.posted();
        Thread.sleep(50); // ten frames with nothing changing
        assertEquals(afterReport, rig.outbox.posted(), "then only changes are posted");
        rig.set(OscQueryRig.CENTRE + 1, 0.125f);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (rig.outbox.posted() == afterReport && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        Thread.sleep(30);
        assertEquals(afterReport + 1, rig.outbox.posted(), "one changed slot: one envelope");
    }

    @Test
    void aConsoleThatDisappearsMidSubscriptionLeavesTheOthersListening() throws Exception {
        Frames staying = new Frames();
        Frames leaving = new Frames();
        URI uri = URI.create("ws://127.0.0.1:" + rig.server.port() + "/");
        WebSocket stays = http.newWebSocketBuilder().buildAsync(uri, staying).get(5, TimeUnit.SECONDS);
        WebSocket leaves = http.newWebSocketBuilder().buildAsync(uri, leaving).get(5, TimeUnit.SECONDS);
        try {
            String listen = "{\"COMMAND\":\"LISTEN\",\"DATA\":\"" + LEVEL + "\"}";
            stays.sendText(listen, true).get(5, TimeUnit.SECONDS);
            leaves.sendText(listen, true).get(5, TimeUnit.SECONDS);
            Osc first = staying.next();
            assertEquals(0.25f, first.buffer.getFloat(first.argumentsAt));
            first = leaving.next();
            assertEquals(0.25f, first.buffer.getFloat(first.argumentsAt));
            leaves.abort(); // gone without a close frame, as a tablet leaving the Wi-Fi
            rig.set(OscQueryRig.LEVEL, 0.5f);
            Osc message = staying.next();
            assertEquals(0.5f, message.buffer.getFloat(message.argumentsAt));
            assertTrue(rig.demand.wanted());
            stays.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (rig.demand.wanted() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertFalse(rig.demand.wanted(), "every listener gone: no values wanted");
            assertEquals(200, get("/").statusCode(), "the server goes on");
        } finally {
            stays.abort();
        }
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAndTheOthersServed() throws Exception {
        List<java.net.Socket> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < OscQueryServer.MAX_CONNECTIONS; i++) {
                open.add(new java.net.Socket("127.0.0.1", rig.server.port()));
            }
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            try (java.net.Socket extra = new java.net.Socket("127.0.0.1", rig.server.port())) {
                extra.setSoTimeout(5_000);
                assertEquals(-1, extra.getInputStream().read(), "one too many: closed unanswered");
            }
            while (rig.server.stats().connectionsRefused() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, rig.server.stats().connectionsRefused());
            java.net.Socket first = open.remove(0);
            first.getOutputStream().write("GET /?HOST_INFO HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            first.setSoTimeout(5_000);
            String answer = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            first.close();
        } finally {
            for (java.net.Socket socket : open) {
                socket.close();
            }
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) { // once the closes are seen, room again
            status = get("/").statusCode();
        }
        assertEquals(200, status);
    }

    private void awaitDemand() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!(rig.demand.wanted() && rig.server.outboxListener() instanceof ParameterMirror mirror
                && mirror.freshFor(rig.demand.generation())) && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** One OSC message read from a binary frame: address, type tags, where the arguments start. */
    private record Osc(String address, String tags, ByteBuffer buffer, int argumentsAt) {
        static Osc parse(ByteBuffer buffer) {
            String address = string(buffer, 0);
            int tagsAt = padded(address.length() + 1);
            String tags = string(buffer, tagsAt);
            return new Osc(address, tags, buffer, tagsAt + padded(tags.length() + 1));
        }

        private static String string(ByteBuffer buffer, int at) {
            int end = at;
            while (buffer.get(end) != 0) {
                end++;
            }
            byte[] bytes = new byte[end - at];
            buffer.get(at, bytes);
            return new String(bytes, StandardCharsets.US_ASCII);
        }

        private static int padded(int length) {
            return (length + 3) & ~3;
        }
    }

    /** Collects the binary frames a WebSocket receives. */
    private static final class Frames implements WebSocket.Listener {
        final BlockingQueue<ByteBuffer> received = new LinkedBlockingQueue<>();
        private ByteBuffer partial = ByteBuffer.allocate(0);

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            ByteBuffer joined = ByteBuffer.allocate(partial.remaining() + data.remaining());
            joined.put(partial).put(data).flip();
            partial = last ? ByteBuffer.allocate(0) : joined;
            if (last) {
                received.add(joined);
            }
            webSocket.request(1);
            return null;
        }

        Osc next() throws InterruptedException {
            ByteBuffer frame = received.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no OSC frame within " + PATIENCE);
            }
            return Osc.parse(frame);
        }
    }
}
