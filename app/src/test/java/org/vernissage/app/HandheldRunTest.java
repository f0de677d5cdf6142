package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.render.FrameGrabber;
import org.vernissage.osc.OscWriter;

/**
 * The bundled piece Handheld in a real run: its shipped model loads at start and runs, so a tilt
 * sent over OSC (a control-only parameter, through the manifest's binding) reaches the look through
 * the model worker; and a recorded run replays to the very same frames, the model's results coming
 * from the journal (the replay runs no model).
 */
class HandheldRunTest {

    private static final Path HANDHELD = Path.of("..", "artworks", "handheld");
    private static final int WIDTH = 80;
    private static final int HEIGHT = 45;
    private static final int FRAMES = 60;
    // Slots: tilt_x, tilt_y, hue, bloom, swirl, grain, disclosure
    private static final int HUE = 2;

    @TempDir
    Path temp;

    @Test
    void aTiltOverOscReachesTheLookThroughTheShippedModel() throws Exception {
        RunOptions options = RunOptions.defaults(HANDHELD).withSize(new FrameSize(WIDTH, HEIGHT))
                .withOsc("127.0.0.1", 0).withFramesPerSecond(30).withReload(false);
        FrameGrabber grabber = new FrameGrabber(WIDTH, HEIGHT, 8);
        try (BackgroundRun background = BackgroundRun.start(options, List.of(grabber));
             DatagramSocket sender = new DatagramSocket()) {
            ArtworkRun run = background.run();
            float[][] tilts = {{-1, 0}, {1, 0}, {0, -1}};
            float[][] looks = {{0.05f, 0.8f, 0.1f, 0.2f}, {0.62f, 0.3f, 0.9f, 0.7f}, {0.85f, 0.2f, 0.0f, 0.1f}};
            for (int t = 0; t < tilts.length; t++) {
                send(sender, run.oscPort(), tilts[t][0], tilts[t][1]);
                float[] look = looks[t];
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                long seen = -1;
                float[] last = null;
                boolean reached = false;
                while (!reached && System.nanoTime() < deadline) {
                    FrameGrabber.Grab grab = grabber.awaitFrameAfter(seen, Duration.ofSeconds(10));
                    seen = grab.frameIndex();
                    last = grab.parameters();
                    reached = true;
                    for (int o = 0; o < 4; o++) {
                        reached &= Math.abs(last[HUE + o] - look[o]) < 0.08f;
                    }
                }
                assertTrue(reached, "tilt " + t + ": expected the look " + java.util.Arrays.toString(look) + ", last "
                        + java.util.Arrays.toString(last) + "; " + run.report().describe());
            }
            assertTrue(background.console().contains("models look"), background.console());
        }
    }

    @Test
    void modelCommandsOnTheRunsOscPortStopAndRestartTheModel() throws Exception {
        RunOptions options = RunOptions.defaults(HANDHELD).withSize(new FrameSize(WIDTH, HEIGHT))
                .withOsc("127.0.0.1", 0).withFramesPerSecond(30).withReload(false);
        FrameGrabber grabber = new FrameGrabber(WIDTH, HEIGHT, 8);
        try (BackgroundRun background = BackgroundRun.start(options, List.of(grabber));
             DatagramSocket sender = new DatagramSocket()) {
            ArtworkRun run = background.run();
            int port = run.oscPort();
            message(sender, port, "/vernissage/handheld/model/look/stop-running", Float.NaN);
            send(sender, port, -1, 0);
            message(sender, port, "/vernissage/handheld/hue", 0.3f);
            awaitHue(grabber, 0.3f, 0.001f, "a stopped model leaves the hue set by hand", run);
            Thread.sleep(200); // a running model would have moved it by now
            awaitHue(grabber, 0.3f, 0.001f, "still the hue set by hand", run);
            message(sender, port, "/vernissage/handheld/model/look/run", Float.NaN);
            awaitHue(grabber, 0.05f, 0.08f, "run again: the model answers the tilt held (-1, 0) at once", run);
            message(sender, port, "/vernissage/handheld/model/nobody/run", Float.NaN);
            org.vernissage.app.Await.until(() -> run.models().orElseThrow().statistics().toString()
                    .contains("1 unknown addresses"), "an unknown model counted");
        }
    }

    private static void awaitHue(FrameGrabber grabber, float hue, float tolerance, String what, ArtworkRun run)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long seen = -1;
        float last = Float.NaN;
        while (System.nanoTime() < deadline) {
            FrameGrabber.Grab grab = grabber.awaitFrameAfter(seen, Duration.ofSeconds(10));
            seen = grab.frameIndex();
            last = grab.parameters()[HUE];
            if (Math.abs(last - hue) <= tolerance) {
                return;
            }
        }
        throw new AssertionError(what + ": expected hue " + hue + ", last " + last + "; " + run.report().describe());
    }

    private static void message(DatagramSocket socket, int port, String address, float value) throws Exception {
        ByteBuffer packet = ByteBuffer.allocate(128);
        OscWriter writer = new OscWriter().wrap(packet);
        writer.message(address);
        if (!Float.isNaN(value)) {
            writer.f(value);
        }
        writer.end();
        socket.send(new DatagramPacket(packet.array(), writer.length(), InetAddress.getLoopbackAddress(), port));
        Thread.sleep(5);
    }

    @Test
    void aRecordedRunWithTheModelReplaysToTheSameFrames() throws Exception {
        Path journal = temp.resolve("handheld.vnsj");
        Path live = temp.resolve("live");
        Path replayed = temp.resolve("replayed");
        RunOptions options = RunOptions.defaults(HANDHELD).withSize(new FrameSize(WIDTH, HEIGHT))
                .withOsc("127.0.0.1", 0).withFramesPerSecond(30).withFrames(FRAMES).withReload(false)
                .withCapture(live).withRecord(journal);
        try (BackgroundRun playing = BackgroundRun.start(options, List.of());
             DatagramSocket sender = new DatagramSocket()) {
            AtomicBoolean done = new AtomicBoolean();
            Thread tilting = new Thread(() -> {
                for (int i = 0; !done.get(); i++) {
                    try {
                        send(sender, playing.run().oscPort(), (float) Math.sin(i * 0.21), (float) Math.cos(i * 0.13));
                        Thread.sleep(7);
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "test-tilt-sender");
            tilting.start();
            try {
                playing.awaitEnd(30);
            } finally {
                done.set(true);
                tilting.join();
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"replay", journal.toString(), HANDHELD.toString(), "--headless",
                "--fast", "--capture", replayed.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, exit, err.toString());
        List<Path> liveFrames = pngs(live);
        List<Path> replayedFrames = pngs(replayed);
        assertEquals(FRAMES, liveFrames.size());
        assertEquals(liveFrames.size(), replayedFrames.size());
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < liveFrames.size(); i++) {
            byte[] expected = Files.readAllBytes(liveFrames.get(i));
            assertArrayEquals(expected, Files.readAllBytes(replayedFrames.get(i)), "frame " + i + " differs in the replay");
            distinct.add(java.util.Arrays.toString(java.security.MessageDigest.getInstance("SHA-256").digest(expected)));
        }
        assertTrue(distinct.size() > FRAMES / 2, "the frames change: " + distinct.size());
    }

    private static void send(DatagramSocket socket, int port, float x, float y) throws Exception {
        ByteBuffer packet = ByteBuffer.allocate(128);
        OscWriter writer = new OscWriter().wrap(packet);
        writer.message("/vernissage/handheld/tilt").f(x).f(y).end();
        socket.send(new DatagramPacket(packet.array(), writer.length(), InetAddress.getLoopbackAddress(), port));
    }

    private static List<Path> pngs(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        }
    }
}
