package org.vernissage.bench.frametime;

import static org.lwjgl.opengl.GL11C.glFinish;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.energy.CpuTimeEstimate;
import org.vernissage.engine.energy.EnergyMeter;
import org.vernissage.engine.energy.PowerBudget;
import org.vernissage.engine.energy.PowercapSource;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.FrameListenerOutput;
import org.vernissage.engine.render.FramePacer;
import org.vernissage.engine.render.RenderLoop;
import org.vernissage.engine.render.SteppedPacer;

/**
 * What the energy meter costs a whole frame: Tidewater's shader headless (EGL surfaceless, unpaced,
 * {@code glFinish} at the end of every frame) without the meter, and with it as a run has it (a
 * sampler thread reading a two-zone powercap tree and the CPU-time estimate, and the power budget's
 * pacer around the loop's pacer, its budget high enough never to lower the rate), alternating in
 * the same run and GL context, each condition going first in turn. The sampler reads every
 * {@code sample-ms} (default 10 ms: a hundred times the run's once a second, so that a cost, if
 * any, shows).
 *
 * <p>Run: {@code bench/run-energy-frames.sh [WIDTHxHEIGHT] [frames per round] [rounds] [sample-ms]}.
 * The main thread is the render thread; the sampler is the executor's own thread.
 */
public final class EnergyMeterFrameCost {

    private static final int SKIP = 20;

    private EnergyMeterFrameCost() {
    }

    public static void main(String[] args) throws Exception {
        String[] size = (args.length > 0 ? args[0] : "320x180").split("x");
        int width = Integer.parseInt(size[0]);
        int height = Integer.parseInt(size[1]);
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        long sampleMillis = args.length > 3 ? Long.parseLong(args[3]) : 10;
        Path folder = Path.of(System.getProperty("vernissage.artwork", "artworks/tidewater"));
        ManifestCase shader = new ManifestCase(folder);
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "energy meter frame cost: %s %dx%d headless unpaced, %d rounds x %d frames per "
                        + "condition (first %d skipped), sampler every %d ms, %d cores, %s%n", folder, width, height,
                rounds, frames, SKIP, sampleMillis, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"));
        Path tree = powercapTree();
        FrameIntervals[] times = {new FrameIntervals(false), new FrameIntervals(false)};
        long samples = 0;
        EglSurfacelessContext context = EglSurfacelessContext.open(width, height);
        try {
            for (int round = -1; round < rounds; round++) { // round -1: warm-up, not counted
                for (int k = 0; k < 2; k++) {
                    boolean metered = (k + Math.max(round, 0)) % 2 == 1;
                    FrameIntervals into = round < 0 ? new FrameIntervals(false) : times[metered ? 1 : 0];
                    if (metered) {
                        samples += runMetered(context, shader, tree, into, width, height, frames, sampleMillis);
                    } else {
                        run(context, shader, new SteppedPacer(new ManualClock(0), 60), into, width, height, frames);
                    }
                }
            }
        } finally {
            context.close();
            delete(tree);
        }
        Histogram bare = times[0].histogram();
        Histogram metered = times[1].histogram();
        print(out, "no meter", bare);
        print(out, "meter + budget", metered);
        out.printf(Locale.ROOT, "  meter / none: mean %.3fx, p50 %.3fx, p99 %.3fx (%d samples taken while metered)%n",
                metered.getMean() / bare.getMean(),
                metered.getValueAtPercentile(50) / (double) bare.getValueAtPercentile(50),
                metered.getValueAtPercentile(99) / (double) bare.getValueAtPercentile(99), samples);
    }

    /** One round with the meter sampled on its own thread and the budget's pacer; returns the samples taken. */
    private static long runMetered(EglSurfacelessContext context, ManifestCase shader, Path tree, FrameIntervals into,
                                   int width, int height, int frames, long sampleMillis) throws Exception {
        CpuTimeEstimate cpu = new CpuTimeEstimate(CpuTimeEstimate.processCpuNanos(), CpuTimeEstimate.DEFAULT_WATTS_PER_CORE);
        EnergyMeter meter = EnergyMeter.of(PowercapSource.open(tree).orElseThrow(), cpu, System::nanoTime, m -> { });
        PowerBudget budget = new PowerBudget(100_000, 60); // far above any reading: the rate is never lowered
        long[] taken = {0};
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bench-energy-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(() -> {
            budget.adjust(meter.sample());
            taken[0]++;
        }, sampleMillis, sampleMillis, TimeUnit.MILLISECONDS);
        try {
            ManualClock clock = new ManualClock(0);
            run(context, shader, budget.pace(new SteppedPacer(clock, 60), clock), into, width, height, frames);
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }
        if (budget.lowered()) {
            throw new IllegalStateException("the budget lowered the rate: the comparison would not be like for like");
        }
        return taken[0];
    }

    private static void run(EglSurfacelessContext context, ManifestCase shader, FramePacer pacer, FrameIntervals into,
                            int width, int height, int frames) throws Exception {
        into.startRun(SKIP);
        RenderLoop.builder(context, shader.newArtwork(), new SnapshotExchange(shader.initialValues().clone()), pacer,
                        width, height)
                .output(FrameListenerOutput.of("intervals", (frame, parameters, canvas) -> {
                    glFinish();
                    into.frameEnded();
                }))
                .build().run(frames);
    }

    /** Package and DRAM zones as the kernel lays them out, in a temporary folder. */
    private static Path powercapTree() throws IOException {
        Path tree = Files.createTempDirectory("powercap");
        zone(tree, "intel-rapl:0", "package-0");
        zone(tree, "intel-rapl:0:1", "dram");
        return tree;
    }

    private static void zone(Path tree, String dir, String name) throws IOException {
        Path zone = Files.createDirectories(tree.resolve(dir));
        Files.writeString(zone.resolve("name"), name + "\n");
        Files.writeString(zone.resolve("max_energy_range_uj"), "262143328850\n");
        Files.writeString(zone.resolve("energy_uj"), "123456789\n");
    }

    private static void delete(Path tree) throws IOException {
        try (var files = Files.walk(tree)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void print(PrintStream out, String name, Histogram h) {
        out.printf(Locale.ROOT, "  %-16s mean %7.3f ms  p50 %7.3f ms  p99 %7.3f ms  (%d frames)%n", name,
                h.getMean() / 1e6, h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6,
                h.getTotalCount());
    }
}
