package org.vernissage.engine.energy;

/**
 * Somewhere joules are read from: a cumulative count since the source was opened. Called by one
 * thread at a time (the meter's sampler); owned by the {@link EnergyMeter} that reads it.
 */
public interface EnergySource {

    /**
     * Joules used since this source was opened, as far as it can tell; never decreasing.
     *
     * @throws EnergyUnreadableException when the counters can no longer be read (the message says
     *     which file and how to allow reading it)
     */
    double joules() throws EnergyUnreadableException;

    /** Measured or estimated. */
    EnergyKind kind();

    /**
     * This source with any GPU time it estimates left out for {@code reason}: where the GPU is
     * measured apart (NVML), counting its time too would count it twice. Sources that estimate no
     * GPU time are returned as they are.
     */
    default EnergySource withoutGpuTime(String reason) {
        return this;
    }

    /** A few words saying what is read ("RAPL package-0 + dram", "CPU time x 15 W per core"). */
    String describe();
}
