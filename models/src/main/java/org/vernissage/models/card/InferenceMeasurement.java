package org.vernissage.models.card;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.nio.file.Path;
import java.util.Optional;
import org.vernissage.engine.energy.EnergyUnreadableException;
import org.vernissage.engine.energy.PowercapSource;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;

/**
 * Measures one model's inference on the calling thread for its card: the latency of single runs
 * (p50 and p99, from {@link System#nanoTime} around each call after a warm-up) and the thread's
 * CPU time per thousand runs, from which an energy figure is <em>estimated</em> (CPU seconds times
 * an assumed power per busy core). Where the machine's RAPL counters can be read (powercap), the
 * joules they counted over the timed runs are the card's figure instead, <em>measured</em>: the
 * whole package's draw during the runs, so an upper bound for the model alone.
 *
 * <p>Immutable result; {@link #measure} runs on the caller's thread (a trainer or the
 * {@code train} command), never the conductor's or the render thread.
 *
 * @param p50Micros median latency of one run
 * @param p99Micros 99th percentile latency of one run
 * @param cpuSecondsPerThousand the thread's CPU time per thousand runs
 * @param runs how many runs were timed
 * @param measuredJoulesPerThousand the RAPL counters' joules per thousand runs, or null where none could be read
 * @param measuredBy the counters read ("RAPL package-0 + dram"), or null
 */
public record InferenceMeasurement(double p50Micros, double p99Micros, double cpuSecondsPerThousand, int runs,
                                   Double measuredJoulesPerThousand, String measuredBy) {

    /** The power assumed per busy core for an estimate: a typical server core's share under load. */
    public static final double ASSUMED_WATTS_PER_CORE = 15.0;

    /**
     * Runs {@code model} {@code warmUp} times untimed, then {@code runs} times timed, on
     * {@code input} (which must hold the model's input count).
     */
    public static InferenceMeasurement measure(Model model, float[] input, int warmUp, int runs) throws ModelException {
        return measure(model, input, warmUp, runs, countersAt(PowercapSource.SYSTEM_ROOT));
    }

    /** The machine's RAPL counters under {@code root}, or empty where there are none or they cannot be read. */
    public static Optional<PowercapSource> countersAt(Path root) {
        try {
            return PowercapSource.open(root);
        } catch (EnergyUnreadableException e) {
            return Optional.empty(); // the card says "estimated"; the run's statistics say how to allow reading
        }
    }

    /** The same, reading {@code counters} around the timed runs where given. */
    public static InferenceMeasurement measure(Model model, float[] input, int warmUp, int runs,
                                               Optional<PowercapSource> counters) throws ModelException {
        if (runs < 1) {
            throw new IllegalArgumentException("at least one timed run, got " + runs);
        }
        float[] output = new float[model.outputCount()];
        for (int i = 0; i < warmUp; i++) {
            model.run(input, output);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[runs];
        double joulesBefore = joules(counters);
        long cpuBefore = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            model.run(input, output);
            nanos[i] = System.nanoTime() - start;
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
        double joulesAfter = joules(counters);
        Arrays.sort(nanos);
        boolean measured = !Double.isNaN(joulesBefore) && !Double.isNaN(joulesAfter);
        return new InferenceMeasurement(percentile(nanos, 0.50) / 1e3, percentile(nanos, 0.99) / 1e3,
                cpu / 1e9 / runs * 1000, runs, measured ? (joulesAfter - joulesBefore) / runs * 1000 : null,
                measured ? counters.get().describe() : null);
    }

    private static double joules(Optional<PowercapSource> counters) {
        if (counters.isEmpty()) {
            return Double.NaN;
        }
        try {
            return counters.get().joules();
        } catch (EnergyUnreadableException e) {
            return Double.NaN; // stopped being readable: the card falls back to the estimate
        }
    }

    /** The card's energy: measured where the counters were read, else estimated. */
    public ModelCard.Energy energy() {
        if (measuredJoulesPerThousand != null) {
            return new ModelCard.Energy(measuredJoulesPerThousand, "measured", String.format(Locale.ROOT,
                    "%s over %d timed runs on one thread (the whole package's draw during the runs)", measuredBy, runs));
        }
        return estimatedEnergy();
    }

    private static double percentile(long[] sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** The card's latency, measured on {@link #machine()} with the plain-Java runtime. */
    public ModelCard.Latency latency() {
        return new ModelCard.Latency(round(p50Micros), round(p99Micros), machine() + ", plain Java, one thread, "
                + runs + " runs after warm-up");
    }

    /** The card's energy: estimated from CPU time and {@link #ASSUMED_WATTS_PER_CORE}. */
    public ModelCard.Energy estimatedEnergy() {
        double joules = cpuSecondsPerThousand * ASSUMED_WATTS_PER_CORE;
        return new ModelCard.Energy(joules, "estimated", String.format(Locale.ROOT,
                "thread CPU time %.6f s per 1000 runs x an assumed %.0f W per busy core (no RAPL or power meter"
                        + " read on this machine)", cpuSecondsPerThousand, ASSUMED_WATTS_PER_CORE));
    }

    /** This machine in words: OS, architecture, CPU count, Java runtime. */
    public static String machine() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.version");
    }

    private static double round(double micros) {
        return Math.round(micros * 1000) / 1000.0;
    }
}
