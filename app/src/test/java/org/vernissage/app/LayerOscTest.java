package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.render.FrameGrabber;
import org.vernissage.osc.OscWriter;

/**
 * A layer's opacity and blend mode are parameters like any other: real OSC packets over UDP,
 * bound in the manifest to {@code top_opacity} and {@code top_blend}, change the composite the
 * way the blend formulas say.
 */
class LayerOscTest {

    private static final int SIZE = 32;
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final double[] BASE = {0.2, 0.6, 0.8};
    private static final double[] TOP = {0.5, 0.3, 0.9};

    @TempDir
    Path folder;

    @Test
    void oscMovesALayersOpacityAndBlendMode() throws Exception {
        Files.writeString(folder.resolve("base.frag"),
                "out vec4 fragColor;\nvoid main() { fragColor = vec4(0.2, 0.6, 0.8, 1.0); }\n");
        Files.writeString(folder.resolve("top.frag"),
                "out vec4 fragColor;\nvoid main() { fragColor = vec4(0.5, 0.3, 0.9, 1.0); }\n");
        Files.writeString(folder.resolve("artwork.json"), """
                {"title": "Two layers", "artist": "Test", "year": 2026, "description": "OSC moves a layer.",
                 "layers": [{"name": "base", "shader": "base.frag"}, {"name": "top", "shader": "top.frag"}],
                 "osc": [{"address": "/layers/top/opacity", "parameter": "top_opacity"},
                         {"address": "/layers/top/blend", "parameter": "top_blend"}]}
                """);
        // Slots: base_opacity, base_blend, top_opacity, top_blend.
        RunOptions options = RunOptions.defaults(folder).withSize(new FrameSize(SIZE, SIZE))
                .withOsc("127.0.0.1", 0).withFramesPerSecond(60);
        FrameGrabber grabber = new FrameGrabber(SIZE, SIZE, 4);
        try (BackgroundRun background = BackgroundRun.start(options, List.of(grabber));
             DatagramSocket sender = new DatagramSocket()) {
            ArtworkRun run = background.run();
            FrameGrabber.Grab first = grabber.awaitFrameAfter(-1, PATIENCE);
            assertPixel(first, TOP, "top at normal, opacity 1, by default");

            send(sender, run, "/layers/top/opacity", 0.25f);
            FrameGrabber.Grab quarter = awaitSlot(grabber, 2, 0.25f);
            double[] mixed = new double[3];
            for (int c = 0; c < 3; c++) {
                mixed[c] = BASE[c] + (TOP[c] - BASE[c]) * 0.25;
            }
            assertPixel(quarter, mixed, "normal at opacity 0.25");

            send(sender, run, "/layers/top/opacity", 1f);
            send(sender, run, "/layers/top/blend", 2f); // multiply
            FrameGrabber.Grab multiplied = awaitSlot(grabber, 3, 2f);
            awaitSlot(grabber, 2, 1f);
            multiplied = grabber.awaitFrameAfter(multiplied.frameIndex() + 1, PATIENCE);
            double[] product = {BASE[0] * TOP[0], BASE[1] * TOP[1], BASE[2] * TOP[2]};
            assertPixel(multiplied, product, "multiply at opacity 1");
        }
    }

    private static void assertPixel(FrameGrabber.Grab grab, double[] expected, String what) {
        for (int c = 0; c < 3; c++) {
            assertEquals(Math.round(expected[c] * 255), grab.image().channel(SIZE / 2, SIZE / 2, c), 1,
                    what + ", channel " + c + " of frame " + grab.frameIndex());
        }
    }

    private static FrameGrabber.Grab awaitSlot(FrameGrabber grabber, int slot, float value) throws Exception {
        return grabber.awaitFrameWhere(values -> Math.abs(values[slot] - value) < 1e-5, PATIENCE);
    }

    private static void send(DatagramSocket sender, ArtworkRun run, String address, float value) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        OscWriter writer = new OscWriter().wrap(buffer).message(address).f(value).end();
        sender.send(new DatagramPacket(buffer.array(), writer.length(), InetAddress.getLoopbackAddress(),
                run.oscPort()));
    }
}
