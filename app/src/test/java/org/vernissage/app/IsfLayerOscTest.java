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
 * An ISF file as a layer of a manifest: real OSC packets over UDP, sent to the input's own address
 * {@code /vernissage/<id>/<layer>_<INPUT>} with no binding declared, move the ISF filter that reads
 * the GLSL layer under it, and the composite changes the way the shaders' arithmetic says.
 */
class IsfLayerOscTest {

    private static final int SIZE = 32;
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final double[] SEA = {0.4, 0.5, 0.25};
    private static final double[] TINT = {1.0, 0.5, 1.0};
    /** Slots: sea_opacity, sea_blend, fx_gain, fx_tint (4), fx_opacity, fx_blend. */
    private static final int SLOTS = 9;
    private static final int GAIN_SLOT = 2;

    @TempDir
    Path temp;

    @Test
    void oscMovesAnIsfLayersInputAtItsOwnAddress() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("ripple"));
        Files.writeString(folder.resolve("sea.frag"),
                "out vec4 fragColor;\nvoid main() { fragColor = vec4(0.4, 0.5, 0.25, 1.0); }\n");
        Files.writeString(folder.resolve("fx.fs"), """
                /*{ "ISFVSN": "2",
                    "INPUTS": [ {"NAME": "inputImage", "TYPE": "image"},
                                {"NAME": "gain", "TYPE": "float", "DEFAULT": 0.5, "MIN": 0, "MAX": 2},
                                {"NAME": "tint", "TYPE": "color", "DEFAULT": [1.0, 0.5, 1.0, 1.0]} ] }*/
                void main() {
                    vec4 c = IMG_THIS_PIXEL(inputImage);
                    gl_FragColor = vec4(c.rgb * gain * tint.rgb, 1.0);
                }
                """);
        Files.writeString(folder.resolve("artwork.json"), """
                {"title": "Ripple", "artist": "Test", "year": 2026, "description": "An ISF layer moved over OSC.",
                 "layers": [{"name": "sea", "shader": "sea.frag"},
                            {"name": "fx", "shader": "fx.fs", "images": {"inputImage": "sea"},
                             "blend": "add", "opacity": 0.5}]}
                """);
        RunOptions options = RunOptions.defaults(folder).withSize(new FrameSize(SIZE, SIZE))
                .withOsc("127.0.0.1", 0).withFramesPerSecond(60);
        FrameGrabber grabber = new FrameGrabber(SIZE, SIZE, SLOTS);
        try (BackgroundRun background = BackgroundRun.start(options, List.of(grabber));
             DatagramSocket sender = new DatagramSocket()) {
            ArtworkRun run = background.run();
            FrameGrabber.Grab first = grabber.awaitFrameAfter(-1, PATIENCE);
            assertPixel(first, composite(0.5), "the filter at its default gain 0.5");

            send(sender, run, "/vernissage/ripple/fx_gain", 1.5f);
            FrameGrabber.Grab moved = awaitSlot(grabber, GAIN_SLOT, 1.5f);
            assertPixel(moved, composite(1.5), "the filter at gain 1.5, moved over OSC");
        }
    }

    /** sea, plus the filter's (sea x gain x tint, in an 8-bit image) at opacity 0.5: the add blend. */
    private static double[] composite(double gain) {
        double[] out = new double[3];
        for (int c = 0; c < 3; c++) {
            double sea = Math.round(SEA[c] * 255) / 255.0;
            double filtered = Math.round(Math.min(1, sea * gain * TINT[c]) * 255) / 255.0;
            out[c] = sea + filtered * 0.5;
        }
        return out;
    }

    private static void assertPixel(FrameGrabber.Grab grab, double[] expected, String what) {
        for (int c = 0; c < 3; c++) {
            assertEquals(Math.round(Math.min(1, expected[c]) * 255), grab.image().channel(SIZE / 2, SIZE / 2, c), 1,
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
