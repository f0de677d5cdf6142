package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.render.FrameGrabber;
import org.vernissage.models.interact.InteractiveModels;
import org.vernissage.models.learn.ExampleSet;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.osc.OscMessageView;
import org.vernissage.osc.OscPacketReader;
import org.vernissage.osc.OscWriter;

/**
 * Wekinator's protocol over real UDP against a running engine (headless, real GL): an artwork that
 * declares no model; {@code --wekinator} makes the default regression onto its float parameters.
 * Outputs are set and examples recorded as a Wekinator controller would, the model is trained and
 * run, and new {@code /wek/inputs} move the parameters (and the pixels) the way the examples say,
 * while {@code /wek/outputs} reach a listener, and no frame is dropped while it trains and swaps.
 */
class WekinatorEndToEndTest {

    private static final int WIDTH = 32;
    private static final int HEIGHT = 8;
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String CONTROL = "/wekinator/control/";
    // Slots: 0 red 0..1, 1 green 0..2 (the default model's outputs: the float parameters), 2 mode (an int, control-only)
    private static final int RED = 0;
    private static final int GREEN = 1;

    @TempDir
    Path temp;

    private final ByteBuffer packet = ByteBuffer.allocate(512);
    private final OscWriter writer = new OscWriter();

    @Test
    void recordTrainRunOverUdpMovesTheParametersAsTheExamplesSay() throws Exception {
        Path folder = artwork();
        try (DatagramSocket listener = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket sender = new DatagramSocket()) {
            listener.setSoTimeout(200);
            RunOptions options = RunOptions.defaults(folder).withSize(new FrameSize(WIDTH, HEIGHT))
                    .withOsc("127.0.0.1", 0).withFramesPerSecond(20)
                    .withModels(new ModelOptions(Optional.of(0),
                            Optional.of(new InetSocketAddress("127.0.0.1", listener.getLocalPort()))));
            FrameGrabber grabber = new FrameGrabber(WIDTH, HEIGHT, 3);
            try (BackgroundRun background = BackgroundRun.start(options, List.of(grabber))) {
                ArtworkRun run = background.run();
                int port = run.wekinatorPort().orElseThrow();
                Consumer<Consumer<OscWriter>> send = message -> {
                    writer.wrap(packet.clear());
                    message.accept(writer);
                    try {
                        sender.send(new DatagramPacket(packet.array(), writer.length(), InetAddress.getLoopbackAddress(),
                                port));
                        Thread.sleep(2); // a controller's pace; UDP on loopback keeps the order
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                };
                InteractiveModels models = run.models().orElseThrow();

                // Four poses, each with the outputs it should give: (in x, in y) -> (red 0..1, green 0..1 of 0..2)
                float[][] poses = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
                float[][] wanted = {{0.1f, 0.9f}, {0.9f, 0.1f}, {0.5f, 0.5f}, {0.9f, 0.9f}};
                for (int p = 0; p < poses.length; p++) {
                    float[] out = wanted[p];
                    float[] in = poses[p];
                    send.accept(w -> w.message(CONTROL + "outputs").f(out[0]).f(out[1]).end());
                    send.accept(w -> w.message(CONTROL + "startRecording").end());
                    for (int i = 0; i < 8; i++) {
                        float jitter = (i - 4) * 0.005f;
                        send.accept(w -> w.message("/wek/inputs").f(in[0] + jitter).f(in[1] - jitter).end());
                    }
                    send.accept(w -> w.message(CONTROL + "stopRecording").end());
                }
                Await.until(() -> models.statistics().toString().contains("32 examples recorded"), "32 examples recorded");
                // The outputs message set the parameters themselves, as a controller's sliders do.
                awaitParameters(grabber, 0.9f, 1.8f, 1e-6f, run);

                long droppedBefore = run.report().frames().dropped();
                long framesBefore = run.report().frames().frames();
                long trainingFrom = System.nanoTime();
                send.accept(w -> w.message(CONTROL + "train").end());
                Await.until(() -> models.trainer().trainings() == 1, "trained");
                send.accept(w -> w.message(CONTROL + "startRunning").end());

                for (int p = 0; p < poses.length; p++) {
                    float[] in = poses[p];
                    long sentAt = System.nanoTime();
                    send.accept(w -> w.message("/wek/inputs").f(in[0]).f(in[1]).end());
                    float red = wanted[p][0];
                    float green = 2 * wanted[p][1];
                    FrameGrabber.Grab grab = awaitParameters(grabber, red, green, 0.12f, run);
                    long millis = (System.nanoTime() - sentAt) / 1_000_000;
                    // Within a frame or two of arrival at 20 fps (50 ms a frame), with room for a busy machine.
                    assertTrue(millis < 400, "pose " + p + " took " + millis + " ms to reach a frame");
                    int r = grab.image().channel(WIDTH / 2, HEIGHT / 2, 0);
                    int g = grab.image().channel(WIDTH / 2, HEIGHT / 2, 1);
                    assertEquals(grab.parameters()[RED] * 255, r, 2, "the pixels show red");
                    assertEquals(grab.parameters()[GREEN] / 2 * 255, g, 2, "the pixels show green");
                }
                long frames = run.report().frames().frames() - framesBefore;
                long paced = (System.nanoTime() - trainingFrom) / 50_000_000; // frames due at 20 fps meanwhile
                // The show kept its pace while it trained and ran (at least half of it, for a busy machine):
                // a count of the frames due, not a fixed number, which a fast machine's short training undercuts.
                assertTrue(frames >= 1 && frames >= paced / 2,
                        "frames were drawn while it trained and ran: " + frames + " of " + paced + " due");
                assertEquals(droppedBefore, run.report().frames().dropped(),
                        "no frame dropped while training and swapping: " + run.report().describe());

                List<Float> progress = new ArrayList<>();
                List<float[]> outputs = received(listener, progress);
                assertTrue(!outputs.isEmpty(), "/wek/outputs reached the listener");
                assertEquals(2, outputs.get(0).length, "one value per output");
                assertTrue(progress.contains(100f), "the training's progress in percent reached the listener: " + progress);

                send.accept(w -> w.message(CONTROL + "stopRunning").end());
                // A wrong message is counted, not fatal.
                send.accept(w -> w.message("/wek/inputs").s("left").end());
                send.accept(w -> w.message(CONTROL + "setOutputNames").s("red").s("nope").end());
                Await.until(() -> models.statistics().toString().contains("2 refused (unknown"), "bad messages counted");
            }
        }
    }

    @Test
    void setOutputNamesChoosesTheParametersAndSaveWritesTheExamples() throws Exception {
        Path folder = artwork();
        RunOptions options = RunOptions.defaults(folder).withSize(new FrameSize(WIDTH, HEIGHT))
                .withOsc("127.0.0.1", 0).withFramesPerSecond(20)
                .withModels(new ModelOptions(Optional.of(0), Optional.empty()));
        FrameGrabber grabber = new FrameGrabber(WIDTH, HEIGHT, 3);
        try (BackgroundRun background = BackgroundRun.start(options, List.of(grabber));
             DatagramSocket sender = new DatagramSocket()) {
            ArtworkRun run = background.run();
            int port = run.wekinatorPort().orElseThrow();
            Consumer<Consumer<OscWriter>> send = message -> {
                writer.wrap(packet.clear());
                message.accept(writer);
                try {
                    sender.send(new DatagramPacket(packet.array(), writer.length(), InetAddress.getLoopbackAddress(), port));
                    Thread.sleep(2);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            send.accept(w -> w.message(CONTROL + "setOutputNames").s("green").end());
            send.accept(w -> w.message(CONTROL + "outputs").f(0.25f).end()); // one output now: green
            FrameGrabber.Grab grab = awaitParameters(grabber, 0f, 0.5f, 1e-6f, run);
            assertEquals(0f, grab.parameters()[RED], "red is no longer an output");
            send.accept(w -> w.message(CONTROL + "startRecording").end());
            send.accept(w -> w.message("/wek/inputs").f(0.5f).f(0.5f).f(0.5f).end());
            send.accept(w -> w.message("/wek/inputs").f(0.6f).f(0.5f).f(0.5f).end());
            send.accept(w -> w.message(CONTROL + "stopRecording").end());
            send.accept(w -> w.message("/vernissage/wek/model/wekinator/save").end());
            Path examples = folder.resolve("models/wekinator.examples.json");
            Await.until(() -> Files.exists(examples), "saved");
            ExampleSet saved = ExampleSet.load(examples);
            assertEquals(2, saved.count());
            assertEquals(3, saved.inputCount(), "the input count fixed by the first example");
            assertEquals(1, saved.outputCount());
            assertEquals(0.25f, saved.get(0).output(0), 1e-6f, "green 0.5 of 0..2 recorded as 0.25");
            assertEquals(List.of("green"), saved.outputNames(), "saved under the parameter's name");
        }
        // A restart: the outputs are the ones the saved examples were recorded for, not every float.
        FrameGrabber again = new FrameGrabber(WIDTH, HEIGHT, 3);
        try (BackgroundRun background = BackgroundRun.start(options, List.of(again));
             DatagramSocket sender = new DatagramSocket()) {
            ArtworkRun run = background.run();
            writer.wrap(packet.clear());
            writer.message(CONTROL + "outputs").f(0.75f).end();
            sender.send(new DatagramPacket(packet.array(), writer.length(), InetAddress.getLoopbackAddress(),
                    run.wekinatorPort().orElseThrow()));
            FrameGrabber.Grab grab = awaitParameters(again, 0f, 1.5f, 1e-6f, run);
            assertEquals(0f, grab.parameters()[RED], "after the restart the one output is still green");
        }
    }

    @Test
    void aRunTrainedOverWekinatorReplaysToTheSameFrames() throws Exception {
        Path folder = artwork();
        Path journal = temp.resolve("wek.vnsj");
        Path live = temp.resolve("live");
        Path replayed = temp.resolve("replayed");
        int frames = 50;
        RunOptions options = RunOptions.defaults(folder).withSize(new FrameSize(WIDTH, HEIGHT))
                .withOsc("127.0.0.1", 0).withFramesPerSecond(20).withFrames(frames).withReload(false)
                .withCapture(live).withRecord(journal).withModels(new ModelOptions(Optional.of(0), Optional.empty()));
        try (BackgroundRun background = BackgroundRun.start(options, List.of());
             DatagramSocket sender = new DatagramSocket()) {
            ArtworkRun run = background.run();
            int port = run.wekinatorPort().orElseThrow();
            Consumer<Consumer<OscWriter>> send = message -> {
                writer.wrap(packet.clear());
                message.accept(writer);
                try {
                    sender.send(new DatagramPacket(packet.array(), writer.length(), InetAddress.getLoopbackAddress(), port));
                    Thread.sleep(2);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            float[][] poses = {{0, 0}, {1, 1}};
            float[][] wanted = {{0.1f, 0.2f}, {0.9f, 0.8f}};
            for (int p = 0; p < poses.length; p++) {
                float[] in = poses[p];
                float[] out = wanted[p];
                send.accept(w -> w.message(CONTROL + "outputs").f(out[0]).f(out[1]).end());
                send.accept(w -> w.message(CONTROL + "startRecording").end());
                for (int i = 0; i < 6; i++) {
                    float jitter = i * 0.01f;
                    send.accept(w -> w.message("/wek/inputs").f(in[0] + jitter).f(in[1] - jitter).end());
                }
                send.accept(w -> w.message(CONTROL + "stopRecording").end());
            }
            send.accept(w -> w.message(CONTROL + "train").end());
            Await.until(() -> run.models().orElseThrow().trainer().trainings() == 1, "trained");
            send.accept(w -> w.message(CONTROL + "startRunning").end());
            for (int i = 0; i < 40; i++) {
                float x = (i % 10) / 9f;
                send.accept(w -> w.message("/wek/inputs").f(x).f(x).end());
                Thread.sleep(10);
            }
            assertTrue(run.models().orElseThrow().runtime().slot(0).runs() > 10,
                    "the model ran while the journal recorded: " + run.models().orElseThrow().statistics());
            background.awaitEnd(30);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"replay", journal.toString(), folder.toString(), "--headless", "--fast",
                "--capture", replayed.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, exit, err.toString());
        List<Path> liveFrames = pngs(live);
        List<Path> replayedFrames = pngs(replayed);
        assertEquals(frames, liveFrames.size());
        assertEquals(frames, replayedFrames.size());
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (int i = 0; i < frames; i++) {
            byte[] expected = Files.readAllBytes(liveFrames.get(i));
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, Files.readAllBytes(replayedFrames.get(i)),
                    "frame " + i + " differs in the replay");
            distinct.add(java.util.Arrays.toString(expected));
        }
        assertTrue(distinct.size() > 3, "the model moved the frames: " + distinct.size() + " distinct");
    }

    private static List<Path> pngs(Path folder) throws Exception {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        }
    }

    @Test
    void aBusyWekinatorPortStopsTheStartWithItsNameAndLeavesNoModelThread() throws Exception {
        Path folder = artwork();
        try (DatagramSocket busy = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            RunOptions options = RunOptions.defaults(folder).withSize(new FrameSize(WIDTH, HEIGHT))
                    .withOsc("127.0.0.1", 0).withFramesPerSecond(20)
                    .withModels(new ModelOptions(Optional.of(busy.getLocalPort()), Optional.empty()));
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> BackgroundRun.start(options, List.of()).close());
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            assertTrue(cause.getMessage().contains("Wekinator endpoint cannot bind UDP")
                    && cause.getMessage().contains(":" + busy.getLocalPort()), cause.getMessage());
            Await.until(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.isAlive()
                    && (t.getName().equals("vernissage-models") || t.getName().equals("vernissage-trainer"))),
                    "no model thread left");
        }
    }

    @Test
    void wekinatorOutRefusesAnAddressWithoutAPort() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ModelOptions.destination("localhost"));
        assertTrue(e.getMessage().contains("--wekinator-out expects HOST:PORT"), e.getMessage());
    }

    private static List<float[]> received(DatagramSocket listener, List<Float> progress) throws Exception {
        List<float[]> outputs = new ArrayList<>();
        byte[] progressAddress = "/vernissage/wek/model/wekinator/progress".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] buffer = new byte[1024];
        OscPacketReader reader = new OscPacketReader();
        OscMessageHandler handler = (OscMessageView message, long tag, long at) -> {
            if (message.addressEquals("/wek/outputs".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                float[] values = new float[message.argumentCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = message.floatArgument(i);
                }
                outputs.add(values);
            } else if (message.addressEquals(progressAddress)) {
                progress.add(message.floatArgument(0));
            }
        };
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while ((outputs.isEmpty() || !progress.contains(100f)) && System.nanoTime() < deadline) {
            DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
            try {
                listener.receive(datagram);
            } catch (java.net.SocketTimeoutException e) {
                continue;
            }
            reader.read(ByteBuffer.wrap(buffer, 0, datagram.getLength()), 0, datagram.getLength(), 0, handler);
        }
        return outputs;
    }

    private static FrameGrabber.Grab awaitParameters(FrameGrabber grabber, float red, float green, float tolerance,
                                                     ArtworkRun run) throws Exception {
        try {
            return grabber.awaitFrameWhere(values -> Math.abs(values[RED] - red) <= tolerance
                    && Math.abs(values[GREEN] - green) <= 2 * tolerance, PATIENCE);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("expected red " + red + " green " + green + " (within " + tolerance + "): "
                    + e.getMessage() + "; " + run.report().describe(), e);
        }
    }

    private Path artwork() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("wek"));
        Files.writeString(folder.resolve("artwork.json"), """
                {
                  "title": "Wek",
                  "artist": "Test",
                  "year": 2026,
                  "description": "Two float parameters a Wekinator model drives.",
                  "shader": "main.frag",
                  "parameters": [
                    {"name": "red", "type": "float", "min": 0, "max": 1, "default": 0},
                    {"name": "green", "type": "float", "min": 0, "max": 2, "default": 0},
                    {"name": "mode", "type": "int", "min": 0, "max": 3, "default": 0, "shader": false}
                  ]
                }
                """);
        Files.writeString(folder.resolve("main.frag"), """
                uniform float red;
                uniform float green;
                out vec4 fragColor;
                void main() { fragColor = vec4(red, green / 2.0, 0.0, 1.0); }
                """);
        return folder;
    }
}
