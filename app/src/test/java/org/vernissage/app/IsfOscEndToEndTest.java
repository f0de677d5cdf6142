package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.render.FrameGrabber;
import org.vernissage.osc.OscWriter;

/**
 * A lone ISF file, no manifest and no binding, played as {@code vernissage run glow.fs} would:
 * real OSC packets over UDP on 127.0.0.1 reach each of its INPUTS at {@code /vernissage/glow/<NAME>}
 * (the id is the file's name without {@code .fs}), and the frames drawn show the values.
 */
class IsfOscEndToEndTest {

    private static final int WIDTH = 100;
    private static final int HEIGHT = 20;
    private static final int COLUMN = WIDTH / 5;
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String AT = "/vernissage/glow/";
    /** level, on, mode, spot (2), tint (4), bang: the INPUTS' order. */
    private static final int SLOTS = 10;

    @TempDir
    Path temp;

    private final ByteBuffer packet = ByteBuffer.allocate(256);
    private final OscWriter writer = new OscWriter();

    @Test
    void oscMovesEachInputOfAnIsfFilePlayedWithoutAManifest() throws Exception {
        Path file = isfFile();
        RunOptions options = RunOptions.defaults(file).withSize(new FrameSize(WIDTH, HEIGHT))
                .withOsc("127.0.0.1", 0).withFramesPerSecond(60);
        FrameGrabber grabber = new FrameGrabber(WIDTH, HEIGHT, SLOTS);
        try (BackgroundRun background = BackgroundRun.start(options, List.of(grabber));
             DatagramSocket sender = new DatagramSocket()) {
            ArtworkRun run = background.run();
            Consumer<Consumer<OscWriter>> send = message -> {
                writer.wrap(packet.clear());
                message.accept(writer);
                try {
                    sender.send(new DatagramPacket(packet.array(), writer.length(), InetAddress.getLoopbackAddress(),
                            run.oscPort()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            // The defaults first: what the header says, before any message.
            FrameGrabber.Grab grab = awaitValues(grabber, new float[] {0.5f, 0f, 1f, 0.25f, 0.25f, 0f, 0f, 1f, 1f, 0f},
                    run);
            assertPixel(grab, 0, 0.5f, 0f, 0.5f);
            send.accept(w -> w.message(AT + "level").f(0.75f).end());                  // float
            send.accept(w -> w.message(AT + "on").bool(true).end());                   // bool: T
            send.accept(w -> w.message(AT + "mode").i(2).end());                       // long: i
            send.accept(w -> w.message(AT + "spot").f(0.6f).f(0.8f).end());           // point2D
            send.accept(w -> w.message(AT + "tint").f(0.2f).f(0.4f).f(0.6f).end());   // color, alpha 1
            send.accept(w -> w.message(AT + "bang").end());                            // event
            grab = awaitValues(grabber, new float[] {0.75f, 1f, 2f, 0.6f, 0.8f, 0.2f, 0.4f, 0.6f, 1f, 1f}, run);
            assertPixel(grab, 0, 0.75f, 1f, 1f);            // level, on, mode / 2
            assertPixel(grab, 1, 0.6f, 0.8f, 0f);           // spot
            assertPixel(grab, 2, 0.2f, 0.4f, 0.6f);         // tint.rgb
            assertPixel(grab, 3, 1f, 0f, 0f);               // tint.a
        }
    }

    private static FrameGrabber.Grab awaitValues(FrameGrabber grabber, float[] expected, ArtworkRun run)
            throws Exception {
        try {
            return grabber.awaitFrameWhere(values -> Arrays.equals(values, expected), PATIENCE);
        } catch (TimeoutException e) {
            throw new AssertionError("expected " + Arrays.toString(expected) + ": " + e.getMessage() + "; "
                    + run.report().describe(), e);
        }
    }

    /** The middle of column {@code column} is (r, g, b), within one step of 8 bits. */
    private static void assertPixel(FrameGrabber.Grab grab, int column, float r, float g, float b) {
        int x = column * COLUMN + COLUMN / 2;
        float[] rgb = {r, g, b};
        for (int c = 0; c < 3; c++) {
            assertEquals(Math.round(rgb[c] * 255), grab.image().channel(x, HEIGHT / 2, c), 1,
                    "column " + column + " channel " + c);
        }
    }

    private Path isfFile() throws IOException {
        Path file = temp.resolve("glow.fs");
        Files.writeString(file, """
                /*{
                  "ISFVSN": "2",
                  "DESCRIPTION": "Each input drawn in a column, for the OSC end-to-end test.",
                  "CREDIT": "Vernissage",
                  "CATEGORIES": ["Test"],
                  "INPUTS": [
                    {"NAME": "level", "TYPE": "float", "DEFAULT": 0.5, "MIN": 0, "MAX": 1},
                    {"NAME": "on", "TYPE": "bool", "DEFAULT": false},
                    {"NAME": "mode", "TYPE": "long", "VALUES": [0, 1, 2], "LABELS": ["a", "b", "c"], "DEFAULT": 1},
                    {"NAME": "spot", "TYPE": "point2D", "DEFAULT": [0.25, 0.25], "MIN": [0, 0], "MAX": [1, 1]},
                    {"NAME": "tint", "TYPE": "color", "DEFAULT": [0, 0, 1, 1]},
                    {"NAME": "bang", "TYPE": "event"}
                  ]
                }*/
                void main() {
                    int column = int(isf_FragNormCoord.x * 5.0);
                    vec3 c = column == 0 ? vec3(level, on ? 1.0 : 0.0, float(mode) / 2.0)
                           : column == 1 ? vec3(spot, 0.0)
                           : column == 2 ? tint.rgb
                           : column == 3 ? vec3(tint.a, 0.0, 0.0)
                           : vec3(bang ? 1.0 : 0.0, 0.0, 0.0);
                    gl_FragColor = vec4(c, 1.0);
                }
                """);
        return file;
    }
}
