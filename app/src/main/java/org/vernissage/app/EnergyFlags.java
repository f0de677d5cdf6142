package org.vernissage.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The command-line flags of the energy meter: the daily CSV, the power budget and the estimate's
 * wattages. Turned into an {@link EnergyOptions}, which checks them.
 *
 * <p>A picocli mixin of {@code run}, filled on the main thread before the command runs.
 */
final class EnergyFlags {

    @Option(names = "--energy-log", paramLabel = "DIR",
            description = "Append the energy used, one row an hour, to DIR/energy-YYYY-MM-DD.csv (date, hour, joules,"
                    + " measured or estimated).")
    Path energyLog;

    @Option(names = "--power-budget", paramLabel = "WATTS",
            description = "Lower the frame rate while the energy meter (measured or estimated) reads more than WATTS.")
    Double powerBudget;

    @Option(names = "--energy-watts-per-core", paramLabel = "WATTS",
            description = "Where no energy counter can be read, estimate each busy CPU core at WATTS (default: 15).")
    Double wattsPerCore;

    @Option(names = "--energy-gpu-watts", paramLabel = "WATTS",
            description = "Where no energy counter can be read, estimate the GPU at WATTS while it draws the frames"
                    + " (timed with GL timer queries; default: 150, a discrete GPU; left out on a software renderer).")
    Double gpuWatts;

    /** The options these flags give, over the defaults; the record checks the values. */
    EnergyOptions toOptions() {
        EnergyOptions options = EnergyOptions.DEFAULTS;
        if (energyLog != null) {
            options = options.withLog(energyLog);
        }
        if (powerBudget != null) {
            options = options.withPowerBudget(powerBudget);
        }
        if (wattsPerCore != null) {
            options = options.withWattsPerCore(wattsPerCore);
        }
        if (gpuWatts != null) {
            options = options.withGpuWatts(gpuWatts);
        }
        return options;
    }
}
