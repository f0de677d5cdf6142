package org.vernissage.bench.frametime;

import static org.lwjgl.opengl.GL11C.glFinish;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.FrameListenerOutput;
import org.vernissage.engine.render.GpuFrameTimer;
import org.vernissage.engine.render.RenderLoop;
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

    private static final int SKIP = 20;

    private GpuTimerFrameCost() {
    }

    public static void main(String[] args) throws Exception {
        String[] size = (args.length > 0 ? args[0] : "320x180").split("x");
        int width = Integer.parseInt(size[0]);
        int height = Integer.parseInt(size[1]);
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path folder = Path.of(System.getProperty("vernissage.artwork", "artworks/tidewater"));
        ManifestCase shader = new ManifestCase(folder);
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "GPU timer frame cost: %s %dx%d headless unpaced, %d rounds x %d frames per "
                        + "condition (first %d skipped), %d cores, %s%n", folder, width, height, rounds, frames, SKIP,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        FrameIntervals[] times = {new FrameIntervals(false), new FrameIntervals(false)};
        long gpuNanos = 0;
        long timed = 0;
        long untimed = 0;
        long rejected = 0;
        String renderer = "";
        EglSurfacelessContext context = EglSurfacelessContext.open(width, height);
        try {
            for (int round = -1; round < rounds; round++) { // round -1: warm-up, not counted
                for (int k = 0; k < 2; k++) {
                    boolean timing = (k + Math.max(round, 0)) % 2 == 1;
                    FrameIntervals into = round < 0 ? new FrameIntervals(false) : times[timing ? 1 : 0];
                    GpuFrameTimer timer = timing ? new GpuFrameTimer() : null;
                    run(context, shader, timer, into, width, height, frames);
                    if (timer != null && round >= 0) {
                        gpuNanos += timer.gpuNanos();
                        timed += timer.timedFrames();
                        untimed += timer.untimedFrames();
                        rejected += timer.rejectedFrames();
                        renderer = timer.renderer();
                    }
                }
            }
        } finally {
            context.close();
        }
        Histogram bare = times[0].histogram();
        Histogram withTimer = times[1].histogram();
        print(out, "no timer", bare);
        print(out, "GPU timer", withTimer);
        out.printf(Locale.ROOT, "  timer / none: mean %.3fx, p50 %.3fx, p99 %.3fx%n",
                withTimer.getMean() / bare.getMean(),
                withTimer.getValueAtPercentile(50) / (double) bare.getValueAtPercentile(50),
                withTimer.getValueAtPercentile(99) / (double) bare.getValueAtPercentile(99));
        out.printf(Locale.ROOT, "  GPU time %.3f ms per timed frame (%d timed, %d untimed, %d rejected) on %s%n",
                timed > 0 ? gpuNanos / 1e6 / timed : 0, timed, untimed, rejected, renderer);
    }

    private static void run(EglSurfacelessContext context, ManifestCase shader, GpuFrameTimer timer,
                            FrameIntervals into, int width, int height, int frames) throws Exception {
        into.startRun(SKIP);
        RenderLoop.Builder loop = RenderLoop.builder(context, shader.newArtwork(),
                        new SnapshotExchange(shader.initialValues().clone()), new SteppedPacer(new ManualClock(0), 60),
                        width, height)
                .output(FrameListenerOutput.of("intervals", (frame, parameters, canvas) -> {
                    glFinish();
                    into.frameEnded();
                }));
        if (timer != null) {
            loop.gpuTimer(timer);
        }
        loop.build().run(frames);
    }

    private static void print(PrintStream out, String name, Histogram h) {
        out.printf(Locale.ROOT, "  %-10s mean %7.3f ms  p50 %7.3f ms  p99 %7.3f ms  (%d frames)%n", name,
                h.getMean() / 1e6, h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6,
                h.getTotalCount());
    }
}
