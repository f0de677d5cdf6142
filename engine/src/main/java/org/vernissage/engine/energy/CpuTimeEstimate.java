package org.vernissage.engine.energy;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Where no counter can be read: this process's CPU time times a stated wattage per busy core, plus,
 * when a {@link GpuTimeTerm} is given and counted, the frames' GPU time times a stated GPU wattage.
 * It ignores the display, idle power and other processes, so it is an order of magnitude for
 * comparing runs on one machine, labelled {@link EnergyKind#ESTIMATED} wherever it appears, and
 * its {@link #describe} says both terms (or why the GPU's is left out).
 *
 * <p>Read by one thread at a time; owned by its {@link EnergyMeter}.
 */
public final class CpuTimeEstimate implements EnergySource {

    /** A laptop or desktop core under load draws roughly this; stated wherever the estimate is printed. */
    public static final double DEFAULT_WATTS_PER_CORE = 15.0;

    private final LongSupplier cpuNanos;
    private final double wattsPerCore;
    private final long startNanos;
    private final GpuTimeTerm gpu;       // null: CPU only (a model's card, the benches)
    private final long gpuStartNanos;
    private final String description;

    /**
     * @param cpuNanos the process's CPU time so far, nanoseconds (all threads)
     * @param wattsPerCore watts one fully busy core is taken to draw
     */
    public CpuTimeEstimate(LongSupplier cpuNanos, double wattsPerCore) {
        this(cpuNanos, wattsPerCore, null);
    }

    /**
     * @param cpuNanos the process's CPU time so far, nanoseconds (all threads)
     * @param wattsPerCore watts one fully busy core is taken to draw
     * @param gpu the GPU's term, counted or left out with its reason
     */
    public CpuTimeEstimate(LongSupplier cpuNanos, double wattsPerCore, GpuTimeTerm gpu) {
        if (!(wattsPerCore > 0) || Double.isInfinite(wattsPerCore)) {
            throw new IllegalArgumentException("watts per core must be a positive number, not " + wattsPerCore);
        }
        this.cpuNanos = cpuNanos;
        this.wattsPerCore = wattsPerCore;
        this.startNanos = cpuNanos.getAsLong();
        this.gpu = gpu != null && gpu.counted() ? gpu : null;
        this.gpuStartNanos = this.gpu != null ? this.gpu.gpuNanos().getAsLong() : 0;
        String cpuTerm = String.format(Locale.ROOT, "CPU time x %.0f W per busy core", wattsPerCore);
        if (gpu == null) {
            this.description = cpuTerm;
        } else if (gpu.counted()) {
            this.description = cpuTerm + String.format(Locale.ROOT, " + GPU time x %.0f W", gpu.watts());
        } else {
            this.description = cpuTerm + "; " + gpu.leftOutBecause().get();
        }
    }

    /** The same estimate with its GPU term left out for {@code reason}; this one when it has none. */
    @Override
    public CpuTimeEstimate withoutGpuTime(String reason) {
        return gpu == null ? this : new CpuTimeEstimate(cpuNanos, wattsPerCore,
                new GpuTimeTerm(gpu.gpuNanos(), gpu.watts(), Optional.of(reason)));
    }

    /** This process's CPU time, from the JVM's operating-system bean (-1 where the platform has none). */
    public static LongSupplier processCpuNanos() {
        var bean = ManagementFactory.getOperatingSystemMXBean();
        if (bean instanceof com.sun.management.OperatingSystemMXBean os) {
            return os::getProcessCpuTime;
        }
        return () -> -1;
    }

    /** CPU seconds used since this estimate was made. */
    public double cpuSeconds() {
        return Math.max(0, cpuNanos.getAsLong() - startNanos) / 1e9;
    }

    /** GPU seconds counted since this estimate was made (0 when the GPU's term is left out). */
    public double gpuSeconds() {
        return gpu == null ? 0 : Math.max(0, gpu.gpuNanos().getAsLong() - gpuStartNanos) / 1e9;
    }

    @Override
    public double joules() {
        double joules = cpuSeconds() * wattsPerCore;
        return gpu == null ? joules : joules + gpuSeconds() * gpu.watts();
    }

    @Override
    public EnergyKind kind() {
        return EnergyKind.ESTIMATED;
    }

    @Override
    public String describe() {
        return description;
    }
}
