package org.vernissage.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.vernissage.engine.energy.CpuTimeEstimate;
import org.vernissage.engine.energy.GpuTimeTerm;
import org.vernissage.engine.energy.NvmlLibrary;
import org.vernissage.engine.energy.PowercapSource;

/**
 * The energy meter of a run: where its counters are ({@code /sys/class/powercap}, NVIDIA's
 * management library), the wattages its estimate states, how often it samples, the daily CSV
 * ({@code --energy-log DIR}) and the power budget ({@code --power-budget WATTS}).
 *
 * <p>Immutable.
 *
 * @param log the folder of the daily CSV files, or empty for none
 * @param powerBudgetWatts the budget the frame rate is held under, or empty for none
 * @param powercapRoot the powercap tree to read (another one in tests)
 * @param wattsPerCore what one busy core is taken to draw where no counter can be read
 * @param sampleEvery how often the counters are read (often enough to see every wrap)
 * @param gpuWatts what the GPU is taken to draw while busy, for the estimate's GPU term
 *     ({@code --energy-gpu-watts}; left out on a software renderer)
 * @param nvmlPlaces where NVIDIA's management library is looked for, first found read (none: the
 *     GPU is not read; a fake library in tests)
 */
public record EnergyOptions(Optional<Path> log, OptionalDouble powerBudgetWatts, Path powercapRoot,
                            double wattsPerCore, Duration sampleEvery, double gpuWatts, List<Path> nvmlPlaces) {

    /** The system's counters, sampled every second, no log, no budget. */
    public static final EnergyOptions DEFAULTS = new EnergyOptions(Optional.empty(), OptionalDouble.empty(),
            PowercapSource.SYSTEM_ROOT, CpuTimeEstimate.DEFAULT_WATTS_PER_CORE, Duration.ofSeconds(1));

    /**
     * The same with the GPU taken at {@link GpuTimeTerm#DEFAULT_GPU_WATTS} and NVML looked for in the
     * driver's usual places (the constructor other callers use).
     */
    public EnergyOptions(Optional<Path> log, OptionalDouble powerBudgetWatts, Path powercapRoot, double wattsPerCore,
                         Duration sampleEvery) {
        this(log, powerBudgetWatts, powercapRoot, wattsPerCore, sampleEvery, GpuTimeTerm.DEFAULT_GPU_WATTS,
                NvmlLibrary.USUAL_PLACES);
    }

    public EnergyOptions {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(powerBudgetWatts, "powerBudgetWatts");
        Objects.requireNonNull(powercapRoot, "powercapRoot");
        nvmlPlaces = List.copyOf(nvmlPlaces);
        if (powerBudgetWatts.isPresent() && !(powerBudgetWatts.getAsDouble() > 0)) {
            throw new IllegalArgumentException("--power-budget must be a positive number of watts, not "
                    + powerBudgetWatts.getAsDouble());
        }
        if (!(wattsPerCore > 0) || Double.isInfinite(wattsPerCore)) {
            throw new IllegalArgumentException("--energy-watts-per-core must be a positive number, not " + wattsPerCore);
        }
        if (!(gpuWatts > 0) || Double.isInfinite(gpuWatts)) {
            throw new IllegalArgumentException("--energy-gpu-watts must be a positive number, not " + gpuWatts);
        }
        if (sampleEvery.isNegative() || sampleEvery.isZero()) {
            throw new IllegalArgumentException("the energy sampling interval must be positive, not " + sampleEvery);
        }
    }

    public EnergyOptions withLog(Path folder) {
        return new EnergyOptions(Optional.of(folder), powerBudgetWatts, powercapRoot, wattsPerCore, sampleEvery, gpuWatts,
                nvmlPlaces);
    }

    public EnergyOptions withPowerBudget(double watts) {
        return new EnergyOptions(log, OptionalDouble.of(watts), powercapRoot, wattsPerCore, sampleEvery, gpuWatts,
                nvmlPlaces);
    }

    public EnergyOptions withPowercapRoot(Path root) {
        return new EnergyOptions(log, powerBudgetWatts, root, wattsPerCore, sampleEvery, gpuWatts, nvmlPlaces);
    }

    public EnergyOptions withWattsPerCore(double watts) {
        return new EnergyOptions(log, powerBudgetWatts, powercapRoot, watts, sampleEvery, gpuWatts, nvmlPlaces);
    }

    public EnergyOptions withGpuWatts(double watts) {
        return new EnergyOptions(log, powerBudgetWatts, powercapRoot, wattsPerCore, sampleEvery, watts, nvmlPlaces);
    }

    public EnergyOptions withSampleEvery(Duration interval) {
        return new EnergyOptions(log, powerBudgetWatts, powercapRoot, wattsPerCore, interval, gpuWatts, nvmlPlaces);
    }

    /** NVML looked for in {@code places} only (empty: the GPU is not read). */
    public EnergyOptions withNvmlPlaces(List<Path> places) {
        return new EnergyOptions(log, powerBudgetWatts, powercapRoot, wattsPerCore, sampleEvery, gpuWatts, places);
    }
}
