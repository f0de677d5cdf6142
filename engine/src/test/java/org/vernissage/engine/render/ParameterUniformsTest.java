package org.vernissage.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.SnapshotExchange;

/** The manifest-shader contract, checked at setup and applied every frame, on a real driver. */
class ParameterUniformsTest {

    private static final int SIZE = 64;

    @RegisterExtension
    static final HeadlessGl GL = new HeadlessGl(SIZE);

    @TempDir
    Path temp;

    private static final String LEVEL = """
            [{"name": "level", "type": "float", "min": 0, "max": 1, "default": 0.5}]""";

    private ArtworkException setupFails(TestArtworkFolder folder) throws Exception {
        ArtworkManifest manifest = folder.load();
        FragmentShaderArtwork artwork = new FragmentShaderArtwork(manifest, manifest.layout());
        try {
            ArtworkException e = assertThrows(ArtworkException.class, () -> TestArtworkFolder.setUpOnCanvas(artwork, SIZE));
            assertFalse(e instanceof ShaderBuildException, "the shader itself is fine: " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
            return e;
        } finally {
            artwork.dispose();
        }
    }

    @Test
    void aDeclaredParameterMissingFromTheShaderNamesManifestParameterAndDeclaration() throws Exception {
        TestArtworkFolder folder = TestArtworkFolder.create(temp, "missing", "main.frag", LEVEL)
                .file("main.frag", """
                        out vec4 fragColor;
                        void main() { fragColor = vec4(1.0, 0.0, 0.0, 1.0); }
                        """);

        String message = setupFails(folder).getMessage();

        assertTrue(message.startsWith(folder.folder().resolve("artwork.json").toString()), message);
        assertTrue(message.contains("'level'"), message);
        assertTrue(message.contains("`uniform float level;`"), message);
        assertTrue(message.contains(folder.folder().resolve("main.frag").toString()), message);
    }

    @Test
    void aDeclaredButUnusedUniformCountsAsMissing() throws Exception {
        // The driver drops unused uniforms: the parameter would silently do nothing.
        TestArtworkFolder folder = TestArtworkFolder.create(temp, "unused", "main.frag", LEVEL)
                .file("main.frag", """
                        uniform float level;
                        out vec4 fragColor;
                        void main() { fragColor = vec4(1.0, 0.0, 0.0, 1.0); }
                        """);

        String message = setupFails(folder).getMessage();

        assertTrue(message.contains("'level'"), message);
        assertTrue(message.contains("artwork.json"), message);
    }

    @Test
    void aTypeMismatchNamesBothTypes() throws Exception {
        TestArtworkFolder folder = TestArtworkFolder.create(temp, "mismatch", "main.frag", """
                [{"name": "wind", "type": "vec3", "min": -1, "max": 1, "default": [0, 0, 0]}]""")
                .file("main.frag", """
                        uniform float wind;
                        out vec4 fragColor;
                        void main() { fragColor = vec4(wind, 0.0, 0.0, 1.0); }
                        """);

        String message = setupFails(folder).getMessage();

        assertTrue(message.startsWith(folder.folder().resolve("main.frag").toString()), message);
        assertTrue(message.contains("'wind'"), message);
        assertTrue(message.contains("is float"), "the shader's type: " + message);
        assertTrue(message.contains("vec3"), "the manifest's type: " + message);
        assertTrue(message.contains("`uniform vec3 wind;`"), message);
        assertTrue(message.contains("artwork.json"), message);
    }

    @Test
    void anArrayUniformIsAMismatchEvenWithTheRightElementType() throws Exception {
        TestArtworkFolder folder = TestArtworkFolder.create(temp, "array", "main.frag", LEVEL)
                .file("main.frag", """
                        uniform float level[2];
                        out vec4 fragColor;
                        void main() { fragColor = vec4(level[0], level[1], 0.0, 1.0); }
                        """);

        String message = setupFails(folder).getMessage();

        assertTrue(message.contains("level"), message);
        assertTrue(message.contains("`uniform float level;`"), message);
    }

    @Test
    void aShaderUniformNotDeclaredInTheManifestIsNamed() throws Exception {
        TestArtworkFolder folder = TestArtworkFolder.create(temp, "undeclared", "main.frag", LEVEL)
                .file("main.frag", """
                        uniform float level;
                        uniform float sparkle;
                        out vec4 fragColor;
                        void main() { fragColor = vec4(level, sparkle, 0.0, 1.0); }
                        """);

        String message = setupFails(folder).getMessage();

        assertTrue(message.startsWith(folder.folder().resolve("main.frag").toString()), message);
        assertTrue(message.contains("'sparkle'"), message);
        assertTrue(message.contains("artwork.json"), message);
        assertFalse(message.contains("'level'"), "level is declared: " + message);
    }

    @Test
    void aControlOnlyParameterNeedsNoUniformButKeepsItsSlot() throws Exception {
        // "shader": false: a sensor input for a model; the shader never reads it.
        TestArtworkFolder folder = TestArtworkFolder.create(temp, "control-only", "main.frag", """
                [
                  {"name": "hand_x", "type": "float", "min": 0, "max": 1, "default": 0.25, "shader": false},
                  {"name": "level", "type": "float", "min": 0, "max": 1, "default": 0.5}
                ]""")
                .file("main.frag", """
                        uniform float level;
                        out vec4 fragColor;
                        void main() { fragColor = vec4(level, 0.0, 0.0, 1.0); }
                        """);
        ArtworkManifest manifest = folder.load();
        assertFalse(manifest.layout().specs().get(0).shader(), "hand_x is control-only");
        assertTrue(manifest.layout().specs().get(1).shader(), "level is drawn");
        assertEquals(2, manifest.layout().slotCount(), "a control-only parameter still has its snapshot slot");
        FragmentShaderArtwork artwork = new FragmentShaderArtwork(manifest, manifest.layout());
        try {
            TestArtworkFolder.setUpOnCanvas(artwork, SIZE); // no "not an active uniform" for hand_x
        } finally {
            artwork.dispose();
        }
    }

    @Test
    void aControlOnlyParameterTheShaderDoesDeclareIsStillChecked() throws Exception {
        TestArtworkFolder folder = TestArtworkFolder.create(temp, "control-declared", "main.frag", """
                [{"name": "level", "type": "vec2", "min": 0, "max": 1, "default": [0, 0], "shader": false}]""")
                .file("main.frag", """
                        uniform float level;
                        out vec4 fragColor;
                        void main() { fragColor = vec4(level, 0.0, 0.0, 1.0); }
                        """);

        String message = setupFails(folder).getMessage();

        assertTrue(message.contains("'level'"), message);
        assertTrue(message.contains("`uniform vec2 level;`"), message);
    }

    @Test
    void shaderMustBeABoolean() throws Exception {
        TestArtworkFolder folder = TestArtworkFolder.create(temp, "shader-field", "main.frag", """
                [{"name": "level", "type": "float", "min": 0, "max": 1, "default": 0, "shader": "no"}]""")
                .file("main.frag", "out vec4 fragColor; void main() { fragColor = vec4(1.0); }\n");
        Exception e = assertThrows(Exception.class, folder::load);
        assertTrue(e.getMessage().contains("shader") && e.getMessage().contains("true or false"), e.getMessage());
    }

    @Test
    void aBuiltInOfTheWrongTypeIsRefused() throws Exception {
        TestArtworkFolder folder = TestArtworkFolder.create(temp, "builtin", "main.frag", "[]")
                .file("main.frag", """
                        uniform int TIME;
                        out vec4 fragColor;
                        void main() { fragColor = vec4(float(TIME), 0.0, 0.0, 1.0); }
                        """);

        String message = setupFails(folder).getMessage();

        assertTrue(message.contains("TIME"), message);
        assertTrue(message.contains("float"), "the required type: " + message);
        assertTrue(message.contains("int"), "the declared type: " + message);
    }

    @Test
    void aCorrectArtworkDrawsWithItsParametersOfEveryType() throws Exception {
        TestArtworkFolder folder = TestArtworkFolder.create(temp, "every-type", "main.frag", """
                [
                  {"name": "level", "type": "float", "min": 0, "max": 1, "default": 0.5},
                  {"name": "centre", "type": "vec2", "min": -1, "max": 1, "default": [0, 0]},
                  {"name": "wind", "type": "vec3", "min": -1, "max": 1, "default": [0, 0, 0]},
                  {"name": "tint", "type": "color", "default": [1, 1, 1, 1]},
                  {"name": "waves", "type": "int", "min": 0, "max": 10, "default": 0},
                  {"name": "calm", "type": "bool", "default": false}
                ]""")
                .file("main.frag", """
                        #version 330 core
                        uniform float level;
                        uniform vec2 centre;
                        uniform vec3 wind;
                        uniform vec4 tint;
                        uniform int waves;
                        uniform bool calm;
                        out vec4 fragColor;
                        void main() {
                            fragColor = vec4(level, calm ? centre.y : 0.0, wind.z * float(waves) / 10.0, tint.a);
                        }
                        """);
        ArtworkManifest manifest = folder.load();
        ParameterLayout layout = manifest.layout();
        float[] values = new float[layout.slotCount()];
        layout.copyDefaultsInto(values);
        SnapshotExchange exchange = new SnapshotExchange(values);
        FragmentShaderArtwork artwork = new FragmentShaderArtwork(manifest, layout);
        try (Framebuffer image = new Framebuffer(SIZE, SIZE)) {
            image.bind();
            artwork.setup(image);
            FrameInfo frame = new FrameInfo();
            frame.set(0, 0, 0, SIZE, SIZE);

            // Defaults first: level 0.5, calm false, waves 0, tint.a 1.
            RgbaImage defaults = draw(artwork, frame, exchange.latch(), image);
            assertPixel(defaults, 128, 0, 0, 255);

            values[layout.offset(0)] = 0.25f;                 // level
            values[layout.offset(1) + 1] = 0.5f;              // centre.y
            values[layout.offset(2) + 2] = 0.8f;              // wind.z
            values[layout.offset(3) + 3] = 0.6f;              // tint.a
            values[layout.offset(4)] = 4.6f;                  // waves: rounds to 5
            values[layout.offset(5)] = 1f;                    // calm
            exchange.publish(values, 6, 0);
            RgbaImage changed = draw(artwork, frame, exchange.latch(), image);
            assertPixel(changed, 64, 128, 102, 153);

            values[layout.offset(0)] = 1f;
            values[layout.offset(5)] = 0.4f;                  // calm below 0.5: false
            exchange.publish(values, 8, 0);
            RgbaImage again = draw(artwork, frame, exchange.latch(), image);
            assertPixel(again, 255, 0, 102, 153);
        } finally {
            artwork.dispose();
        }
    }

    @Test
    void anEventIsTrueForOneFrameWhenItsCountMovedHoweverFar() throws Exception {
        TestArtworkFolder folder = TestArtworkFolder.create(temp, "event", "main.frag", """
                [{"name": "flash", "type": "event"}]""")
                .file("main.frag", """
                        uniform bool flash;
                        out vec4 fragColor;
                        void main() { fragColor = vec4(flash ? 1.0 : 0.0, 0.0, 0.0, 1.0); }
                        """);
        ArtworkManifest manifest = folder.load();
        ParameterLayout layout = manifest.layout();
        assertEquals(0f, layout.specs().get(0).defaultComponent(0), "an event needs no default: no trigger yet");
        SnapshotExchange exchange = new SnapshotExchange(new float[] {0f});
        FragmentShaderArtwork artwork = new FragmentShaderArtwork(manifest, layout);
        // Per frame, the trigger count the conductor published: two triggers before frame 1 show
        // as one frame of true (a shader sees a frame, not a message), then false until the next.
        float[] counts = {0f, 2f, 2f, 3f, 4f, 4f};
        int[] red = {0, 255, 0, 255, 255, 0};
        try (Framebuffer image = new Framebuffer(SIZE, SIZE)) {
            image.bind();
            artwork.setup(image);
            FrameInfo frame = new FrameInfo();
            for (int i = 0; i < counts.length; i++) {
                frame.set(i, i / 60.0, 1 / 60.0, SIZE, SIZE);
                exchange.publish(new float[] {counts[i]}, i, 0);
                assertPixel(draw(artwork, frame, exchange.latch(), image), red[i], 0, 0, 255);
            }
        } finally {
            artwork.dispose();
        }
    }

    @Test
    void builtInsCarryTheFramesTimeSizeAndIndex() throws Exception {
        TestArtworkFolder folder = TestArtworkFolder.create(temp, "builtins", "main.frag", "[]")
                .file("main.frag", """
                        uniform float TIME;
                        uniform vec2 RENDERSIZE;
                        uniform int FRAMEINDEX;
                        out vec4 fragColor;
                        void main() {
                            fragColor = vec4(TIME / 10.0, RENDERSIZE.x / 256.0, RENDERSIZE.y / 256.0,
                                             float(FRAMEINDEX) / 100.0);
                        }
                        """);
        ArtworkManifest manifest = folder.load();
        FragmentShaderArtwork artwork = new FragmentShaderArtwork(manifest, manifest.layout());
        // RENDERSIZE is the size of the target drawn into (a pass's, later), here not square.
        try (Framebuffer image = new Framebuffer(128, SIZE)) {
            image.bind();
            artwork.setup(image);
            FrameInfo frame = new FrameInfo();
            frame.set(40, 5.0, 0.1, 128, SIZE);

            RgbaImage drawn = draw(artwork, frame, new SnapshotExchange(new float[0]).latch(), image);

            assertPixel(drawn, 128, 128, 64, 102);
        } finally {
            artwork.dispose();
        }
    }

    private static RgbaImage draw(FragmentShaderArtwork artwork, FrameInfo frame, ParameterSnapshot parameters,
                                  Framebuffer image) {
        image.bind();
        artwork.update(frame, parameters);
        artwork.render(frame, image);
        return TestArtworkFolder.read(image);
    }

    private static void assertPixel(RgbaImage image, int r, int g, int b, int a) {
        int[] expected = {r, g, b, a};
        for (int[] at : new int[][] {{0, 0}, {32, 32}, {63, 63}, {5, 60}}) {
            for (int c = 0; c < 4; c++) {
                assertEquals(expected[c], image.channel(at[0], at[1], c), 1,
                        "channel " + c + " at (" + at[0] + ", " + at[1] + ")");
            }
        }
    }
}
