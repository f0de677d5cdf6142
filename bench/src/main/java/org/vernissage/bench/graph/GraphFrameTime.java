package org.vernissage.bench.graph;

import static org.lwjgl.opengl.GL11C.glFinish;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.vernissage.bench.AlternatingBlocks;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.TargetFormat;
import org.vernissage.engine.render.graph.GraphBuilder;
import org.vernissage.engine.render.graph.RenderGraph;

/**
 * Frame time of a 4-pass feedback render graph against the same passes hand-coded in a bare LWJGL
 * loop ({@link HandCodedPasses}), same size, same GLSL ({@link FeedbackPasses}), in the same run:
 * after a warm-up of each, short blocks of frames (5 by default) alternate between the two, so
 * that a change in the machine's load (other processes on a shared machine) falls on both alike. A frame is timed from its start to the end of {@code glFinish}
 * (GPU work done), as the engine's headless output paces frames; the render thread's CPU time is
 * recorded beside it. Prints p50, p99 and the ratios.
 *
 * <p>Run: {@code bench/run-graph.sh [width height blocks framesPerBlock]}. Runs on its main
 * thread, which owns the GL context.
 */
public final class GraphFrameTime {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /**
     * Frames of each loop before any is recorded, played in the same alternating blocks as the
     * recorded ones: the JIT and the driver's caches. With 300 frames (a second) the JIT was still
     * compiling in the recorded blocks, and on 2 cores each compilation takes a core from llvmpipe
     * for milliseconds; the graph's code, having more to compile, paid more of it at p99.
     */
    private static final int WARM_UP_FRAMES = 6_000;

    private GraphFrameTime() {
    }

    public static void main(String[] args) throws Exception {
        int width = args.length > 0 ? Integer.parseInt(args[0]) : 320;
        int height = args.length > 1 ? Integer.parseInt(args[1]) : 180;
        int blocks = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int perBlock = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        PrintStream out = System.out;
        Path folder = Files.createTempDirectory("vernissage-graph-bench");
        try (EglSurfacelessContext context = EglSurfacelessContext.open(width, height)) {
            out.printf(Locale.ROOT, "4-pass feedback graph vs hand-coded LWJGL, %dx%d, %d blocks of %d frames each,"
                    + " %d cores, %s, %s%n", width, height, blocks, perBlock,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"),
                    context.description());
            run(folder, width, height, blocks, perBlock, out);
        } finally {
            deleteAll(folder);
        }
    }

    private static void run(Path folder, int width, int height, int blocks, int perBlock, PrintStream out)
            throws Exception {
        Files.writeString(folder.resolve("sim.frag"), FeedbackPasses.SIM);
        Files.writeString(folder.resolve("blurX.frag"), FeedbackPasses.BLUR_X);
        Files.writeString(folder.resolve("blurY.frag"), FeedbackPasses.BLUR_Y);
        Files.writeString(folder.resolve("color.frag"), FeedbackPasses.COLOR);
        ParameterLayout layout = new ParameterLayout(List.of());
        GraphBuilder builder = new GraphBuilder(folder, layout, "bench");
        builder.node("sim").shader("sim.frag").format(TargetFormat.RGBA16F).feedback();
        builder.node("blurX").shader("blurX.frag").format(TargetFormat.RGBA16F);
        builder.node("blurY").shader("blurY.frag").format(TargetFormat.RGBA16F);
        builder.layer("color").shader("color.frag");
        RenderGraph graph = builder.build();
        ParameterSnapshot snapshot = new SnapshotExchange(new float[0]).latch();
        FrameInfo frame = new FrameInfo();
        Times graphTimes = new Times();
        Times bareTimes = new Times();
        try (Framebuffer graphCanvas = new Framebuffer(width, height);
             Framebuffer bareCanvas = new Framebuffer(width, height);
             HandCodedPasses bare = new HandCodedPasses(width, height)) {
            graphCanvas.bind();
            graph.setup(graphCanvas);
            sameImages(graph, graphCanvas, bare, bareCanvas, frame, snapshot, out);
            int warmUpBlocks = (WARM_UP_FRAMES + perBlock - 1) / perBlock;
            long index = AlternatingBlocks.play(0, warmUpBlocks, perBlock,
                    i -> graphFrame(graph, graphCanvas, frame, snapshot, i, null), i -> bareFrame(bare, bareCanvas, i, null));
            AlternatingBlocks.play(index, blocks, perBlock,
                    i -> graphFrame(graph, graphCanvas, frame, snapshot, i, graphTimes),
                    i -> bareFrame(bare, bareCanvas, i, bareTimes));
            graph.dispose();
        }
        report(out, graphTimes, bareTimes);
    }

    /**
     * Both draw the same first frames from the same empty state: the images must agree (a
     * benchmark of two loops that drew different things would compare nothing).
     */
    private static void sameImages(RenderGraph graph, Framebuffer graphCanvas, HandCodedPasses bare,
                                   Framebuffer bareCanvas, FrameInfo frame, ParameterSnapshot snapshot,
                                   PrintStream out) {
        for (long index = 0; index < 30; index++) {
            graphFrame(graph, graphCanvas, frame, snapshot, index, null);
            bareFrame(bare, bareCanvas, index, null);
        }
        ByteBuffer a = ByteBuffer.allocateDirect(graphCanvas.width() * graphCanvas.height() * 4);
        ByteBuffer b = ByteBuffer.allocateDirect(a.capacity());
        graphCanvas.readPixels(a);
        bareCanvas.readPixels(b);
        int most = 0;
        long lit = 0;
        for (int i = 0; i < a.capacity(); i++) {
            most = Math.max(most, Math.abs((a.get(i) & 0xff) - (b.get(i) & 0xff)));
            lit += (a.get(i) & 0xff) > 8 ? 1 : 0;
        }
        out.printf(Locale.ROOT, "same images after 30 frames: largest channel difference %d, %d channels lit%n",
                most, lit);
        if (most > 1 || lit == 0) {
            throw new IllegalStateException("the graph and the hand-coded loop draw different images");
        }
    }

    private static void graphFrame(RenderGraph graph, Framebuffer canvas, FrameInfo frame,
                                   ParameterSnapshot snapshot, long index, Times times) {
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        frame.set(index, index / 60.0, 1 / 60.0, canvas.width(), canvas.height());
        graph.update(frame, snapshot);
        canvas.bind();
        graph.render(frame, canvas);
        glFinish();
        if (times != null) {
            times.record(System.nanoTime() - start, CPU.getCurrentThreadCpuTime() - cpuStart);
        }
    }

    private static void bareFrame(HandCodedPasses bare, Framebuffer canvas, long index, Times times) {
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        bare.frame((float) (index / 60.0), canvas.framebufferId());
        glFinish();
        if (times != null) {
            times.record(System.nanoTime() - start, CPU.getCurrentThreadCpuTime() - cpuStart);
        }
    }

    private static void report(PrintStream out, Times graph, Times bare) {
        out.printf(Locale.ROOT, "%-12s %8s %10s %10s %10s %12s %12s%n", "loop", "frames", "p50 ms", "p99 ms",
                "mean ms", "cpu p50 ms", "cpu mean ms");
        line(out, "graph", graph);
        line(out, "hand-coded", bare);
        double p50 = ratio(graph.wall, bare.wall, 50);
        double p99 = ratio(graph.wall, bare.wall, 99);
        out.printf(Locale.ROOT, "graph / hand-coded: p50 x%.3f (%+.1f%%), p99 x%.3f (%+.1f%%), mean x%.3f;"
                        + " render thread cpu p50 x%.3f, mean x%.3f%n",
                p50, 100 * (p50 - 1), p99, 100 * (p99 - 1), graph.wall.getMean() / bare.wall.getMean(),
                ratio(graph.cpu, bare.cpu, 50), graph.cpu.getMean() / bare.cpu.getMean());
    }

    private static double ratio(Histogram a, Histogram b, double percentile) {
        return a.getValueAtPercentile(percentile) / (double) b.getValueAtPercentile(percentile);
    }

    private static void line(PrintStream out, String name, Times times) {
        out.printf(Locale.ROOT, "%-12s %8d %10.3f %10.3f %10.3f %12.3f %12.3f%n", name, times.wall.getTotalCount(),
                times.wall.getValueAtPercentile(50) / 1e6, times.wall.getValueAtPercentile(99) / 1e6,
                times.wall.getMean() / 1e6, times.cpu.getValueAtPercentile(50) / 1e6, times.cpu.getMean() / 1e6);
    }

    /**
     * One loop's frame times: wall (start to the end of {@code glFinish}) and the render thread's
     * CPU time (with {@code LP_NUM_THREADS=0} llvmpipe rasterises on this thread, so that is the
     * frame's whole work, and other processes on the machine barely move it).
     */
    private static final class Times {
        final Histogram wall = new Histogram(10_000_000_000L, 3);
        final Histogram cpu = new Histogram(10_000_000_000L, 3);

        void record(long wallNanos, long cpuNanos) {
            wall.recordValue(wallNanos);
            cpu.recordValue(Math.max(0, cpuNanos));
        }
    }

    private static void deleteAll(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
