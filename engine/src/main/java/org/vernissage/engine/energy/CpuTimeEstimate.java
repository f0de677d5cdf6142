package org.vernissage.engine.energy;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Where no counter can be read: this process's CPU time times a stated wattage per busy core.
 * It ignores the GPU, the display, idle power and other processes, so it is an order of magnitude
 * for comparing runs on one machine, labelled {@link EnergyKind#ESTIMATED} wherever it appears.
 *
 * <p>Read by one thread at a time; owned by its {@link EnergyMeter}.
 */
public final class CpuTimeEstimate implements EnergySource {

    /** A laptop or desktop core under load draws roughly this; stated wherever the estimate is printed. */
    public static final double DEFAULT_WATTS_PER_CORE = 15.0;

    private final LongSupplier cpuNanos;
    private final double wattsPerCore;
    private final long startNanos;
    private final String description;

    /**
     * @param cpuNanos the process's CPU time so far, nanoseconds (all threads)
     * @param wattsPerCore watts one fully busy core is taken to draw
     */
    public CpuTimeEstimate(LongSupplier cpuNanos, double wattsPerCore) {
        if (!(wattsPerCore > 0) || Double.isInfinite(wattsPerCore)) {
            throw new IllegalArgumentException("watts per core must be a positive number, not " + wattsPerCore);
        }
        this.cpuNanos = cpuNanos;
        this.wattsPerCore = wattsPerCore;
        this.startNanos = cpuNanos.getAsLong();
        this.description = String.format("CPU time x %.0f W per busy core", wattsPerCore);
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

    @Override
    public double joules() {
        return cpuSeconds() * wattsPerCore;
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
