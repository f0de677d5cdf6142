package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.render.FrameGrabber;
import org.vernissage.osc.OscWriter;

/**
 * An artwork with a manifest and no OSC binding at all, run headless; real OSC packets over UDP on
 * 127.0.0.1 reach every parameter at {@code /vernissage/<folder name>/<name>}, one of each type,
 * and the frames drawn (or, for a trigger, the snapshot) show the values.
 */
class OscParameterAddressEndToEndTest {

    private static final int WIDTH = 120;
    private static final int HEIGHT = 20;
    private static final int COLUMN = WIDTH / 6;
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String ID = "unbound";
    private static final String AT = "/vernissage/" + ID + "/";

    // Snapshot slots in declaration order.
    private static final int LEVEL = 0;
    private static final int WAVES = 1;
    private static final int CALM = 2;
    private static final int CENTRE = 3;
    private static final int WIND = 5;
    private static final int TINT = 8;
    private static final int FLASH = 12;
    private static final int SLOTS = 13;

    @TempDir
    Path temp;

    private final ByteBuffer packet = ByteBuffer.allocate(256);
    private final OscWriter writer = new OscWriter();

    @Test
    void everyParameterTypeAnswersAtItsOwnAddressWithNoBindingDeclared() throws Exception {
        Path folder = artwork();
        RunOptions options = RunOptions.defaults(folder).withSize(new FrameSize(WIDTH, HEIGHT))
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
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            send.accept(w -> w.message(AT + "level").f(0.25f).end());                  // float: f
            send.accept(w -> w.message(AT + "waves").i(7).end());                      // int: i
            send.accept(w -> w.message(AT + "calm").bool(true).end());                 // bool: T
            send.accept(w -> w.message(AT + "centre").f(0.5f).f(0.75f).end());        // vec2
            send.accept(w -> w.message(AT + "wind").d(0.2).f(0.4f).i(1).end());        // vec3: d f i
            send.accept(w -> w.message(AT + "tint").f(0.1f).f(0.9f).f(0.3f).end());   // color, alpha 1
            send.accept(w -> w.message(AT + "flash").end());                           // event: no arguments
            send.accept(w -> w.message(AT + "flash").s("bang").end());                 // event: any arguments
            send.accept(w -> w.message(AT + "level").s("loud").end());                 // refused: not a number

            float[] expected = {0.25f, 7f, 1f, 0.5f, 0.75f, 0.2f, 0.4f, 1f, 0.1f, 0.9f, 0.3f, 1f, 2f};
            FrameGrabber.Grab grab = awaitValues(grabber, expected, run);
            assertPixel(grab, 0, 0.25f, 0.7f, 1f);          // level, waves / 10, calm
            assertPixel(grab, 1, 0.5f, 0.75f, 0f);          // centre
            assertPixel(grab, 2, 0.2f, 0.4f, 1f);           // wind
            assertPixel(grab, 3, 0.1f, 0.9f, 0.3f);         // tint.rgb
            assertPixel(grab, 4, 1f, 0f, 0f);               // tint.a

            send.accept(w -> w.message(AT + "calm").i(0).end());                       // bool: i
            send.accept(w -> w.message(AT + "waves").f(2.6f).end());                   // int: f, rounded
            send.accept(w -> w.message(AT + "tint").f(0.2f).f(0.4f).f(0.6f).f(0.5f).end()); // rgba
            float[] then = expected.clone();
            then[CALM] = 0f;
            then[WAVES] = 3f;
            then[TINT] = 0.2f;
            then[TINT + 1] = 0.4f;
            then[TINT + 2] = 0.6f;
            then[TINT + 3] = 0.5f;
            grab = awaitValues(grabber, then, run);
            assertPixel(grab, 0, 0.25f, 0.3f, 0f);
            assertPixel(grab, 4, 0.5f, 0f, 0f);
            assertTrue(run.report().describe().contains("dropped 1,"), "the string sent to a float: "
                    + run.report().describe());
            assertTrue(!background.console().contains("answer over OSC only"), background.console());
        }
    }

    private static FrameGrabber.Grab awaitValues(FrameGrabber grabber, float[] expected, ArtworkRun run)
            throws Exception {
        try {
            return grabber.awaitFrameWhere(values -> java.util.Arrays.equals(values, expected), PATIENCE);
        } catch (TimeoutException e) {
            throw new AssertionError("expected " + java.util.Arrays.toString(expected) + ": " + e.getMessage() + "; "
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

    private Path artwork() throws Exception {
        Path folder = Files.createDirectories(temp.resolve(ID));
        Files.writeString(folder.resolve("artwork.json"), """
                {
                  "title": "Unbound",
                  "artist": "Test",
                  "year": 2026,
                  "description": "Every parameter type, no binding: OSC reaches them at their own addresses.",
                  "shader": "main.frag",
                  "parameters": [
                    {"name": "level", "type": "float", "min": 0, "max": 1, "default": 0},
                    {"name": "waves", "type": "int", "min": 0, "max": 10, "default": 0},
                    {"name": "calm", "type": "bool", "default": false},
                    {"name": "centre", "type": "vec2", "min": 0, "max": 1, "default": [0, 0]},
                    {"name": "wind", "type": "vec3", "min": 0, "max": 1, "default": [0, 0, 0]},
                    {"name": "tint", "type": "color", "default": [0, 0, 0, 1]},
                    {"name": "flash", "type": "event"}
                  ]
                }
                """);
        Files.writeString(folder.resolve("main.frag"), """
                uniform float level;
                uniform int waves;
                uniform bool calm;
                uniform vec2 centre;
                uniform vec3 wind;
                uniform vec4 tint;
                uniform bool flash;
                uniform vec2 RENDERSIZE;
                out vec4 fragColor;
                void main() {
                    int column = int(gl_FragCoord.x / RENDERSIZE.x * 6.0);
                    vec3 c = column == 0 ? vec3(level, float(waves) / 10.0, calm ? 1.0 : 0.0)
                           : column == 1 ? vec3(centre, 0.0)
                           : column == 2 ? wind
                           : column == 3 ? tint.rgb
                           : column == 4 ? vec3(tint.a, 0.0, 0.0)
                           : vec3(flash ? 1.0 : 0.0, 0.0, 0.0);
                    fragColor = vec4(c, 1.0);
                }
                """);
        return folder;
    }
}
