package org.vernissage.engine.render.isf.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.render.RgbaImage;

/**
 * Library shaders played through the ISF artwork, each pixel checked against the value the
 * shader's own arithmetic gives for the test images of {@link LibraryTestImages} (which are made at
 * the render size, so a shader sampling at a pixel's centre reads exactly that texel). A golden
 * image says the picture did not change; these say it is what the file claims to do.
 */
class LibraryArithmeticTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 36;
    /** 8-bit rounding of the output, plus float error in the shader's arithmetic. */
    private static final int TOLERANCE = 2;

    @TempDir
    Path images;

    private RgbaImage play(String file, int lastFrame, Map<String, float[]> values) throws Exception {
        return new LibraryPlayer(images).render(LibraryPlayer.LIBRARY.resolve(file), WIDTH, HEIGHT, lastFrame, values);
    }

    @Test
    void thresholdSplitsRec709LumaAtTheLevel() throws Exception {
        RgbaImage frame = play("threshold.fs", 1, Map.of());
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double[] c = channels(LibraryTestImages.bars(x, y, WIDTH, HEIGHT));
                double luma = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
                // DEFAULTs: level 0.5, softness 0.02, light white, dark black.
                int expected = (int) Math.round(255 * smoothstep(0.48, 0.52, luma));
                assertPixel(frame, x, y, new int[] {expected, expected, expected}, "threshold");
            }
        }
    }

    @Test
    void posterizeRoundsEachChannelToFourLevels() throws Exception {
        RgbaImage frame = play("posterize.fs", 1, Map.of());
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double[] c = channels(LibraryTestImages.bars(x, y, WIDTH, HEIGHT));
                int[] expected = new int[3];
                for (int i = 0; i < 3; i++) {
                    expected[i] = (int) Math.round(255 * Math.floor(c[i] * 3 + 0.5) / 3);   // levels 4, gamma 1
                }
                assertPixel(frame, x, y, expected, "posterize");
            }
        }
    }

    @Test
    void crossfadeAtHalfProgressIsTheMeanOfBothImages() throws Exception {
        RgbaImage frame = play("crossfade.fs", 1, Map.of());
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double[] a = channels(LibraryTestImages.warm(x, y, WIDTH, HEIGHT));
                double[] b = channels(LibraryTestImages.cool(x, y, WIDTH, HEIGHT));
                int[] expected = new int[3];
                for (int i = 0; i < 3; i++) {
                    // progress 0.5 eased: 0.5 * 0.5 * (3 - 1) = 0.5
                    expected[i] = (int) Math.round(255 * (a[i] + b[i]) / 2);
                }
                assertPixel(frame, x, y, expected, "crossfade");
            }
        }
    }

    @Test
    void mirrorReflectsTheLeftHalfOntoTheRight() throws Exception {
        RgbaImage frame = play("mirror.fs", 1, Map.of());
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int source = x < WIDTH / 2 ? x : WIDTH - 1 - x;
                assertPixel(frame, x, y, bytes(LibraryTestImages.bars(source, y, WIDTH, HEIGHT)), "mirror");
            }
        }
    }

    @Test
    void hueShiftOfAThirdTurnsTheRedBarGreen() throws Exception {
        RgbaImage frame = play("hue-shift.fs", 1, Map.of("shift", new float[] {1f / 3}));
        // The second bar (x 8..15 at 64 wide) is red: (on, 24, 24). A third of a turn keeps its
        // saturation and value and moves it to green: (24, on, 24).
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 8; x < 16; x++) {
                int[] red = bytes(LibraryTestImages.bars(x, y, WIDTH, HEIGHT));
                assertPixel(frame, x, y, new int[] {red[1], red[0], red[2]}, "hue-shift");
            }
        }
    }

    @Test
    void hueShiftAtItsIdentityLeavesTheImageAsItIs() throws Exception {
        RgbaImage frame = play("hue-shift.fs", 1, Map.of("shift", new float[] {0f}));
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                assertPixel(frame, x, y, bytes(LibraryTestImages.bars(x, y, WIDTH, HEIGHT)), "hue-shift identity");
            }
        }
    }

    /**
     * With speed 0 the brush stands still, so after frames 0..N the trail buffer at a pixel holds
     * {@code colour * paint * (1 + decay + ... + decay^N)}: more than 1.0 in every channel here,
     * which only a float buffer keeps. The last pass shows {@code 1 - exp(-x * exposure)}.
     */
    @Test
    void trailsAccumulatePastOneInTheirFloatBuffer() throws Exception {
        int lastFrame = 60;
        double decay = 0.97;
        double exposure = 0.2;
        double brushSize = 0.03;
        double[] colour = {1.0, 0.55, 0.2};
        RgbaImage frame = play("trails.fs", lastFrame, Map.of("speed", new float[] {0f},
                "exposure", new float[] {(float) exposure}));
        double brushX = 0.5;                           // 0.5 + 0.38 * sin(0)
        double brushY = 0.5 + 0.38 * Math.sin(0.7);
        int column = (int) (brushX * WIDTH);
        int rowFromBottom = (int) (brushY * HEIGHT);
        double dx = ((column + 0.5) / WIDTH - brushX) * WIDTH / HEIGHT;
        double dy = (rowFromBottom + 0.5) / HEIGHT - brushY;
        double paint = Math.exp(-(dx * dx + dy * dy) / (brushSize * brushSize));
        double sum = (1 - Math.pow(decay, lastFrame + 1)) / (1 - decay);
        int[] expected = new int[3];
        for (int i = 0; i < 3; i++) {
            double accumulated = colour[i] * paint * sum;
            assertTrue(accumulated > 1.0, "the test must drive channel " + i + " past 1.0, got " + accumulated);
            expected[i] = (int) Math.round(255 * (1 - Math.exp(-accumulated * exposure)));
        }
        assertPixel(frame, column, HEIGHT - 1 - rowFromBottom, expected, "trails at the brush");
        // Far from the brush nothing was painted.
        assertPixel(frame, WIDTH - 1, HEIGHT - 1, new int[] {0, 0, 0}, "trails in the corner");
    }

    private static void assertPixel(RgbaImage frame, int x, int y, int[] expected, String what) {
        for (int i = 0; i < expected.length; i++) {
            int actual = frame.channel(x, y, i);
            if (Math.abs(actual - expected[i]) > TOLERANCE) {
                assertEquals(expected[i], actual, what + ": channel " + "rgb".charAt(i) + " of pixel (" + x + ", " + y
                        + ") from the top left");
            }
        }
    }

    private static double smoothstep(double edge0, double edge1, double x) {
        double t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
        return t * t * (3 - 2 * t);
    }

    private static int[] bytes(int rgb) {
        return new int[] {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
    }

    private static double[] channels(int rgb) {
        int[] b = bytes(rgb);
        return new double[] {b[0] / 255.0, b[1] / 255.0, b[2] / 255.0};
    }
}
