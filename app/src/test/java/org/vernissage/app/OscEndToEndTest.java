package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.render.FrameGrabber;

/**
 * The whole path, as a console would use it: the bundled artwork runs headless, real OSC packets
 * arrive over UDP from another socket, and the captured frames change the way the manifest's
 * bindings say.
 */
class OscEndToEndTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");
    private static final int WIDTH = 160;
    private static final int HEIGHT = 90;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    // Snapshot slots in declaration order: energy, hue, density, focus.x, focus.y
    private static final int ENERGY = 0;
    private static final int DENSITY = 2;
    private static final int FOCUS_X = 3;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private FrameGrabber grabber;
    private CompletableFuture<ArtworkRun> started;
    private CompletableFuture<Void> finished;
    private ArtworkRun run;
    private DatagramSocket sender;

    @BeforeEach
    void startHeadlessRun() throws Exception {
        RunOptions options = RunOptions.defaults(TIDEWATER).withSize(new FrameSize(WIDTH, HEIGHT))
                .withOsc("127.0.0.1", 0).withFramesPerSecond(60);
        grabber = new FrameGrabber(WIDTH, HEIGHT, 5);
        started = new CompletableFuture<>();
        finished = new CompletableFuture<>();
        // The GL context belongs to the thread that renders: prepare, render and close there.
        Thread renderThread = new Thread(() -> {
            try {
                try (ArtworkRun r = ArtworkRun.prepare(options, List.of(grabber), new PrintStream(console, true))) {
                    started.complete(r);
                    r.renderUntilDone();
                }
                finished.complete(null); // only once closed: the next test may open a context
            } catch (Throwable t) {
                started.completeExceptionally(t);
                finished.completeExceptionally(t);
            }
        }, "test-render");
        renderThread.start();
        run = started.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        sender = new DatagramSocket();
    }

    @AfterEach
    void stop() throws Exception {
        sender.close();
        run.requestStop();
        finished.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void energyBrightensTheFrameAndMalformedPacketsChangeNothing() throws Exception {
        FrameGrabber.Grab low = sendAndAwait("/vernissage/tidewater/energy", 0f, ENERGY, 0f);
        double dark = averageLuma(low.frameIndex(), 10);

        long rejectedBefore = run.report().rejected("OSC");
        send(malformed());
        send(unknownTypeTag("/vernissage/tidewater/energy"));
        awaitRejected(rejectedBefore + 2);
        FrameGrabber.Grab afterGarbage = grabber.awaitFrameAfter(low.frameIndex() + 5, PATIENCE);
        assertEquals(0f, afterGarbage.parameters()[ENERGY], "malformed packets must not move a parameter");

        FrameGrabber.Grab high = sendAndAwait("/vernissage/tidewater/energy", 1f, ENERGY, 1f);
        double bright = averageLuma(high.frameIndex(), 10);

        assertTrue(bright > dark * 1.8 && bright > dark + 25,
                "energy 1 must light the water far more than energy 0: luma " + dark + " -> " + bright);
        assertTrue(run.report().received("OSC") >= 2, run.report().describe());
    }

    @Test
    void focusMovesTheLightAndInputRangesAreScaled() throws Exception {
        sendAndAwait("/vernissage/tidewater/energy", 0.8f, ENERGY, 0.8f);
        FrameGrabber.Grab left = sendAndAwait("/vernissage/tidewater/focus/x", 0.1f, FOCUS_X, 0.1f);
        double leftSide = left.image().meanLuma(0, 0, WIDTH / 4, HEIGHT);
        double rightSide = left.image().meanLuma(WIDTH * 3 / 4, 0, WIDTH / 4, HEIGHT);
        assertTrue(leftSide > rightSide + 10,
                "light must pool at the focus (left): left " + leftSide + ", right " + rightSide);

        // density is bound with "input": [0, 1] onto its range 1..8: 0.5 lands on 4.5.
        sendAndAwait("/vernissage/tidewater/density", 0.5f, DENSITY, 4.5f);
    }

    private FrameGrabber.Grab sendAndAwait(String address, float value, int slot, float expected) throws Exception {
        send(floatMessage(address, value));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            FrameGrabber.Grab grab = grabber.awaitFrameAfter(seen, PATIENCE);
            if (Math.abs(grab.parameters()[slot] - expected) < 1e-5) {
                return grab;
            }
            seen = grab.frameIndex();
        }
        throw new AssertionError(address + " " + value + " never reached a frame; " + run.report().describe());
    }

    private double averageLuma(long after, int frames) throws Exception {
        double sum = 0;
        long seen = after;
        for (int i = 0; i < frames; i++) {
            FrameGrabber.Grab grab = grabber.awaitFrameAfter(seen, PATIENCE);
            sum += grab.image().meanLuma();
            seen = grab.frameIndex();
        }
        return sum / frames;
    }

    private void awaitRejected(long count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (run.report().rejected("OSC") < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " rejected packets; " + run.report().describe());
            }
            Thread.sleep(5);
        }
    }

    private void send(byte[] packet) throws Exception {
        sender.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), run.oscPort()));
    }

    private static byte[] floatMessage(String address, float value) {
        ByteBuffer packet = ByteBuffer.allocate(64);
        putPadded(packet, address);
        putPadded(packet, ",f");
        packet.putFloat(value);
        return java.util.Arrays.copyOf(packet.array(), packet.position());
    }

    /** A message whose argument is cut off: the type tag promises a float that never comes. */
    private static byte[] malformed() {
        byte[] whole = floatMessage("/vernissage/tidewater/energy", 0.9f);
        return java.util.Arrays.copyOf(whole, whole.length - 4);
    }

    private static byte[] unknownTypeTag(String address) {
        ByteBuffer packet = ByteBuffer.allocate(64);
        putPadded(packet, address);
        putPadded(packet, ",Q");
        packet.putFloat(0.9f);
        return java.util.Arrays.copyOf(packet.array(), packet.position());
    }

    private static void putPadded(ByteBuffer packet, String text) {
        packet.put(text.getBytes(StandardCharsets.US_ASCII));
        packet.put((byte) 0);
        while (packet.position() % 4 != 0) {
            packet.put((byte) 0);
        }
    }
}
