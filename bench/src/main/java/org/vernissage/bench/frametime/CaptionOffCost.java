package org.vernissage.bench.frametime;

import static org.lwjgl.opengl.GL11C.glFinish;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.vernissage.engine.artwork.Disclosure;
import org.vernissage.engine.artwork.DisclosureReader;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.CaptionOverlay;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.FrameListenerOutput;
import org.vernissage.engine.render.RenderLoop;
import org.vernissage.engine.render.SteppedPacer;

/**
 * What the disclosure caption costs while it is off: the frame time of handheld's shader headless
 * (EGL surfaceless, unpaced, glFinish at the end of every frame) in three conditions, in the same
 * run and context, alternating each round in turn: no caption feature at all (the loop built
 * without one), the caption built but off (its parameter 0: the loop calls into it, it draws
 * nothing), and the caption on (for scale). Frame time: the interval between the ends of
 * successive frames, the first {@code skip} of each round not counted.
 *
 * <p>Run: {@code bench/run-caption.sh [WIDTHxHEIGHT] [frames per round] [rounds]}. Single-threaded:
 * the main thread is the render thread.
 */
public final class CaptionOffCost {

    private CaptionOffCost() {
    }

    public static void main(String[] args) throws Exception {
        String[] size = (args.length > 0 ? args[0] : "320x180").split("x");
        int width = Integer.parseInt(size[0]);
        int height = Integer.parseInt(size[1]);
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int skip = 20;
        Path folder = Path.of(System.getProperty("vernissage.artwork", "artworks/handheld"));
        ManifestCase shader = new ManifestCase(folder);
        Disclosure disclosure = DisclosureReader.read(ManifestLoader.load(folder)).orElseThrow(
                () -> new IllegalArgumentException(folder + " has no \"disclosure\""));
        int slot = shader.layout().offset(shader.layout().indexOf(disclosure.parameter()).orElseThrow());
        float[] off = shader.initialValues().clone();
        off[slot] = 0f;
        float[] on = off.clone();
        on[slot] = 1f;
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "caption cost: %s %dx%d headless unpaced, %d rounds x %d frames per condition "
                        + "(first %d skipped), %d cores, %s%n", folder, width, height, rounds, frames, skip,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        String[] names = {"no caption feature", "caption off", "caption on"};
        List<List<Long>> times = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        EglSurfacelessContext context = EglSurfacelessContext.open(width, height);
        try {
            for (int round = -1; round < rounds; round++) { // round -1: warm-up, not counted
                for (int k = 0; k < 3; k++) {
                    int condition = (k + Math.max(round, 0)) % 3; // each goes first in turn
                    List<Long> into = round < 0 ? new ArrayList<>() : times.get(condition);
                    RenderLoop.Builder loop = RenderLoop.builder(context, shader.newArtwork(),
                            new SnapshotExchange(condition == 2 ? on : off), new SteppedPacer(new ManualClock(0), 60),
                            width, height).output(intervals(into, skip));
                    if (condition > 0) {
                        CaptionOverlay caption = disclosure.caption(shader.layout(), width, height);
                        loop.caption(caption);
                    }
                    loop.build().run(frames);
                }
            }
        } finally {
            context.close();
        }
        long[][] sorted = new long[3][];
        for (int c = 0; c < 3; c++) {
            sorted[c] = times.get(c).stream().mapToLong(Long::longValue).sorted().toArray();
            out.printf(Locale.ROOT, "  %-20s mean %7.3f ms  p50 %7.3f ms  p99 %7.3f ms  (%d frames)%n", names[c],
                    mean(sorted[c]) / 1e6, at(sorted[c], 50) / 1e6, at(sorted[c], 99) / 1e6, sorted[c].length);
        }
        out.printf(Locale.ROOT, "  off / no feature: mean %.3fx, p50 %.3fx, p99 %.3fx; on / no feature: mean %.3fx%n",
                mean(sorted[1]) / mean(sorted[0]), at(sorted[1], 50) / (double) at(sorted[0], 50),
                at(sorted[1], 99) / (double) at(sorted[0], 99), mean(sorted[2]) / mean(sorted[0]));
    }

    /** Finishes each frame (llvmpipe works in the finish) and records the interval since the last one. */
    private static FrameListenerOutput intervals(List<Long> into, int skip) {
        long[] last = {0};
        return FrameListenerOutput.of("intervals", (frame, parameters, canvas) -> {
            glFinish();
            long now = System.nanoTime();
            if (frame.index() > skip) {
                into.add(now - last[0]);
            }
            last[0] = now;
        });
    }

    private static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static long at(long[] sorted, double percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100 * sorted.length) - 1)];
    }
}
