package org.vernissage.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.opengl.GL30C.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.metrics.FrameStats;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.SnapshotExchange;

/**
 * A show 30 days in: the TIME a real shader writes into a float canvas still moves by the frame
 * interval (within 1 ms) every frame, and wraps exactly at a whole number of the artwork's period.
 */
class ShaderTimeTest {

    private static final int SIZE = 8;
    private static final double FPS = 60.0;
    private static final long SECOND = 1_000_000_000L;
    private static final long THIRTY_DAYS = 30L * 24 * 3600 * SECOND;

    @RegisterExtension
    static final HeadlessGl GL = new HeadlessGl(SIZE);

    @TempDir
    Path temp;

    /** What one frame showed: its show time (64-bit) and the TIME the shader wrote. */
    private record Seen(double showTime, double delta, float shaderTime) {
    }

    @Test
    void thirtyDaysInTimeStepsByTheFrameIntervalAndWrapsAtAWholeHour() throws Exception {
        // Show time starts 0.1 s before the 30-day mark, a whole number of hours: with the
        // default period (an hour) TIME wraps to 0 at frame 6 (0.1 s at 60 fps), and nowhere else.
        List<Seen> seen = render(manifest("default", ""), THIRTY_DAYS - SECOND / 10, 20);

        double period = FrameInfo.DEFAULT_SHADER_TIME_PERIOD_SECONDS;
        assertEquals(period - 0.1, seen.get(0).shaderTime(), 0.5e-3, "frame 0: 0.1 s before the wrap");
        assertEquals(0.0, seen.get(6).shaderTime(), 0.0, "frame 6 falls on 720 hours: TIME wraps to 0 there");
        assertStepsAreTheFrameInterval(seen, period);
    }

    @Test
    void aDeclaredPeriodWrapsAtItsWholeMultiples() throws Exception {
        // 7.5 s divides 30 days; start 0.05 s before it: the wrap falls at frame 3.
        List<Seen> seen = render(manifest("declared", "\"timePeriod\": 7.5,"), THIRTY_DAYS - SECOND / 20, 12);

        assertEquals(7.5 - 0.05, seen.get(0).shaderTime(), 1e-5);
        assertEquals(0.0, seen.get(3).shaderTime(), 0.0);
        assertEquals(1.0 / FPS, seen.get(4).shaderTime(), 1e-6);
        assertStepsAreTheFrameInterval(seen, 7.5);
    }

    @Test
    void withoutTheWrapAFloatOfThirtyDaysCannotMoveByAFrame() {
        // The failure this guards against, computed: a float of 30 days moves in 0.25 s steps.
        float thirtyDays = (float) (THIRTY_DAYS / 1e9);
        assertEquals(0.25f, Math.ulp(thirtyDays));
        assertEquals(thirtyDays, (float) (THIRTY_DAYS / 1e9 + 1 / FPS));
    }

    private static void assertStepsAreTheFrameInterval(List<Seen> seen, double period) {
        for (int i = 1; i < seen.size(); i++) {
            double step = seen.get(i).shaderTime() - seen.get(i - 1).shaderTime();
            if (step < 0) {
                step += period; // the wrap: TIME fell back by exactly one period
            }
            assertEquals(1 / FPS, step, 1e-3, "TIME step into frame " + i);
            assertEquals(1 / FPS, seen.get(i).delta(), 1e-9, "frame interval (TIMEDELTA) of frame " + i);
            assertTrue(seen.get(i).showTime() > 30 * 86400 - 1, "show time is 30 days in");
        }
    }

    private ArtworkManifest manifest(String name, String timeField) throws Exception {
        TestArtworkFolder folder = TestArtworkFolder.create(temp, name, "main.frag", "[]")
                .file("main.frag", """
                        uniform float TIME;
                        out vec4 fragColor;
                        void main() { fragColor = vec4(TIME, 0.0, 0.0, 1.0); }
                        """);
        if (!timeField.isEmpty()) {
            String json = java.nio.file.Files.readString(folder.folder().resolve(ArtworkManifest.FILE_NAME));
            folder.file(ArtworkManifest.FILE_NAME, json.replaceFirst("\\{", "{ " + timeField));
        }
        return folder.load();
    }

    /** Renders {@code frames} stepped frames of {@code manifest} with the clock {@code showNanos} past the show's start. */
    private List<Seen> render(ArtworkManifest manifest, long showNanos, int frames) throws Exception {
        ParameterLayout layout = manifest.layout();
        SnapshotExchange exchange = new SnapshotExchange(new float[layout.slotCount()]);
        ManualClock clock = new ManualClock(showNanos);
        List<Seen> seen = new ArrayList<>();
        float[] pixel = new float[4];
        FrameListener listener = (frame, parameters, image) -> {
            glBindFramebuffer(GL_READ_FRAMEBUFFER, image.framebufferId());
            glReadPixels(SIZE / 2, SIZE / 2, 1, 1, GL_RGBA, GL_FLOAT, pixel);
            seen.add(new Seen(frame.timeSeconds(), frame.deltaSeconds(), pixel[0]));
        };
        RenderLoop loop = RenderLoop.builder(GL.context(), new FragmentShaderArtwork(manifest, layout), exchange,
                        new SteppedPacer(clock, FPS), SIZE, SIZE)
                .stats(new FrameStats()).canvasFormat(TargetFormat.RGBA32F).showStart(0)
                .shaderTimePeriod(manifest.timePeriodSeconds()).listeners(List.of(listener)).build();
        loop.run(frames);
        return seen;
    }
}
