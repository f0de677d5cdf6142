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

    /** A few words saying what is read ("RAPL package-0 + dram", "CPU time x 15 W per core"). */
    String describe();
}
