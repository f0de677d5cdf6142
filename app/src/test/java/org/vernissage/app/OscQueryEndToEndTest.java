package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.render.FrameGrabber;
import org.vernissage.showcontrol.control.ControlSettings;

/**
 * {@code vernissage run --oscquery} end to end, headless, on 127.0.0.1: an HTTP client reads the
 * namespace (types, ranges, current values) and HOST_INFO names the run's UDP OSC port; a
 * WebSocket client LISTENs to a parameter; liblo's {@code oscsend} (a real OSC peer) sets it on
 * that port; the listener gets the new value as a binary OSC frame, the next HTTP read says it,
 * and the frames drawn show it. With a control port, HOST_INFO names it instead, the namespace lists
 * its commands, and a value sent there at the parameter's own address, or a cue started there,
 * moves the work.
 */
class OscQueryEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String ID = "tidal";
    private static final String LEVEL = "/vernissage/" + ID + "/level";

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aConsoleBrowsesListensAndSetsOverTheOscPortHostInfoNames() throws Exception {
        RunOptions options = RunOptions.defaults(artwork()).withSize(new FrameSize(32, 8)).withFramesPerSecond(60)
                .withOsc("127.0.0.1", 0).withOscQuery(new OscQueryOptions(Optional.of(0), "127.0.0.1", 0));
        FrameGrabber grabber = new FrameGrabber(32, 8, 2);
        try (BackgroundRun background = BackgroundRun.start(options, List.of(grabber))) {
            ArtworkRun run = background.run();
            String base = "http://127.0.0.1:" + run.oscQueryPort().orElseThrow();

            JsonNode info = get(base + "/?HOST_INFO");
            assertEquals(run.oscPort(), info.get("OSC_PORT").asInt(), "HOST_INFO names the run's OSC port");
            assertEquals("UDP", info.get("OSC_TRANSPORT").asText());

            JsonNode level = get(base + "/").at("/CONTENTS/vernissage/CONTENTS/" + ID + "/CONTENTS/level");
            assertEquals("f", level.get("TYPE").asText());
            assertEquals(0.0, level.at("/RANGE/0/MIN").asDouble());
            assertEquals(2.0, level.at("/RANGE/0/MAX").asDouble());
            assertEquals(0.5, level.at("/VALUE/0").asDouble(), 1e-6);
            JsonNode count = get(base + "/vernissage/" + ID + "/count");
            assertEquals("i", count.get("TYPE").asText());
            assertEquals(4, count.at("/VALUE/0").asInt());

            BlockingQueue<ByteBuffer> frames = new LinkedBlockingQueue<>();
            WebSocket socket = http.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + run.oscQueryPort().orElseThrow() + "/"), new Binary(frames))
                    .get(5, TimeUnit.SECONDS);
            try {
                socket.sendText("{\"COMMAND\":\"LISTEN\",\"DATA\":\"" + LEVEL + "\"}", true).get(5, TimeUnit.SECONDS);
                assertEquals(0.5f, floatOf(frames, LEVEL), "LISTEN brings the current value");

                oscsend(run.oscPort(), LEVEL, "f", "1.5");
                assertEquals(1.5f, floatOf(frames, LEVEL), "the change made over OSC is pushed");
                assertEquals(1.5, get(base + LEVEL + "?VALUE").at("/VALUE/0").asDouble(), 1e-6);
                awaitFrameWith(grabber, 1.5f);
            } finally {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void withAControlPortHostInfoNamesItAndTheNamespaceListsItsCommands() throws Exception {
        Path artwork = artwork();
        Files.writeString(artwork.resolve("cues.json"), """
                { "cues": [ { "number": "1", "name": "High", "targets": { "level": 1.75 } } ] }
                """);
        int control = ControlPortPeer.freePort();
        RunOptions options = RunOptions.defaults(artwork).withSize(new FrameSize(32, 8)).withFramesPerSecond(60)
                .withOsc("127.0.0.1", 0).withOscQuery(new OscQueryOptions(Optional.of(0), "127.0.0.1", 0))
                .withControl(new ControlSettings("127.0.0.1", control, ControlPortPeer.freePort(), Optional.empty(), 4));
        FrameGrabber grabber = new FrameGrabber(32, 8, 2);
        try (BackgroundRun background = BackgroundRun.start(options, List.of(grabber))) {
            String base = "http://127.0.0.1:" + background.run().oscQueryPort().orElseThrow();
            assertEquals(control, get(base + "/?HOST_INFO").get("OSC_PORT").asInt(), "HOST_INFO names the control port");
            JsonNode go = get(base + "/go");
            assertEquals(2, go.get("ACCESS").asInt(), "a command: write-only");
            assertTrue(go.get("DESCRIPTION").asText().contains("playhead"), go.toString());
            assertEquals(2, get(base + "/cue/1/start").get("ACCESS").asInt());
            assertEquals("f", get(base + "/parameter/level/set").get("TYPE").asText());
            assertEquals("i", get(base + "/parameter/count/set").get("TYPE").asText());
            assertEquals(0.5, get(base + LEVEL).at("/VALUE/0").asDouble(), 1e-6, "the parameters are still listed");

            oscsend(control, LEVEL, "f", "1.25"); // where an OSCQuery tool sends what it found
            awaitValue(base + LEVEL, 1.25);
            ControlPortPeer.oscsend(control, "/cue/1/start");
            awaitValue(base + LEVEL, 1.75);
            awaitFrameWith(grabber, 1.75f);
        }
    }

    @Test
    void aSavedCueListChangesTheListedCommandsAndTellsTheListeners() throws Exception {
        Path artwork = artwork();
        Files.writeString(artwork.resolve("cues.json"), """
                { "cues": [ { "number": "1", "name": "High", "targets": { "level": 1.75 } } ] }
                """);
        RunOptions options = RunOptions.defaults(artwork).withSize(new FrameSize(32, 8)).withFramesPerSecond(60)
                .withOsc("127.0.0.1", 0).withOscQuery(new OscQueryOptions(Optional.of(0), "127.0.0.1", 0))
                .withControl(new ControlSettings("127.0.0.1", ControlPortPeer.freePort(), ControlPortPeer.freePort(),
                        Optional.empty(), 4));
        try (BackgroundRun background = BackgroundRun.start(options, List.of())) {
            String base = "http://127.0.0.1:" + background.run().oscQueryPort().orElseThrow();
            JsonNode extensions = get(base + "/?HOST_INFO").get("EXTENSIONS");
            assertTrue(extensions.get("PATH_ADDED").asBoolean() && extensions.get("PATH_REMOVED").asBoolean(),
                    extensions.toString());
            Texts texts = new Texts();
            WebSocket socket = http.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + background.run().oscQueryPort().orElseThrow() + "/"), texts)
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            try {
                Files.writeString(artwork.resolve("cues.json"), """
                        { "cues": [ { "number": "2", "name": "Low", "targets": { "level": 0.25 } } ] }
                        """);
                List<String> commands = texts.awaitBoth("PATH_ADDED /cue/2/start", "PATH_REMOVED /cue/1/start");
                assertTrue(commands.contains("PATH_ADDED /cue/2") && commands.contains("PATH_REMOVED /cue/1"),
                        "the cue's container too: " + commands);
                assertTrue(commands.indexOf("PATH_REMOVED /cue/1/start") < commands.indexOf("PATH_REMOVED /cue/1"),
                        "what a container holds goes first: " + commands);
                assertEquals(2, get(base + "/cue/2/start").get("ACCESS").asInt());
                HttpResponse<String> gone = http.send(HttpRequest.newBuilder(URI.create(base + "/cue/1/start"))
                        .timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(404, gone.statusCode(), gone.body());
                assertEquals(0.5, get(base + LEVEL).at("/VALUE/0").asDouble(), 1e-6, "the parameters are still listed");
            } finally {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
        }
    }

    /** Collects the OSCQuery commands a WebSocket receives as text, as "COMMAND DATA". */
    private final class Texts implements WebSocket.Listener {
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
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

        /** Every command received until both {@code first} and {@code second} have come. */
        List<String> awaitBoth(String first, String second) throws InterruptedException {
            List<String> seen = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!(seen.contains(first) && seen.contains(second))) {
                String next = received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("within " + PATIENCE + " expected " + first + " and " + second
                            + ", got " + seen);
                }
                seen.add(next);
            }
            return seen;
        }
    }

    private void awaitValue(String url, double value) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        double seen = Double.NaN;
        while (System.nanoTime() < deadline) {
            seen = get(url + "?VALUE").at("/VALUE/0").asDouble();
            if (Math.abs(seen - value) < 1e-6) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(url + ": expected " + value + " within " + PATIENCE + ", last read " + seen);
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(PATIENCE).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return json.readTree(response.body());
    }

    private static void oscsend(int port, String address, String types, String... values) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("oscsend", "127.0.0.1", String.valueOf(port),
                address, types));
        command.addAll(List.of(values));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "oscsend did not finish");
        assertEquals(0, process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The float argument of the next OSC frame, which must be at {@code address} with tags ",f". */
    private static float floatOf(BlockingQueue<ByteBuffer> frames, String address) throws InterruptedException {
        ByteBuffer frame = frames.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new AssertionError("no OSC frame within " + PATIENCE);
        }
        int tagsAt = (address.length() + 4) & ~3;
        byte[] head = new byte[address.length()];
        frame.get(0, head);
        assertEquals(address, new String(head, StandardCharsets.US_ASCII));
        assertEquals(',', frame.get(tagsAt));
        assertEquals('f', frame.get(tagsAt + 1));
        return frame.getFloat(tagsAt + 4);
    }

    private static void awaitFrameWith(FrameGrabber grabber, float level) throws Exception {
        FrameGrabber.Grab grab = grabber.awaitFrameWhere(values -> values[0] == level, PATIENCE);
        assertEquals(Math.round(level / 2 * 255), grab.image().channel(16, 4, 0), 1); // level / 2 in the red channel
    }

    private static final class Binary implements WebSocket.Listener {
        private final BlockingQueue<ByteBuffer> frames;
        private ByteBuffer partial = ByteBuffer.allocate(0);

        Binary(BlockingQueue<ByteBuffer> frames) {
            this.frames = frames;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            ByteBuffer joined = ByteBuffer.allocate(partial.remaining() + data.remaining());
            joined.put(partial).put(data).flip();
            partial = last ? ByteBuffer.allocate(0) : joined;
            if (last) {
                frames.add(joined);
            }
            webSocket.request(1);
            return null;
        }
    }

    private Path artwork() throws Exception {
        Path folder = Files.createDirectories(temp.resolve(ID));
        Files.writeString(folder.resolve("artwork.json"), """
                {
                  "title": "Tidal",
                  "artist": "Test",
                  "year": 2026,
                  "description": "Two parameters for OSCQuery.",
                  "shader": "main.frag",
                  "parameters": [
                    {"name": "level", "type": "float", "min": 0, "max": 2, "default": 0.5,
                     "description": "how high"},
                    {"name": "count", "type": "int", "min": 0, "max": 10, "default": 4}
                  ]
                }
                """);
        Files.writeString(folder.resolve("main.frag"), """
                uniform float level;
                uniform int count;
                out vec4 fragColor;
                void main() {
                    fragColor = vec4(level / 2.0, float(count) / 10.0, 0.0, 1.0);
                }
                """);
        return folder;
    }
}
