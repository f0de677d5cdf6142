package org.vernissage.engine.render.isf;

import org.vernissage.engine.artwork.IsfParameters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.RgbaImage;
import org.vernissage.shaders.isf.IsfLoader;

/**
 * The ISF conformance suite: one project-written ISF file per feature (under
 * {@code src/test/resources/isf/}), played headless with stepped time on a tiny canvas, each pixel
 * checked against the value the shader's own arithmetic gives (8-bit rounding: within 1).
 */
class IsfConformanceTest {

    private static final Path FOLDER = Path.of("src/test/resources/isf").toAbsolutePath();
    private static final LocalDateTime ORIGIN = LocalDateTime.of(2026, 12, 4, 10, 0, 0);
    private static EglSurfacelessContext context;

    @BeforeAll
    static void open() throws Exception {
        context = EglSurfacelessContext.open(64, 64);
    }

    @AfterAll
    static void close() {
        context.close();
    }

    /** Plays one artwork frame by frame, as the render loop does. */
    private static final class Player implements AutoCloseable {
        final IsfArtwork artwork;
        final ParameterLayout layout;
        final float[] values;
        final SnapshotExchange snapshots;
        final Framebuffer canvas;
        final FrameInfo frame = new FrameInfo();
        long index;
        double dt = 0.02;

        Player(String file, int width, int height, Map<String, Path> images) throws Exception {
            this(FOLDER, FOLDER.resolve(file), width, height, images);
        }

        Player(Path root, Path file, int width, int height, Map<String, Path> images) throws Exception {
            layout = new ParameterLayout(IsfParameters.specs(new IsfLoader().load(root, file).document()));
            values = new float[layout.slotCount()];
            layout.copyDefaultsInto(values);
            snapshots = new SnapshotExchange(values);
            artwork = new IsfArtwork(root, file, layout, images, ORIGIN);
            canvas = new Framebuffer(width, height);
            canvas.bind();
            artwork.setup(canvas);
        }

        void set(String name, float... components) {
            int at = layout.offset(layout.indexOf(name).orElseThrow());
            System.arraycopy(components, 0, values, at, components.length);
        }

        RgbaImage frame() {
            snapshots.publish(values, index + 1, index + 1);
            frame.set(index, index * dt, index == 0 ? 0 : dt, canvas.width(), canvas.height());
            canvas.bind();
            artwork.update(frame, snapshots.latch());
            artwork.render(frame, canvas);
            index++;
            ByteBuffer pixels = ByteBuffer.allocateDirect(canvas.width() * canvas.height() * 4);
            canvas.readPixels(pixels);
            return RgbaImage.fromGlRows(pixels, canvas.width(), canvas.height());
        }

        @Override
        public void close() {
            artwork.dispose();
            canvas.close();
        }
    }

    /** Pixel (x, y from the top) is {@code expected} (0..1 per channel) within one 8-bit step. */
    private static void assertPixel(RgbaImage image, int x, int y, double... expected) {
        for (int c = 0; c < expected.length; c++) {
            double want = Math.min(1, Math.max(0, expected[c])) * 255;
            int got = image.channel(x, y, c);
            assertTrue(Math.abs(got - want) <= 1.0, "pixel (" + x + ", " + y + ") channel " + c + ": expected "
                    + want + ", got " + got);
        }
    }

    @Test
    void everyValueInputTypeStartsAtItsDefaultAndMovesAsAParameter() throws Exception {
        try (Player player = new Player("inputs.fs", 16, 16, Map.of())) {
            RgbaImage first = player.frame();
            assertPixel(first, 2, 8, 0.2, 3 / 10.0, 0.7, 1.0);
            assertPixel(first, 12, 8, 0.1, 0.4, 0.6, 0.2);
            player.set("level", 0.6f);
            player.set("mode", 1f);
            player.set("on", 0f);
            player.set("pos", 0.1f, 0.9f);
            player.set("tint", 0.9f, 0.8f, 0.7f, 1f);
            player.set("bang", 1f); // one trigger
            RgbaImage moved = player.frame();
            assertPixel(moved, 2, 8, 0.6, 1 / 10.0, 0.9, 0.0);
            assertPixel(moved, 12, 8, 0.9, 0.8, 0.7, 1.0);
            assertPixel(player.frame(), 12, 8, 0.9, 0.8, 0.7, 0.2); // an event is true for one frame
        }
    }

    @Test
    void aPersistentFloatBufferAccumulatesPastOne() throws Exception {
        try (Player player = new Player("multipass-float.fs", 16, 16, Map.of())) {
            for (int frame = 1; frame <= 6; frame++) {
                // accum = 0.3 * frame (1.8 after six frames: only a float buffer holds it), shown / 4
                assertPixel(player.frame(), 5, 5, 0.3 * frame / 4, 0.3 * frame / 4, 0.3 * frame / 4, 0.3 * frame / 4);
            }
        }
    }

    @Test
    void passSizesFollowTheirExpressionsTheCanvasAndTheInputs() throws Exception {
        try (Player player = new Player("sizes.fs", 64, 48, Map.of())) {
            // floor(64 / 4) = 16, 48 / 2 + 2 = 26; pass 0 saw RENDERSIZE = its own size
            assertPixel(player.frame(), 10, 10, 16 / 255.0, 26 / 255.0, 16 / 255.0);
            player.set("extra", 10f);
            assertPixel(player.frame(), 10, 10, 16 / 255.0, 34 / 255.0, 16 / 255.0);
        }
    }

    @Test
    void eachPassSeesItsPassIndex() throws Exception {
        try (Player player = new Player("passindex.fs", 16, 16, Map.of())) {
            assertPixel(player.frame(), 3, 3, 0.1, 0.1 + 0.25, 0.5, 1.0);
        }
    }

    @Test
    void dateTimeDeltaAndFrameIndexComeFromTheShowClock() throws Exception {
        try (Player player = new Player("clock.fs", 16, 16, Map.of())) {
            player.dt = 0.02;
            RgbaImage image = null;
            for (int i = 0; i < 5; i++) {
                image = player.frame();
            }
            double t = 4 * 0.02;
            assertPixel(image, 2, 2, 26 / 255.0, 12 / 255.0, 4 / 255.0, (10 * 3600 + t) / 86400.0);
            assertPixel(image, 12, 2, 0.02 * 30, 4 / 255.0, t / 10.0, 1.0);
        }
    }

    @Test
    void aFilterTakesItsInputImageFromAFile() throws Exception {
        try (Player player = new Player("filter.fs", 16, 16, Map.of("inputImage", FOLDER.resolve("imported.png")))) {
            RgbaImage image = player.frame();
            // top-left quarter is red (1, 0, 0): inverted (0, 1, 1), times gain 0.5
            assertPixel(image, 2, 2, 0.0, 0.5, 0.5, 1.0);
            // bottom-right is white: black
            assertPixel(image, 13, 13, 0.0, 0.0, 0.0, 1.0);
        }
    }

    @Test
    void aTransitionMixesItsTwoBoundImagesByProgress() throws Exception {
        try (Player player = new Player("transition.fs", 16, 16, Map.of());
             ImageTexture start = ImageTexture.load(FOLDER.resolve("imported.png"))) {
            Framebuffer end = new Framebuffer(16, 16);
            end.bind();
            org.lwjgl.opengl.GL11C.glClearColor(0f, 0f, 0.8f, 1f);
            org.lwjgl.opengl.GL11C.glClear(org.lwjgl.opengl.GL11C.GL_COLOR_BUFFER_BIT);
            player.artwork.bindImage("startImage", start);
            player.artwork.bindImage("endImage", new org.vernissage.engine.render.TextureImage() {
                public int textureId() {
                    return end.colorTexture();
                }

                public int width() {
                    return 16;
                }

                public int height() {
                    return 16;
                }
            });
            RgbaImage image = player.frame();
            // top-left red (1, 0, 0) mixed with (0, 0, 0.8) at 0.25
            assertPixel(image, 2, 2, 0.75, 0.0, 0.2, 1.0);
            player.set("progress", 1f);
            assertPixel(player.frame(), 2, 2, 0.0, 0.0, 0.8, 1.0);
            end.close();
        }
    }

    @Test
    void aVersionOneFileRunsAsTheConverterReadsIt() throws Exception {
        try (Player player = new Player("v1.fs", 16, 16, Map.of())) {
            long red = 0;
            for (int frame = 1; frame <= 3; frame++) {
                RgbaImage image = player.frame();
                // PERSISTENT_BUFFERS made "trail" keep its content: it grows by (0.12, 0.2) a frame,
                // stored in 8 bits (RGBA8: no FLOAT) after each step
                red = Math.round(red + 0.12 * 255);
                assertPixel(image, 4, 4, red / 255.0, 0.2 * frame, (4 + 0.5) / 16);
            }
        }
    }

    @Test
    void aCustomVertexShaderHandsOnItsVarying() throws Exception {
        try (Player player = new Player("vertex.fs", 16, 16, Map.of())) {
            RgbaImage image = player.frame();
            // image row y (from the top) is GL row 15 - y
            assertPixel(image, 3, 4, (3 + 0.5) / 16 * 0.5, (15 - 4 + 0.5) / 16 * 0.5, 0.0, 1.0);
            assertEquals(2, player.artwork.sourceFiles().size(), "the .fs and its .vs are watched");
        }
    }

    @Test
    void anImportedImageIsSampledUpright() throws Exception {
        try (Player player = new Player("imported.fs", 16, 16, Map.of())) {
            RgbaImage image = player.frame();
            assertPixel(image, 2, 2, 1, 0, 0, 1);
            assertPixel(image, 13, 2, 0, 1, 0, 1);
            assertPixel(image, 2, 13, 0, 0, 1, 1);
            assertPixel(image, 13, 13, 1, 1, 1, 1);
        }
    }

    @Test
    void aFailedReloadKeepsTheLastGoodProgramAndAFixRecovers(@org.junit.jupiter.api.io.TempDir Path temp)
            throws Exception {
        Path file = temp.resolve("live.fs");
        String good = "/*{\"ISFVSN\": \"2\"}*/\nvoid main() { gl_FragColor = vec4(0.2, 0.4, 0.6, 1.0); }\n";
        Files.writeString(file, good);
        try (Player player = new Player(temp, file, 16, 16, Map.of())) {
            assertPixel(player.frame(), 1, 1, 0.2, 0.4, 0.6, 1.0);
            Files.writeString(file, "/*{\"ISFVSN\": \"2\"}*/\nvoid main() {\n  gl_FragColor = vec4(nope);\n}\n");
            var failure = org.junit.jupiter.api.Assertions.assertThrows(
                    org.vernissage.engine.artwork.ArtworkException.class, player.artwork::reload);
            assertTrue(failure.getMessage().startsWith(file + ":3:"), failure.getMessage());
            assertPixel(player.frame(), 1, 1, 0.2, 0.4, 0.6, 1.0);
            Files.writeString(file, "/*{\"ISFVSN\": \"2\"}*/\nvoid main() { gl_FragColor = vec4(0.8, 0.4, 0.6, 1.0); }\n");
            player.artwork.reload();
            assertPixel(player.frame(), 1, 1, 0.8, 0.4, 0.6, 1.0);
        }
    }

    @Test
    void audioInputsShowTheLatestWindowAndSpectrumAtTheirMaxWidth() throws Exception {
        AudioFrames audio = new AudioFrames(64, 32);
        try (Player player = new Player("audio.fs", 16, 16, Map.of())) {
            player.artwork.listenTo(audio);
            RgbaImage silent = player.frame();
            assertPixel(silent, 5, 2, 0.5, 16 / 255.0, 1 / 255.0); // silence: 0.5 in a waveform
            assertPixel(silent, 5, 13, 0.0, 16 / 255.0, 1 / 255.0);
            Thread writer = new Thread(() -> {
                float[] samples = audio.samplesToFill();
                float[] bins = audio.spectrumToFill();
                for (int i = 0; i < 64; i++) {
                    samples[i] = (i % 16) / 16f - 0.5f;
                }
                for (int j = 0; j < 32; j++) {
                    bins[j] = j / 64f;
                }
                audio.publish(64, 32);
            }, "test-audio");
            writer.start();
            writer.join();
            RgbaImage image = player.frame();
            for (int x = 0; x < 16; x++) {
                // the newest 16 of 64 samples, -1..1 shown as 0..1
                assertPixel(image, x, 2, x / 32.0 + 0.25);
                // 32 bins into 16 texels: each the mean of two
                assertPixel(image, x, 13, (4 * x + 1) / 128.0);
            }
        }
    }
}
