package org.vernissage.bench.frametime;

import static org.lwjgl.opengl.GL11C.glFinish;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.HdrHistogram.Histogram;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.FrameListenerOutput;
import org.vernissage.engine.render.FramePacer;
import org.vernissage.engine.render.RenderLoop;

/**
 * The skeleton of a "with against without" frame-time bench: a shader headless (EGL surfaceless,
 * unpaced, {@code glFinish} at the end of every frame), two conditions alternating round by round
 * in the same run and GL context, each going first in turn after one warm-up round not counted;
 * frame time is the interval between frame ends, the first {@link #SKIP} of each round left out.
 * The benches say what a condition adds to the loop; this class runs the rounds and reports.
 *
 * <p>One thread: the bench's main thread, which is the render thread.
 */
final class AlternatingFrameCost {

    /** Frames left out at the start of each round (the driver compiles variants, the JIT warms up). */
    static final int SKIP = 20;

    /** Size, frames per round and condition, rounds: {@code [WIDTHxHEIGHT] [frames] [rounds]}. */
    record Settings(int width, int height, int frames, int rounds) {

        static Settings parse(String[] args, int defaultFrames, int defaultRounds) {
            String[] size = (args.length > 0 ? args[0] : "320x180").split("x");
            return new Settings(Integer.parseInt(size[0]), Integer.parseInt(size[1]),
                    args.length > 1 ? Integer.parseInt(args[1]) : defaultFrames,
                    args.length > 2 ? Integer.parseInt(args[2]) : defaultRounds);
        }
    }

    /** One round of one condition, its frames recorded {@code into}; {@code counted} false in the warm-up. */
    interface Condition {
        void round(FrameIntervals into, boolean counted) throws Exception;
    }

    private AlternatingFrameCost() {
    }

    /** Runs the rounds; returns the frames of {@code without} and of {@code with}, in that order. */
    static Histogram[] alternate(int rounds, Condition without, Condition with) throws Exception {
        FrameIntervals[] times = {new FrameIntervals(false), new FrameIntervals(false)};
        for (int round = -1; round < rounds; round++) { // round -1: warm-up, not counted
            for (int k = 0; k < 2; k++) {
                boolean second = (k + Math.max(round, 0)) % 2 == 1;
                FrameIntervals into = round < 0 ? new FrameIntervals(false) : times[second ? 1 : 0];
                (second ? with : without).round(into, round >= 0);
            }
        }
        return new Histogram[] {times[0].histogram(), times[1].histogram()};
    }

    /** One round: {@code frames} frames of a fresh artwork of {@code shader}, the builder changed by {@code condition}. */
    static void render(EglSurfacelessContext context, ShaderCase shader, FramePacer pacer, FrameIntervals into,
                       Settings settings, UnaryOperator<RenderLoop.Builder> condition) throws Exception {
        into.startRun(SKIP);
        RenderLoop.Builder loop = RenderLoop.builder(context, shader.newArtwork(),
                        new SnapshotExchange(shader.initialValues().clone()), pacer, settings.width(), settings.height())
                .output(FrameListenerOutput.of("intervals", (frame, parameters, canvas) -> {
                    glFinish();
                    into.frameEnded();
                }));
        condition.apply(loop).build().run(settings.frames());
    }

    /** Both conditions' mean, p50 and p99, and the ratios with / without. */
    static void report(PrintStream out, String withoutName, String withName, Histogram without, Histogram with) {
        print(out, withoutName, without);
        print(out, withName, with);
        out.printf(Locale.ROOT, "  %s / %s: mean %.3fx, p50 %.3fx, p99 %.3fx%n", withName, withoutName,
                with.getMean() / without.getMean(),
                with.getValueAtPercentile(50) / (double) without.getValueAtPercentile(50),
                with.getValueAtPercentile(99) / (double) without.getValueAtPercentile(99));
    }

    private static void print(PrintStream out, String name, Histogram h) {
        out.printf(Locale.ROOT, "  %-16s mean %7.3f ms  p50 %7.3f ms  p99 %7.3f ms  (%d frames)%n", name,
                h.getMean() / 1e6, h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6,
                h.getTotalCount());
    }
}
