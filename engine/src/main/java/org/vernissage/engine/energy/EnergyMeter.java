package org.vernissage.engine.energy;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The run's energy so far: the RAPL counters where they can be read, otherwise the CPU-time
 * estimate, and the kind of each figure beside it. Nothing is read per frame: one sampler thread
 * calls {@link #sample} (every second is enough to catch every counter wrap) and any thread reads
 * the last sample with {@link #reading}. When the counters stop being readable mid-run, the
 * message goes out once and the estimate carries on from the joules counted so far, labelled
 * estimated from then on.
 *
 * <p>{@link #sample} is called by one thread (the sampler); {@link #reading} by any. Owned by the
 * run's energy part.
 */
public final class EnergyMeter {

    /** What was read at one sample. Immutable. */
    public record Reading(double joules, double seconds, double watts, EnergyKind kind, String source) {

        /** Joules per hour of running at the mean rate so far (0 before any time passed). */
        public double joulesPerHour() {
            return seconds > 0 ? joules / seconds * 3600 : 0;
        }
    }

    private final LongSupplier nanoTime;
    private final long startNanos;
    private final Consumer<String> messages;
    private final Optional<Path> nvml;
    private final EnergySource fallback;
    private EnergySource source;
    private double joulesBefore; // joules counted by sources given up on
    private double lastJoules;
    private long lastNanos;
    private volatile Reading reading;

    private EnergyMeter(EnergySource source, EnergySource fallback, Optional<Path> nvml, LongSupplier nanoTime,
                        Consumer<String> messages) {
        this.source = source;
        this.fallback = fallback;
        this.nvml = nvml;
        this.nanoTime = nanoTime;
        this.messages = messages;
        this.startNanos = nanoTime.getAsLong();
        this.lastNanos = startNanos;
        this.reading = new Reading(0, 0, 0, source.kind(), source.describe());
    }

    /**
     * Opens the meter: the powercap counters under {@code powercapRoot} if any can be read, else
     * {@code estimate}. A tree that exists but cannot be read is said once to {@code messages},
     * with how to allow it.
     *
     * @param nvml the NVIDIA management library if found ({@link NvmlLibrary#find}); only reported
     */
    public static EnergyMeter open(Path powercapRoot, EnergySource estimate, Optional<Path> nvml,
                                   LongSupplier nanoTime, Consumer<String> messages) {
        EnergySource source = estimate;
        try {
            Optional<PowercapSource> rapl = PowercapSource.open(powercapRoot);
            if (rapl.isPresent()) {
                source = rapl.get();
            }
        } catch (EnergyUnreadableException e) {
            messages.accept("energy: " + e.getMessage() + "; estimating from CPU time meanwhile");
        }
        nvml.ifPresent(lib -> messages.accept("energy: NVIDIA library " + lib + " found; GPU energy is not read"
                + " (not implemented: no NVIDIA GPU to test it on), so the figures leave the GPU out"));
        return new EnergyMeter(source, estimate, nvml, nanoTime, messages);
    }

    /** A meter on a given source, for tests and benches. */
    public static EnergyMeter of(EnergySource source, EnergySource fallback, LongSupplier nanoTime,
                                 Consumer<String> messages) {
        return new EnergyMeter(source, fallback, Optional.empty(), nanoTime, messages);
    }

    /** Sampler thread: reads the source once; a source that fails is given up for the estimate, said once. */
    public Reading sample() {
        double joules;
        try {
            joules = joulesBefore + source.joules();
        } catch (EnergyUnreadableException e) {
            messages.accept("energy: " + e.getMessage() + "; estimating from CPU time from now on");
            joulesBefore = lastJoules;
            source = fallback;
            double fallbackStart = safeJoules(fallback);
            joulesBefore -= fallbackStart; // the estimate counts on from here, not from its own start
            joules = joulesBefore + fallbackStart;
        }
        joules = Math.max(joules, lastJoules);
        long now = nanoTime.getAsLong();
        double interval = (now - lastNanos) / 1e9;
        double watts = interval > 0 ? (joules - lastJoules) / interval : reading.watts();
        lastJoules = joules;
        lastNanos = now;
        Reading next = new Reading(joules, (now - startNanos) / 1e9, watts, source.kind(), source.describe());
        reading = next;
        return next;
    }

    /** The last sample's figures. Any thread. */
    public Reading reading() {
        return reading;
    }

    /** The NVIDIA library found at opening, if any (reported, not read). */
    public Optional<Path> nvml() {
        return nvml;
    }

    private static double safeJoules(EnergySource source) {
        try {
            return source.joules();
        } catch (EnergyUnreadableException e) {
            return 0; // an estimate does not fail; a second broken source counts nothing
        }
    }
}
