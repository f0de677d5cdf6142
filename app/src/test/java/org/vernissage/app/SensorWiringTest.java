package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.sensors.osc.OscEndpoint;

/**
 * The launcher's wiring of every sensor at once: OSC over UDP and TCP, TUIO, the phones' server
 * and an audio file, all feeding one run of the bundled artwork; and the clear answer when a
 * device or file asked for is not there.
 */
class SensorWiringTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");
    private static final int HUE = 1;

    @TempDir
    Path temp;

    @Test
    void anArtworkIdThatCannotBeAnOscAddressWarnsAndThePieceStillPlays() {
        org.vernissage.engine.param.ParameterLayout layout = new org.vernissage.engine.param.ParameterLayout(List.of(
                new org.vernissage.engine.param.ParameterSpec("level",
                        org.vernissage.engine.param.ParameterType.FLOAT, 0, 1, new float[] {0}, "", "")));
        List<String> warnings = new ArrayList<>();

        assertEquals(1, SensorWiring.oscParameters("tide", layout, warnings::add).count());
        assertTrue(warnings.isEmpty());
        assertEquals(0, SensorWiring.oscParameters("my tide", layout, warnings::add).count());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("artwork id 'my tide' cannot be part of the OSC address"), warnings.get(0));
    }

    @Test
    void placesPerAddressReachThePhonesServer() throws Exception {
        SensorOptions sensors = SensorOptions.defaults().withOsc(List.of())
                .withPhones("127.0.0.1", new PhonesOptions(0, Optional.empty(), 2));
        RunOptions options = RunOptions.defaults(TIDEWATER).withSize(new FrameSize(32, 18)).withSensors(sensors);
        try (BackgroundRun playing = BackgroundRun.start(options, List.of());
             HttpClient client = HttpClient.newHttpClient()) {
            String inputs = playing.run().sources().orElseThrow().describe();
            assertTrue(inputs.contains("(2 places per address)"), inputs);
            int port = Integer.parseInt(inputs.replaceAll("(?s).*phones at http://127\\.0\\.0\\.1:(\\d+)/.*", "$1"));
            URI socket = URI.create("ws://127.0.0.1:" + port + "/ws");
            List<CompletableFuture<Integer>> closes = new ArrayList<>();
            List<WebSocket> open = new ArrayList<>();
            for (int phone = 0; phone < 3; phone++) {
                CompletableFuture<Integer> closed = new CompletableFuture<>();
                closes.add(closed);
                open.add(client.newWebSocketBuilder().buildAsync(socket, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket,
                                                                           int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS));
            }
            assertEquals(1013, closes.get(2).get(5, TimeUnit.SECONDS),
                    "the third phone from one address is told the room is full");
            assertFalse(closes.get(0).isDone() || closes.get(1).isDone(), "the first two keep their places");
            open.forEach(WebSocket::abort);
        }
    }

    @Test
    void everySensorFeedsOneRun() throws Exception {
        Path wav = silentWav(temp.resolve("room.wav"));
        SensorOptions sensors = SensorOptions.defaults()
                .withOsc(List.of(OscEndpoint.parse("udp:127.0.0.1:0"), OscEndpoint.parse("tcp:127.0.0.1:0")))
                .withTuio("127.0.0.1", 0).withPhones("127.0.0.1", 0).withAudioFile(wav);
        RunOptions options = RunOptions.defaults(TIDEWATER).withSize(new FrameSize(64, 36)).withFramesPerSecond(60)
                .withSensors(sensors);
        AtomicReference<float[]> lastValues = new AtomicReference<>(new float[0]);
        AtomicInteger lastTouches = new AtomicInteger();
        FrameListener watcher = (frame, parameters, image) -> {
            float[] values = new float[parameters.slotCount()];
            parameters.copyValuesInto(values);
            lastValues.set(values);
            lastTouches.set(parameters.touches().count());
        };
        try (BackgroundRun playing = BackgroundRun.start(options, List.of(watcher))) {
            ArtworkRun run = playing.run();
            String inputs = run.sources().orElseThrow().describe();
            for (String expected : List.of("OSC on udp 127.0.0.1:", "OSC on tcp 127.0.0.1:", "TUIO on udp 127.0.0.1:",
                    "phones at http://127.0.0.1:", "audio")) {
                assertTrue(inputs.contains(expected), expected + " in: " + inputs);
            }

            // OSC over TCP, OSC 1.0 stream framing (a length before each packet).
            try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), run.oscPort(1));
                 DataOutputStream out = new DataOutputStream(tcp.getOutputStream())) {
                byte[] packet = message("/vernissage/tidewater/hue", ",f", 0.75f);
                out.writeInt(packet.length);
                out.write(packet);
                out.flush();
                await(() -> lastValues.get().length > HUE && lastValues.get()[HUE] == 0.75f, "hue from OSC over TCP");
            }

            // A TUIO 1.1 cursor on the table.
            int tuioPort = tuioPort(run);
            try (DatagramSocket udp = new DatagramSocket()) {
                byte[] frame = tuioFrame();
                udp.send(new DatagramPacket(frame, frame.length, InetAddress.getLoopbackAddress(), tuioPort));
            }
            await(() -> lastTouches.get() == 1, "one TUIO cursor in the snapshot");

            // The phones' page is served.
            int phonesPort = Integer.parseInt(inputs.replaceAll(".*phones at http://127\\.0\\.0\\.1:(\\d+)/.*", "$1"));
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + phonesPort + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("WebSocket"), "the page opens a WebSocket");

            await(() -> run.report().received("audio") > 0, "audio blocks analysed");
            RunReport report = run.report();
            assertEquals(6, report.sources().size(), report.describe()); // udp, tcp framing + messages, tuio, phones, audio
            assertTrue(report.received("TUIO") >= 3, report.describe());
            assertTrue(report.describe().contains("msg/s"), report.describe());
        }
    }

    /**
     * The server counts each packet's arrival and refusal into the router's counters, so the
     * messages line says when the console was last heard and what it refused, as for UDP.
     */
    @Test
    void theMessagesOfAnOscStreamSayWhenTheyWereLastHeardAndWhatWasRefused() throws Exception {
        RunOptions options = RunOptions.defaults(TIDEWATER).withSize(new FrameSize(32, 18))
                .withSensors(SensorOptions.defaults().withOsc(List.of(OscEndpoint.parse("tcp:127.0.0.1:0"))));
        try (BackgroundRun playing = BackgroundRun.start(options, List.of())) {
            ArtworkRun run = playing.run();
            try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), run.oscPort());
                 DataOutputStream out = new DataOutputStream(tcp.getOutputStream())) {
                byte[] notOsc = "no address".getBytes(StandardCharsets.US_ASCII);
                for (byte[] packet : List.of(message("/vernissage/tidewater/hue", ",f", 0.5f),
                        message("/vernissage/tidewater/hue", ",f", 0.25f), notOsc)) {
                    out.writeInt(packet.length);
                    out.write(packet);
                }
                out.flush();
                await(() -> messages(run.report()).rejected() == 1 && messages(run.report()).received() == 2,
                        "two messages and one refused packet counted");
            }
            RunReport report = run.report();
            SourceReading messages = messages(report);
            assertTrue(messages.secondsSinceLastSeen() >= 0 && messages.secondsSinceLastSeen() < 10,
                    messages.describe());
            String line = messages.describe();
            assertTrue(line.matches("OSC tcp 127\\.0\\.0\\.1:\\d+ messages: .*, last \\d+\\.\\d\\d s ago, received 2,"
                    + " dropped 0, rejected 1"), line);
            assertTrue(report.describe().contains("\n  " + line), report.describe());
            assertEquals(1, report.rejected("OSC tcp"), "the refused packet counted once over the endpoint's two lines: "
                    + report.describe());
            assertEquals(List.of(), report.lines(), "refused input is not a failure of the run: no other line");
        }
    }

    private static SourceReading messages(RunReport report) {
        return report.sources().stream().filter(source -> source.source().endsWith(" messages")).findFirst()
                .orElseThrow();
    }

    @Test
    void aMidiDeviceThatIsNotThereIsNamed() {
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"run", TIDEWATER.toString(), "--headless", "--osc-port", "0",
                "--midi-device", "nanoKONTROL"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(Main.EXIT_FAILURE, exit);
        String line = err.toString().lines().findFirst().orElse("");
        assertTrue(line.startsWith("vernissage: ") && line.contains("MIDI") && line.contains("nanoKONTROL"), line);
    }

    @Test
    void anAudioFileThatIsNotThereIsNamed() {
        StringWriter err = new StringWriter();
        Path missing = temp.resolve("missing.wav");
        int exit = Main.execute(new String[] {"run", TIDEWATER.toString(), "--headless", "--osc-port", "0",
                "--audio-file", missing.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(Main.EXIT_FAILURE, exit);
        String line = err.toString().lines().findFirst().orElse("");
        assertTrue(line.startsWith("vernissage: ") && line.contains("missing.wav"), line);
    }

    @Test
    void oscPortShorthandAndEndpointsDoNotMix() {
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"run", TIDEWATER.toString(), "--headless", "--osc-port", "0",
                "--osc", "tcp:9001"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(Main.EXIT_USAGE, exit);
        assertTrue(err.toString().contains("--osc-port and --osc-host are a shorthand"), err.toString());
    }

    private static int tuioPort(ArtworkRun run) {
        String inputs = run.sources().orElseThrow().describe();
        return Integer.parseInt(inputs.replaceAll(".*TUIO on udp 127\\.0\\.0\\.1:(\\d+).*", "$1"));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(5);
        }
    }

    /** One second of silence, 16-bit mono at 44.1 kHz, as a WAV file. */
    static Path silentWav(Path file) throws Exception {
        AudioFormat format = new AudioFormat(44_100, 16, 1, true, false);
        byte[] samples = new byte[44_100 * 2];
        try (AudioInputStream in = new AudioInputStream(new java.io.ByteArrayInputStream(samples), format, 44_100)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    /** One TUIO 1.1 frame: cursor 7 alive at (0.25, 0.5). */
    private static byte[] tuioFrame() {
        ByteBuffer b = ByteBuffer.allocate(512);
        putString(b, "#bundle");
        b.putLong(1L);
        element(b, message("/tuio/2Dcur", ",si", "alive", 7));
        element(b, message("/tuio/2Dcur", ",sifffff", "set", 7, 0.25f, 0.5f, 0f, 0f, 0f));
        element(b, message("/tuio/2Dcur", ",si", "fseq", 1));
        return Arrays.copyOf(b.array(), b.position());
    }

    private static void element(ByteBuffer bundle, byte[] message) {
        bundle.putInt(message.length);
        bundle.put(message);
    }

    private static byte[] message(String address, String tags, Object... arguments) {
        ByteBuffer b = ByteBuffer.allocate(256);
        putString(b, address);
        putString(b, tags);
        for (Object argument : arguments) {
            if (argument instanceof String s) {
                putString(b, s);
            } else if (argument instanceof Integer i) {
                b.putInt(i);
            } else {
                b.putFloat((Float) argument);
            }
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    private static void putString(ByteBuffer b, String text) {
        b.put(text.getBytes(StandardCharsets.US_ASCII));
        b.put((byte) 0);
        while (b.position() % 4 != 0) {
            b.put((byte) 0);
        }
    }
}
