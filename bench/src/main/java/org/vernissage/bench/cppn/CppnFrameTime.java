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
import org.vernissage.engine.render.graph.FrameUniform;
import org.vernissage.engine.render.graph.GraphBuilder;
import org.vernissage.engine.render.graph.GraphPiece;
import org.vernissage.engine.render.graph.RenderGraph;

/**
 * Frame time of the Lineage CPPN with its weights in a uniform block (as the piece runs) against
 * the same shader with the same weights inlined as a constant array (the one block line of
 * {@code lineage.frag} replaced by {@code const vec4 w[144] = vec4[144](...)}, which lets the
 * compiler fold every weight into the code), same size, same parameters, in the same run. After
 * a warm-up of each, short blocks of frames alternate between the two so that a change in the
 * machine's load falls on both alike. A frame is timed from its start to the end of
 * {@code glFinish}; the render thread's CPU time is recorded beside it. Before timing, both must
 * draw the same image (within one step of 8 bits: the inlined constants are decimal text).
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
            out.printf(Locale.ROOT, "Lineage CPPN: uniform block vs weights inlined as constants, %dx%d, %d blocks of"
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
        LineagePiece piece = new LineagePiece();
        GraphBuilder blockBuilder = new GraphBuilder(manifest.folder(), layout, manifest.file().toString());
        piece.declare(blockBuilder);
        RenderGraph blockGraph = blockBuilder.build(piece);
        FrameInfo frame = new FrameInfo();
        Times blockTimes = new Times();
        Times inlinedTimes = new Times();
        try (Framebuffer blockCanvas = new Framebuffer(width, height);
             Framebuffer inlinedCanvas = new Framebuffer(width, height)) {
            blockCanvas.bind();
            long blockStart = System.nanoTime();
            blockGraph.setup(blockCanvas);
            frame(blockGraph, blockCanvas, frame, snapshot, 0, null);
            glFinish();
            out.printf(Locale.ROOT, "the block shader's setup and first frame: %.1f ms%n",
                    (System.nanoTime() - blockStart) / 1e6);
            float[] weights = new float[LineagePiece.weightCount()];
            piece.copyWeights(weights);
            RenderGraph inlinedGraph = inlined(artwork, folder, layout, weights, piece);
            inlinedCanvas.bind();
            long compileStart = System.nanoTime();
            inlinedGraph.setup(inlinedCanvas);
            frame(inlinedGraph, inlinedCanvas, frame, snapshot, 0, null);
            glFinish();
            out.printf(Locale.ROOT, "the inlined shader's setup and first frame (compile and link with the weights"
                    + " as constants): %.1f ms%n", (System.nanoTime() - compileStart) / 1e6);
            sameImages(blockCanvas, inlinedCanvas, out);
            long index = 1;
            for (int i = 0; i < WARM_UP_FRAMES; i++, index++) {
                frame(blockGraph, blockCanvas, frame, snapshot, index, null);
                frame(inlinedGraph, inlinedCanvas, frame, snapshot, index, null);
            }
            for (int block = 0; block < blocks; block++) {
                boolean blockFirst = block % 2 == 0;
                for (int turn = 0; turn < 2; turn++) {
                    boolean blockTurn = (turn == 0) == blockFirst;
                    for (int i = 0; i < perBlock; i++) {
                        if (blockTurn) {
                            frame(blockGraph, blockCanvas, frame, snapshot, index + i, blockTimes);
                        } else {
                            frame(inlinedGraph, inlinedCanvas, frame, snapshot, index + i, inlinedTimes);
                        }
                    }
                }
                index += perBlock;
            }
            inlinedGraph.dispose();
            blockGraph.dispose();
        }
        report(out, blockTimes, inlinedTimes);
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

    private static void sameImages(Framebuffer a, Framebuffer b, PrintStream out) {
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
        out.printf(Locale.ROOT, "same images: largest channel difference %d, %d channels lit%n", most, lit);
        if (most > 1 || lit == 0) {
            throw new IllegalStateException("the block and the inlined shader draw different images");
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

    private static void report(PrintStream out, Times block, Times inlined) {
        out.printf(Locale.ROOT, "%-12s %8s %10s %10s %10s %12s %12s %10s%n", "weights", "frames", "p50 ms", "p99 ms",
                "mean ms", "cpu p50 ms", "cpu mean ms", "frames/s");
        line(out, "block", block);
        line(out, "inlined", inlined);
        double p50 = ratio(block.wall, inlined.wall, 50);
        double p99 = ratio(block.wall, inlined.wall, 99);
        out.printf(Locale.ROOT, "block / inlined: p50 x%.3f, p99 x%.3f, mean x%.3f; render thread cpu p50 x%.3f,"
                        + " mean x%.3f (target: at most x1.2)%n",
                p50, p99, block.wall.getMean() / inlined.wall.getMean(), ratio(block.cpu, inlined.cpu, 50),
                block.cpu.getMean() / inlined.cpu.getMean());
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
