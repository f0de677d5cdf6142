package org.vernissage.bench.cppn;

import static org.lwjgl.opengl.GL11C.glFinish;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.vernissage.artworks.lineage.LineagePiece;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.graph.BlockSpecialisation;
import org.vernissage.engine.render.graph.FrameUniform;
import org.vernissage.engine.render.graph.GraphBuilder;
import org.vernissage.engine.render.graph.GraphPiece;
import org.vernissage.engine.render.graph.RenderGraph;

/**
 * Frame time of the Lineage CPPN as the piece now runs (its network still, so drawn with the
 * weights compiled in by its {@code BlockSpecialisation}, prepared off the render thread) against
 * the same shader with the same weights inlined as a constant array by hand (the one block line of
 * {@code lineage.frag} replaced by {@code const vec4 w[144] = vec4[144](...)}): the baseline; and,
 * as a third column, the piece with its weights always in the uniform block (specialisation off, as
 * before). Same size, same parameters, in the same run. Before timing, the running piece is
 * played until its specialised program is swapped in (its swap frame and the longest frame while
 * waiting are printed); then, after a warm-up of each, short blocks of frames alternate between
 * the three so that a change in the machine's load falls on all alike. A frame is timed from its
 * start to the end of {@code glFinish}; the render thread's CPU time is recorded beside it. Before
 * timing, all must draw the same image (within one step of 8 bits).
 *
 * <p>Run: {@code bench/run-cppn.sh [width height blocks framesPerBlock]}. Runs on its main thread,
 * which owns the GL context.
 */
public final class CppnFrameTime {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int WARM_UP_FRAMES = 60;
    private static final String BLOCK_LINE = "layout(std140) uniform CppnWeights { vec4 w[144]; };";

    private CppnFrameTime() {
    }

    public static void main(String[] args) throws Exception {
        int width = args.length > 0 ? Integer.parseInt(args[0]) : 320;
        int height = args.length > 1 ? Integer.parseInt(args[1]) : 180;
        int blocks = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int perBlock = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Path artwork = Path.of(args.length > 4 ? args[4] : "artworks/lineage");
        PrintStream out = System.out;
        Path folder = Files.createTempDirectory("vernissage-cppn-bench");
        try (EglSurfacelessContext context = EglSurfacelessContext.open(width, height)) {
            out.printf(Locale.ROOT, "Lineage CPPN: as it runs (specialised while still) and uniform block always vs"
                    + " weights inlined as constants, %dx%d, %d blocks of"
                    + " %d frames each, %d cores, %s, %s%n", width, height, blocks, perBlock,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"),
                    context.description());
            run(artwork, folder, width, height, blocks, perBlock, out);
        } finally {
            deleteAll(folder);
        }
    }

    private static void run(Path artwork, Path folder, int width, int height, int blocks, int perBlock,
                            PrintStream out) throws Exception {
        ArtworkManifest manifest = ManifestLoader.load(artwork);
        ParameterLayout layout = manifest.layout();
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        ParameterSnapshot snapshot = new SnapshotExchange(defaults).latch();
        // As the app makes it (-Dvernissage.cppn.specialise or auto), and with the block always.
        LineagePiece runningPiece = new LineagePiece();
        LineagePiece blockPiece = new LineagePiece(BlockSpecialisation.Policy.DEFAULT.withMode(BlockSpecialisation.Mode.OFF));
        RenderGraph runningGraph = graphOf(manifest, layout, runningPiece);
        RenderGraph blockGraph = graphOf(manifest, layout, blockPiece);
        FrameInfo frame = new FrameInfo();
        Times runningTimes = new Times();
        Times blockTimes = new Times();
        Times inlinedTimes = new Times();
        try (Framebuffer runningCanvas = new Framebuffer(width, height);
             Framebuffer blockCanvas = new Framebuffer(width, height);
             Framebuffer inlinedCanvas = new Framebuffer(width, height)) {
            blockCanvas.bind();
            long blockStart = System.nanoTime();
            blockGraph.setup(blockCanvas);
            frame(blockGraph, blockCanvas, frame, snapshot, 0, null);
            glFinish();
            out.printf(Locale.ROOT, "the block shader's setup and first frame: %.1f ms%n",
                    (System.nanoTime() - blockStart) / 1e6);
            float[] weights = new float[LineagePiece.weightCount()];
            blockPiece.copyWeights(weights);
            RenderGraph inlinedGraph = inlined(artwork, folder, layout, weights, blockPiece);
            inlinedCanvas.bind();
            long compileStart = System.nanoTime();
            inlinedGraph.setup(inlinedCanvas);
            frame(inlinedGraph, inlinedCanvas, frame, snapshot, 0, null);
            glFinish();
            out.printf(Locale.ROOT, "the inlined shader's setup and first frame (compile and link with the weights"
                    + " as constants): %.1f ms%n", (System.nanoTime() - compileStart) / 1e6);
            runningCanvas.bind();
            runningGraph.setup(runningCanvas);
            long index = untilSpecialised(runningGraph, runningPiece, runningCanvas, frame, snapshot, out);
            // All three draw frame `index` next: the same clock.
            for (long i = 1; i < index; i++) {
                frame(blockGraph, blockCanvas, frame, snapshot, i, null);
                frame(inlinedGraph, inlinedCanvas, frame, snapshot, i, null);
            }
            for (int i = 0; i < WARM_UP_FRAMES; i++, index++) {
                frame(runningGraph, runningCanvas, frame, snapshot, index, null);
                frame(blockGraph, blockCanvas, frame, snapshot, index, null);
                frame(inlinedGraph, inlinedCanvas, frame, snapshot, index, null);
            }
            sameImages("block", blockCanvas, inlinedCanvas, out);
            sameImages("as run", runningCanvas, inlinedCanvas, out);
            RenderGraph[] graphs = {runningGraph, blockGraph, inlinedGraph};
            Framebuffer[] canvases = {runningCanvas, blockCanvas, inlinedCanvas};
            Times[] times = {runningTimes, blockTimes, inlinedTimes};
            for (int block = 0; block < blocks; block++) {
                for (int turn = 0; turn < 3; turn++) {
                    int which = (block + turn) % 3; // each variant first, second and third in turn
                    for (int i = 0; i < perBlock; i++) {
                        frame(graphs[which], canvases[which], frame, snapshot, index + i, times[which]);
                    }
                }
                index += perBlock;
            }
            out.println("as run: " + runningPiece.specialisation().describe());
            inlinedGraph.dispose();
            blockGraph.dispose();
            runningGraph.dispose();
        }
        report(out, runningTimes, blockTimes, inlinedTimes);
    }

    private static RenderGraph graphOf(ArtworkManifest manifest, ParameterLayout layout, LineagePiece piece)
            throws ArtworkException {
        GraphBuilder builder = new GraphBuilder(manifest.folder(), layout, manifest.file().toString());
        piece.declare(builder);
        return builder.build(piece);
    }

    /**
     * Plays the running piece from frame 0 until its specialised program is drawn (at most 60 s;
     * not at all when specialisation is off here), printing the frame that swapped it in and the
     * longest frame while it was prepared.
     *
     * @return the index of the next frame
     */
    private static long untilSpecialised(RenderGraph graph, LineagePiece piece, Framebuffer canvas, FrameInfo frame,
                                         ParameterSnapshot snapshot, PrintStream out) {
        BlockSpecialisation specialisation = piece.specialisation();
        long deadline = System.nanoTime() + 60_000_000_000L;
        long longest = 0;
        long swapFrame = 0;
        long index = 0;
        long start = System.nanoTime();
        while (specialisation.swaps() == 0 && System.nanoTime() < deadline && specialisation.on()) {
            long frameStart = System.nanoTime();
            frame(graph, canvas, frame, snapshot, index++, null);
            long took = System.nanoTime() - frameStart;
            if (specialisation.swaps() > 0) {
                swapFrame = took;
            } else if (index > 1) {
                longest = Math.max(longest, took);
            }
        }
        if (specialisation.swaps() == 0) {
            out.println("as run: never specialised (" + specialisation.describe() + "): it draws with the block");
            return Math.max(index, 1);
        }
        out.printf(Locale.ROOT, "as run: specialised after %d frames, %.1f ms (%s); the swap's frame %.2f ms (build"
                        + " %.2f ms + first draw), the longest frame before it (block) %.2f ms%n", index,
                (System.nanoTime() - start) / 1e6, specialisation.offRenderThread() ? "prepared off the render thread"
                        : "built on the render thread", swapFrame / 1e6, specialisation.lastSwapNanos() / 1e6,
                longest / 1e6);
        return index;
    }

    /**
     * A graph of one layer drawing {@code lineage.frag} with {@code weights} as constants; its
     * clock uniform follows the piece's, so both draw the same frames.
     */
    private static RenderGraph inlined(Path artwork, Path folder, ParameterLayout layout, float[] weights,
                                       LineagePiece piece) throws IOException, ArtworkException {
        String source = Files.readString(artwork.resolve("lineage.frag"));
        if (!source.contains(BLOCK_LINE)) {
            throw new IllegalStateException("lineage.frag no longer declares `" + BLOCK_LINE + "` on one line");
        }
        StringBuilder constants = new StringBuilder("const vec4 w[144] = vec4[144](");
        for (int v = 0; v < weights.length / 4; v++) {
            constants.append(v == 0 ? "\n    " : ",\n    ").append("vec4(");
            for (int c = 0; c < 4; c++) {
                constants.append(c == 0 ? "" : ", ").append(Float.toString(weights[4 * v + c]));
            }
            constants.append(')');
        }
        constants.append(");");
        Files.writeString(folder.resolve("lineage.frag"), source.replace(BLOCK_LINE, constants));
        GraphBuilder builder = new GraphBuilder(folder, layout, "bench");
        FrameUniform clock = builder.layer("network").shader("lineage.frag").uniform("clock", 2);
        return builder.build(new GraphPiece() {
            @Override
            public void declare(GraphBuilder graph) {
                // declared above
            }

            @Override
            public void update(FrameInfo frame, ParameterSnapshot parameters) {
                piece.copyClock(clock);
            }
        });
    }

    private static void sameImages(String what, Framebuffer a, Framebuffer b, PrintStream out) {
        ByteBuffer first = ByteBuffer.allocateDirect(a.width() * a.height() * 4);
        ByteBuffer second = ByteBuffer.allocateDirect(first.capacity());
        a.readPixels(first);
        b.readPixels(second);
        int most = 0;
        long lit = 0;
        for (int i = 0; i < first.capacity(); i++) {
            most = Math.max(most, Math.abs((first.get(i) & 0xff) - (second.get(i) & 0xff)));
            lit += (first.get(i) & 0xff) > 8 ? 1 : 0;
        }
        out.printf(Locale.ROOT, "same images (%s, inlined): largest channel difference %d, %d channels lit%n", what,
                most, lit);
        if (most > 1 || lit == 0) {
            throw new IllegalStateException(what + " and the inlined shader draw different images");
        }
    }

    private static void frame(RenderGraph graph, Framebuffer canvas, FrameInfo frame, ParameterSnapshot snapshot,
                              long index, Times times) {
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        frame.set(index, index / 60.0, index == 0 ? 0 : 1 / 60.0, canvas.width(), canvas.height());
        graph.update(frame, snapshot);
        canvas.bind();
        graph.render(frame, canvas);
        glFinish();
        if (times != null) {
            times.record(System.nanoTime() - start, CPU.getCurrentThreadCpuTime() - cpuStart);
        }
    }

    private static void report(PrintStream out, Times running, Times block, Times inlined) {
        out.printf(Locale.ROOT, "%-12s %8s %10s %10s %10s %12s %12s %10s%n", "weights", "frames", "p50 ms", "p99 ms",
                "mean ms", "cpu p50 ms", "cpu mean ms", "frames/s");
        line(out, "as run", running);
        line(out, "inlined", inlined);
        line(out, "block", block);
        ratioLine(out, "as run / inlined", running, inlined, " (target: at most x1.2)");
        ratioLine(out, "block / inlined", block, inlined, " (the uniform block always, as before)");
    }

    private static void ratioLine(PrintStream out, String what, Times a, Times b, String note) {
        out.printf(Locale.ROOT, "%s: p50 x%.3f, p99 x%.3f, mean x%.3f; render thread cpu p50 x%.3f, mean x%.3f%s%n",
                what, ratio(a.wall, b.wall, 50), ratio(a.wall, b.wall, 99), a.wall.getMean() / b.wall.getMean(),
                ratio(a.cpu, b.cpu, 50), a.cpu.getMean() / b.cpu.getMean(), note);
    }

    private static double ratio(Histogram a, Histogram b, double percentile) {
        return a.getValueAtPercentile(percentile) / (double) b.getValueAtPercentile(percentile);
    }

    private static void line(PrintStream out, String name, Times times) {
        out.printf(Locale.ROOT, "%-12s %8d %10.3f %10.3f %10.3f %12.3f %12.3f %10.1f%n", name,
                times.wall.getTotalCount(), times.wall.getValueAtPercentile(50) / 1e6,
                times.wall.getValueAtPercentile(99) / 1e6, times.wall.getMean() / 1e6,
                times.cpu.getValueAtPercentile(50) / 1e6, times.cpu.getMean() / 1e6, 1e9 / times.wall.getMean());
    }

    /** One variant's frame times: wall (start to the end of {@code glFinish}) and the render thread's CPU. */
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
