package org.vernissage.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.SnapshotExchange;

/** Shader build errors through a real driver (headless Mesa EGL), as an artist meets them. */
class ShaderProgramTest {

    private static final int SIZE = 64;

    @RegisterExtension
    static final HeadlessGl GL = new HeadlessGl(SIZE);

    @TempDir
    Path temp;

    private static final String HELPERS_WITH_ERROR = """
            // helpers for the test piece
            float helper()
            {
                return undefinedThing * 2.0;
            }
            """;

    private static final String HELPERS_OK = """
            // helpers for the test piece
            float helper()
            {
                return 0.5;
            }
            """;

    private static final String MAIN_INCLUDING_HELPERS = """
            #version 330 core
            #include "helpers.glsl"
            out vec4 fragColor;
            void main() {
                fragColor = vec4(helper(), 0.0, 0.0, 1.0);
            }
            """;

    /** Sets the artwork up as the render loop would; returns the failure. */
    private ShaderBuildException buildFails(TestArtworkFolder folder) throws Exception {
        ArtworkManifest manifest = folder.load();
        FragmentShaderArtwork artwork = new FragmentShaderArtwork(manifest, manifest.layout());
        try {
            return assertThrows(ShaderBuildException.class, () -> TestArtworkFolder.setUpOnCanvas(artwork, SIZE));
        } finally {
            artwork.dispose();
        }
    }

    private static void assertNamesLine(String message, Path file, int line) {
        assertTrue(Pattern.compile(Pattern.quote(file.toString()) + ":" + line + "(?!\\d)").matcher(message).find(),
                "expected " + file + ":" + line + " in: " + message);
    }

    private static void assertOneLine(String message) {
        assertFalse(message.contains("\n") || message.contains("\r"), "not one line: " + message);
        assertFalse(message.isBlank());
    }

    @Test
    void errorInAnIncludedFileNamesThatFileAndLine() throws Exception {
        TestArtworkFolder folder = TestArtworkFolder.create(temp, "included-error", "main.frag", "[]")
                .file("main.frag", MAIN_INCLUDING_HELPERS)
                .file("helpers.glsl", HELPERS_WITH_ERROR);

        ShaderBuildException e = buildFails(folder);
        String message = e.getMessage();

        assertNamesLine(message, folder.folder().resolve("helpers.glsl"), 4);
        assertTrue(message.startsWith(folder.folder().resolve("helpers.glsl") + ":4:"),
                "tools read file:line from the start of the message: " + message);
        assertFalse(message.contains("main.frag"), "blames main.frag: " + message);
        assertTrue(message.contains("undefinedThing"), "the driver's words: " + message);
        assertTrue(message.toLowerCase().contains("error"), message);
        assertOneLine(message);
        assertNamesLine(e.driverLog(), folder.folder().resolve("helpers.glsl"), 4);
    }

    @Test
    void errorInTheMainFileNamesItAndTheLineAfterAnInclude() throws Exception {
        TestArtworkFolder folder = TestArtworkFolder.create(temp, "main-error", "main.frag", "[]")
                .file("helpers.glsl", HELPERS_OK)
                .file("main.frag", """
                        #version 330 core
                        #include "helpers.glsl"
                        out vec4 fragColor;
                        void main() {
                            float x = helper();
                            fragColor = vec4(x, missingValue, 0.0, 1.0);
                        }
                        """);

        ShaderBuildException e = buildFails(folder);

        assertNamesLine(e.getMessage(), folder.folder().resolve("main.frag"), 6);
        assertTrue(e.getMessage().contains("missingValue"), e.getMessage());
        assertFalse(e.getMessage().contains("helpers.glsl"), e.getMessage());
        assertOneLine(e.getMessage());
    }

    @Test
    void syntaxErrorInAFileWithoutVersionNamesItsOwnLine() throws Exception {
        // The loader adds #version itself: the artist's line numbers must not shift.
        TestArtworkFolder folder = TestArtworkFolder.create(temp, "syntax-error", "piece.frag", "[]")
                .file("piece.frag", """
                        out vec4 fragColor;
                        void main() {
                            float x = ;
                            fragColor = vec4(x);
                        }
                        """);

        ShaderBuildException e = buildFails(folder);

        assertNamesLine(e.getMessage(), folder.folder().resolve("piece.frag"), 3);
        assertTrue(e.getMessage().contains("syntax"), "the driver's words: " + e.getMessage());
        assertOneLine(e.getMessage());
    }

    @Test
    void severalErrorsGiveTheFirstAndACount() throws Exception {
        TestArtworkFolder folder = TestArtworkFolder.create(temp, "two-errors", "main.frag", "[]")
                .file("main.frag", """
                        #version 330 core
                        out vec4 fragColor;
                        void main() {
                            float a = firstMissing;
                            float b = secondMissing;
                            fragColor = vec4(a, b, 0.0, 1.0);
                        }
                        """);

        ShaderBuildException e = buildFails(folder);

        assertNamesLine(e.getMessage(), folder.folder().resolve("main.frag"), 4);
        assertTrue(e.getMessage().contains("firstMissing"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(and 1 more error)"), e.getMessage());
        assertOneLine(e.getMessage());
        assertNamesLine(e.driverLog(), folder.folder().resolve("main.frag"), 5);
        assertTrue(e.driverLog().contains("secondMissing"), e.driverLog());
    }

    @Test
    void linkErrorNamesTheShaderInOneLine() throws Exception {
        TestArtworkFolder folder = TestArtworkFolder.create(temp, "no-main", "main.frag", "[]")
                .file("main.frag", """
                        #version 330 core
                        out vec4 fragColor;
                        void notMain() {
                            fragColor = vec4(1.0);
                        }
                        """);

        ShaderBuildException e = buildFails(folder);

        assertTrue(e.getMessage().startsWith(folder.folder().resolve("main.frag").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("link"), e.getMessage());
        assertTrue(e.getMessage().contains("main"), e.getMessage());
        assertOneLine(e.getMessage());
    }

    @Test
    void bundledNoiseAndColorLibrariesCompileLinkAndDraw() throws Exception {
        TestArtworkFolder folder = TestArtworkFolder.create(temp, "library", "main.frag", "[]")
                .file("main.frag", """
                        #version 330 core
                        #include "noise.glsl"
                        #include "color.glsl"
                        in vec2 isf_FragNormCoord;
                        out vec4 fragColor;
                        void main() {
                            vec2 p = isf_FragNormCoord * 6.0;
                            float n = 0.5 + 0.25 * fbm(p) + 0.1 * snoise(vec3(p, 1.0)) + 0.1 * fbm(vec3(p, 2.0), 3)
                                    + 0.05 * (valueNoise(p) + valueNoise(vec3(p, 0.5)) - 1.0)
                                    + 0.02 * (hash12(p) + hash13(vec3(p, 3.0)) + hash22(p).x - 1.5)
                                    + 0.01 * snoise(p) + 0.01 * fbm(vec3(p, 4.0)) + 0.01 * fbm(p, 2);
                            vec3 c = hsv2rgb(vec3(n, 0.7, 0.9));
                            c = mix(c, palette(n, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.0, 0.33, 0.67)), 0.5);
                            c = linearToSrgb(tonemapFilmic(srgbToLinear(c) * 2.0)) + 0.0 * rgb2hsv(c);
                            fragColor = vec4(clamp(c, 0.0, 1.0), 1.0);
                        }
                        """);
        ArtworkManifest manifest = folder.load();
        FragmentShaderArtwork artwork = new FragmentShaderArtwork(manifest, manifest.layout());
        try (Framebuffer image = new Framebuffer(SIZE, SIZE)) {
            image.bind();
            artwork.setup(image);
            FrameInfo frame = new FrameInfo();
            frame.set(0, 0, 0, SIZE, SIZE);
            artwork.update(frame, new SnapshotExchange(new float[0]).latch());
            artwork.render(frame, image);

            RgbaImage drawn = TestArtworkFolder.read(image);
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < SIZE; y += 4) {
                for (int x = 0; x < SIZE; x += 4) {
                    colours.add(drawn.channel(x, y, 0) << 16 | drawn.channel(x, y, 1) << 8 | drawn.channel(x, y, 2));
                    assertEquals(255, drawn.channel(x, y, 3));
                }
            }
            assertTrue(colours.size() > 20, "noise should vary across the frame, got " + colours.size() + " colours");
            assertTrue(drawn.meanLuma() > 10, "the frame was drawn, mean luma " + drawn.meanLuma());
        } finally {
            artwork.dispose();
        }
    }
}
