package org.vernissage.engine.energy;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The run's energy so far, in two parts added up: the CPU side (the RAPL counters where they can
 * be read, otherwise the CPU-time estimate) and the GPU side (NVML where a library and a GPU that
 * reports its energy are found). The sum is labelled {@link EnergyKind#MEASURED} only when every
 * part counted is measured; a sum with an estimate in it is {@link EnergyKind#ESTIMATED} (it is no
 * better than its weakest part), and its source names each part with its own kind.
 *
 * <p>Nothing is read per frame: one sampler thread calls {@link #sample} (every second is enough to
 * catch every counter wrap) and any thread reads the last sample with {@link #reading}. When the CPU
 * counters stop being readable mid-run, the message goes out once and the estimate carries on from
 * the joules counted so far; when the GPU stops answering, the message goes out once and the GPU's
 * joules so far are kept but no more are added. Totals never go back.
 *
 * <p>{@link #sample} is called by one thread (the sampler); {@link #reading} by any; {@link #close}
 * by the owner once the sampler has stopped. Owned by the run's energy part.
 */
public final class EnergyMeter implements AutoCloseable {

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
    private EnergySource cpu;
    private double cpuBefore; // CPU joules counted by a source given up on
    private double lastCpuJoules;
    private EnergySource gpu; // null when there is none, or after it failed
    private String gpuGivenUp = ""; // what the GPU part was, once it failed
    private double lastGpuJoules;
    private double lastJoules;
    private long lastNanos;
    private String source;
    private EnergyKind kind;
    private volatile Reading reading;
    private volatile Reading cpuPart;

    private EnergyMeter(EnergySource cpu, EnergySource fallback, Optional<EnergySource> gpu, Optional<Path> nvml,
                        LongSupplier nanoTime, Consumer<String> messages) {
        this.cpu = cpu;
        this.fallback = fallback;
        this.gpu = gpu.orElse(null);
        this.nvml = nvml;
        this.nanoTime = nanoTime;
        this.messages = messages;
        this.startNanos = nanoTime.getAsLong();
        this.lastNanos = startNanos;
        describeParts();
        this.reading = new Reading(0, 0, 0, kind, source);
        this.cpuPart = new Reading(0, 0, 0, cpu.kind(), cpu.describe());
    }

    /**
     * Opens the meter: the powercap counters under {@code powercapRoot} if any can be read, else
     * {@code estimate}; plus the GPUs through {@code nvml} where it loads and a GPU reports its
     * energy. A tree that exists but cannot be read, an NVML that does not start, and each GPU left
     * out are said once to {@code messages}; the GPUs read are said too.
     *
     * @param nvml the NVIDIA management library if found ({@link NvmlLibrary#find})
     */
    public static EnergyMeter open(Path powercapRoot, EnergySource estimate, Optional<Path> nvml,
                                   LongSupplier nanoTime, Consumer<String> messages) {
        EnergySource cpu = estimate;
        try {
            Optional<PowercapSource> rapl = PowercapSource.open(powercapRoot);
            if (rapl.isPresent()) {
                cpu = rapl.get();
            }
        } catch (EnergyUnreadableException e) {
            messages.accept("energy: " + e.getMessage() + "; estimating from CPU time meanwhile");
        }
        Optional<EnergySource> gpu = Optional.empty();
        if (nvml.isPresent()) {
            try {
                Optional<NvmlSource> opened = NvmlSource.open(nvml.get(), messages);
                if (opened.isPresent()) {
                    messages.accept("energy: " + opened.get().describe() + ", measured");
                    gpu = Optional.of(opened.get());
                } else {
                    messages.accept("energy: NVML (" + nvml.get() + ") found no GPU that reports its energy,"
                            + " so the figures leave the GPU out");
                }
            } catch (EnergyUnreadableException e) {
                messages.accept("energy: " + e.getMessage() + "; the figures leave the GPU out");
            }
        }
        // where NVML measures the GPU, an estimate's GPU time would count it a second time
        EnergySource fallback = gpu.isPresent() ? estimate.withoutGpuTime("GPU time left out: NVML measures the GPU")
                : estimate;
        cpu = cpu == estimate ? fallback : cpu;
        return new EnergyMeter(cpu, fallback, gpu, nvml, nanoTime, messages);
    }

    /** A meter on a given source, for tests and benches. */
    public static EnergyMeter of(EnergySource source, EnergySource fallback, LongSupplier nanoTime,
                                 Consumer<String> messages) {
        return new EnergyMeter(source, fallback, Optional.empty(), Optional.empty(), nanoTime, messages);
    }

    /** A meter on given CPU and GPU sources, for tests and benches. */
    public static EnergyMeter of(EnergySource cpu, EnergySource fallback, Optional<EnergySource> gpu,
                                 LongSupplier nanoTime, Consumer<String> messages) {
        return new EnergyMeter(cpu, fallback, gpu, Optional.empty(), nanoTime, messages);
    }

    /** Sampler thread: reads each part once; a part that fails is given up, said once. */
    public Reading sample() {
        double cpuJoules = sampleCpu();
        double gpuJoules = sampleGpu();
        double joules = Math.max(cpuJoules + gpuJoules, lastJoules);
        long now = nanoTime.getAsLong();
        double interval = (now - lastNanos) / 1e9;
        double watts = interval > 0 ? (joules - lastJoules) / interval : reading.watts();
        lastJoules = joules;
        lastNanos = now;
        double seconds = (now - startNanos) / 1e9;
        cpuPart = new Reading(cpuJoules, seconds, 0, cpu.kind(), cpu.describe());
        Reading next = new Reading(joules, seconds, watts, kind, source);
        reading = next;
        return next;
    }

    private double sampleCpu() {
        double joules;
        try {
            joules = cpuBefore + cpu.joules();
        } catch (EnergyUnreadableException e) {
            messages.accept("energy: " + e.getMessage() + "; estimating from CPU time from now on");
            cpuBefore = lastCpuJoules;
            cpu = fallback;
            double fallbackStart = safeJoules(fallback);
            cpuBefore -= fallbackStart; // the estimate counts on from here, not from its own start
            joules = cpuBefore + fallbackStart;
            describeParts();
        }
        joules = Math.max(joules, lastCpuJoules);
        lastCpuJoules = joules;
        return joules;
    }

    private double sampleGpu() {
        if (gpu == null) {
            return lastGpuJoules;
        }
        try {
            lastGpuJoules = Math.max(gpu.joules(), lastGpuJoules);
        } catch (EnergyUnreadableException e) {
            messages.accept(String.format("energy: %s; the GPU is left out from now on (its %.1f J so far are kept)",
                    e.getMessage(), lastGpuJoules));
            gpuGivenUp = gpu.describe();
            closeGpu();
            describeParts();
        }
        return lastGpuJoules;
    }

    /** The kind and the words of the sum, from its parts; made when a part changes, not at each sample. */
    private void describeParts() {
        if (gpu == null && gpuGivenUp.isEmpty()) {
            kind = cpu.kind();
            source = cpu.describe();
        } else if (gpu != null) {
            kind = cpu.kind() == EnergyKind.MEASURED && gpu.kind() == EnergyKind.MEASURED
                    ? EnergyKind.MEASURED : EnergyKind.ESTIMATED;
            source = cpu.describe() + ", " + cpu.kind().label() + " + " + gpu.describe() + ", " + gpu.kind().label();
        } else {
            // The GPU's joules until it failed were measured; from then on it is not counted, and the words say so.
            kind = cpu.kind() == EnergyKind.MEASURED ? EnergyKind.MEASURED : EnergyKind.ESTIMATED;
            source = cpu.describe() + ", " + cpu.kind().label() + " + " + gpuGivenUp + " until it failed, measured";
        }
    }

    /** The last sample's figures. Any thread. */
    public Reading reading() {
        return reading;
    }

    /** The last sample's CPU side alone (RAPL or the estimate; watts not kept). Any thread. */
    public Reading cpuPart() {
        return cpuPart;
    }

    /** The NVIDIA library found at opening, if any. */
    public Optional<Path> nvml() {
        return nvml;
    }

    /** Lets the GPU library go (NVML shut down); after the sampler stopped. */
    @Override
    public void close() {
        closeGpu();
    }

    private void closeGpu() {
        if (gpu instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // a library that fails to shut down has nothing more to give; the figures are kept
            }
        }
        gpu = null;
    }

    private static double safeJoules(EnergySource source) {
        try {
            return source.joules();
        } catch (EnergyUnreadableException e) {
            return 0; // an estimate does not fail; a second broken source counts nothing
        }
    }
}
