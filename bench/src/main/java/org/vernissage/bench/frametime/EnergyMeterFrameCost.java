package org.vernissage.bench.frametime;

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
import org.vernissage.engine.render.EglSurfacelessContext;
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

    private EnergyMeterFrameCost() {
    }

    public static void main(String[] args) throws Exception {
        AlternatingFrameCost.Settings settings = AlternatingFrameCost.Settings.parse(args, 300, 10);
        long sampleMillis = args.length > 3 ? Long.parseLong(args[3]) : 10;
        Path folder = Path.of(System.getProperty("vernissage.artwork", "artworks/tidewater"));
        ManifestCase shader = new ManifestCase(folder);
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "energy meter frame cost: %s %dx%d headless unpaced, %d rounds x %d frames per "
                        + "condition (first %d skipped), sampler every %d ms, %d cores, %s%n", folder,
                settings.width(), settings.height(), settings.rounds(), settings.frames(), AlternatingFrameCost.SKIP,
                sampleMillis, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        Path tree = powercapTree();
        long[] samples = {0};
        EglSurfacelessContext context = EglSurfacelessContext.open(settings.width(), settings.height());
        Histogram[] frames;
        try {
            frames = AlternatingFrameCost.alternate(settings.rounds(),
                    (into, counted) -> AlternatingFrameCost.render(context, shader,
                            new SteppedPacer(new ManualClock(0), 60), into, settings, loop -> loop),
                    (into, counted) -> {
                        long taken = runMetered(context, shader, tree, into, settings, sampleMillis);
                        samples[0] += counted ? taken : 0;
                    });
        } finally {
            context.close();
            delete(tree);
        }
        AlternatingFrameCost.report(out, "no meter", "meter + budget", frames[0], frames[1]);
        out.printf(Locale.ROOT, "  %d samples taken while metered%n", samples[0]);
    }

    /** One round with the meter sampled on its own thread and the budget's pacer; returns the samples taken. */
    private static long runMetered(EglSurfacelessContext context, ManifestCase shader, Path tree, FrameIntervals into,
                                   AlternatingFrameCost.Settings settings, long sampleMillis) throws Exception {
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
            AlternatingFrameCost.render(context, shader, budget.pace(new SteppedPacer(clock, 60), clock), into, settings,
                    loop -> loop);
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }
        if (budget.lowered()) {
            throw new IllegalStateException("the budget lowered the rate: the comparison would not be like for like");
        }
        return taken[0];
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
}
