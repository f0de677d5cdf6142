package org.vernissage.bench.frametime;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.HeadlessOutput;
import org.vernissage.engine.render.RenderLoop;

/**
 * End-to-end frame-time benchmark: the engine's {@link RenderLoop} playing a shader headless (EGL,
 * surfaceless) against a bare LWJGL loop drawing the same GLSL, in the same run and the same
 * context, at the same size, the same number of frames, {@code glFinish} at the end of every frame
 * in both. Frame time is the interval between the ends of two consecutive frames (see
 * {@link FrameIntervals}), so all the engine's per-frame work counts: pacer, mailbox, latch,
 * uniforms, outputs, statistics. The engine is set up once and runs as in a show; its pacer
 * ({@link AlternatingPacer}) hands the context to the bare loop for a block of frames between two
 * of its own blocks, so short rounds (a second or so) keep each pair under similar load.
 * Prints p50, p99 and mean for each over all rounds, the engine/bare ratios of those, and the
 * median of each round pair's own ratios (less moved by a burst of load from other processes).
 *
 * <p>Run: {@code bench/run-isf-frametime.sh [options] [TARGET]}, TARGET being a single-pass ISF
 * generator (default {@code shaders/library/plasma.fs}, played by {@code IsfArtwork}; the bare loop
 * runs the translator's GLSL) or an artwork folder (manifest + GLSL, e.g. {@code artworks/tidewater}). Options: {@code --sizes 640x360,1280x720},
 * {@code --frames 250} (per round and loop), {@code --rounds 20}, {@code --skip 10} (frames not
 * recorded at the start of each round), {@code --warmup 10000} (frames of each, played in unrecorded rounds like the recorded ones: long
 * enough for the JIT to finish compiling the frame's code, see below), {@code --schedule} (per thread, where each side's time
 * went: {@link ThreadSchedule}),
 * {@code --clock wall|cpu} (see {@link FrameIntervals}; run {@code cpu} with {@code LP_NUM_THREADS=0}).
 * Single-threaded: the main thread is the render thread.
 *
 * <p>Why the long warm-up: with 200 frames (0.3 s) the JIT was still compiling during the recorded
 * blocks (measured with {@code --schedule}: 15-19 us of compiler-thread time per engine frame,
 * 13 per bare frame, in bursts of milliseconds), and on 2 cores every burst takes a core from one of
 * llvmpipe's rasterising threads, so the frame it lands on is longer. The engine's loop has more
 * code to compile, so its p99 paid more: 1.41x against 1.01-1.05x after 10,000 frames. A show runs
 * for hours; its steady state is the compiled one.
 */
public final class FrameTimeBenchmark {

    /** The overhead the issue allows the engine over the bare loop, p50 and p99. */
    private static final double TARGET_RATIO = 1.05;

    private FrameTimeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        PrintStream out = System.out;
        ShaderCase shaderCase = caseFor(options.target);
        out.printf(Locale.ROOT, "frame time, engine vs bare LWJGL loop: %s%n", shaderCase.description());
        out.printf(Locale.ROOT, "%d rounds x %d frames per loop and size (first %d of each round skipped), "
                        + "%d cores, %s%n", options.rounds, options.frames, options.skip,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        out.println(options.cpuClock
                ? "clock: the render thread's CPU time (LP_NUM_THREADS=" + System.getenv("LP_NUM_THREADS") + ")"
                : "clock: wall (System.nanoTime)");
        if (options.cpuClock && !"0".equals(System.getenv("LP_NUM_THREADS"))) {
            out.println("warning: --clock cpu without LP_NUM_THREADS=0 leaves llvmpipe's rasterising threads out");
        }
        out.println("size       loop    p50 ms   p99 ms  mean ms   frames");
        for (int[] size : options.sizes) {
            measure(shaderCase, size[0], size[1], options, out);
        }
    }

    /** An ISF file, or an artwork folder with a manifest and GLSL. */
    static ShaderCase caseFor(Path target) throws Exception {
        if (Files.isDirectory(target)) {
            return new ManifestCase(target);
        }
        if (target.getFileName().toString().endsWith(".fs")) {
            return new IsfCase(target);
        }
        throw new IllegalArgumentException(target + ": expected an ISF file (.fs) or an artwork folder (with artwork.json)");
    }

    private static void measure(ShaderCase shaderCase, int width, int height, Options options, PrintStream out)
            throws Exception {
        EglSurfacelessContext context = EglSurfacelessContext.open(width, height);
        try (BareShaderLoop bare = new BareShaderLoop(shaderCase.vertexSource(), shaderCase.fragmentSource(),
                width, height, shaderCase::setConstantUniforms)) {
            FrameIntervals engineTimes = new FrameIntervals(options.cpuClock);
            FrameIntervals bareTimes = new FrameIntervals(options.cpuClock);
            AlternatingPacer pacer = new AlternatingPacer(bare, engineTimes, bareTimes, options.warmup,
                    options.frames, options.rounds, options.skip, options.cpuClock, options.schedule);
            RenderLoop loop = RenderLoop.builder(context, shaderCase.newArtwork(),
                            new SnapshotExchange(shaderCase.initialValues()), pacer, width, height)
                    .output(new HeadlessOutput())
                    .output(new IntervalOutput(engineTimes))
                    .build();
            loop.run(pacer.engineFrames());
            pacer.finish();
            report(width + "x" + height, engineTimes.histogram(), bareTimes.histogram(), out);
            out.printf(Locale.ROOT, "%-10s paired  %6.3f   %6.3f            median of the %d rounds' own ratios%n",
                    width + "x" + height, median(pacer.p50Ratios()), median(pacer.p99Ratios()), options.rounds);
            pacer.reportSchedule(width + "x" + height, out);
        } finally {
            context.close();
        }
    }

    private static void report(String size, Histogram engine, Histogram bare, PrintStream out) {
        out.println(row(size, "engine", engine));
        out.println(row(size, "bare", bare));
        double p50 = ratio(engine, bare, 50);
        double p99 = ratio(engine, bare, 99);
        double mean = engine.getMean() / bare.getMean();
        out.printf(Locale.ROOT, "%-10s ratio   %6.3f   %6.3f   %6.3f            engine/bare; target <= %.2f: %s%n",
                size, p50, p99, mean, TARGET_RATIO, p50 <= TARGET_RATIO && p99 <= TARGET_RATIO ? "met" : "NOT met");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double ratio(Histogram engine, Histogram bare, double percentile) {
        return (double) engine.getValueAtPercentile(percentile) / bare.getValueAtPercentile(percentile);
    }

    private static String row(String size, String loop, Histogram h) {
        return String.format(Locale.ROOT, "%-10s %-6s %7.3f  %7.3f  %7.3f  %7d", size, loop,
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMean() / 1e6,
                h.getTotalCount());
    }

    /** The command line; defaults sized for a short run on 2 shared cores with llvmpipe. */
    private record Options(Path target, List<int[]> sizes, int frames, int rounds, int skip, int warmup,
                           boolean cpuClock, boolean schedule) {

        static Options parse(String[] args) {
            Path target = Path.of("shaders/library/plasma.fs");
            List<int[]> sizes = new ArrayList<>(List.of(new int[] {640, 360}, new int[] {1280, 720}));
            int frames = 250;
            int rounds = 20;
            int skip = 10;
            int warmup = 10_000;
            boolean schedule = false;
            boolean cpuClock = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--sizes" -> sizes = sizes(args[++i]);
                    case "--frames" -> frames = Integer.parseInt(args[++i]);
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--skip" -> skip = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--schedule" -> schedule = true;
                    case "--clock" -> cpuClock = switch (args[++i]) {
                        case "cpu" -> true;
                        case "wall" -> false;
                        default -> throw new IllegalArgumentException("--clock: expected wall or cpu, got " + args[i]);
                    };
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]
                                    + "; expected --sizes WxH[,WxH...], --frames N, --rounds N, --skip N, --warmup N, --schedule, --clock wall|cpu");
                        }
                        target = Path.of(args[i]);
                    }
                }
            }
            if (frames <= skip + 1 || rounds < 1) {
                throw new IllegalArgumentException("--frames must exceed --skip + 1 and --rounds be at least 1");
            }
            return new Options(target, sizes, frames, rounds, skip, warmup, cpuClock, schedule);
        }

        private static List<int[]> sizes(String text) {
            List<int[]> sizes = new ArrayList<>();
            for (String size : text.split(",")) {
                String[] parts = size.split("x");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("--sizes: expected WxH[,WxH...], got " + text);
                }
                sizes.add(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
            }
            return sizes;
        }
    }
}
