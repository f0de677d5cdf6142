package org.vernissage.bench;

import static org.lwjgl.opengl.GL11C.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL11C.glClear;
import static org.lwjgl.opengl.GL11C.glClearColor;
import static org.lwjgl.opengl.GL11C.glFinish;

import java.util.Arrays;
import java.util.List;
import org.vernissage.engine.render.CanvasRegion;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.OffscreenOutput;
import org.vernissage.engine.render.Output;
import org.vernissage.engine.render.output.CornerPin;
import org.vernissage.engine.render.output.EdgeBlend;
import org.vernissage.engine.render.output.MeshWarp;
import org.vernissage.engine.render.output.OffscreenWarpOutput;
import org.vernissage.engine.render.output.OutputSettings;
import org.vernissage.engine.render.output.OutputSpec;
import org.vernissage.engine.render.output.Placement;

/**
 * What a venue output's warp and blend cost per frame against the plain region blit an
 * {@code OffscreenOutput} does, both showing the same canvas region at the same size, headless, in
 * the same run: blocks of frames alternate between the two so that machine noise falls on both.
 * Each sample is one {@code present} followed by {@code glFinish} (the GPU work included).
 *
 * <p>{@code bench/run-warp.sh [WIDTHxHEIGHT] [FRAMES]} (default 640x360, 3000 frames each).
 * Main thread only; it owns the context and everything it makes.
 */
public final class WarpOutputCost {

    private static final int BLOCK = 100;

    private WarpOutputCost() {
    }

    public static void main(String[] args) throws Exception {
        String[] size = (args.length > 0 ? args[0] : "640x360").split("x");
        int width = Integer.parseInt(size[0]);
        int height = Integer.parseInt(size[1]);
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        try (EglSurfacelessContext gl = EglSurfacelessContext.open(width, height);
             Framebuffer canvas = new Framebuffer(width, height)) {
            canvas.bind();
            glClearColor(0.4f, 0.5f, 0.6f, 1);
            glClear(GL_COLOR_BUFFER_BIT);
            CanvasRegion region = new CanvasRegion(0, 0, 0.6, 1);
            OutputSpec plain = new OutputSpec("plain", new Placement.Offscreen(width, height), region,
                    CornerPin.IDENTITY, MeshWarp.identity(2, 2), EdgeBlend.NONE, false);
            OutputSpec warped = new OutputSpec("warped", plain.placement(), region,
                    new CornerPin(new double[] {0.05, 0.02, 0.97, 0.05, 1, 1, 0, 0.96}), bentMesh(), EdgeBlend.NONE,
                    false);
            OutputSpec blended = new OutputSpec("warped and blended", plain.placement(), region, warped.corners(),
                    warped.mesh(), new EdgeBlend(0, 1 / 3.0, 0, 0.1, 2.2, 2), false);
            System.out.printf("%s, %dx%d, %d frames each%n", gl.description(), width, height, frames);
            for (OutputSpec spec : List.of(plain, warped, blended)) {
                try (Output blit = new OffscreenOutput("blit", region, width, height, (f, p, i) -> { });
                     Output warp = new OffscreenWarpOutput(new OutputSettings(1, spec), width, height,
                             (f, p, i) -> { })) {
                    long[] blitTimes = new long[frames];
                    long[] warpTimes = new long[frames];
                    measure(List.of(blit, warp), canvas, new long[][] {new long[BLOCK * 5], new long[BLOCK * 5]});
                    for (int done = 0; done < frames; done += BLOCK) {
                        int n = Math.min(BLOCK, frames - done);
                        time(blit, canvas, blitTimes, done, n);
                        time(warp, canvas, warpTimes, done, n);
                    }
                    report(spec.name(), blitTimes, warpTimes);
                }
            }
        }
    }

    private static MeshWarp bentMesh() {
        double[] points = MeshWarp.identity(3, 3).points();
        points[8] = 0.52;
        points[9] = 0.47;
        return new MeshWarp(3, 3, points);
    }

    private static void measure(List<Output> outputs, Framebuffer canvas, long[][] into) {
        for (int i = 0; i < outputs.size(); i++) {
            time(outputs.get(i), canvas, into[i], 0, into[i].length);
        }
    }

    private static void time(Output output, Framebuffer canvas, long[] into, int from, int count) {
        for (int i = from; i < from + count; i++) {
            long start = System.nanoTime();
            output.present(null, null, canvas);
            glFinish();
            into[i] = System.nanoTime() - start;
        }
    }

    private static void report(String name, long[] blit, long[] warp) {
        Arrays.sort(blit);
        Arrays.sort(warp);
        double blit50 = percentile(blit, 0.50);
        double blit99 = percentile(blit, 0.99);
        double warp50 = percentile(warp, 0.50);
        double warp99 = percentile(warp, 0.99);
        System.out.printf("%-20s warp p50 %.3f ms, p99 %.3f ms; region blit p50 %.3f ms, p99 %.3f ms;"
                + " ratio p50 %.2fx, p99 %.2fx%n", name, warp50, warp99, blit50, blit99, warp50 / blit50,
                warp99 / blit99);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
    }
}
