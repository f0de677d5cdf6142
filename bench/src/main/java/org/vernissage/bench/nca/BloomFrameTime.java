package org.vernissage.bench.nca;

import static org.lwjgl.opengl.GL11C.glFinish;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.vernissage.artworks.bloom.Bloom;
import org.vernissage.bench.AlternatingBlocks;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.graph.GraphBuilder;
import org.vernissage.engine.render.graph.RenderGraph;

/**
 * Frame time of Bloom (one NCA step on the 32x32x12 grid, then the display layer) against the same
 * graph whose step shader only copies the state (the display's cost and the graph's overhead), in
 * the same run, alternating short blocks of frames so that a change of the machine's load falls on
 * both alike. A frame is timed from its start to the end of {@code glFinish}. The difference is
 * what the network costs per frame.
 *
 * <p>Run: {@code bench/run-nca.sh [width height blocks framesPerBlock]}. Main thread, which owns
 * the GL context.
 */
public final class BloomFrameTime {

    private static final int WARM_UP_FRAMES = 200;
    private static final String HOLD = """
            // The baseline's "state" node: the grid as it is, no step.
            uniform sampler2D FEEDBACK;
            out vec4 fragColor;
            void main() { fragColor = texelFetch(FEEDBACK, ivec2(gl_FragCoord.xy), 0); }
            """;

    private BloomFrameTime() {
    }

    public static void main(String[] args) throws Exception {
        int width = args.length > 0 ? Integer.parseInt(args[0]) : 320;
        int height = args.length > 1 ? Integer.parseInt(args[1]) : 180;
        int blocks = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int perBlock = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        PrintStream out = System.out;
        Path bloom = Path.of("artworks", "bloom").toAbsolutePath();
        Path baselineFolder = Files.createTempDirectory("vernissage-nca-bench");
        try (EglSurfacelessContext context = EglSurfacelessContext.open(width, height)) {
            copy(bloom, baselineFolder);
            Files.writeString(baselineFolder.resolve("step.frag"), HOLD);
            out.printf(Locale.ROOT, "Bloom (NCA step + display) vs display only, %dx%d, %d blocks of %d frames,"
                    + " %d cores, %s%n", width, height, blocks, perBlock, Runtime.getRuntime().availableProcessors(),
                    context.description());
            RenderGraph full = graph(bloom);
            RenderGraph baseline = graph(baselineFolder);
            Histogram fullTimes = new Histogram(10_000_000_000L, 3);
            Histogram baseTimes = new Histogram(10_000_000_000L, 3);
            ParameterSnapshot snapshot = defaults(bloom);
            FrameInfo frame = new FrameInfo();
            try (Framebuffer a = new Framebuffer(width, height); Framebuffer b = new Framebuffer(width, height)) {
                a.bind();
                full.setup(a);
                b.bind();
                baseline.setup(b);
                long index = 0;
                for (int i = 0; i < WARM_UP_FRAMES; i++, index++) {
                    frame(full, a, frame, snapshot, index, null);
                    frame(baseline, b, frame, snapshot, index, null);
                }
                AlternatingBlocks.play(index, blocks, perBlock,
                        i -> frame(full, a, frame, snapshot, i, fullTimes),
                        i -> frame(baseline, b, frame, snapshot, i, baseTimes));
                full.dispose();
                baseline.dispose();
            }
            line(out, "bloom", fullTimes);
            line(out, "display only", baseTimes);
            out.printf(Locale.ROOT, "bloom / display only: p50 x%.3f, p99 x%.3f; the NCA step costs %.3f ms at p50%n",
                    fullTimes.getValueAtPercentile(50) / (double) baseTimes.getValueAtPercentile(50),
                    fullTimes.getValueAtPercentile(99) / (double) baseTimes.getValueAtPercentile(99),
                    (fullTimes.getValueAtPercentile(50) - baseTimes.getValueAtPercentile(50)) / 1e6);
        } finally {
            deleteAll(baselineFolder);
        }
    }

    private static RenderGraph graph(Path folder) throws Exception {
        ArtworkManifest manifest = ManifestLoader.load(folder);
        GraphBuilder builder = new GraphBuilder(folder, manifest.layout(), ArtworkManifest.FILE_NAME);
        Bloom piece = new Bloom();
        piece.declare(builder);
        return builder.build(piece);
    }

    private static ParameterSnapshot defaults(Path folder) throws Exception {
        ParameterLayout layout = ManifestLoader.load(folder).layout();
        float[] values = new float[layout.slotCount()];
        layout.copyDefaultsInto(values);
        return new SnapshotExchange(values).latch();
    }

    private static void frame(RenderGraph graph, Framebuffer canvas, FrameInfo frame, ParameterSnapshot snapshot,
                              long index, Histogram times) {
        long start = System.nanoTime();
        frame.set(index, index / 60.0, 1 / 60.0, canvas.width(), canvas.height());
        graph.update(frame, snapshot);
        canvas.bind();
        graph.render(frame, canvas);
        glFinish();
        if (times != null) {
            times.recordValue(System.nanoTime() - start);
        }
    }

    private static void line(PrintStream out, String name, Histogram times) {
        out.printf(Locale.ROOT, "%-13s %6d frames  p50 %.3f ms  p99 %.3f ms  mean %.3f ms%n", name,
                times.getTotalCount(), times.getValueAtPercentile(50) / 1e6, times.getValueAtPercentile(99) / 1e6,
                times.getMean() / 1e6);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
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
