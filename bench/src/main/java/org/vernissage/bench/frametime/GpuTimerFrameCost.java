package org.vernissage.bench.frametime;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.GpuFrameTimer;
import org.vernissage.engine.render.SteppedPacer;

/**
 * What the GPU frame timer costs a whole frame: Tidewater's shader headless (EGL surfaceless,
 * unpaced, {@code glFinish} at the end of every frame) without the timer, and with it as a run has
 * it (a {@code GL_TIME_ELAPSED} query around the canvas's drawing, results read when available),
 * alternating in the same run and GL context, each condition going first in turn.
 *
 * <p>Run: {@code bench/run-gpu-timer.sh [WIDTHxHEIGHT] [frames per round] [rounds]}. The main
 * thread is the render thread.
 */
public final class GpuTimerFrameCost {

    private GpuTimerFrameCost() {
    }

    public static void main(String[] args) throws Exception {
        AlternatingFrameCost.Settings settings = AlternatingFrameCost.Settings.parse(args, 300, 10);
        Path folder = Path.of(System.getProperty("vernissage.artwork", "artworks/tidewater"));
        ManifestCase shader = new ManifestCase(folder);
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "GPU timer frame cost: %s %dx%d headless unpaced, %d rounds x %d frames per "
                        + "condition (first %d skipped), %d cores, %s%n", folder, settings.width(), settings.height(),
                settings.rounds(), settings.frames(), AlternatingFrameCost.SKIP,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        long[] gpu = new long[4]; // nanoseconds, timed, untimed, rejected frames of the counted rounds
        String[] renderer = {""};
        EglSurfacelessContext context = EglSurfacelessContext.open(settings.width(), settings.height());
        Histogram[] frames;
        try {
            frames = AlternatingFrameCost.alternate(settings.rounds(),
                    (into, counted) -> AlternatingFrameCost.render(context, shader, pacer(), into, settings, loop -> loop),
                    (into, counted) -> {
                        GpuFrameTimer timer = new GpuFrameTimer();
                        AlternatingFrameCost.render(context, shader, pacer(), into, settings, loop -> loop.gpuTimer(timer));
                        if (counted) {
                            gpu[0] += timer.gpuNanos();
                            gpu[1] += timer.timedFrames();
                            gpu[2] += timer.untimedFrames();
                            gpu[3] += timer.rejectedFrames();
                            renderer[0] = timer.renderer();
                        }
                    });
        } finally {
            context.close();
        }
        AlternatingFrameCost.report(out, "no timer", "GPU timer", frames[0], frames[1]);
        out.printf(Locale.ROOT, "  GPU time %.3f ms per timed frame (%d timed, %d untimed, %d rejected) on %s%n",
                gpu[1] > 0 ? gpu[0] / 1e6 / gpu[1] : 0, gpu[1], gpu[2], gpu[3], renderer[0]);
    }

    private static SteppedPacer pacer() {
        return new SteppedPacer(new ManualClock(0), 60);
    }
}
