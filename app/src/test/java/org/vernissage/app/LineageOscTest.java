package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.render.FrameGrabber;
import org.vernissage.engine.render.RgbaImage;
import org.vernissage.osc.OscWriter;

/**
 * The bundled CPPN piece, Lineage, played by the engine with real OSC over UDP: a message to
 * {@code /vernissage/lineage/mutate} (an event parameter, no binding declared) changes the
 * picture in the frame that first shows the trigger, far more than a frame of its clock moves it;
 * {@code /vernissage/lineage/blend} morphs towards the child.
 */
class LineageOscTest {

    private static final Path LINEAGE = Path.of("..", "artworks", "lineage");
    private static final int WIDTH = 64;
    private static final int HEIGHT = 36;
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** Slots of artwork.json's parameters: blend first, then the mutate event's count. */
    private static final int BLEND = 0;
    private static final int MUTATE = 1;
    private static final int SLOTS = 10;

    @Test
    void anOscMutationChangesThePictureInTheFrameThatShowsIt() throws Exception {
        RunOptions options = RunOptions.defaults(LINEAGE).withSize(new FrameSize(WIDTH, HEIGHT))
                .withOsc("127.0.0.1", 0).withFramesPerSecond(60);
        FrameGrabber grabber = new FrameGrabber(WIDTH, HEIGHT, SLOTS);
        try (BackgroundRun background = BackgroundRun.start(options, List.of(grabber));
             DatagramSocket sender = new DatagramSocket()) {
            ArtworkRun run = background.run();
            grabber.awaitFrameAfter(-1, PATIENCE);
            send(sender, run, "/vernissage/lineage/blend", 1f);
            FrameGrabber.Grab[] atChild = framesAround(grabber, BLEND, 1f);
            FrameGrabber.Grab settled = grabber.awaitFrameAfter(atChild[1].frameIndex(), PATIENCE);
            FrameGrabber.Grab next = grabber.awaitFrameAfter(settled.frameIndex(), PATIENCE);
            double clockDrift = next.image().differenceTo(settled.image()).meanChannel();

            send(sender, run, "/vernissage/lineage/mutate", 1f);
            FrameGrabber.Grab[] mutated = framesAround(grabber, MUTATE, 1f);
            RgbaImage.Difference change = mutated[1].image().differenceTo(mutated[0].image());
            assertTrue(change.meanChannel() > 6 && change.meanChannel() > 10 * clockDrift,
                    "a mutation must change the picture: " + change + " against " + clockDrift + " from the clock");
        }
    }

    /**
     * The last frame grabbed before slot {@code slot} showed {@code value}, and the first that
     * did (grabs may skip frames; the two are consecutive grabs).
     */
    private static FrameGrabber.Grab[] framesAround(FrameGrabber grabber, int slot, float value) throws Exception {
        FrameGrabber.Grab before = grabber.awaitFrameAfter(-1, PATIENCE);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            FrameGrabber.Grab grab = grabber.awaitFrameAfter(before.frameIndex(), PATIENCE);
            if (Math.abs(grab.parameters()[slot] - value) < 1e-5) {
                return new FrameGrabber.Grab[] {before, grab};
            }
            before = grab;
        }
        throw new AssertionError("slot " + slot + " never reached " + value);
    }

    private static void send(DatagramSocket sender, ArtworkRun run, String address, float value) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        OscWriter writer = new OscWriter().wrap(buffer).message(address).f(value).end();
        sender.send(new DatagramPacket(buffer.array(), writer.length(), InetAddress.getLoopbackAddress(),
                run.oscPort()));
    }
}
